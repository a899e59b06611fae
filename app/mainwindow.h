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

class DetectorTrainer;
class DetectorRunner;
class ProposerTrainer;
class ProposerRunner;
class ClassMapper;
class ReviewPanel;
class TrainingPanel;

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
    FrameView *rgbView() const { return m_rgbView; }
    FrameView *irView() const { return m_irView; }
    TimelineWidget *timeline() const { return m_timeline; }
    TelemetryPanel *telemetry() const { return m_telemetry; }
    CampaignSession *session() const;

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
    QAction *makeAction(const QString &text, const char *name, const QList<QKeySequence> &keys);
    void createActions();
    void createMenus();
    void createDocks();
    void restoreState();
    void saveState() const;
    void applySavedShortcuts();
    bool confirmUnsavedEdits();
    QList<QAction *> allActions() const;
    /// The view zoom commands act on: the one that has focus, else both.
    QList<ImageView *> targetViews() const;
    FrameView *viewOf(int camera) const;
    void updateActions();
    void updateRecentMenu();
    void updateFrameLabel();
    void updateMarkers();

    void sessionOpened();
    void frameShown(int camera, const QImage &image, qint64 frame, const FrameOverlay &overlay);
    void annotationChanged(int camera, qint64 frame);

    void openDialog();
    void showImportSummary();
    void editShortcuts();
    void showPreferences();
    void showShortcuts();
    void showAbout();
    void editContrast();

    // Box and frame commands on the active view.
    void acceptBox();
    void rejectBox();
    void deleteBox();
    void cycleClass();
    void nextProposal(int direction);
    void nextUnreviewed(int direction);
    void toggleReviewed();
    void toggleNoTarget();
    std::int64_t currentBox(bool proposalsFirst) const;

    // The detector.
    void startTraining(bool resume);
    void runDetector();
    /// Recomputes the review of the chosen detector against the accepted boxes.
    void refreshReview();
    /// The analysts' labels of a camera, as training and the review read them (decision 23).
    void analystLabels(int camera, inference::FrameBoxes *boxes, std::set<std::int64_t> *noTarget) const;
    /// Re-reads the registered detectors of the review camera from the dataset.
    void refreshDetectorVersions();
    void nextDetectorError(int direction);
    /// The camera training and review work on: IR when there is one.
    int detectorCamera() const;
    /// The newest model of a network ("wildcat", "centernet") for a camera. None: `error` says
    /// why, the dataset unreadable or nothing trained yet (and which command trains it).
    std::optional<db::ModelRecord> newestModel(const QString &network, int camera, QString *error) const;
    /// Adds boxes computed in the background as proposals, skipping frames that already hold
    /// boxes of the same model version (runs repeated on the same model add nothing twice).
    int addProposals(int camera, const std::vector<Annotation> &boxes, db::BoxSource source, const QString &version);

    // The WILDCAT proposer (docs/PROPOSER.md), on the active view's camera.
    int proposerCamera() const;
    void trainProposer();
    void runProposer();
    void setClassMapShown(bool shown);

    QUndoStack *m_undoStack;
    MessageLogModel *m_messages;
    QSplitter *m_splitter;
    FrameView *m_rgbView;
    FrameView *m_irView;
    TimelineWidget *m_timeline;
    TelemetryPanel *m_telemetry;
    QPointer<CampaignSession> m_session;
    FrameView *m_activeView = nullptr;
    bool m_selectProposalOnArrival = false;
    QDockWidget *m_undoDock = nullptr;
    QDockWidget *m_messagesDock = nullptr;
    QDockWidget *m_telemetryDock = nullptr;
    QLabel *m_frameLabel;
    QLabel *m_saveLabel;
    QLabel *m_cursorLabel;
    QLabel *m_zoomLabel;
    QProgressBar *m_progress;
    ViewLayout m_layout = ViewLayout::SideBySide;
    ThermalPalette m_palette = ThermalPalette::WhiteHot;
    qint64 m_restoreFrame = -1;

    QAction *m_openAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_summaryAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_acceptAction = nullptr;
    QAction *m_rejectAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_cycleClassAction = nullptr;
    QAction *m_nextProposalAction = nullptr;
    QAction *m_prevProposalAction = nullptr;
    QAction *m_reviewedAction = nullptr;
    QAction *m_noTargetAction = nullptr;
    QAction *m_editShortcutsAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QAction *m_playAction = nullptr;
    QAction *m_stepForwardAction = nullptr;
    QAction *m_stepBackAction = nullptr;
    QAction *m_forward10Action = nullptr;
    QAction *m_back10Action = nullptr;
    QAction *m_firstFrameAction = nullptr;
    QAction *m_lastFrameAction = nullptr;
    QAction *m_nextUnreviewedAction = nullptr;
    QAction *m_prevUnreviewedAction = nullptr;
    QAction *m_fasterAction = nullptr;
    QAction *m_slowerAction = nullptr;
    QAction *m_normalSpeedAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_actualSizeAction = nullptr;
    QAction *m_followAction = nullptr;
    QList<QAction *> m_overlayActions;
    QActionGroup *m_paletteGroup = nullptr;
    QAction *m_cyclePaletteAction = nullptr;
    QAction *m_autoContrastAction = nullptr;
    QAction *m_contrastAction = nullptr;
    QActionGroup *m_layoutGroup = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QAction *m_trainAction = nullptr;
    QAction *m_resumeTrainingAction = nullptr;
    QAction *m_cancelTrainingAction = nullptr;
    QDockWidget *m_trainingDock = nullptr;
    TrainingPanel *m_trainingPanel = nullptr;
    DetectorTrainer *m_trainer = nullptr;
    QAction *m_runDetectorAction = nullptr;
    QAction *m_nextErrorAction = nullptr;
    QAction *m_prevErrorAction = nullptr;
    QDockWidget *m_reviewDock = nullptr;
    ReviewPanel *m_reviewPanel = nullptr;
    DetectorRunner *m_runner = nullptr;
    QTimer *m_reviewTimer = nullptr; ///< coalesces review updates after edits
    QStringList m_detectorVersions;  ///< registered detectors of the review camera
    QAction *m_trainProposerAction = nullptr;
    QAction *m_cancelProposerAction = nullptr;
    QAction *m_proposeAction = nullptr;
    QAction *m_classMapAction = nullptr;
    ProposerTrainer *m_proposerTrainer = nullptr;
    ProposerRunner *m_proposerRunner = nullptr;
    ClassMapper *m_classMapper = nullptr;
    int m_proposingCamera = -1; ///< the camera of the proposer run in progress
    int m_classMapCamera = -1;  ///< the camera whose frames get the class map
};

} // namespace vigie
