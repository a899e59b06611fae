#include "app/mainwindow.h"

#include "app/annotationcontroller.h"
#include "app/campaignsession.h"
#include "app/commandregistry.h"
#include "app/detectorcontroller.h"
#include "app/dialogs.h"
#include "app/playbackcontroller.h"
#include "app/proposercontroller.h"
#include "app/recentcampaigns.h"
#include "app/savestatus.h"
#include "app/statusindicators.h"
#include "app/telemetrycontroller.h"
#include "app/viewcontroller.h"
#include "inference/runtime.h"
#include "models/media/syncplayer.h"
#include "models/messagelogmodel.h"
#include "widgets/frameview.h"
#include "widgets/telemetrypanel.h"
#include "widgets/timeline.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

namespace vigie {

namespace {
const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");
const QString splitterKey = QStringLiteral("mainWindow/splitter");
const QString layoutKey = QStringLiteral("mainWindow/viewLayout");
constexpr int stateVersion = 2;

QString frameKey(const QString &manifest)
{
    return QStringLiteral("campaignFrames/") + QString::fromLatin1(manifest.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_commands(new CommandRegistry(this))
    , m_undoStack(new QUndoStack(this))
    , m_messages(new MessageLogModel(this))
    , m_splitter(new QSplitter(Qt::Horizontal))
    , m_rgbView(new FrameView(m_splitter))
    , m_irView(new FrameView(m_splitter))
    , m_timeline(new TimelineWidget)
    , m_telemetry(new TelemetryPanel)
    , m_saveStatus(new SaveStatus(this))
    , m_status(new StatusIndicators(statusBar(), m_saveStatus->label()))
{
    // LibTorch's default intra-op count is the physical cores (1 on a 2-vCPU machine): the
    // trainer and the detector runner would use half the machine. Set once, here, on the main
    // thread before any network runs; worker threads take it up at their first operation.
    inference::configureThreads(0);
    setWindowTitle(tr("Vigie"));
    setObjectName(QStringLiteral("mainWindow"));
    setDockNestingEnabled(true);
    setAcceptDrops(true);

    m_rgbView->setObjectName(QStringLiteral("rgbView"));
    m_irView->setObjectName(QStringLiteral("irView"));
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

    for (FrameView *view : {m_rgbView, m_irView}) {
        view->setTitle(view == m_rgbView ? tr("RGB") : tr("IR"));
        view->setPlaceholderText(tr("No campaign open\n\nFile › Open Campaign (Ctrl+O), or drop a campaign.json here"));
        m_status->watch(view);
        connect(view, &FrameView::activated, this, [this, view] { setActiveView(view); });
    }
    m_telemetryController = new TelemetryController(this, m_timeline, m_telemetry);

    // One controller per area; each adds its commands to the registry and its docks.
    m_detector = new DetectorController(this);
    m_annotation = new AnnotationController(this);
    m_view = new ViewController(this);
    m_playback = new PlaybackController(this);
    m_proposer = new ProposerController(this);

    createMenus();
    createDocks();
    m_commands->applySavedBindings();
    restoreState();
    updateActions();
    statusBar()->showMessage(tr("Ready"), 3000);
}

MainWindow::~MainWindow()
{
    delete m_detector; // cancels and waits for a training or a run before the campaign goes
    m_detector = nullptr;
    delete m_proposer;
    m_proposer = nullptr;
    delete m_session;
}

void MainWindow::showProgress(const QString &phase, qint64 done, qint64 total)
{
    m_status->showProgress(phase, done, total);
}

void MainWindow::hideProgress()
{
    m_status->hideProgress();
}

CampaignSession *MainWindow::session() const
{
    return m_session;
}

void MainWindow::createMenus()
{
    // File, Edit and Help are the window's own; the rest come from the controllers.
    QAction *open = m_commands->add(tr("&Open Campaign…"), "actionOpen", {QKeySequence::Open});
    connect(open, &QAction::triggered, this, &MainWindow::openDialog);
    QAction *summary = m_commands->add(tr("Import &Summary…"), "actionImportSummary", {QKeySequence(Qt::CTRL | Qt::Key_I)},
                                       CommandRegistry::NeedsCampaign);
    connect(summary, &QAction::triggered, this, [this] {
        if (m_session && m_session->campaign())
            dialogs::showImportSummary(this, m_session->importSummary());
    });
    QAction *close = m_commands->add(tr("&Close Campaign"), "actionCloseCampaign", {QKeySequence::Close}, CommandRegistry::NeedsCampaign);
    connect(close, &QAction::triggered, this, &MainWindow::closeCampaign);
    QAction *quit = m_commands->add(tr("&Quit"), "actionQuit", {QKeySequence::Quit});
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    QMenu *file = CommandRegistry::addMenu(menuBar(), tr("&File"), "menuFile", {open});
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    file->addActions({summary, close});
    file->addSeparator();
    file->addAction(quit);

    QAction *undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    m_commands->adopt(undo, "actionUndo", QKeySequence::keyBindings(QKeySequence::Undo));
    QAction *redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    m_commands->adopt(redo, "actionRedo", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    QAction *keys = m_commands->add(tr("&Keyboard Shortcuts…"), "actionEditShortcuts", {QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K)});
    connect(keys, &QAction::triggered, this, [this] { m_commands->editBindings(this); });
    QAction *preferences = m_commands->add(tr("&Preferences…"), "actionPreferences", {QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, [this] { dialogs::showPreferences(this); });
    CommandRegistry::addMenu(menuBar(), tr("&Edit"), "menuEdit",
                             QList<QAction *>{undo, redo, nullptr} + m_annotation->editActions() + QList<QAction *>{nullptr, keys, preferences});

    CommandRegistry::addMenu(menuBar(), tr("&Playback"), "menuPlayback",
                             m_playback->transportActions() + QList<QAction *>{nullptr} + m_annotation->navigationActions()
                                 + QList<QAction *>{nullptr} + m_playback->speedActions());

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
        QAction *action = m_commands->add(entry.text, entry.name, {entry.key});
        m_layoutGroup->addAction(action);
        action->setCheckable(true);
        action->setData(int(entry.layout));
        connect(action, &QAction::triggered, this, [this, layout = entry.layout] { setViewLayout(layout); });
    }
    QMenu *view = CommandRegistry::addMenu(menuBar(), tr("&View"), "menuView", m_view->zoomActions() + QList<QAction *>{nullptr});
    CommandRegistry::addMenu(view, tr("&Overlays"), "menuOverlays", m_view->overlayActions());
    CommandRegistry::addMenu(view, tr("&Infrared"), "menuInfrared", m_view->infraredActions());
    CommandRegistry::addMenu(view, tr("&Layout"), "menuLayout", m_layoutGroup->actions());
    m_panelsMenu = CommandRegistry::addMenu(view, tr("&Panels"), "menuPanels", {});
    CommandRegistry::addMenu(menuBar(), tr("P&roposals"), "menuProposals", m_proposer->menuActions());
    CommandRegistry::addMenu(menuBar(), tr("&Detector"), "menuDetector", m_detector->menuActions());

    QAction *sheet = m_commands->add(tr("Keyboard &Shortcut Sheet"), "actionShortcuts", {QKeySequence(Qt::CTRL | Qt::Key_Slash)});
    connect(sheet, &QAction::triggered, this, [this] { dialogs::showShortcutSheet(this); });
    QAction *about = m_commands->add(tr("&About Vigie"), "actionAbout", {});
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] { dialogs::showAbout(this); });
    QAction *aboutQt = m_commands->add(tr("About &Qt"), "actionAboutQt", {});
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    CommandRegistry::addMenu(menuBar(), tr("&Help"), "menuHelp", {sheet, nullptr, about, aboutQt});

    auto *toolbar = addToolBar(tr("Playback"));
    toolbar->setObjectName(QStringLiteral("playbackToolBar"));
    toolbar->addActions(QList<QAction *>{open});
    toolbar->addSeparator();
    toolbar->addActions(m_playback->toolbarActions());
    toolbar->addSeparator();
    toolbar->addActions(m_view->toolbarActions());
    updateRecentMenu();
}

void MainWindow::createDocks()
{
    auto dock = [this](const QString &title, const char *id, QWidget *widget, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(QString::fromLatin1(id));
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    auto *undoView = new QUndoView(m_undoStack);
    undoView->setObjectName(QStringLiteral("undoView"));
    undoView->setEmptyLabel(tr("<campaign opened>"));
    m_undoDock = dock(tr("Undo History"), "undoDock", undoView, Qt::RightDockWidgetArea);
    m_telemetry->setObjectName(QStringLiteral("telemetryPanel"));
    m_telemetryDock = dock(tr("Telemetry"), "telemetryDock", m_telemetry, Qt::RightDockWidgetArea);
    auto *messageView = new QListView;
    messageView->setObjectName(QStringLiteral("messageView"));
    messageView->setModel(m_messages);
    messageView->setUniformItemSizes(true);
    messageView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_messages, &QAbstractItemModel::rowsInserted, messageView, &QAbstractItemView::scrollToBottom);
    m_messagesDock = dock(tr("Messages"), "messagesDock", messageView, Qt::BottomDockWidgetArea);
    for (QDockWidget *d : {m_undoDock, m_detector->trainingDock(), m_detector->reviewDock()}) {
        addDockWidget(Qt::RightDockWidgetArea, d);
        tabifyDockWidget(m_telemetryDock, d);
    }
    m_telemetryDock->raise();

    const std::pair<QDockWidget *, const char *> toggles[] = {
        {m_telemetryDock, "actionPanelTelemetry"}, {m_undoDock, "actionPanelUndo"}, {m_messagesDock, "actionPanelMessages"},
        {m_detector->trainingDock(), "actionPanelTraining"}, {m_detector->reviewDock(), "actionPanelReview"}};
    const Qt::Key keys[] = {Qt::Key_T, Qt::Key_U, Qt::Key_M, Qt::Key_D, Qt::Key_R};
    for (int i = 0; i < 5; ++i) {
        m_commands->adopt(toggles[i].first->toggleViewAction(), toggles[i].second, {QKeySequence(Qt::CTRL | Qt::ALT | keys[i])});
        m_panelsMenu->addAction(toggles[i].first->toggleViewAction());
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
    m_view->restoreSettings();
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
    m_view->saveSettings();
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
    return recent::campaigns();
}

void MainWindow::updateRecentMenu()
{
    recent::fillMenu(m_recentMenu, [this](const QString &path) { openCampaign(path); });
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
    if (!m_saveStatus->confirmClose(m_session))
        return false;
    m_detector->campaignClosing();
    m_proposer->campaignClosing();
    m_annotation->campaignClosing();
    saveState();
    delete m_session;
    m_session = nullptr;
    m_view->campaignClosed();
    m_telemetryController->campaignClosed();
    m_status->showTime(nullptr);
    m_saveStatus->clear();
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
        m_status->showProgress(what, done, total);
        statusBar()->showMessage(what);
    });
    connect(m_session, &CampaignSession::message, this, [](const QString &text) { qInfo().noquote() << text; });
    connect(m_session, &CampaignSession::failed, this, [this, path](const QString &error) {
        m_status->hideProgress();
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
    m_saveStatus->watch(m_session);
    CampaignSession::Options options;
    options.datasetPath = datasetPath;
    m_restoreFrame = QSettings().value(frameKey(path), -1).toLongLong();
    m_session->open(path, options);
    setWindowTitle(tr("Vigie — opening %1").arg(QFileInfo(path).dir().dirName()));
    updateActions();

    recent::remember(path);
    updateRecentMenu();
}

void MainWindow::sessionOpened()
{
    m_status->hideProgress();
    CampaignSession *s = m_session;
    const Campaign *campaign = s->campaign();
    setWindowTitle(tr("Vigie — %1").arg(campaign->manifest().name));
    m_view->campaignOpened();
    setActiveView(viewOf(s->masterCamera()) ? viewOf(s->masterCamera()) : m_rgbView);

    m_telemetryController->campaignOpened();
    connect(s->player(), &media::SyncPlayer::timeChanged, this, &MainWindow::updateFrameLabel);
    m_playback->campaignOpened();
    connect(s->annotations(), &AnnotationModel::frameChanged, m_detector, &DetectorController::annotationChanged);

    qInfo().noquote() << tr("Opened %1: %2 cameras, %3 master frames")
                             .arg(s->manifestPath())
                             .arg(s->cameraCount())
                             .arg(s->frameCount(s->masterCamera()));
    statusBar()->showMessage(tr("Opened %1").arg(campaign->manifest().name), 5000);
    updateActions();
    if (m_restoreFrame > 0 && m_restoreFrame < s->frameCount(s->masterCamera()))
        s->player()->seekFrame(s->masterCamera(), m_restoreFrame);
    updateFrameLabel();
    m_detector->campaignOpened();
    Q_EMIT campaignOpened();
}

void MainWindow::frameShown(int camera, const QImage &image, qint64 frame, const FrameOverlay &overlay)
{
    FrameView *view = m_view->showFrame(camera, image, frame, overlay);
    if (!view)
        return;
    m_proposer->frameShown(camera, frame);
    if (m_session && camera == m_session->masterCamera())
        m_telemetryController->masterFrameShown(frame);
    m_annotation->frameShown(view);
    updateFrameLabel();
}

void MainWindow::updateFrameLabel()
{
    m_status->showTime(m_session ? m_session->player() : nullptr);
}

void MainWindow::updateActions()
{
    const bool open = m_session && m_session->state() == CampaignSession::State::Ready;
    m_commands->setCampaignOpen(open);
    if (m_detector)
        m_detector->updateActions(open);
    if (m_proposer)
        m_proposer->updateActions(open);
}

} // namespace vigie
