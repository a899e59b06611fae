#include "app/mainwindow.h"

#include "app/components.h"
#include "app/i18n.h"
#include "models/buildinfo.h"
#include "models/messagelogmodel.h"
#include "widgets/imageview.h"
#include "widgets/preferencesdialog.h"
#include "widgets/shortcutsheet.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QUndoStack>
#include <QUndoView>

namespace vigie {

namespace {
const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");
const QString splitterKey = QStringLiteral("mainWindow/splitter");
const QString layoutKey = QStringLiteral("mainWindow/viewLayout");
constexpr int stateVersion = 1;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_undoStack(new QUndoStack(this))
    , m_messages(new MessageLogModel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_rgbView(new ImageView(m_splitter))
    , m_irView(new ImageView(m_splitter))
    , m_cursorLabel(new QLabel(this))
    , m_zoomLabel(new QLabel(this))
{
    setWindowTitle(tr("Vigie"));
    setObjectName(QStringLiteral("mainWindow"));
    setDockNestingEnabled(true);

    const QString empty = tr("No campaign open");
    m_rgbView->setObjectName(QStringLiteral("rgbView"));
    m_rgbView->setTitle(tr("RGB"));
    m_rgbView->setPlaceholderText(empty);
    m_irView->setObjectName(QStringLiteral("irView"));
    m_irView->setTitle(tr("IR"));
    m_irView->setPlaceholderText(empty);
    m_splitter->setObjectName(QStringLiteral("viewSplitter"));
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    statusBar()->addPermanentWidget(m_cursorLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    for (ImageView *view : {m_rgbView, m_irView}) {
        connect(view, &ImageView::cursorMoved, this, [this](const QPointF &p, bool inside) {
            m_cursorLabel->setText(inside ? tr("x %1  y %2").arg(int(p.x())).arg(int(p.y()))
                                          : QString());
        });
        connect(view, &ImageView::zoomChanged, this, [this](double zoom) {
            m_zoomLabel->setText(tr("%1 %").arg(qRound(zoom * 100)));
        });
    }

    createActions();
    createMenus();
    createDocks();
    restoreState();
    statusBar()->showMessage(tr("Ready"), 3000);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("actionQuit"));
    m_quitAction->setShortcuts(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_undoStack->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("actionUndo"));
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_redoAction = m_undoStack->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("actionRedo"));
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                                QKeySequence(Qt::CTRL | Qt::Key_Y)});

    m_preferencesAction = new QAction(tr("&Preferences…"), this);
    m_preferencesAction->setObjectName(QStringLiteral("actionPreferences"));
    m_preferencesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);

    m_zoomInAction = new QAction(tr("Zoom &In"), this);
    m_zoomInAction->setObjectName(QStringLiteral("actionZoomIn"));
    m_zoomInAction->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::Key_Plus)});
    connect(m_zoomInAction, &QAction::triggered, this, [this] {
        for (ImageView *view : targetViews())
            view->zoomIn();
    });
    m_zoomOutAction = new QAction(tr("Zoom &Out"), this);
    m_zoomOutAction->setObjectName(QStringLiteral("actionZoomOut"));
    m_zoomOutAction->setShortcuts({QKeySequence::ZoomOut, QKeySequence(Qt::Key_Minus)});
    connect(m_zoomOutAction, &QAction::triggered, this, [this] {
        for (ImageView *view : targetViews())
            view->zoomOut();
    });
    m_fitAction = new QAction(tr("&Fit to View"), this);
    m_fitAction->setObjectName(QStringLiteral("actionFit"));
    m_fitAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_0), QKeySequence(Qt::Key_F)});
    connect(m_fitAction, &QAction::triggered, this, [this] {
        for (ImageView *view : targetViews())
            view->fitToView();
    });
    m_actualSizeAction = new QAction(tr("&Actual Pixels"), this);
    m_actualSizeAction->setObjectName(QStringLiteral("actionActualSize"));
    m_actualSizeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_actualSizeAction, &QAction::triggered, this, [this] {
        for (ImageView *view : targetViews())
            view->actualSize();
    });

    m_layoutGroup = new QActionGroup(this);
    const struct
    {
        ViewLayout layout;
        QString text;
        const char *name;
        QKeySequence key;
    } layouts[] = {
        {ViewLayout::SideBySide, tr("&Side by Side"), "actionLayoutSideBySide",
         QKeySequence(Qt::ALT | Qt::Key_1)},
        {ViewLayout::Stacked, tr("S&tacked"), "actionLayoutStacked",
         QKeySequence(Qt::ALT | Qt::Key_2)},
        {ViewLayout::RgbOnly, tr("&RGB Only"), "actionLayoutRgbOnly",
         QKeySequence(Qt::ALT | Qt::Key_3)},
        {ViewLayout::IrOnly, tr("&IR Only"), "actionLayoutIrOnly",
         QKeySequence(Qt::ALT | Qt::Key_4)},
    };
    for (const auto &entry : layouts) {
        auto *action = new QAction(entry.text, m_layoutGroup);
        action->setObjectName(QString::fromLatin1(entry.name));
        action->setCheckable(true);
        action->setShortcut(entry.key);
        action->setData(int(entry.layout));
        const ViewLayout layout = entry.layout;
        connect(action, &QAction::triggered, this, [this, layout] { setViewLayout(layout); });
    }

    m_shortcutsAction = new QAction(tr("&Keyboard Shortcuts"), this);
    m_shortcutsAction->setObjectName(QStringLiteral("actionShortcuts"));
    m_shortcutsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);

    m_aboutAction = new QAction(tr("&About Vigie"), this);
    m_aboutAction->setObjectName(QStringLiteral("actionAbout"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setObjectName(QStringLiteral("actionAboutQt"));
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("menuEdit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_preferencesAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("menuView"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_fitAction);
    view->addAction(m_actualSizeAction);
    view->addSeparator();
    QMenu *layout = view->addMenu(tr("&Layout"));
    layout->setObjectName(QStringLiteral("menuLayout"));
    layout->addActions(m_layoutGroup->actions());
    QMenu *panels = view->addMenu(tr("&Panels"));
    panels->setObjectName(QStringLiteral("menuPanels"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
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

    auto *messageView = new QListView;
    messageView->setObjectName(QStringLiteral("messageView"));
    messageView->setModel(m_messages);
    messageView->setUniformItemSizes(true);
    messageView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_messages, &QAbstractItemModel::rowsInserted, messageView,
            &QAbstractItemView::scrollToBottom);
    m_messagesDock = new QDockWidget(tr("Messages"), this);
    m_messagesDock->setObjectName(QStringLiteral("messagesDock"));
    m_messagesDock->setWidget(messageView);
    addDockWidget(Qt::BottomDockWidgetArea, m_messagesDock);

    auto *panels = menuBar()->findChild<QMenu *>(QStringLiteral("menuPanels"));
    for (QDockWidget *dock : {m_undoDock, m_messagesDock}) {
        QAction *toggle = dock->toggleViewAction();
        panels->addAction(toggle);
    }
    m_undoDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_U));
    m_messagesDock->toggleViewAction()->setShortcut(
        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M));
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
    for (ImageView *view : {m_rgbView, m_irView}) {
        if (view->hasFocus() && view->isVisible())
            return {view};
    }
    QList<ImageView *> visible;
    for (ImageView *view : {m_rgbView, m_irView}) {
        if (view->isVisible())
            visible.append(view);
    }
    return visible;
}

void MainWindow::restoreState()
{
    QSettings settings;
    restoreGeometry(settings.value(geometryKey).toByteArray());
    QMainWindow::restoreState(settings.value(stateKey).toByteArray(), stateVersion);
    m_splitter->restoreState(settings.value(splitterKey).toByteArray());
    const int layout = settings.value(layoutKey, int(ViewLayout::SideBySide)).toInt();
    setViewLayout(layout >= int(ViewLayout::SideBySide) && layout <= int(ViewLayout::IrOnly)
                      ? ViewLayout(layout)
                      : ViewLayout::SideBySide);
    if (!settings.contains(geometryKey)) {
        resize(1400, 860);
        resizeDocks({m_messagesDock}, {120}, Qt::Vertical);
        resizeDocks({m_undoDock}, {260}, Qt::Horizontal);
    }
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, QMainWindow::saveState(stateVersion));
    settings.setValue(splitterKey, m_splitter->saveState());
    settings.setValue(layoutKey, int(m_layout));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    event->accept();
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
    if (dialog.exec() != QDialog::Accepted)
        return;
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
                    .arg(c.name.toHtmlEscaped(), c.version.toHtmlEscaped(),
                         c.detail.toHtmlEscaped());
    }
    QMessageBox::about(
        this, tr("About Vigie"),
        tr("<h3>Vigie %1</h3><p>A workstation for counter-drone measurement campaigns: "
           "synchronized RGB and infrared video, GPS-RTK and turret telemetry, weak box "
           "proposals, correction and detector training.</p>")
                .arg(versionString())
            + QStringLiteral("<table cellspacing=\"4\">%1</table>").arg(rows));
}

} // namespace vigie
