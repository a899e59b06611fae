#include "app/detectorcontroller.h"
#include "app/jobs/review.h"

#include "app/campaignsession.h"
#include "app/commandregistry.h"
#include "app/detectortrainer.h"
#include "app/jobs/detectortraining.h"
#include "app/mainwindow.h"
#include "app/modelregistry.h"
#include "database/dataset.h"
#include "inference/cocoeval.h"
#include "inference/detectorpipeline.h"
#include "models/media/syncplayer.h"
#include "widgets/reviewpanel.h"
#include "widgets/trainingpanel.h"

#include <QAction>
#include <QCoreApplication>
#include <QDebug>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QStatusBar>
#include <QThread>
#include <QTimer>

#include <map>

namespace vigie {

/// One review computation: its inputs, gathered on the GUI thread, and its result, computed on a
/// worker (registry look-up and COCO evaluation).
struct DetectorController::Review
{
    // In.
    QString datasetPath, cameraName, wanted, wantedCompare;
    inference::FrameBoxes truth;
    std::set<std::int64_t> labelled;
    std::map<QString, std::map<qint64, std::vector<Annotation>>> byModel;
    // Out.
    QStringList versions;
    ReviewPanel::Summary summary, compared;
    std::vector<ReviewPanel::FrameErrors> frames;
};

namespace {

/// The same COCO pair as `vigie-cli detector evaluate`: every labelled frame is an image.
ReviewPanel::Summary summarize(const DetectorController::Review &r, const QString &version, std::vector<ReviewPanel::FrameErrors> *frames);

} // namespace

DetectorController::DetectorController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_trainer(new DetectorTrainer(this))
    , m_runner(new DetectorRunner(this))
    , m_trainingPanel(new TrainingPanel)
    , m_reviewPanel(new ReviewPanel)
    , m_trainingDock(new QDockWidget(tr("Detector Training"), window))
    , m_reviewDock(new QDockWidget(tr("Detector Review"), window))
    , m_reviewTimer(new QTimer(this))
{
    m_trainingPanel->setObjectName(QStringLiteral("trainingPanel"));
    m_reviewPanel->setObjectName(QStringLiteral("reviewPanel"));
    m_trainingDock->setObjectName(QStringLiteral("trainingDock"));
    m_trainingDock->setWidget(m_trainingPanel);
    m_reviewDock->setObjectName(QStringLiteral("reviewDock"));
    m_reviewDock->setWidget(m_reviewPanel);

    m_train = window->commands()->add(tr("&Train Detector"), "actionTrainDetector", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)});
    connect(m_train, &QAction::triggered, this, [this] { startTraining(false); });
    m_resume = window->commands()->add(tr("&Resume Training"), "actionResumeTraining", {});
    connect(m_resume, &QAction::triggered, this, [this] { startTraining(true); });
    m_cancel = window->commands()->add(tr("&Cancel Training"), "actionCancelTraining", {});
    connect(m_cancel, &QAction::triggered, m_trainer, &DetectorTrainer::cancel);
    m_run = window->commands()->add(tr("Run &Detector on Campaign"), "actionRunDetector", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)});
    connect(m_run, &QAction::triggered, this, &DetectorController::runDetector);
    m_nextError = window->commands()->add(tr("&Next Detector Error"), "actionNextDetectorError", {QKeySequence(Qt::Key_E)});
    connect(m_nextError, &QAction::triggered, this, [this] { nextError(1); });
    m_prevError = window->commands()->add(tr("&Previous Detector Error"), "actionPrevDetectorError", {QKeySequence(Qt::SHIFT | Qt::Key_E)});
    connect(m_prevError, &QAction::triggered, this, [this] { nextError(-1); });

    connect(m_trainingPanel, &TrainingPanel::startRequested, this, &DetectorController::startTraining);
    connect(m_trainingPanel, &TrainingPanel::cancelRequested, m_trainer, &DetectorTrainer::cancel);
    connect(m_trainer, &DetectorTrainer::started, this, [this] {
        m_trainingPanel->setRunning(true);
        m_window->updateActions();
    });
    connect(m_trainer, &DetectorTrainer::progress, m_trainingPanel, &TrainingPanel::setProgress);
    connect(m_trainer, &DetectorTrainer::epochFinished, m_trainingPanel, &TrainingPanel::addEpoch);
    connect(m_trainer, &DetectorTrainer::message, this, [this](const QString &text) {
        m_trainingPanel->setMessage(text);
        qInfo().noquote() << text;
    });
    connect(m_trainer, &DetectorTrainer::finished, this, [this](const QString &version, const QString &weights) {
        m_trainingPanel->setRunning(false);
        m_trainingPanel->setCanResume(true);
        const QString text = tr("Detector %1 trained and registered (%2)").arg(version, weights);
        m_trainingPanel->setMessage(text);
        qInfo().noquote() << text;
        m_window->statusBar()->showMessage(text, 10000);
        refreshReview();
        m_window->updateActions();
    });
    connect(m_trainer, &DetectorTrainer::failed, this, [this](const QString &error) {
        m_trainingPanel->setRunning(false);
        m_trainingPanel->setMessage(error);
        qWarning().noquote() << error;
        m_window->statusBar()->showMessage(error, 10000);
        if (CampaignSession *s = m_window->session(); s && s->campaign())
            m_trainingPanel->setCanResume(QFileInfo::exists(jobs::detectorCheckpointPath(s->modelDir(), s->cameraName(camera()))));
        m_window->updateActions();
    });

    m_reviewTimer->setSingleShot(true);
    m_reviewTimer->setInterval(300);
    connect(m_reviewTimer, &QTimer::timeout, this, &DetectorController::refreshReview);
    connect(m_reviewPanel, &ReviewPanel::modelChanged, this, &DetectorController::refreshReview);
    connect(m_reviewPanel, &ReviewPanel::frameRequested, this, [this](qint64 frame) {
        if (CampaignSession *s = m_window->session(); s && s->player())
            s->player()->seekFrame(camera(), frame);
    });
    connect(m_runner, &DetectorRunner::progress, this, [this](qint64 frame, qint64 frames) {
        m_window->showProgress(tr("Detecting: frame %1").arg(frame), frame, frames);
    });
    connect(m_runner, &DetectorRunner::failed, this, [this](const QString &error) {
        m_window->hideProgress();
        m_reviewPanel->setMessage(error);
        qWarning().noquote() << error;
        m_window->updateActions();
    });
    connect(m_runner, &DetectorRunner::finished, this, [this](const QString &version, double fps, qint64 frames) {
        m_window->hideProgress();
        const std::vector<Annotation> boxes = m_runner->takeDetections();
        CampaignSession *s = m_window->session();
        if (!s || !s->campaign())
            return;
        const int added = s->addRunBoxes(camera(), boxes, db::BoxSource::Detector, version);
        const QString text = tr("%1: %2 detections on %3 frames added as proposals (%4 frames/s)")
                                 .arg(version)
                                 .arg(added)
                                 .arg(frames)
                                 .arg(fps, 0, 'f', 1);
        qInfo().noquote() << text;
        m_reviewPanel->setMessage(text);
        m_reviewDock->show();
        m_reviewDock->raise();
        refreshReview();
        m_window->updateActions();
    });
}

DetectorController::~DetectorController()
{
    delete m_trainer; // cancels and waits
    delete m_runner;
}

int DetectorController::camera() const
{
    CampaignSession *s = m_window->session();
    return s ? s->analysisCamera() : -1;
}

QList<QAction *> DetectorController::menuActions() const
{
    return {m_train, m_resume, m_cancel, nullptr, m_run, m_nextError, m_prevError};
}

void DetectorController::campaignOpened()
{
    CampaignSession *s = m_window->session();
    refreshReview();
    m_trainingPanel->setCanResume(QFileInfo::exists(jobs::detectorCheckpointPath(s->modelDir(), s->cameraName(camera()))));
}

void DetectorController::campaignClosing()
{
    if (m_trainer->isRunning()) {
        m_trainer->cancel(); // the run keeps the campaign alive until it stops
        qInfo().noquote() << tr("Training cancelled: the campaign was closed");
    }
    ++m_reviewSerial; // a review still computing belongs to the campaign that goes
}

void DetectorController::annotationChanged(int cam)
{
    if (m_reviewDock->isVisible() && cam == camera())
        m_reviewTimer->start(); // accepting a detection or rejecting a box changes the review
}

void DetectorController::updateActions(bool open)
{
    const bool training = m_trainer->isRunning();
    m_train->setEnabled(open && !training);
    m_resume->setEnabled(open && !training);
    m_cancel->setEnabled(training);
    m_run->setEnabled(open && !m_runner->isRunning());
    m_nextError->setEnabled(open);
    m_prevError->setEnabled(open);
}

void DetectorController::startTraining(bool resume)
{
    CampaignSession *s = m_window->session();
    if (!s || s->state() != CampaignSession::State::Ready) {
        m_trainingPanel->setMessage(tr("Open a campaign first"));
        return;
    }
    m_trainingDock->show();
    m_trainingDock->raise();
    const int cam = camera();
    DetectorTrainer::Job job;
    job.campaign = s->sharedCampaign();
    job.manifestPath = s->manifestPath();
    job.camera = cam;
    job.inputScale = cam == s->cameraOf(QStringLiteral("ir")) ? 2.0 : 1.0;
    AnalystLabels labels = s->analystLabels(cam);
    job.boxes = std::move(labels.boxes);
    job.noTarget = std::move(labels.noTarget);
    job.epochs = m_trainingPanel->epochs();
    job.stepsPerEpoch = m_trainingPanel->stepsPerEpoch();
    job.seed = std::uint64_t(m_trainingPanel->seed());
    job.resume = resume;
    job.datasetPath = s->datasetPath();
    job.modelDir = s->modelDir();
    // A resumed run goes on from the checkpoint's curve, whoever wrote it (this window, another
    // session or vigie-cli): the panel shows that curve, then the new epochs.
    m_trainingPanel->clearCurves();
    if (resume) {
        for (const QJsonValue &v : jobs::savedDetectorCurve(job.modelDir, s->cameraName(cam))) {
            const QJsonObject o = v.toObject();
            m_trainingPanel->addEpoch(o.value(QStringLiteral("epoch")).toInt(), o.value(QStringLiteral("loss")).toDouble(),
                                      o.value(QStringLiteral("val_ap50")).toDouble(-1));
        }
    }
    m_trainingPanel->setMessage(tr("Training on %1 frames with boxes and %2 without target…")
                                    .arg(job.boxes.size())
                                    .arg(job.noTarget.size()));
    m_trainer->start(job);
}

void DetectorController::runDetector()
{
    CampaignSession *s = m_window->session();
    if (!s || s->state() != CampaignSession::State::Ready)
        return;
    // The newest detector registered for this camera, looked up off the GUI thread.
    const int cam = camera();
    QPointer<CampaignSession> session(s);
    lookUpNewestModel(this, s->datasetPath(), QStringLiteral("centernet"), s->cameraName(cam),
                      [this, session, cam](const std::optional<db::ModelRecord> &newest, const QString &error) {
                          if (!session || m_window->session() != session)
                              return;
                          if (!newest) {
                              m_reviewPanel->setMessage(error);
                              m_reviewDock->show();
                              m_reviewDock->raise();
                              m_window->statusBar()->showMessage(error, 10000);
                              return;
                          }
                          m_reviewPanel->setMessage(tr("Running %1 on %2…").arg(newest->version, session->cameraName(cam)));
                          m_runner->start(session->sharedCampaign(), cam, session->frameCount(cam), newest->weightsPath,
                                          newest->version);
                          m_window->updateActions();
                      });
}

void DetectorController::refreshReview()
{
    CampaignSession *s = m_window->session();
    if (!s || !s->campaign())
        return;
    // Inputs on the GUI thread (the labels training uses, and every detector's boxes, whatever
    // the analyst did with them); the registry look-up and the evaluation on a worker.
    const int cam = camera();
    auto review = std::make_shared<Review>();
    review->datasetPath = s->datasetPath();
    review->cameraName = s->cameraName(cam);
    review->wanted = m_reviewPanel->model();
    review->wantedCompare = m_reviewPanel->comparedModel();
    AnalystLabels labels = s->analystLabels(cam);
    review->truth = std::move(labels.boxes);
    review->labelled = std::move(labels.noTarget);
    for (const auto &[frame, _] : review->truth)
        review->labelled.insert(frame);
    const AnnotationModel *model = s->annotations();
    for (std::int64_t frame : model->annotatedFrames(cam)) {
        for (const Annotation &a : model->boxes(cam, frame)) {
            if (a.source == db::BoxSource::Detector)
                review->byModel[a.modelVersion][frame].push_back(a);
        }
    }
    const quint64 serial = ++m_reviewSerial;
    m_review = review;
    ++m_reviewComputing;
    QPointer<DetectorController> self(this);
    QThread *worker = QThread::create([self, review, serial] {
        QString error;
        if (auto dataset = db::Dataset::open(review->datasetPath, db::Dataset::OpenMode::MustExist, &error)) {
            const QString name = QStringLiteral("centernet-") + review->cameraName;
            for (const db::ModelRecord &m : dataset->models()) {
                if (m.name == name)
                    review->versions.prepend(m.version); // newest first
            }
        }
        for (const auto &[v, _] : review->byModel) {
            if (!review->versions.contains(v))
                review->versions << v;
        }
        const QString chosen = review->versions.contains(review->wanted) ? review->wanted : review->versions.value(0);
        review->summary = summarize(*review, chosen, &review->frames);
        review->compared = summarize(*review, review->versions.contains(review->wantedCompare) ? review->wantedCompare : QString(), nullptr);
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, serial] {
            if (self)
                self->reviewComputed(serial);
        });
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start(QThread::LowPriority);
}

bool DetectorController::reviewScheduled() const
{
    return m_reviewTimer->isActive();
}

void DetectorController::reviewComputed(quint64 serial)
{
    --m_reviewComputing;
    if (serial != m_reviewSerial || !m_review)
        return; // a newer review is on its way
    m_reviewPanel->setModels(m_review->versions);
    m_reviewPanel->setResult(m_review->summary, m_review->frames);
    m_reviewPanel->setComparison(m_review->summary, m_review->compared);
    Q_EMIT reviewUpdated();
    if (m_errorJumpPending) {
        m_errorJumpPending = false;
        nextError(m_errorDirection);
    }
}

void DetectorController::nextError(int direction)
{
    CampaignSession *s = m_window->session();
    if (!s || !s->player())
        return;
    if (m_reviewTimer->isActive()) { // edits since the last review: jump once it is current
        m_reviewTimer->stop();
        m_errorJumpPending = true;
        m_errorDirection = direction;
        refreshReview();
        return;
    }
    const int cam = camera();
    const qint64 here = s->currentFrame(cam);
    qint64 best = -1;
    for (int row = 0; row < m_reviewPanel->errorFrameCount(); ++row) {
        const qint64 f = m_reviewPanel->errorFrame(row);
        if (direction > 0 ? (f > here && (best < 0 || f < best)) : (f < here && (best < 0 || f > best)))
            best = f;
    }
    if (best < 0) {
        m_window->statusBar()->showMessage(direction > 0 ? tr("No detector error after this frame") : tr("No detector error before this frame"),
                                           4000);
        return;
    }
    s->player()->seekFrame(cam, best);
}

namespace {

ReviewPanel::Summary summarize(const DetectorController::Review &r, const QString &version, std::vector<ReviewPanel::FrameErrors> *frames)
{
    static const std::map<qint64, std::vector<Annotation>> none;
    const auto model = r.byModel.find(version);
    return jobs::reviewDetections(r.truth, r.labelled, model == r.byModel.end() ? none : model->second, version, frames);
}

} // namespace

} // namespace vigie
