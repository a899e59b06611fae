#pragma once

#include <QMainWindow>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QListView;
class QSplitter;
class QUndoStack;
class QUndoView;

namespace vigie {

class ImageView;
class MessageLogModel;

/// The workstation's main window: the RGB and IR views side by side, the docks, and every
/// command as a QAction in the menus with its shortcut. Layout (geometry, docks, view layout)
/// persists in QSettings. GUI thread only.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class ViewLayout { SideBySide, Stacked, RgbOnly, IrOnly };
    Q_ENUM(ViewLayout)

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    QUndoStack *undoStack() const { return m_undoStack; }
    MessageLogModel *messages() const { return m_messages; }
    ImageView *rgbView() const { return m_rgbView; }
    ImageView *irView() const { return m_irView; }

    ViewLayout viewLayout() const { return m_layout; }
    void setViewLayout(ViewLayout layout);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void restoreState();
    void saveState() const;
    /// The view zoom commands act on: the one that has focus, else both.
    QList<ImageView *> targetViews() const;

    void showPreferences();
    void showShortcuts();
    void showAbout();

    QUndoStack *m_undoStack;
    MessageLogModel *m_messages;
    QSplitter *m_splitter;
    ImageView *m_rgbView;
    ImageView *m_irView;
    QDockWidget *m_undoDock = nullptr;
    QDockWidget *m_messagesDock = nullptr;
    QLabel *m_cursorLabel;
    QLabel *m_zoomLabel;
    ViewLayout m_layout = ViewLayout::SideBySide;

    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_actualSizeAction = nullptr;
    QActionGroup *m_layoutGroup = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
};

} // namespace vigie
