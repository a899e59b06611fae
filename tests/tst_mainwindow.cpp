#include "app/i18n.h"
#include "app/mainwindow.h"
#include "app/messagesink.h"
#include "models/messagelogmodel.h"
#include "widgets/frameview.h"
#include "widgets/shortcutsheet.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using vigie::MainWindow;

namespace {

QList<QMenu *> topMenus(const MainWindow &window)
{
    QList<QMenu *> menus;
    const auto actions = window.menuBar()->actions();
    for (QAction *action : actions) {
        if (action->menu())
            menus.append(action->menu());
    }
    return menus;
}

void collectActions(const QMenu *menu, QList<QAction *> &out)
{
    const auto actions = menu->actions();
    for (QAction *action : actions) {
        if (action->menu())
            collectActions(action->menu(), out);
        else if (!action->isSeparator())
            out.append(action);
    }
}

class CountingCommand : public QUndoCommand
{
public:
    explicit CountingCommand(int *value)
        : QUndoCommand(QStringLiteral("Increment"))
        , m_value(value)
    {
    }
    void redo() override { ++*m_value; }
    void undo() override { --*m_value; }

private:
    int *m_value;
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("VigieTest"));
        QApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
    }

    void menusAndDocks()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QStringList titles;
        for (QMenu *menu : topMenus(window))
            titles << menu->objectName();
        QCOMPARE(titles, (QStringList{QStringLiteral("menuFile"), QStringLiteral("menuEdit"),
                                      QStringLiteral("menuPlayback"), QStringLiteral("menuView"),
                                      QStringLiteral("menuProposals"), QStringLiteral("menuDetector"),
                                      QStringLiteral("menuHelp")}));

        for (const char *name : {"telemetryDock", "messagesDock"}) {
            auto *dock = window.findChild<QDockWidget *>(QString::fromLatin1(name));
            QVERIFY2(dock, name);
            QVERIFY2(dock->isVisible(), name);
        }
        QVERIFY(window.rgbView()->isVisible());
        QVERIFY(window.irView()->isVisible());
        QVERIFY(window.rgbView()->placeholderText().startsWith(QStringLiteral("No campaign open")));
    }

    void shortcutsAreUniqueAndListed()
    {
        MainWindow window;
        QList<QAction *> actions;
        for (QMenu *menu : topMenus(window))
            collectActions(menu, actions);
        QHash<QKeySequence, QString> owner;
        int withShortcut = 0;
        for (QAction *action : std::as_const(actions)) {
            const auto shortcuts = action->shortcuts();
            withShortcut += shortcuts.isEmpty() ? 0 : 1;
            for (const QKeySequence &key : shortcuts) {
                QVERIFY2(!owner.contains(key),
                         qPrintable(QStringLiteral("%1 is bound to both '%2' and '%3'")
                                        .arg(key.toString(), owner.value(key), action->text())));
                owner.insert(key, action->text());
            }
        }
        QVERIFY(withShortcut >= 10);
        vigie::ShortcutSheet sheet(topMenus(window));
        QCOMPARE(sheet.shortcutCount(), withShortcut);
    }

    void layoutActions()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("viewSplitter"));
        QVERIFY(splitter);

        window.findChild<QAction *>(QStringLiteral("actionLayoutStacked"))->trigger();
        QCOMPARE(splitter->orientation(), Qt::Vertical);
        QCOMPARE(window.viewLayout(), MainWindow::ViewLayout::Stacked);

        window.findChild<QAction *>(QStringLiteral("actionLayoutIrOnly"))->trigger();
        QVERIFY(!window.rgbView()->isVisible());
        QVERIFY(window.irView()->isVisible());

        // The key works, not only the menu entry.
        QTest::keyClick(&window, Qt::Key_1, Qt::AltModifier);
        QCOMPARE(window.viewLayout(), MainWindow::ViewLayout::SideBySide);
        QVERIFY(window.rgbView()->isVisible());
        QCOMPARE(splitter->orientation(), Qt::Horizontal);
    }

    void layoutPersists()
    {
        {
            MainWindow window;
            window.show();
            window.setViewLayout(MainWindow::ViewLayout::RgbOnly);
            window.close();
        }
        MainWindow again;
        QCOMPARE(again.viewLayout(), MainWindow::ViewLayout::RgbOnly);
        again.setViewLayout(MainWindow::ViewLayout::SideBySide);
        again.close();
    }

    void zoomActionsReachTheViews()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.rgbView()->setImage(QImage(1280, 720, QImage::Format_RGB32));
        window.irView()->setImage(QImage(640, 512, QImage::Format_Grayscale16));
        // No view has the focus: the command acts on both.
        window.setFocus();
        window.rgbView()->clearFocus();
        window.irView()->clearFocus();
        window.findChild<QAction *>(QStringLiteral("actionActualSize"))->trigger();
        QCOMPARE(window.rgbView()->zoom(), 1.0);
        QCOMPARE(window.irView()->zoom(), 1.0);
        // A focused view: the command acts on it alone.
        window.irView()->setFocus();
        QTRY_VERIFY(window.irView()->hasFocus());
        window.findChild<QAction *>(QStringLiteral("actionZoomIn"))->trigger();
        QCOMPARE(window.irView()->zoom(), 1.25);
        QCOMPARE(window.rgbView()->zoom(), 1.0); // only the focused view
    }

    void undoStackDrivesMenuAndHistory()
    {
        MainWindow window;
        QAction *undo = window.findChild<QAction *>(QStringLiteral("actionUndo"));
        QAction *redo = window.findChild<QAction *>(QStringLiteral("actionRedo"));
        QVERIFY(undo && redo);
        QVERIFY(!undo->isEnabled());
        int value = 0;
        window.undoStack()->push(new CountingCommand(&value));
        QCOMPARE(value, 1);
        QVERIFY(undo->isEnabled());
        undo->trigger();
        QCOMPARE(value, 0);
        QVERIFY(redo->isEnabled());
        redo->trigger();
        QCOMPARE(value, 1);
    }

    void messagesReachTheDock()
    {
        MainWindow window;
        vigie::routeMessagesTo(window.messages());
        qWarning("parser: line 3: bad checksum");
        QTRY_COMPARE(window.messages()->rowCount(), 1);
        QVERIFY(window.messages()->entry(0).text.contains(QStringLiteral("bad checksum")));
        QCOMPARE(window.messages()->entry(0).severity, QtWarningMsg);
        vigie::routeMessagesTo(nullptr);
        qWarning("not routed");
        QTest::qWait(20);
        QCOMPARE(window.messages()->rowCount(), 1);
    }

    void screenshot()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        qInfo("Vigie started.");
        const QString path = QStringLiteral(VIGIE_TEST_OUTPUT_DIR "/main-window.png");
        const QImage shot = window.grab().toImage();
        QVERIFY(shot.save(path));
        QCOMPARE(QImage(path).size(), shot.size());
        QVERIFY(shot.width() >= 1280 && shot.height() >= 800);
    }

    void french()
    {
        QVERIFY(vigie::i18n::install(*qApp, QStringLiteral("fr")));
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList titles;
        for (QMenu *menu : topMenus(window))
            titles << menu->title();
        QCOMPARE(titles.first(), QStringLiteral("&Fichier"));
        QVERIFY(window.rgbView()->placeholderText().startsWith(QStringLiteral("Aucune campagne ouverte")));
        QVERIFY(window.grab().save(QStringLiteral(VIGIE_TEST_OUTPUT_DIR "/main-window-fr.png")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
