#include "app/proposercontroller.h"

#include "app/campaignsession.h"
#include "app/commandregistry.h"
#include "app/mainwindow.h"
#include "app/modelregistry.h"
#include "app/proposerworker.h"
#include "widgets/frameview.h"

#include <QAction>
#include <QDebug>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>

namespace vigie {

ProposerController::ProposerController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_trainer(new ProposerTrainer(this))
    , m_runner(new ProposerRunner(this))
    , m_mapper(new ClassMapper(this))
{
    m_train = window->commands()->add(tr("&Train Proposer"), "actionTrainProposer", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W)});
    connect(m_train, &QAction::triggered, this, &ProposerController::train);
    m_cancel = window->commands()->add(tr("&Cancel Proposer"), "actionCancelProposer", {});
    connect(m_cancel, &QAction::triggered, this, [this] {
        m_trainer->cancel();
        m_runner->cancel();
    });
    m_propose = window->commands()->add(tr("&Propose Boxes on Campaign"), "actionPropose", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
    connect(m_propose, &QAction::triggered, this, &ProposerController::propose);
    m_classMap = window->commands()->add(tr("Show &Class Map"), "actionShowClassMap", {QKeySequence(Qt::Key_H)});
    m_classMap->setCheckable(true);
    connect(m_classMap, &QAction::toggled, this, &ProposerController::setClassMapShown);

    auto failed = [this](const QString &error) {
        m_window->hideProgress();
        m_window->statusBar()->showMessage(error, 10000);
        qWarning().noquote() << error;
        m_window->updateActions();
    };
    connect(m_trainer, &ProposerTrainer::progress, window, &MainWindow::showProgress);
    connect(m_trainer, &ProposerTrainer::message, this, [](const QString &text) { qInfo().noquote() << text; });
    connect(m_trainer, &ProposerTrainer::failed, this, failed);
    connect(m_trainer, &ProposerTrainer::finished, this, [this](const QString &version, const QString &weights) {
        m_window->hideProgress();
        const QString text = tr("Proposer %1 trained and registered (%2)").arg(version, weights);
        qInfo().noquote() << text;
        m_window->statusBar()->showMessage(text, 10000);
        if (m_classMap->isChecked())
            setClassMapShown(true); // the new model's map
        m_window->updateActions();
    });
    connect(m_runner, &ProposerRunner::progress, window, &MainWindow::showProgress);
    connect(m_runner, &ProposerRunner::failed, this, failed);
    connect(m_runner, &ProposerRunner::finished, this, [this](const QString &version, double tau, double boxScale, int calibrationBoxes) {
        m_window->hideProgress();
        const auto found = m_runner->takeProposals();
        CampaignSession *s = m_window->session();
        if (!s || !s->campaign())
            return;
        const int added = s->addRunBoxes(m_proposingCamera, found, db::BoxSource::Cam, version);
        const QString how = calibrationBoxes > 0 ? tr("τ %1 and box scale %2 learnt from %3 accepted boxes")
                                                       .arg(tau, 0, 'f', 2)
                                                       .arg(boxScale, 0, 'f', 2)
                                                       .arg(calibrationBoxes)
                                                 : tr("τ %1: fewer than 5 accepted boxes to learn it from").arg(tau, 0, 'f', 2);
        const QString text = tr("%1: %2 proposals added (%3)").arg(version).arg(added).arg(how);
        qInfo().noquote() << text;
        m_window->statusBar()->showMessage(text, 10000);
        m_window->updateActions();
    });
    connect(m_mapper, &ClassMapper::mapReady, this, [this](int cam, qint64 frame, const QRect &region, const QImage &heat) {
        if (FrameView *view = m_window->viewOf(cam); view && m_classMap->isChecked())
            view->setHeatMap(frame, region, heat);
    });
    connect(m_mapper, &ClassMapper::noMap, this, [this](int cam, qint64 frame, const QString &reason) {
        if (FrameView *view = m_window->viewOf(cam))
            view->setHeatMap(frame, {}, {});
        m_window->statusBar()->showMessage(tr("No class map on frame %1: %2").arg(frame).arg(reason), 3000);
    });
    connect(m_mapper, &ClassMapper::failed, this, [this](const QString &error) {
        m_classMap->setChecked(false);
        m_window->statusBar()->showMessage(error, 10000);
        qWarning().noquote() << error;
    });
}

ProposerController::~ProposerController()
{
    delete m_trainer; // cancel and wait before the campaign goes
    delete m_runner;
    delete m_mapper;
}

int ProposerController::camera() const
{
    if (FrameView *view = m_window->activeView(); view && view->camera() >= 0)
        return view->camera();
    CampaignSession *s = m_window->session();
    return s ? s->analysisCamera() : -1;
}

QList<QAction *> ProposerController::menuActions() const
{
    return {m_train, m_cancel, nullptr, m_propose, m_classMap};
}

void ProposerController::campaignClosing()
{
    if (m_runner->isRunning())
        m_runner->cancel(); // its proposals would have no session to go to
    // Off: setClassMapShown() clears the overlay and lets the mapper drop this campaign's decoder.
    m_classMap->setChecked(false);
}

void ProposerController::frameShown(int cam, qint64 frame)
{
    if (m_classMap->isChecked() && cam == m_classMapCamera)
        m_mapper->request(frame);
}

void ProposerController::updateActions(bool open)
{
    const bool training = m_trainer->isRunning(), proposing = m_runner->isRunning();
    m_train->setEnabled(open && !training);
    m_propose->setEnabled(open && !proposing);
    m_cancel->setEnabled(training || proposing);
    m_classMap->setEnabled(open);
}

void ProposerController::train()
{
    CampaignSession *s = m_window->session();
    if (!s || s->state() != CampaignSession::State::Ready)
        return;
    ProposerTrainer::Job job;
    job.campaign = s->sharedCampaign();
    job.manifestPath = s->manifestPath();
    job.camera = camera();
    job.frameCount = s->frameCount(job.camera);
    job.modelDir = s->modelDir();
    job.datasetPath = s->datasetPath();
    job.steps = std::clamp(QSettings().value(QStringLiteral("proposer/steps"), 400).toInt(), 10, 20000);
    if (m_trainer->start(job))
        m_window->statusBar()->showMessage(tr("Training the proposer on %1 from GPS labels…").arg(s->cameraName(job.camera)), 5000);
    m_window->updateActions();
}

void ProposerController::propose()
{
    CampaignSession *s = m_window->session();
    if (!s || s->state() != CampaignSession::State::Ready)
        return;
    const int cam = camera();
    QPointer<CampaignSession> session(s);
    lookUpNewestModel(this, s->datasetPath(), QStringLiteral("wildcat"), s->cameraName(cam),
                      [this, session, cam](const std::optional<db::ModelRecord> &newest, const QString &error) {
                          if (!session || m_window->session() != session)
                              return;
                          if (!newest) {
                              m_window->statusBar()->showMessage(error, 10000);
                              qWarning().noquote() << error;
                              return;
                          }
                          if (m_runner->start(session->sharedCampaign(), cam, session->frameCount(cam), newest->weightsPath,
                                              newest->version, session->analystLabels(cam).boxes))
                              m_proposingCamera = cam;
                          m_window->updateActions();
                      });
}

void ProposerController::setClassMapShown(bool shown)
{
    if (FrameView *view = m_window->viewOf(m_classMapCamera))
        view->setHeatMap(-1, {}, {});
    m_classMapCamera = -1;
    const quint64 request = ++m_mapRequest;
    CampaignSession *s = m_window->session();
    if (!shown || !s || s->state() != CampaignSession::State::Ready) {
        m_mapper->setSource({}, -1, {});
        return;
    }
    const int cam = camera();
    QPointer<CampaignSession> session(s);
    lookUpNewestModel(this, s->datasetPath(), QStringLiteral("wildcat"), s->cameraName(cam),
                      [this, session, cam, request](const std::optional<db::ModelRecord> &newest, const QString &error) {
                          if (request != m_mapRequest || !session || m_window->session() != session || !m_classMap->isChecked())
                              return; // turned off, or asked again, meanwhile
                          if (!newest) {
                              m_window->statusBar()->showMessage(error, 10000);
                              m_classMap->setChecked(false);
                              return;
                          }
                          m_classMapCamera = cam;
                          m_mapper->setSource(session->sharedCampaign(), cam, newest->weightsPath);
                          if (FrameView *view = m_window->viewOf(cam); view && view->frame() >= 0)
                              m_mapper->request(view->frame());
                      });
}

} // namespace vigie
