#include "app/mainwindow.h"

#include "app/campaignsession.h"
#include "app/detectortrainer.h"
#include "app/proposerworker.h"
#include "widgets/trainingpanel.h"
#include "widgets/reviewpanel.h"
#include "database/dataset.h"
#include "database/datasetsession.h"
#include "inference/cocoeval.h"
#include "inference/detectorpipeline.h"
#include "inference/runtime.h"
#include "app/components.h"
#include "app/i18n.h"
#include "models/annotation/labels.h"
#include "models/buildinfo.h"
#include "models/media/syncplayer.h"
#include "models/messagelogmodel.h"
#include "widgets/frameview.h"
#include "widgets/preferencesdialog.h"
#include "widgets/shortcuteditor.h"
#include "widgets/shortcutsheet.h"
#include "widgets/telemetrypanel.h"
#include "widgets/timeline.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QTimer>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

namespace vigie {

namespace {
const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");
const QString splitterKey = QStringLiteral("mainWindow/splitter");
const QString layoutKey = QStringLiteral("mainWindow/viewLayout");
const QString recentKey = QStringLiteral("campaigns/recent");
const QString lastKey = QStringLiteral("campaigns/last");
const QString paletteKey = QStringLiteral("view/irPalette");
const QString followKey = QStringLiteral("view/followTarget");
const QString followZoomKey = QStringLiteral("view/followZoom");
const QString overlaysKey = QStringLiteral("view/overlays");
const QString autoContrastKey = QStringLiteral("view/autoContrast");
constexpr int stateVersion = 2;
constexpr int maxRecent = 8;

QString frameKey(const QString &manifest)
{
    return QStringLiteral("campaignFrames/") + QString::fromLatin1(manifest.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_undoStack(new QUndoStack(this))
    , m_messages(new MessageLogModel(this))
    , m_splitter(new QSplitter(Qt::Horizontal))
    , m_rgbView(new FrameView(m_splitter))
    , m_irView(new FrameView(m_splitter))
    , m_timeline(new TimelineWidget)
    , m_telemetry(new TelemetryPanel)
    , m_frameLabel(new QLabel(this))
    , m_saveLabel(new QLabel(this))
    , m_cursorLabel(new QLabel(this))
    , m_zoomLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    // LibTorch's default intra-op count is the physical cores (1 on a 2-vCPU machine): the
    // trainer and the detector runner would use half the machine. Set once, here, on the main
    // thread before any network runs; worker threads take it up at their first operation.
    inference::configureThreads(0);
    setWindowTitle(tr("Vigie"));
    setObjectName(QStringLiteral("mainWindow"));
    setDockNestingEnabled(true);
    setAcceptDrops(true);

    const QString empty = tr("No campaign open\n\nFile › Open Campaign (Ctrl+O), or drop a campaign.json here");
    m_rgbView->setObjectName(QStringLiteral("rgbView"));
    m_rgbView->setTitle(tr("RGB"));
    m_rgbView->setPlaceholderText(empty);
    m_irView->setObjectName(QStringLiteral("irView"));
    m_irView->setTitle(tr("IR"));
    m_irView->setPlaceholderText(empty);
    m_splitter->setObjectName(QStringLiteral("viewSplitter"));
    m_splitter->setChildrenCollapsible(false);
    auto *central = new QWidget;
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(m_splitter, 1);
    column->addWidget(m_timeline);
    setCentralWidget(central);
    m_activeView = m_rgbView;

    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_frameLabel->setObjectName(QStringLiteral("frameLabel"));
    m_saveLabel->setObjectName(QStringLiteral("saveLabel"));
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_frameLabel);
    statusBar()->addPermanentWidget(m_saveLabel);
    statusBar()->addPermanentWidget(m_cursorLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    for (FrameView *view : {m_rgbView, m_irView}) {
        connect(view, &ImageView::cursorMoved, this, [this](const QPointF &p, bool inside) {
            m_cursorLabel->setText(inside ? tr("x %1  y %2").arg(int(p.x())).arg(int(p.y())) : QString());
        });
        connect(view, &ImageView::zoomChanged, this, [this](double zoom) {
            m_zoomLabel->setText(tr("%1 %").arg(qRound(zoom * 100)));
        });
        connect(view, &FrameView::activated, this, [this, view] { setActiveView(view); });
    }
    connect(m_timeline, &TimelineWidget::seekRequested, this, [this](qint64 frame) {
        if (m_session && m_session->player())
            m_session->player()->seekFrame(m_session->masterCamera(), frame);
    });
    connect(m_telemetry, &TelemetryPanel::offsetChanged, this, [this](int stream, int ms) {
        if (m_session)
            m_session->setOffsetMs(stream, ms);
    });

    m_trainer = new DetectorTrainer(this);
    m_trainingPanel = new TrainingPanel;
    m_trainingPanel->setObjectName(QStringLiteral("trainingPanel"));
    connect(m_trainingPanel, &TrainingPanel::startRequested, this, &MainWindow::startTraining);
    connect(m_trainingPanel, &TrainingPanel::cancelRequested, m_trainer, &DetectorTrainer::cancel);
    connect(m_trainer, &DetectorTrainer::started, this, [this] {
        m_trainingPanel->setRunning(true);
        updateActions();
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
        statusBar()->showMessage(text, 10000);
        refreshDetectorVersions();
        refreshReview();
        updateActions();
    });
    connect(m_trainer, &DetectorTrainer::failed, this, [this](const QString &error) {
        m_trainingPanel->setRunning(false);
        m_trainingPanel->setMessage(error);
        qWarning().noquote() << error;
        statusBar()->showMessage(error, 10000);
        if (m_session && m_session->campaign()) {
            const QString dir = QFileInfo(m_session->datasetPath()).dir().filePath(QStringLiteral("models"));
            m_trainingPanel->setCanResume(QFileInfo::exists(
                DetectorTrainer::checkpointPath(dir, m_session->cameraName(detectorCamera()))));
        }
        updateActions();
    });

    m_runner = new DetectorRunner(this);
    m_reviewTimer = new QTimer(this);
    m_reviewTimer->setSingleShot(true);
    m_reviewTimer->setInterval(300);
    connect(m_reviewTimer, &QTimer::timeout, this, &MainWindow::refreshReview);
    m_reviewPanel = new ReviewPanel;
    m_reviewPanel->setObjectName(QStringLiteral("reviewPanel"));
    connect(m_reviewPanel, &ReviewPanel::modelChanged, this, &MainWindow::refreshReview);
    connect(m_reviewPanel, &ReviewPanel::frameRequested, this, [this](qint64 frame) {
        if (m_session && m_session->player())
            m_session->player()->seekFrame(detectorCamera(), frame);
    });
    connect(m_runner, &DetectorRunner::progress, this, [this](qint64 frame, qint64 frames) {
        m_progress->show();
        m_progress->setRange(0, int(std::max<qint64>(1, frames)));
        m_progress->setValue(int(frame));
        m_progress->setFormat(tr("Detecting: frame %1").arg(frame));
    });
    connect(m_runner, &DetectorRunner::failed, this, [this](const QString &error) {
        m_progress->hide();
        m_reviewPanel->setMessage(error);
        qWarning().noquote() << error;
        updateActions();
    });
    connect(m_runner, &DetectorRunner::finished, this, [this](const QString &version, double fps) {
        m_progress->hide();
        const auto found = m_runner->takeDetections();
        if (!m_session || !m_session->campaign())
            return;
        // The detections become proposals (source detector), written through the dataset session.
        std::vector<Annotation> boxes;
        for (const auto &[frame, list] : found) {
            for (const inference::Detection &d : list) {
                Annotation a;
                a.frame = frame;
                a.rect = d.box;
                a.confidence = d.score;
                boxes.push_back(a);
            }
        }
        const int added = addProposals(detectorCamera(), boxes, db::BoxSource::Detector, version);
        const QString text = tr("%1: %2 detections on %3 frames added as proposals (%4 frames/s)")
                                 .arg(version)
                                 .arg(added)
                                 .arg(found.size())
                                 .arg(fps, 0, 'f', 1);
        qInfo().noquote() << text;
        m_reviewPanel->setMessage(text);
        m_reviewDock->show();
        m_reviewDock->raise();
        refreshReview();
        updateActions();
    });

    m_proposerTrainer = new ProposerTrainer(this);
    m_proposerRunner = new ProposerRunner(this);
    m_classMapper = new ClassMapper(this);
    auto showWork = [this](const QString &phase, qint64 done, qint64 total) {
        m_progress->show();
        m_progress->setRange(0, int(std::max<qint64>(1, total)));
        m_progress->setValue(int(std::min(done, std::max<qint64>(1, total))));
        m_progress->setFormat(phase);
    };
    auto workFailed = [this](const QString &error) {
        m_progress->hide();
        statusBar()->showMessage(error, 10000);
        qWarning().noquote() << error;
        updateActions();
    };
    connect(m_proposerTrainer, &ProposerTrainer::progress, this, showWork);
    connect(m_proposerTrainer, &ProposerTrainer::message, this, [](const QString &text) { qInfo().noquote() << text; });
    connect(m_proposerTrainer, &ProposerTrainer::failed, this, workFailed);
    connect(m_proposerTrainer, &ProposerTrainer::finished, this, [this](const QString &version, const QString &weights) {
        m_progress->hide();
        const QString text = tr("Proposer %1 trained and registered (%2)").arg(version, weights);
        qInfo().noquote() << text;
        statusBar()->showMessage(text, 10000);
        if (m_classMapAction->isChecked())
            setClassMapShown(true); // the new model's map
        updateActions();
    });
    connect(m_proposerRunner, &ProposerRunner::progress, this, showWork);
    connect(m_proposerRunner, &ProposerRunner::failed, this, workFailed);
    connect(m_proposerRunner, &ProposerRunner::finished, this,
            [this](const QString &version, double tau, double boxScale, int calibrationBoxes) {
                m_progress->hide();
                const auto found = m_proposerRunner->takeProposals();
                if (!m_session || !m_session->campaign())
                    return;
                const int added = addProposals(m_proposingCamera, found, db::BoxSource::Cam, version);
                const QString how = calibrationBoxes > 0
                                        ? tr("τ %1 and box scale %2 learnt from %3 accepted boxes")
                                              .arg(tau, 0, 'f', 2)
                                              .arg(boxScale, 0, 'f', 2)
                                              .arg(calibrationBoxes)
                                        : tr("τ %1: fewer than 5 accepted boxes to learn it from").arg(tau, 0, 'f', 2);
                const QString text = tr("%1: %2 proposals added (%3)").arg(version).arg(added).arg(how);
                qInfo().noquote() << text;
                statusBar()->showMessage(text, 10000);
                updateActions();
            });
    connect(m_classMapper, &ClassMapper::mapReady, this, [this](int camera, qint64 frame, const QRect &region, const QImage &heat) {
        if (FrameView *view = viewOf(camera); view && m_classMapAction->isChecked())
            view->setHeatMap(frame, region, heat);
    });
    connect(m_classMapper, &ClassMapper::noMap, this, [this](int camera, qint64 frame, const QString &reason) {
        if (FrameView *view = viewOf(camera))
            view->setHeatMap(frame, {}, {});
        statusBar()->showMessage(tr("No class map on frame %1: %2").arg(frame).arg(reason), 3000);
    });
    connect(m_classMapper, &ClassMapper::failed, this, [this](const QString &error) {
        m_classMapAction->setChecked(false);
        statusBar()->showMessage(error, 10000);
        qWarning().noquote() << error;
    });

    createActions();
    createMenus();
    createDocks();
    applySavedShortcuts();
    restoreState();
    updateActions();
    statusBar()->showMessage(tr("Ready"), 3000);
}

MainWindow::~MainWindow()
{
    delete m_trainer; // cancels and waits for a run before the campaign goes
    m_trainer = nullptr;
    delete m_runner;
    m_runner = nullptr;
    delete m_proposerTrainer;
    m_proposerTrainer = nullptr;
    delete m_proposerRunner;
    m_proposerRunner = nullptr;
    delete m_classMapper;
    m_classMapper = nullptr;
    delete m_session;
}

CampaignSession *MainWindow::session() const
{
    return m_session;
}

QAction *MainWindow::makeAction(const QString &text, const char *name, const QList<QKeySequence> &keys)
{
    auto *action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(name));
    action->setShortcuts(keys);
    action->setProperty("vigieDefaultShortcut", keys.isEmpty() ? QKeySequence() : keys.first());
    addAction(action); // shortcuts work whatever has focus, menus shown or not
    return action;
}

void MainWindow::createActions()
{
    m_openAction = makeAction(tr("&Open Campaign…"), "actionOpen", {QKeySequence::Open});
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openDialog);
    m_summaryAction = makeAction(tr("Import &Summary…"), "actionImportSummary", {QKeySequence(Qt::CTRL | Qt::Key_I)});
    connect(m_summaryAction, &QAction::triggered, this, &MainWindow::showImportSummary);
    m_closeAction = makeAction(tr("&Close Campaign"), "actionCloseCampaign", {QKeySequence::Close});
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeCampaign);
    m_quitAction = makeAction(tr("&Quit"), "actionQuit", {QKeySequence::Quit});
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_undoStack->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("actionUndo"));
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_undoAction->setProperty("vigieDefaultShortcut", QKeySequence(QKeySequence::Undo));
    m_redoAction = m_undoStack->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("actionRedo"));
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_redoAction->setProperty("vigieDefaultShortcut", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    addAction(m_undoAction);
    addAction(m_redoAction);

    m_acceptAction = makeAction(tr("&Accept Box"), "actionAccept", {QKeySequence(Qt::Key_A), QKeySequence(Qt::Key_Return)});
    connect(m_acceptAction, &QAction::triggered, this, &MainWindow::acceptBox);
    m_rejectAction = makeAction(tr("Re&ject Box"), "actionReject", {QKeySequence(Qt::Key_X)});
    connect(m_rejectAction, &QAction::triggered, this, &MainWindow::rejectBox);
    m_deleteAction = makeAction(tr("&Delete Box"), "actionDelete", {QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteBox);
    m_cycleClassAction = makeAction(tr("Cycle &Class"), "actionCycleClass", {QKeySequence(Qt::Key_C)});
    connect(m_cycleClassAction, &QAction::triggered, this, &MainWindow::cycleClass);
    m_nextProposalAction = makeAction(tr("&Next Proposal"), "actionNextProposal", {QKeySequence(Qt::Key_Tab)});
    connect(m_nextProposalAction, &QAction::triggered, this, [this] { nextProposal(1); });
    m_prevProposalAction = makeAction(tr("&Previous Proposal"), "actionPreviousProposal", {QKeySequence(Qt::SHIFT | Qt::Key_Backtab)});
    connect(m_prevProposalAction, &QAction::triggered, this, [this] { nextProposal(-1); });
    m_reviewedAction = makeAction(tr("Mark Frame &Reviewed"), "actionMarkReviewed", {QKeySequence(Qt::Key_V)});
    connect(m_reviewedAction, &QAction::triggered, this, &MainWindow::toggleReviewed);
    m_noTargetAction = makeAction(tr("Mark Frame: &No Target"), "actionMarkNoTarget", {QKeySequence(Qt::Key_O)});
    connect(m_noTargetAction, &QAction::triggered, this, &MainWindow::toggleNoTarget);
    m_editShortcutsAction = makeAction(tr("&Keyboard Shortcuts…"), "actionEditShortcuts", {QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K)});
    connect(m_editShortcutsAction, &QAction::triggered, this, &MainWindow::editShortcuts);
    m_preferencesAction = makeAction(tr("&Preferences…"), "actionPreferences", {QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);

    auto player = [this] { return m_session ? m_session->player() : nullptr; };
    m_playAction = makeAction(tr("&Play/Pause"), "actionPlay", {QKeySequence(Qt::Key_Space)});
    connect(m_playAction, &QAction::triggered, this, [player] { if (auto *p = player()) p->togglePlay(); });
    const struct
    {
        QAction **action;
        QString text;
        const char *name;
        QKeySequence key;
        int frames;
    } steps[] = {
        {&m_stepForwardAction, tr("Step &Forward"), "actionStepForward", QKeySequence(Qt::Key_Right), 1},
        {&m_stepBackAction, tr("Step &Back"), "actionStepBack", QKeySequence(Qt::Key_Left), -1},
        {&m_forward10Action, tr("Forward 10 Frames"), "actionForward10", QKeySequence(Qt::SHIFT | Qt::Key_Right), 10},
        {&m_back10Action, tr("Back 10 Frames"), "actionBack10", QKeySequence(Qt::SHIFT | Qt::Key_Left), -10},
    };
    for (const auto &s : steps) {
        *s.action = makeAction(s.text, s.name, {s.key});
        const int frames = s.frames;
        connect(*s.action, &QAction::triggered, this, [this, player, frames] {
            if (auto *p = player()) {
                p->pause();
                p->step(frames);
            }
        });
    }
    m_firstFrameAction = makeAction(tr("First Frame"), "actionFirstFrame", {QKeySequence(Qt::Key_Home)});
    connect(m_firstFrameAction, &QAction::triggered, this, [player] { if (auto *p = player()) p->seek(p->begin()); });
    m_lastFrameAction = makeAction(tr("Last Frame"), "actionLastFrame", {QKeySequence(Qt::Key_End)});
    connect(m_lastFrameAction, &QAction::triggered, this, [this, player] {
        if (auto *p = player())
            p->seekFrame(p->master(), p->frameCount(p->master()) - 1);
    });
    m_nextUnreviewedAction = makeAction(tr("Next &Unreviewed Frame"), "actionNextUnreviewed", {QKeySequence(Qt::Key_N)});
    connect(m_nextUnreviewedAction, &QAction::triggered, this, [this] { nextUnreviewed(1); });
    m_prevUnreviewedAction = makeAction(tr("Previous Unreviewed Frame"), "actionPreviousUnreviewed", {QKeySequence(Qt::SHIFT | Qt::Key_N)});
    connect(m_prevUnreviewedAction, &QAction::triggered, this, [this] { nextUnreviewed(-1); });
    m_fasterAction = makeAction(tr("Faster"), "actionFaster", {QKeySequence(Qt::Key_BracketRight)});
    connect(m_fasterAction, &QAction::triggered, this, [player] { if (auto *p = player()) p->setRate(p->rate() * 2); });
    m_slowerAction = makeAction(tr("Slower"), "actionSlower", {QKeySequence(Qt::Key_BracketLeft)});
    connect(m_slowerAction, &QAction::triggered, this, [player] { if (auto *p = player()) p->setRate(p->rate() / 2); });
    m_normalSpeedAction = makeAction(tr("Normal Speed"), "actionNormalSpeed", {QKeySequence(Qt::Key_Backslash)});
    connect(m_normalSpeedAction, &QAction::triggered, this, [player] { if (auto *p = player()) p->setRate(1.0); });

    m_zoomInAction = makeAction(tr("Zoom &In"), "actionZoomIn", {QKeySequence::ZoomIn, QKeySequence(Qt::Key_Plus)});
    connect(m_zoomInAction, &QAction::triggered, this, [this] {
        for (ImageView *view : targetViews())
            view->zoomIn();
    });
    m_zoomOutAction = makeAction(tr("Zoom &Out"), "actionZoomOut", {QKeySequence::ZoomOut, QKeySequence(Qt::Key_Minus)});
    connect(m_zoomOutAction, &QAction::triggered, this, [this] {
        for (ImageView *view : targetViews())
            view->zoomOut();
    });
    m_fitAction = makeAction(tr("&Fit to View"), "actionFit", {QKeySequence(Qt::CTRL | Qt::Key_0), QKeySequence(Qt::Key_F)});
    connect(m_fitAction, &QAction::triggered, this, [this] {
        m_followAction->setChecked(false);
        for (ImageView *view : targetViews())
            view->fitToView();
    });
    m_actualSizeAction = makeAction(tr("&Actual Pixels"), "actionActualSize", {QKeySequence(Qt::CTRL | Qt::Key_1)});
    connect(m_actualSizeAction, &QAction::triggered, this, [this] {
        for (ImageView *view : targetViews())
            view->actualSize();
    });
    m_followAction = makeAction(tr("Follow &Target"), "actionFollowTarget", {QKeySequence(Qt::Key_T)});
    m_followAction->setCheckable(true);
    connect(m_followAction, &QAction::toggled, this, [this](bool on) {
        const double zoom = QSettings().value(followZoomKey, 4.0).toDouble();
        for (FrameView *view : {m_rgbView, m_irView})
            view->setFollowTarget(on, zoom);
    });

    const struct
    {
        FrameView::Overlay overlay;
        QString text;
        const char *name;
        Qt::Key key;
    } overlays[] = {
        {FrameView::PointOverlay, tr("Projected &Point"), "actionOverlayPoint", Qt::Key_1},
        {FrameView::EllipseOverlay, tr("Uncertainty &Ellipse"), "actionOverlayEllipse", Qt::Key_2},
        {FrameView::ExpectedBoxOverlay, tr("E&xpected Box"), "actionOverlayExpected", Qt::Key_3},
        {FrameView::ArrowOverlay, tr("Out-of-View &Arrow"), "actionOverlayArrow", Qt::Key_4},
        {FrameView::BoxesOverlay, tr("&Boxes"), "actionOverlayBoxes", Qt::Key_5},
    };
    for (const auto &o : overlays) {
        QAction *action = makeAction(o.text, o.name, {QKeySequence(o.key)});
        action->setCheckable(true);
        action->setChecked(true);
        action->setData(int(o.overlay));
        connect(action, &QAction::toggled, this, [this] {
            int mask = 0;
            for (QAction *a : std::as_const(m_overlayActions))
                mask |= a->isChecked() ? a->data().toInt() : 0;
            m_rgbView->setOverlays(mask);
            m_irView->setOverlays(mask);
        });
        m_overlayActions << action;
    }

    m_paletteGroup = new QActionGroup(this);
    const struct
    {
        ThermalPalette palette;
        QString text;
        const char *name;
    } palettes[] = {
        {ThermalPalette::WhiteHot, tr("&White Hot"), "actionPaletteWhiteHot"},
        {ThermalPalette::BlackHot, tr("&Black Hot"), "actionPaletteBlackHot"},
        {ThermalPalette::Ironbow, tr("&Ironbow"), "actionPaletteIronbow"},
    };
    for (const auto &p : palettes) {
        auto *action = makeAction(p.text, p.name, {});
        action->setCheckable(true);
        action->setData(int(p.palette));
        m_paletteGroup->addAction(action);
        const ThermalPalette palette = p.palette;
        connect(action, &QAction::triggered, this, [this, palette] {
            m_palette = palette;
            if (m_session)
                m_session->setPalette(palette);
        });
    }
    m_cyclePaletteAction = makeAction(tr("&Next Palette"), "actionCyclePalette", {QKeySequence(Qt::Key_P)});
    connect(m_cyclePaletteAction, &QAction::triggered, this, [this] {
        const auto actions = m_paletteGroup->actions();
        actions.at((int(m_palette) + 1) % actions.size())->trigger();
    });
    m_autoContrastAction = makeAction(tr("&Automatic Contrast"), "actionAutoContrast", {QKeySequence(Qt::SHIFT | Qt::Key_A)});
    m_autoContrastAction->setCheckable(true);
    m_autoContrastAction->setChecked(true);
    connect(m_autoContrastAction, &QAction::toggled, this, [this](bool on) {
        if (!m_session)
            return;
        ContrastWindow w = m_session->contrast();
        w.automatic = on;
        m_session->setContrast(w);
    });
    m_contrastAction = makeAction(tr("Contrast &Window…"), "actionContrastWindow", {QKeySequence(Qt::CTRL | Qt::Key_K)});
    connect(m_contrastAction, &QAction::triggered, this, &MainWindow::editContrast);

    m_layoutGroup = new QActionGroup(this);
    const struct
    {
        ViewLayout layout;
        QString text;
        const char *name;
        QKeySequence key;
    } layouts[] = {
        {ViewLayout::SideBySide, tr("&Side by Side"), "actionLayoutSideBySide", QKeySequence(Qt::ALT | Qt::Key_1)},
        {ViewLayout::Stacked, tr("S&tacked"), "actionLayoutStacked", QKeySequence(Qt::ALT | Qt::Key_2)},
        {ViewLayout::RgbOnly, tr("&RGB Only"), "actionLayoutRgbOnly", QKeySequence(Qt::ALT | Qt::Key_3)},
        {ViewLayout::IrOnly, tr("&IR Only"), "actionLayoutIrOnly", QKeySequence(Qt::ALT | Qt::Key_4)},
    };
    for (const auto &entry : layouts) {
        auto *action = makeAction(entry.text, entry.name, {entry.key});
        m_layoutGroup->addAction(action);
        action->setCheckable(true);
        action->setData(int(entry.layout));
        const ViewLayout layout = entry.layout;
        connect(action, &QAction::triggered, this, [this, layout] { setViewLayout(layout); });
    }

    m_trainAction = makeAction(tr("&Train Detector"), "actionTrainDetector", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)});
    connect(m_trainAction, &QAction::triggered, this, [this] { startTraining(false); });
    m_resumeTrainingAction = makeAction(tr("&Resume Training"), "actionResumeTraining", {});
    connect(m_resumeTrainingAction, &QAction::triggered, this, [this] { startTraining(true); });
    m_cancelTrainingAction = makeAction(tr("&Cancel Training"), "actionCancelTraining", {});
    connect(m_cancelTrainingAction, &QAction::triggered, m_trainer, &DetectorTrainer::cancel);
    m_runDetectorAction = makeAction(tr("Run &Detector on Campaign"), "actionRunDetector", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)});
    connect(m_runDetectorAction, &QAction::triggered, this, &MainWindow::runDetector);
    m_nextErrorAction = makeAction(tr("&Next Detector Error"), "actionNextDetectorError", {QKeySequence(Qt::Key_E)});
    connect(m_nextErrorAction, &QAction::triggered, this, [this] { nextDetectorError(1); });
    m_prevErrorAction = makeAction(tr("&Previous Detector Error"), "actionPrevDetectorError", {QKeySequence(Qt::SHIFT | Qt::Key_E)});
    connect(m_prevErrorAction, &QAction::triggered, this, [this] { nextDetectorError(-1); });

    m_trainProposerAction = makeAction(tr("&Train Proposer"), "actionTrainProposer", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W)});
    connect(m_trainProposerAction, &QAction::triggered, this, &MainWindow::trainProposer);
    m_cancelProposerAction = makeAction(tr("&Cancel Proposer"), "actionCancelProposer", {});
    connect(m_cancelProposerAction, &QAction::triggered, this, [this] {
        m_proposerTrainer->cancel();
        m_proposerRunner->cancel();
    });
    m_proposeAction = makeAction(tr("&Propose Boxes on Campaign"), "actionPropose", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
    connect(m_proposeAction, &QAction::triggered, this, &MainWindow::runProposer);
    m_classMapAction = makeAction(tr("Show &Class Map"), "actionShowClassMap", {QKeySequence(Qt::Key_H)});
    m_classMapAction->setCheckable(true);
    connect(m_classMapAction, &QAction::toggled, this, &MainWindow::setClassMapShown);

    m_shortcutsAction = makeAction(tr("Keyboard &Shortcut Sheet"), "actionShortcuts", {QKeySequence(Qt::CTRL | Qt::Key_Slash)});
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    m_aboutAction = makeAction(tr("&About Vigie"), "actionAbout", {});
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = makeAction(tr("About &Qt"), "actionAboutQt", {});
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    file->addAction(m_summaryAction);
    file->addAction(m_closeAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("menuEdit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_acceptAction);
    edit->addAction(m_rejectAction);
    edit->addAction(m_deleteAction);
    edit->addAction(m_cycleClassAction);
    edit->addAction(m_nextProposalAction);
    edit->addAction(m_prevProposalAction);
    edit->addSeparator();
    edit->addAction(m_reviewedAction);
    edit->addAction(m_noTargetAction);
    edit->addSeparator();
    edit->addAction(m_editShortcutsAction);
    edit->addAction(m_preferencesAction);

    QMenu *play = menuBar()->addMenu(tr("&Playback"));
    play->setObjectName(QStringLiteral("menuPlayback"));
    for (QAction *a : {m_playAction, m_stepForwardAction, m_stepBackAction, m_forward10Action, m_back10Action,
                       m_firstFrameAction, m_lastFrameAction})
        play->addAction(a);
    play->addSeparator();
    play->addAction(m_nextUnreviewedAction);
    play->addAction(m_prevUnreviewedAction);
    play->addSeparator();
    play->addAction(m_fasterAction);
    play->addAction(m_slowerAction);
    play->addAction(m_normalSpeedAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("menuView"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_fitAction);
    view->addAction(m_actualSizeAction);
    view->addAction(m_followAction);
    view->addSeparator();
    QMenu *overlays = view->addMenu(tr("&Overlays"));
    overlays->setObjectName(QStringLiteral("menuOverlays"));
    overlays->addActions(m_overlayActions);
    QMenu *ir = view->addMenu(tr("&Infrared"));
    ir->setObjectName(QStringLiteral("menuInfrared"));
    ir->addActions(m_paletteGroup->actions());
    ir->addAction(m_cyclePaletteAction);
    ir->addSeparator();
    ir->addAction(m_autoContrastAction);
    ir->addAction(m_contrastAction);
    QMenu *layout = view->addMenu(tr("&Layout"));
    layout->setObjectName(QStringLiteral("menuLayout"));
    layout->addActions(m_layoutGroup->actions());
    QMenu *panels = view->addMenu(tr("&Panels"));
    panels->setObjectName(QStringLiteral("menuPanels"));

    QMenu *proposals = menuBar()->addMenu(tr("P&roposals"));
    proposals->setObjectName(QStringLiteral("menuProposals"));
    proposals->addAction(m_trainProposerAction);
    proposals->addAction(m_cancelProposerAction);
    proposals->addSeparator();
    proposals->addAction(m_proposeAction);
    proposals->addAction(m_classMapAction);

    QMenu *detector = menuBar()->addMenu(tr("&Detector"));
    detector->setObjectName(QStringLiteral("menuDetector"));
    detector->addAction(m_trainAction);
    detector->addAction(m_resumeTrainingAction);
    detector->addAction(m_cancelTrainingAction);
    detector->addSeparator();
    detector->addAction(m_runDetectorAction);
    detector->addAction(m_nextErrorAction);
    detector->addAction(m_prevErrorAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);

    auto *toolbar = addToolBar(tr("Playback"));
    toolbar->setObjectName(QStringLiteral("playbackToolBar"));
    toolbar->addAction(m_openAction);
    toolbar->addSeparator();
    for (QAction *a : {m_back10Action, m_stepBackAction, m_playAction, m_stepForwardAction, m_forward10Action})
        toolbar->addAction(a);
    toolbar->addSeparator();
    toolbar->addAction(m_followAction);
    toolbar->addAction(m_cyclePaletteAction);
    updateRecentMenu();
}

void MainWindow::createDocks()
{
    auto *undoView = new QUndoView(m_undoStack);
    undoView->setObjectName(QStringLiteral("undoView"));
    undoView->setEmptyLabel(tr("<campaign opened>"));
    m_undoDock = new QDockWidget(tr("Undo History"), this);
    m_undoDock->setObjectName(QStringLiteral("undoDock"));
    m_undoDock->setWidget(undoView);
    addDockWidget(Qt::RightDockWidgetArea, m_undoDock);

    m_telemetryDock = new QDockWidget(tr("Telemetry"), this);
    m_telemetryDock->setObjectName(QStringLiteral("telemetryDock"));
    m_telemetry->setObjectName(QStringLiteral("telemetryPanel"));
    m_telemetryDock->setWidget(m_telemetry);
    addDockWidget(Qt::RightDockWidgetArea, m_telemetryDock);
    tabifyDockWidget(m_telemetryDock, m_undoDock);
    m_telemetryDock->raise();

    auto *messageView = new QListView;
    messageView->setObjectName(QStringLiteral("messageView"));
    messageView->setModel(m_messages);
    messageView->setUniformItemSizes(true);
    messageView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_messages, &QAbstractItemModel::rowsInserted, messageView, &QAbstractItemView::scrollToBottom);
    m_messagesDock = new QDockWidget(tr("Messages"), this);
    m_messagesDock->setObjectName(QStringLiteral("messagesDock"));
    m_messagesDock->setWidget(messageView);
    addDockWidget(Qt::BottomDockWidgetArea, m_messagesDock);

    m_trainingDock = new QDockWidget(tr("Detector Training"), this);
    m_trainingDock->setObjectName(QStringLiteral("trainingDock"));
    m_trainingDock->setWidget(m_trainingPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_trainingDock);
    tabifyDockWidget(m_telemetryDock, m_trainingDock);
    m_reviewDock = new QDockWidget(tr("Detector Review"), this);
    m_reviewDock->setObjectName(QStringLiteral("reviewDock"));
    m_reviewDock->setWidget(m_reviewPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_reviewDock);
    tabifyDockWidget(m_telemetryDock, m_reviewDock);
    m_telemetryDock->raise();

    auto *panels = menuBar()->findChild<QMenu *>(QStringLiteral("menuPanels"));
    const struct
    {
        QDockWidget *dock;
        const char *name;
        QKeySequence key;
    } docks[] = {
        {m_telemetryDock, "actionPanelTelemetry", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_T)},
        {m_undoDock, "actionPanelUndo", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_U)},
        {m_messagesDock, "actionPanelMessages", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M)},
        {m_trainingDock, "actionPanelTraining", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D)},
        {m_reviewDock, "actionPanelReview", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R)},
    };
    for (const auto &d : docks) {
        QAction *toggle = d.dock->toggleViewAction();
        toggle->setObjectName(QString::fromLatin1(d.name));
        toggle->setShortcut(d.key);
        toggle->setProperty("vigieDefaultShortcut", d.key);
        addAction(toggle);
        panels->addAction(toggle);
    }
}

QList<QAction *> MainWindow::allActions() const
{
    QList<QAction *> out;
    for (QAction *a : actions()) {
        if (!a->objectName().isEmpty())
            out << a;
    }
    return out;
}

void MainWindow::applySavedShortcuts()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("shortcuts"));
    for (QAction *a : allActions()) {
        if (settings.contains(a->objectName()))
            a->setShortcut(QKeySequence(settings.value(a->objectName()).toString(), QKeySequence::PortableText));
    }
}

void MainWindow::editShortcuts()
{
    ShortcutEditor editor(allActions(), this);
    if (editor.exec() != QDialog::Accepted)
        return;
    QSettings settings;
    const auto changes = editor.changes();
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        if (auto *a = findChild<QAction *>(it.key())) {
            a->setShortcut(it.value());
            settings.setValue(QStringLiteral("shortcuts/") + it.key(), it.value().toString(QKeySequence::PortableText));
        }
    }
}

void MainWindow::setViewLayout(ViewLayout layout)
{
    m_layout = layout;
    m_splitter->setOrientation(layout == ViewLayout::Stacked ? Qt::Vertical : Qt::Horizontal);
    m_rgbView->setVisible(layout != ViewLayout::IrOnly);
    m_irView->setVisible(layout != ViewLayout::RgbOnly);
    const auto actions = m_layoutGroup->actions();
    for (QAction *action : actions)
        action->setChecked(action->data().toInt() == int(layout));
}

QList<ImageView *> MainWindow::targetViews() const
{
    for (ImageView *view : {static_cast<ImageView *>(m_rgbView), static_cast<ImageView *>(m_irView)}) {
        if (view->hasFocus() && view->isVisible())
            return {view};
    }
    QList<ImageView *> visible;
    for (ImageView *view : {static_cast<ImageView *>(m_rgbView), static_cast<ImageView *>(m_irView)}) {
        if (view->isVisible())
            visible.append(view);
    }
    return visible;
}

FrameView *MainWindow::viewOf(int camera) const
{
    if (!m_session || camera < 0)
        return nullptr;
    if (camera == m_session->cameraOf(QStringLiteral("rgb")))
        return m_rgbView;
    if (camera == m_session->cameraOf(QStringLiteral("ir")))
        return m_irView;
    return nullptr;
}

FrameView *MainWindow::activeView() const
{
    return m_activeView;
}

void MainWindow::setActiveView(FrameView *view)
{
    if (!view || view == m_activeView)
        return;
    m_activeView = view;
    for (FrameView *v : {m_rgbView, m_irView})
        v->setTitle((v == m_rgbView ? tr("RGB") : tr("IR")) + (v == view ? QStringLiteral(" ●") : QString()));
}

void MainWindow::restoreState()
{
    QSettings settings;
    restoreGeometry(settings.value(geometryKey).toByteArray());
    QMainWindow::restoreState(settings.value(stateKey).toByteArray(), stateVersion);
    m_splitter->restoreState(settings.value(splitterKey).toByteArray());
    const int layout = settings.value(layoutKey, int(ViewLayout::SideBySide)).toInt();
    setViewLayout(layout >= int(ViewLayout::SideBySide) && layout <= int(ViewLayout::IrOnly) ? ViewLayout(layout)
                                                                                              : ViewLayout::SideBySide);
    const int palette = std::clamp(settings.value(paletteKey, 0).toInt(), 0, 2);
    m_palette = ThermalPalette(palette);
    m_paletteGroup->actions().at(palette)->setChecked(true);
    m_followAction->setChecked(settings.value(followKey, false).toBool());
    const int overlays = settings.value(overlaysKey, int(FrameView::AllOverlays)).toInt();
    for (QAction *a : std::as_const(m_overlayActions))
        a->setChecked(overlays & a->data().toInt());
    m_autoContrastAction->setChecked(settings.value(autoContrastKey, true).toBool());
    if (!settings.contains(geometryKey)) {
        resize(1500, 900);
        resizeDocks({m_messagesDock}, {110}, Qt::Vertical);
        resizeDocks({m_telemetryDock}, {300}, Qt::Horizontal);
    }
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, QMainWindow::saveState(stateVersion));
    settings.setValue(splitterKey, m_splitter->saveState());
    settings.setValue(layoutKey, int(m_layout));
    settings.setValue(paletteKey, int(m_palette));
    settings.setValue(followKey, m_followAction->isChecked());
    if (m_followAction->isChecked() && m_activeView)
        settings.setValue(followZoomKey, m_activeView->followZoom());
    int overlays = 0;
    for (QAction *a : m_overlayActions)
        overlays |= a->isChecked() ? a->data().toInt() : 0;
    settings.setValue(overlaysKey, overlays);
    settings.setValue(autoContrastKey, m_autoContrastAction->isChecked());
    if (m_session && m_session->state() == CampaignSession::State::Ready)
        settings.setValue(frameKey(m_session->manifestPath()), qint64(m_session->currentFrame(m_session->masterCamera())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    if (!closeCampaign()) {
        event->ignore();
        return;
    }
    event->accept();
}

bool MainWindow::confirmUnsavedEdits()
{
    db::DatasetSession *dataset = m_session ? m_session->dataset() : nullptr;
    if (!dataset)
        return true;
    for (;;) {
        if (dataset->failedWrites() == 0)
            dataset->flush(); // what is queued commits in milliseconds
        const int unsaved = dataset->pendingWrites();
        if (unsaved == 0)
            return true;
        QMessageBox box(QMessageBox::Warning, tr("Edits not saved"),
                        tr("Unsaved edits: %1 could not be written to %2.").arg(unsaved).arg(m_session->datasetPath()), QMessageBox::NoButton, this);
        box.setInformativeText(tr("Free some disk space or close the program that locks the file, then retry. "
                                  "Discarding loses these edits."));
        box.setDetailedText(m_saveLabel->toolTip());
        QPushButton *retry = box.addButton(tr("&Retry"), QMessageBox::AcceptRole);
        QPushButton *discard = box.addButton(tr("&Discard Edits"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(retry);
        box.exec();
        if (box.clickedButton() == discard) {
            qWarning().noquote() << tr("Unsaved edits discarded: %1").arg(unsaved);
            return true;
        }
        if (box.clickedButton() != retry)
            return false;
        QApplication::setOverrideCursor(Qt::WaitCursor);
        dataset->retry();
        dataset->flush();
        QApplication::restoreOverrideCursor();
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile() && urls.first().toLocalFile().endsWith(QLatin1String(".json")))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) {
        event->acceptProposedAction();
        openCampaign(urls.first().toLocalFile());
    }
}

QStringList MainWindow::recentCampaigns() const
{
    return QSettings().value(recentKey).toStringList();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentCampaigns();
    for (int i = 0; i < recent.size(); ++i) {
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(recent[i]));
        const QString path = recent[i];
        connect(a, &QAction::triggered, this, [this, path] { openCampaign(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::openDialog()
{
    const QString start = recentCampaigns().isEmpty() ? QString() : QFileInfo(recentCampaigns().first()).path();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Campaign"), start,
                                                      tr("Campaign manifests (campaign.json *.json)"));
    if (!path.isEmpty())
        openCampaign(path);
}

bool MainWindow::closeCampaign()
{
    if (!m_session)
        return true;
    if (!confirmUnsavedEdits())
        return false;
    if (m_trainer && m_trainer->isRunning()) {
        m_trainer->cancel(); // the run keeps the campaign alive until it stops
        qInfo().noquote() << tr("Training cancelled: the campaign was closed");
    }
    if (m_proposerRunner->isRunning())
        m_proposerRunner->cancel(); // its proposals would have no session to go to
    // Off: setClassMapShown() clears the overlay and lets the mapper drop this campaign's decoder.
    m_classMapAction->setChecked(false);
    saveState();
    delete m_session;
    m_session = nullptr;
    for (FrameView *view : {m_rgbView, m_irView}) {
        view->setEditor(nullptr, -1);
        view->clearFrame();
    }
    m_timeline->clear();
    m_telemetry->setSnapshot({});
    m_telemetry->setPath({}, {});
    m_telemetry->setStreams({}, {});
    m_frameLabel->clear();
    m_saveLabel->clear();
    setWindowTitle(tr("Vigie"));
    updateActions();
    return true;
}

void MainWindow::openCampaign(const QString &manifestPath, const QString &datasetPath)
{
    if (!closeCampaign())
        return;
    const QString path = QFileInfo(manifestPath).absoluteFilePath();
    m_session = new CampaignSession(m_undoStack, this);
    connect(m_session, &CampaignSession::progress, this, [this](const QString &what, qint64 done, qint64 total) {
        m_progress->show();
        m_progress->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0)
            m_progress->setValue(int(1000 * done / total));
        m_progress->setFormat(what);
        statusBar()->showMessage(what);
    });
    connect(m_session, &CampaignSession::message, this, [](const QString &text) { qInfo().noquote() << text; });
    connect(m_session, &CampaignSession::failed, this, [this, path](const QString &error) {
        m_progress->hide();
        qWarning().noquote() << error;
        statusBar()->showMessage(tr("Cannot open %1").arg(path), 10000);
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot open the campaign"), error, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setObjectName(QStringLiteral("openErrorBox"));
        box->open();
        QPointer<CampaignSession> dead = m_session;
        m_session = nullptr;
        if (dead)
            dead->deleteLater();
        updateActions();
        Q_EMIT campaignFailed(error);
    });
    connect(m_session, &CampaignSession::opened, this, &MainWindow::sessionOpened);
    connect(m_session, &CampaignSession::frameShown, this, &MainWindow::frameShown);
    connect(m_session, &CampaignSession::saveStateChanged, this, [this](CampaignSession::SaveState state, const QString &detail) {
        switch (state) {
        case CampaignSession::SaveState::Saved:
            m_saveLabel->setText(tr("Saved"));
            break;
        case CampaignSession::SaveState::Saving:
            m_saveLabel->setText(tr("Saving…"));
            break;
        case CampaignSession::SaveState::Failed:
            m_saveLabel->setText(tr("Not saved: retrying"));
            statusBar()->showMessage(detail, 10000);
            break;
        }
        m_saveLabel->setToolTip(detail);
        m_saveLabel->setStyleSheet(state == CampaignSession::SaveState::Failed ? QStringLiteral("color: #c62828; font-weight: bold")
                                                                               : QString());
    });
    connect(m_session, &CampaignSession::offsetApplied, this, [this](int stream, int ms) {
        const QSignalBlocker block(m_telemetry); // showing the value is not a new nudge
        m_telemetry->setOffset(stream, ms);
    });
    connect(m_session, &CampaignSession::overlaysChanged, this, [this] {
        for (FrameView *view : {m_rgbView, m_irView}) {
            if (view->camera() >= 0 && view->frame() >= 0)
                view->setOverlay(m_session->overlayAt(view->camera(), view->frame()));
        }
    });
    CampaignSession::Options options;
    options.datasetPath = datasetPath;
    m_restoreFrame = QSettings().value(frameKey(path), -1).toLongLong();
    m_session->open(path, options);
    setWindowTitle(tr("Vigie — opening %1").arg(QFileInfo(path).dir().dirName()));
    updateActions();

    QStringList recent = recentCampaigns();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecent)
        recent.removeLast();
    QSettings settings;
    settings.setValue(recentKey, recent);
    settings.setValue(lastKey, path);
    updateRecentMenu();
}

void MainWindow::sessionOpened()
{
    m_progress->hide();
    CampaignSession *s = m_session;
    const Campaign *campaign = s->campaign();
    setWindowTitle(tr("Vigie — %1").arg(campaign->manifest().name));
    const int rgb = s->cameraOf(QStringLiteral("rgb")), ir = s->cameraOf(QStringLiteral("ir"));
    m_rgbView->setEditor(s->editor(), rgb);
    m_irView->setEditor(s->editor(), ir);
    if (rgb < 0)
        m_rgbView->setPlaceholderText(tr("This campaign has no RGB camera"));
    if (ir < 0)
        m_irView->setPlaceholderText(tr("This campaign has no IR camera"));
    for (FrameView *view : {m_rgbView, m_irView})
        view->setDrawClass(campaign->manifest().targetClass);
    setActiveView(viewOf(s->masterCamera()) ? viewOf(s->masterCamera()) : m_rgbView);
    s->setPalette(m_palette);
    ContrastWindow w = s->contrast();
    w.automatic = m_autoContrastAction->isChecked();
    s->setContrast(w);

    m_timeline->setFrameCount(s->frameCount(s->masterCamera()));
    const auto bands = s->timelineBands();
    for (int i = 0; i < int(bands.size()); ++i)
        m_timeline->setBand(i, bands[size_t(i)]);
    updateMarkers();

    std::vector<LookAngles> sky;
    std::vector<Enu> ground;
    s->targetPath(&sky, &ground);
    m_telemetry->setPath(sky, ground);
    {
        const QSignalBlocker blocker(m_telemetry);
        m_telemetry->setStreams(s->offsetNames(), s->offsetsMs());
    }
    connect(s->player(), &media::SyncPlayer::timeChanged, this, [this](UtcTime utc) {
        if (m_session)
            m_telemetry->setSnapshot(m_session->telemetryAt(utc));
        updateFrameLabel();
    });
    connect(s->player(), &media::SyncPlayer::playingChanged, this, [this](bool playing) {
        m_playAction->setText(playing ? tr("&Pause") : tr("&Play"));
    });
    connect(s->annotations(), &AnnotationModel::frameChanged, this, &MainWindow::annotationChanged);

    qInfo().noquote() << tr("Opened %1: %2 cameras, %3 master frames")
                             .arg(s->manifestPath())
                             .arg(s->cameraCount())
                             .arg(s->frameCount(s->masterCamera()));
    statusBar()->showMessage(tr("Opened %1").arg(campaign->manifest().name), 5000);
    updateActions();
    if (m_restoreFrame > 0 && m_restoreFrame < s->frameCount(s->masterCamera()))
        s->player()->seekFrame(s->masterCamera(), m_restoreFrame);
    m_telemetry->setSnapshot(s->telemetryAt(s->player()->time()));
    updateFrameLabel();
    refreshDetectorVersions();
    refreshReview();
    {
        const QString dir = QFileInfo(s->datasetPath()).dir().filePath(QStringLiteral("models"));
        m_trainingPanel->setCanResume(
            QFileInfo::exists(DetectorTrainer::checkpointPath(dir, s->cameraName(detectorCamera()))));
    }
    Q_EMIT campaignOpened();
}

void MainWindow::frameShown(int camera, const QImage &image, qint64 frame, const FrameOverlay &overlay)
{
    FrameView *view = viewOf(camera);
    if (!view)
        return;
    if (frame < 0) {
        view->clearFrame();
        view->setPlaceholderText(tr("No %1 frame at this time").arg(m_session->cameraName(camera)));
        return;
    }
    view->showFrame(image, frame, overlay);
    if (m_classMapAction->isChecked() && camera == m_classMapCamera)
        m_classMapper->request(frame);
    if (m_session && camera == m_session->masterCamera())
        m_timeline->setCurrentFrame(frame);
    if (m_selectProposalOnArrival && view == m_activeView) {
        m_selectProposalOnArrival = false;
        view->selectBox(currentBox(true));
    }
    updateFrameLabel();
}

void MainWindow::annotationChanged(int camera, qint64 frame)
{
    if (m_reviewDock && m_reviewDock->isVisible() && camera == detectorCamera())
        m_reviewTimer->start(); // accepting a detection or rejecting a box changes the review
    if (!m_session)
        return;
    const auto [first, last] = m_session->masterFramesOf(camera, frame);
    const std::uint8_t value = m_session->annotationBandValue(camera, frame);
    for (std::int64_t m = first; m < last; ++m)
        m_timeline->setBandValue(m_session->annotationBand(camera), m, value);
    updateMarkers();
}

void MainWindow::updateMarkers()
{
    if (!m_session)
        return;
    std::vector<std::int64_t> markers;
    for (int c = 0; c < m_session->cameraCount(); ++c) {
        for (std::int64_t f : m_session->annotations()->flaggedFrames(c)) {
            const auto [first, last] = m_session->masterFramesOf(c, f);
            if (first < last)
                markers.push_back(first);
        }
    }
    m_timeline->setMarkers(std::move(markers));
}

void MainWindow::updateFrameLabel()
{
    if (!m_session || !m_session->player()) {
        m_frameLabel->clear();
        return;
    }
    const auto *p = m_session->player();
    const int master = p->master();
    QString rate = p->rate() == 1.0 ? QString() : tr("  ×%1").arg(p->rate());
    m_frameLabel->setText(tr("frame %1 / %2  %3%4")
                              .arg(p->currentFrame(master))
                              .arg(p->frameCount(master))
                              .arg(p->time().toIso(), rate));
}

void MainWindow::updateActions()
{
    const bool open = m_session && m_session->state() == CampaignSession::State::Ready;
    for (QAction *a : {m_summaryAction, m_closeAction, m_acceptAction, m_rejectAction, m_deleteAction,
                       m_cycleClassAction, m_nextProposalAction, m_prevProposalAction, m_reviewedAction,
                       m_noTargetAction, m_playAction, m_stepForwardAction, m_stepBackAction, m_forward10Action,
                       m_back10Action, m_firstFrameAction, m_lastFrameAction, m_nextUnreviewedAction,
                       m_prevUnreviewedAction, m_fasterAction, m_slowerAction, m_normalSpeedAction})
        a->setEnabled(open);
    const bool training = m_trainer && m_trainer->isRunning();
    if (m_trainAction) {
        m_trainAction->setEnabled(open && !training);
        m_resumeTrainingAction->setEnabled(open && !training);
        m_cancelTrainingAction->setEnabled(training);
        const bool running = m_runner && m_runner->isRunning();
        m_runDetectorAction->setEnabled(open && !running);
        m_nextErrorAction->setEnabled(open);
        m_prevErrorAction->setEnabled(open);
    }
    if (m_trainProposerAction) {
        const bool trainingProposer = m_proposerTrainer->isRunning(), proposing = m_proposerRunner->isRunning();
        m_trainProposerAction->setEnabled(open && !trainingProposer);
        m_proposeAction->setEnabled(open && !proposing);
        m_cancelProposerAction->setEnabled(trainingProposer || proposing);
        m_classMapAction->setEnabled(open);
    }
}

void MainWindow::runDetector()
{
    if (!m_session || m_session->state() != CampaignSession::State::Ready)
        return;
    // The newest detector registered for this camera.
    const int camera = detectorCamera();
    QString error;
    const auto newest = newestModel(QStringLiteral("centernet"), camera, &error);
    if (!newest) {
        m_reviewPanel->setMessage(error);
        m_reviewDock->show();
        m_reviewDock->raise();
        statusBar()->showMessage(error, 10000);
        return;
    }
    m_reviewPanel->setMessage(tr("Running %1 on %2…").arg(newest->version, m_session->cameraName(camera)));
    m_runner->start(m_session->sharedCampaign(), camera, m_session->frameCount(camera), newest->weightsPath, newest->version);
    updateActions();
}

void MainWindow::analystLabels(int camera, inference::FrameBoxes *boxes, std::set<std::int64_t> *noTarget) const
{
    // One rule with the CLI: models/annotation/labels.h.
    const AnnotationModel *model = m_session->annotations();
    std::vector<LabelBox> all;
    for (std::int64_t frame : model->annotatedFrames(camera)) {
        for (const Annotation &a : model->boxes(camera, frame))
            all.push_back({frame, a.rect, a.className, a.state});
    }
    std::map<std::int64_t, db::FrameFlags> flags;
    for (std::int64_t frame : model->flaggedFrames(camera))
        flags[frame] = model->flags(camera, frame);
    AnalystLabels decided = vigie::analystLabels(all, flags, m_session->campaign()->manifest().targetClass);
    *boxes = std::move(decided.boxes);
    *noTarget = std::move(decided.noTarget);
}

void MainWindow::refreshReview()
{
    if (!m_session || !m_session->campaign())
        return;
    const int camera = detectorCamera();
    const AnnotationModel *model = m_session->annotations();
    // Ground truth: the labels training uses; labelled frames: those with boxes and those known
    // to have no target. Detections: the chosen model's boxes, whatever the analyst did with them.
    inference::FrameBoxes truth;
    std::set<std::int64_t> labelled;
    analystLabels(camera, &truth, &labelled);
    for (const auto &[frame, _] : truth)
        labelled.insert(frame);
    std::map<QString, std::map<qint64, std::vector<Annotation>>> byModel;
    for (std::int64_t frame : model->annotatedFrames(camera)) {
        for (const Annotation &a : model->boxes(camera, frame)) {
            if (a.source == db::BoxSource::Detector)
                byModel[a.modelVersion][frame].push_back(a);
        }
    }
    QStringList versions = m_detectorVersions;
    for (const auto &[v, _] : byModel) {
        if (!versions.contains(v))
            versions << v;
    }
    m_reviewPanel->setModels(versions);
    auto summarize = [&](const QString &version, std::vector<ReviewPanel::FrameErrors> *frames) {
        ReviewPanel::Summary s;
        s.model = version;
        if (version.isEmpty())
            return s;
        // The same COCO pair as vigie-cli detector evaluate: every labelled frame is an image.
        std::map<std::int64_t, std::vector<inference::Detection>> found;
        for (qint64 frame : labelled) {
            auto &list = found[frame];
            for (const Annotation &a : byModel[version][frame])
                list.push_back({a.rect, a.confidence.value_or(0.5), 0});
        }
        inference::coco::GroundTruthSet gt;
        std::vector<inference::coco::Detection> dt;
        inference::toCoco(truth, found, &gt, &dt);
        s.frames = int(labelled.size());
        if (gt.imageIds.empty())
            return s;
        const auto r = inference::coco::evaluate(gt, dt);
        s.ap = r.stats[0];
        s.ap50 = r.stats[1];
        s.ap75 = r.stats[2];
        s.ar100 = r.stats[8];
        for (int i = 0; i < r.R; ++i)
            s.precisionAt50.push_back(r.precisionAt(0, i, 0, 0, r.M - 1));
        std::map<std::int64_t, std::int64_t> frameOfDet, frameOfTruth;
        for (const auto &d : dt)
            frameOfDet[d.id] = d.imageId;
        for (const auto &g : gt.boxes)
            frameOfTruth[g.id] = g.imageId;
        std::map<qint64, ReviewPanel::FrameErrors> perFrame;
        for (const auto &m : r.detections) {
            if (m.ignored)
                continue;
            auto &f = perFrame[frameOfDet[m.detectionId]];
            f.frame = frameOfDet[m.detectionId];
            (m.truthId != 0 ? f.truePositives : f.falsePositives) += 1;
            (m.truthId != 0 ? s.truePositives : s.falsePositives) += 1;
        }
        for (const auto &m : r.truths) {
            if (m.ignored || m.detectionId != 0)
                continue;
            auto &f = perFrame[frameOfTruth[m.truthId]];
            f.frame = frameOfTruth[m.truthId];
            ++f.misses;
            ++s.misses;
        }
        if (frames) {
            for (const auto &[_, f] : perFrame)
                frames->push_back(f);
        }
        return s;
    };
    std::vector<ReviewPanel::FrameErrors> frames;
    const ReviewPanel::Summary a = summarize(m_reviewPanel->model(), &frames);
    m_reviewPanel->setResult(a, frames);
    m_reviewPanel->setComparison(a, summarize(m_reviewPanel->comparedModel(), nullptr));
}

std::optional<db::ModelRecord> MainWindow::newestModel(const QString &network, int camera, QString *error) const
{
    auto dataset = db::Dataset::open(m_session->datasetPath(), db::Dataset::OpenMode::MustExist, error);
    if (!dataset)
        return std::nullopt;
    const QString cameraName = m_session->cameraName(camera);
    const QString name = network + QLatin1Char('-') + cameraName;
    std::optional<db::ModelRecord> newest;
    for (const db::ModelRecord &m : dataset->models()) {
        if (m.name == name && (!newest || m.createdUs >= newest->createdUs))
            newest = m;
    }
    if (!newest) {
        *error = network == QLatin1String("wildcat")
                     ? tr("No proposer trained for %1 yet: Proposals › Train Proposer first").arg(cameraName)
                     : tr("No detector trained for %1 yet: Detector › Train Detector first").arg(cameraName);
    }
    return newest;
}

int MainWindow::addProposals(int camera, const std::vector<Annotation> &boxes, db::BoxSource source, const QString &version)
{
    // The whole run is one command (one Ctrl+Z), written in one transaction. Frames that
    // already hold this model's boxes are skipped, decided before any box of the run goes in.
    AnnotationModel *model = m_session->annotations();
    std::map<std::int64_t, bool> skip;
    std::vector<Annotation> fresh;
    for (const Annotation &box : boxes) {
        auto it = skip.find(box.frame);
        if (it == skip.end()) {
            bool already = false;
            for (const Annotation &a : model->boxes(camera, box.frame))
                already = already || (a.source == source && a.modelVersion == version);
            it = skip.emplace(box.frame, already).first;
        }
        if (it->second)
            continue;
        Annotation a = box;
        a.camera = camera;
        a.className = m_session->campaign()->manifest().targetClass;
        a.source = source;
        a.state = db::BoxState::Proposed;
        a.modelVersion = version;
        fresh.push_back(std::move(a));
    }
    const int n = int(fresh.size());
    return m_session->editor()->addBoxes(std::move(fresh), tr("Add proposals of %1 (%2)").arg(version).arg(n));
}

void MainWindow::trainProposer()
{
    if (!m_session || m_session->state() != CampaignSession::State::Ready)
        return;
    ProposerTrainer::Job job;
    job.campaign = m_session->sharedCampaign();
    job.manifestPath = m_session->manifestPath();
    job.camera = proposerCamera();
    job.frameCount = m_session->frameCount(job.camera);
    job.modelDir = QFileInfo(m_session->datasetPath()).absoluteDir().filePath(QStringLiteral("models"));
    job.datasetPath = m_session->datasetPath();
    job.steps = std::clamp(QSettings().value(QStringLiteral("proposer/steps"), 400).toInt(), 10, 20000);
    if (m_proposerTrainer->start(job))
        statusBar()->showMessage(tr("Training the proposer on %1 from GPS labels…").arg(m_session->cameraName(job.camera)), 5000);
    updateActions();
}

void MainWindow::runProposer()
{
    if (!m_session || m_session->state() != CampaignSession::State::Ready)
        return;
    const int camera = proposerCamera();
    QString error;
    const auto newest = newestModel(QStringLiteral("wildcat"), camera, &error);
    if (!newest) {
        statusBar()->showMessage(error, 10000);
        qWarning().noquote() << error;
        return;
    }
    // τ and the box scale are learnt from the frames holding one accepted or corrected box.
    inference::FrameBoxes labelled;
    std::set<std::int64_t> noTarget;
    analystLabels(camera, &labelled, &noTarget);
    std::map<std::int64_t, QRectF> accepted;
    for (const auto &[frame, list] : labelled) {
        if (list.size() == 1)
            accepted[frame] = list.front();
    }
    if (m_proposerRunner->start(m_session->sharedCampaign(), camera, m_session->frameCount(camera), newest->weightsPath,
                                newest->version, std::move(accepted)))
        m_proposingCamera = camera;
    updateActions();
}

void MainWindow::setClassMapShown(bool shown)
{
    if (FrameView *view = viewOf(m_classMapCamera))
        view->setHeatMap(-1, {}, {});
    m_classMapCamera = -1;
    if (!shown || !m_session || m_session->state() != CampaignSession::State::Ready) {
        m_classMapper->setSource({}, -1, {});
        return;
    }
    const int camera = proposerCamera();
    QString error;
    const auto newest = newestModel(QStringLiteral("wildcat"), camera, &error);
    if (!newest) {
        statusBar()->showMessage(error, 10000);
        m_classMapAction->setChecked(false);
        return;
    }
    m_classMapCamera = camera;
    m_classMapper->setSource(m_session->sharedCampaign(), camera, newest->weightsPath);
    if (FrameView *view = viewOf(camera); view && view->frame() >= 0)
        m_classMapper->request(view->frame());
}

void MainWindow::refreshDetectorVersions()
{
    m_detectorVersions.clear();
    if (!m_session || !m_session->campaign())
        return;
    QString error;
    auto dataset = db::Dataset::open(m_session->datasetPath(), db::Dataset::OpenMode::MustExist, &error);
    if (!dataset)
        return;
    const QString name = QStringLiteral("centernet-") + m_session->cameraName(detectorCamera());
    for (const db::ModelRecord &m : dataset->models()) {
        if (m.name == name)
            m_detectorVersions.prepend(m.version); // newest first
    }
}

void MainWindow::nextDetectorError(int direction)
{
    if (!m_session || !m_session->player())
        return;
    refreshReview();
    const int camera = detectorCamera();
    const qint64 here = m_session->currentFrame(camera);
    qint64 best = -1;
    for (int row = 0; row < m_reviewPanel->errorFrameCount(); ++row) {
        const qint64 f = m_reviewPanel->errorFrame(row);
        if (direction > 0 ? (f > here && (best < 0 || f < best)) : (f < here && (best < 0 || f > best)))
            best = f;
    }
    if (best < 0) {
        statusBar()->showMessage(direction > 0 ? tr("No detector error after this frame") : tr("No detector error before this frame"), 4000);
        return;
    }
    m_session->player()->seekFrame(camera, best);
}

int MainWindow::proposerCamera() const
{
    if (m_activeView && m_activeView->camera() >= 0)
        return m_activeView->camera();
    return detectorCamera();
}

int MainWindow::detectorCamera() const
{
    if (!m_session)
        return -1;
    const int ir = m_session->cameraOf(QStringLiteral("ir"));
    return ir >= 0 ? ir : m_session->masterCamera();
}

void MainWindow::startTraining(bool resume)
{
    if (!m_session || m_session->state() != CampaignSession::State::Ready) {
        m_trainingPanel->setMessage(tr("Open a campaign first"));
        return;
    }
    m_trainingDock->show();
    m_trainingDock->raise();
    const int camera = detectorCamera();
    DetectorTrainer::Job job;
    job.campaign = m_session->sharedCampaign();
    job.manifestPath = m_session->manifestPath();
    job.camera = camera;
    job.inputScale = camera == m_session->cameraOf(QStringLiteral("ir")) ? 2.0 : 1.0;
    analystLabels(camera, &job.boxes, &job.noTarget);
    job.epochs = m_trainingPanel->epochs();
    job.stepsPerEpoch = m_trainingPanel->stepsPerEpoch();
    job.seed = std::uint64_t(m_trainingPanel->seed());
    job.resume = resume;
    job.datasetPath = m_session->datasetPath();
    job.modelDir = QFileInfo(job.datasetPath).dir().filePath(QStringLiteral("models"));
    // A resumed run goes on from the checkpoint's curve, whoever wrote it (this window, another
    // session or vigie-cli): the panel shows that curve, then the new epochs.
    m_trainingPanel->clearCurves();
    if (resume) {
        for (const QJsonValue &v : DetectorTrainer::savedCurve(job.modelDir, m_session->cameraName(camera))) {
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

void MainWindow::showImportSummary()
{
    if (!m_session || !m_session->campaign())
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Import Summary"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *text = new QPlainTextEdit(&dialog);
    text->setObjectName(QStringLiteral("importSummaryText"));
    text->setReadOnly(true);
    text->setPlainText(m_session->importSummary().lines().join(QLatin1Char('\n')));
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(760, 360);
    dialog.exec();
}

void MainWindow::editContrast()
{
    if (!m_session)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("IR Contrast Window"));
    auto *form = new QFormLayout(&dialog);
    auto *low = new QSpinBox(&dialog);
    auto *high = new QSpinBox(&dialog);
    for (QSpinBox *b : {low, high})
        b->setRange(0, 65535);
    const ContrastWindow w = m_session->contrast();
    low->setValue(w.low);
    high->setValue(w.high);
    form->addRow(tr("Low (black)"), low);
    form->addRow(tr("High (white)"), high);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_autoContrastAction->setChecked(false);
    m_session->setContrast({false, low->value(), std::max(low->value() + 1, high->value())});
}

std::int64_t MainWindow::currentBox(bool proposalsFirst) const
{
    FrameView *view = m_activeView;
    if (!m_session || !view || view->camera() < 0 || view->frame() < 0)
        return 0;
    if (view->selectedBox() != 0 && m_session->annotations()->box(view->selectedBox()))
        return view->selectedBox();
    const auto boxes = m_session->annotations()->boxes(view->camera(), view->frame());
    for (const Annotation &b : boxes) {
        if (!proposalsFirst || b.state == db::BoxState::Proposed)
            return b.handle;
    }
    return boxes.empty() || proposalsFirst ? 0 : boxes.front().handle;
}

void MainWindow::acceptBox()
{
    if (const std::int64_t h = currentBox(true); h && m_session) {
        m_activeView->selectBox(h);
        m_session->editor()->accept(h);
    }
}

void MainWindow::rejectBox()
{
    if (const std::int64_t h = currentBox(true); h && m_session) {
        m_activeView->selectBox(h);
        m_session->editor()->reject(h);
    }
}

void MainWindow::deleteBox()
{
    if (m_session && m_activeView && m_activeView->selectedBox()) {
        const std::int64_t h = m_activeView->selectedBox();
        m_activeView->selectBox(0);
        m_session->editor()->remove(h);
    }
}

void MainWindow::cycleClass()
{
    if (const std::int64_t h = currentBox(false); h && m_session) {
        m_activeView->selectBox(h);
        m_session->editor()->cycleClass(h);
    }
}

void MainWindow::nextProposal(int direction)
{
    FrameView *view = m_activeView;
    if (!m_session || !view || view->camera() < 0)
        return;
    const int camera = view->camera();
    std::vector<std::int64_t> here;
    for (const Annotation &b : m_session->annotations()->boxes(camera, view->frame())) {
        if (b.state == db::BoxState::Proposed)
            here.push_back(b.handle);
    }
    // Another proposal on this frame, in handle order.
    const auto at = std::find(here.begin(), here.end(), view->selectedBox());
    if (at != here.end()) {
        const auto next = direction > 0 ? at + 1 : (at == here.begin() ? here.end() : at - 1);
        if (next != here.end()) {
            view->selectBox(*next);
            return;
        }
    } else if (!here.empty()) {
        view->selectBox(direction > 0 ? here.front() : here.back());
        return;
    }
    // Else the nearest frame with one.
    const auto frames = m_session->annotations()->annotatedFrames(camera);
    auto hasProposal = [&](std::int64_t f) {
        for (const Annotation &b : m_session->annotations()->boxes(camera, f)) {
            if (b.state == db::BoxState::Proposed)
                return true;
        }
        return false;
    };
    std::int64_t target = -1;
    if (direction > 0) {
        for (auto it = std::upper_bound(frames.begin(), frames.end(), view->frame()); it != frames.end(); ++it) {
            if (hasProposal(*it)) {
                target = *it;
                break;
            }
        }
    } else {
        for (auto it = std::lower_bound(frames.begin(), frames.end(), view->frame()); it != frames.begin();) {
            --it;
            if (hasProposal(*it)) {
                target = *it;
                break;
            }
        }
    }
    if (target < 0) {
        statusBar()->showMessage(tr("No more proposals in this direction"), 3000);
        return;
    }
    m_selectProposalOnArrival = true;
    m_session->player()->pause();
    m_session->player()->seekFrame(camera, target);
}

void MainWindow::nextUnreviewed(int direction)
{
    FrameView *view = m_activeView;
    if (!m_session || !view || view->camera() < 0)
        return;
    const int camera = view->camera();
    const std::int64_t count = m_session->frameCount(camera);
    for (std::int64_t f = m_session->currentFrame(camera) + direction; f >= 0 && f < count; f += direction) {
        if (m_session->annotations()->frameState(camera, f) != FrameAnnotationState::Accepted) {
            m_session->player()->pause();
            m_session->player()->seekFrame(camera, f);
            return;
        }
    }
    statusBar()->showMessage(tr("Every frame in this direction is reviewed"), 3000);
}

void MainWindow::toggleReviewed()
{
    FrameView *view = m_activeView;
    if (!m_session || !view || view->camera() < 0 || view->frame() < 0)
        return;
    db::FrameFlags flags = m_session->annotations()->flags(view->camera(), view->frame());
    flags.reviewed = !flags.reviewed;
    m_session->editor()->setFrameFlags(view->camera(), view->frame(), flags);
}

void MainWindow::toggleNoTarget()
{
    FrameView *view = m_activeView;
    if (!m_session || !view || view->camera() < 0 || view->frame() < 0)
        return;
    db::FrameFlags flags = m_session->annotations()->flags(view->camera(), view->frame());
    flags.notVisible = !flags.notVisible;
    m_session->editor()->setFrameFlags(view->camera(), view->frame(), flags);
}

void MainWindow::showPreferences()
{
    QList<PreferencesDialog::Language> languages;
    const auto available = i18n::availableLanguages();
    for (const i18n::Language &language : available)
        languages.append({language.code, language.nativeName});
    QSettings settings;
    const QString current = settings.value(QLatin1String(i18n::settingsKey)).toString();
    PreferencesDialog dialog(languages, current, this);
    dialog.setProposerSteps(settings.value(QStringLiteral("proposer/steps"), 400).toInt());
    if (dialog.exec() != QDialog::Accepted)
        return;
    settings.setValue(QStringLiteral("proposer/steps"), dialog.proposerSteps());
    if (dialog.languageCode() != current) {
        settings.setValue(QLatin1String(i18n::settingsKey), dialog.languageCode());
        statusBar()->showMessage(tr("The new language takes effect when Vigie restarts."), 8000);
    }
}

void MainWindow::showShortcuts()
{
    QList<QMenu *> menus;
    const auto actions = menuBar()->actions();
    for (QAction *action : actions) {
        if (action->menu())
            menus.append(action->menu());
    }
    ShortcutSheet sheet(menus, this);
    sheet.exec();
}

void MainWindow::showAbout()
{
    QString rows;
    const auto components = allComponents();
    for (const ComponentVersion &c : components) {
        rows += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td><td>%3</td></tr>")
                    .arg(c.name.toHtmlEscaped(), c.version.toHtmlEscaped(), c.detail.toHtmlEscaped());
    }
    QMessageBox::about(this, tr("About Vigie"),
                       tr("<h3>Vigie %1</h3><p>A workstation for counter-drone measurement campaigns: "
                          "synchronized RGB and infrared video, GPS-RTK and turret telemetry, weak box "
                          "proposals, correction and detector training.</p>")
                               .arg(versionString())
                           + QStringLiteral("<table cellspacing=\"4\">%1</table>").arg(rows));
}

} // namespace vigie
