#pragma once

#include "inference/detectorpipeline.h"
#include "models/annotation/annotationmodel.h"
#include "models/annotation/records.h"
#include "models/imaging/palette.h"

#include <QMainWindow>
#include <QPointer>

#include <optional>
#include <set>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QSplitter;
class QTimer;
class QUndoStack;

namespace vigie {

class AnnotationController;
class CommandRegistry;
class DetectorController;
class PlaybackController;
class ProposerController;
class SaveStatus;
class StatusIndicators;
class TelemetryController;
class ViewController;

class CampaignSession;
class FrameView;
class ImageView;
class MessageLogModel;
class TelemetryPanel;
class TimelineWidget;
struct FrameOverlay;

/// The workstation's main window: the RGB and IR views side by side over the timeline, the
/// telemetry, undo history and message docks, and every command as a QAction in the menus with
/// its (rebindable) shortcut. A campaign is opened by a CampaignSession, which does the work;
/// the window shows it and turns gestures into the session's commands. Layout, view settings,
/// shortcuts, recent campaigns and the last frame persist in QSettings. GUI thread only.
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
    AnnotationController *annotationController() const { return m_annotation; }
    FrameView *rgbView() const { return m_rgbView; }
    FrameView *irView() const { return m_irView; }
    TimelineWidget *timeline() const { return m_timeline; }
    TelemetryPanel *telemetry() const { return m_telemetry; }
    CampaignSession *session() const;
    /// Every command of the window; the controllers add theirs here.
    CommandRegistry *commands() const { return m_commands; }
    /// The status bar's progress, for background work.
    void showProgress(const QString &phase, qint64 done, qint64 total);
    void hideProgress();
    /// The view showing a camera, or nullptr.
    FrameView *viewOf(int camera) const;
    /// Enables each command for the state of the campaign and of the background work.
    void updateActions();

    ViewLayout viewLayout() const { return m_layout; }
    void setViewLayout(ViewLayout layout);

    /// Opens a campaign.json (closing the current one); campaignOpened() or campaignFailed()
    /// follows. `datasetPath` empty: annotations.sqlite beside the manifest.
    void openCampaign(const QString &manifestPath, const QString &datasetPath = QString());
    /// Closes the campaign. When edits could not be written (a locked file, a full disk), asks
    /// first: retry, discard them, or keep the campaign open (false).
    bool closeCampaign();
    /// The view the keyboard's box commands act on (the last one clicked; at first the
    /// master camera's).
    FrameView *activeView() const;
    void setActiveView(FrameView *view);
    QStringList recentCampaigns() const;

Q_SIGNALS:
    void campaignOpened();
    void campaignFailed(const QString &error);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void createDocks();
    void restoreState();
    void saveState() const;
    void updateRecentMenu();
    void updateFrameLabel();

    void sessionOpened();
    void frameShown(int camera, const QImage &image, qint64 frame, const FrameOverlay &overlay);

    void openDialog();



    CommandRegistry *m_commands;
    QUndoStack *m_undoStack;
    MessageLogModel *m_messages;
    QSplitter *m_splitter;
    FrameView *m_rgbView;
    FrameView *m_irView;
    TimelineWidget *m_timeline;
    TelemetryPanel *m_telemetry;
    QPointer<CampaignSession> m_session;
    FrameView *m_activeView = nullptr;
    QDockWidget *m_undoDock = nullptr;
    QDockWidget *m_messagesDock = nullptr;
    QDockWidget *m_telemetryDock = nullptr;
    SaveStatus *m_saveStatus;
    StatusIndicators *m_status;
    ViewLayout m_layout = ViewLayout::SideBySide;
    qint64 m_restoreFrame = -1;

    QMenu *m_recentMenu = nullptr;
    QMenu *m_panelsMenu = nullptr;
    QActionGroup *m_layoutGroup = nullptr;
    AnnotationController *m_annotation = nullptr;
    ViewController *m_view = nullptr;
    PlaybackController *m_playback = nullptr;
    TelemetryController *m_telemetryController = nullptr;
    DetectorController *m_detector = nullptr;
    ProposerController *m_proposer = nullptr;
};

} // namespace vigie
