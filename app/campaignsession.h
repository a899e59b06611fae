#pragma once

// One open campaign in the workstation: the controller that wires the libraries together. It
// loads the campaign off the GUI thread, starts one FrameServer per camera and the SyncPlayer
// over them, opens the dataset through its writer thread, and turns every frame that arrives
// into what a view shows (pixels through the IR palette, the projection, the boxes). It owns
// the AnnotationModel and the façade that edits it. GUI thread only.

#include "models/annotation/annotationeditor.h"
#include "models/annotation/annotationmodel.h"
#include "models/annotation/labels.h"
#include "models/annotation/transfer.h"
#include "models/campaign.h"
#include "models/imaging/palette.h"
#include "models/importsummary.h"
#include "models/presentation.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUndoStack>

#include <map>
#include <memory>
#include <optional>
#include <utility>


namespace vigie {

namespace media {
class FrameServer;
class SyncPlayer;
struct VideoFrame;
} // namespace media
namespace db {
class DatasetSession;
struct SessionContents;
} // namespace db

class CampaignSession : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString datasetPath;          ///< empty: annotations.sqlite beside campaign.json
        std::int64_t cacheBudgetMiB = 768; ///< per camera
        QString author;               ///< empty: the login name
    };
    enum class State { Loading, Ready, Failed };
    enum class SaveState { Saved, Saving, Failed };
    Q_ENUM(SaveState)

    CampaignSession(QUndoStack *undoStack, QObject *parent = nullptr);
    /// Commits every queued write before returning.
    ~CampaignSession() override;

    /// Starts loading; opened() or failed() follows. Call once.
    void open(const QString &manifestPath, const Options &options);
    State state() const { return m_state; }
    QString manifestPath() const { return m_manifestPath; }
    /// The loaded campaign, shared with background work (it is immutable).
    std::shared_ptr<const Campaign> sharedCampaign() const { return m_campaign; }
    QString datasetPath() const { return m_datasetPath; }

    const Campaign *campaign() const { return m_campaign.get(); }
    media::SyncPlayer *player() const { return m_player; }
    AnnotationModel *annotations() const { return m_annotations; }
    AnnotationEditor *editor() const { return m_editor.get(); }
    db::DatasetSession *dataset() const { return m_dataset; }
    const ImportSummary &importSummary() const { return m_summary; }

    int cameraCount() const;
    QString cameraName(int camera) const;
    /// The first camera of a modality ("rgb", "ir"), or −1.
    int cameraOf(const QString &modality) const;
    /// The player's stream of a camera is the camera's index.
    std::int64_t frameCount(int camera) const;
    std::int64_t currentFrame(int camera) const;
    int masterCamera() const;
    /// The camera the detector trains and reviews on, and the proposer's without an active view:
    /// IR when there is one, else the master camera.
    int analysisCamera() const;
    /// Where models and checkpoints of this dataset go: `models/` beside it.
    QString modelDir() const;

    /// The analysts' labels of a camera (models/annotation/labels.h), as training, calibration
    /// and the review read them.
    AnalystLabels analystLabels(int camera) const;
    /// A proposer's or detector's run as one undoable command (one transaction): each box a
    /// proposal of the campaign's class with this source and version. Frames that already hold
    /// boxes of the same version are skipped (a run repeated adds nothing twice). Returns how
    /// many were added.
    int addRunBoxes(int camera, const std::vector<Annotation> &boxes, db::BoxSource source, const QString &version);

    /// The projection of the target into a camera's frame, with the live offsets.
    FrameOverlay overlayAt(int camera, std::int64_t frame) const;
    TelemetrySnapshot telemetryAt(UtcTime utc) const;
    /// What geometry says of a camera's frames for interpolation (their times, the projected
    /// target and its depth), with the live offsets. Valid while the session lives.
    InterpolationGeometryFunction interpolationGeometry(int camera) const;
    /// Every box of a camera, in frame order.
    std::vector<Annotation> cameraBoxes(int camera) const;
    /// A box of the analyst's carried to every other camera at the same instant, as proposals
    /// (models/annotation/transfer.h; the mounting fitted from the boxes both hold).
    std::vector<Annotation> carriedToOtherCameras(const Annotation &box) const;
    /// Every box of camera `from` that carries over (BoxTransfer::carriesOver), carried to `to`;
    /// `fit` (optional) receives the mounting used.
    std::vector<Annotation> carryCamera(int from, int to, MountingFit *fit = nullptr) const;
    /// The target's path over the campaign, for the sky plot and the ground track.
    void targetPath(std::vector<LookAngles> *sky, std::vector<Enu> *ground) const;

    /// Time offsets the analyst can nudge: one per camera, then the turret log, then the
    /// target log. In milliseconds, as saved in campaign.json.
    QStringList offsetNames() const;
    std::vector<int> offsetsMs() const;
    /// A nudge: one undoable command (consecutive nudges of one stream merge into one), saved
    /// to campaign.json a second later without touching its other keys.
    void setOffsetMs(int stream, int offsetMs);
    /// Applies an offset now, without a command (the command's redo and undo).
    void applyOffsetMs(int stream, int offsetMs);
    /// Writes pending offset changes to campaign.json now (they are also saved 1 s after the
    /// last change, and when the session closes).
    bool saveOffsets(QString *error = nullptr);

    void setPalette(ThermalPalette palette);
    ThermalPalette palette() const { return m_palette; }
    void setContrast(const ContrastWindow &window);
    ContrastWindow contrast() const { return m_contrast; }

    /// The timeline's bands over the master camera's frames: fix quality, then per camera the
    /// target in view and the annotation state. Computed when the campaign opens.
    std::vector<TimelineBand> timelineBands() const { return m_bands; }
    /// Band index of a camera's annotation state.
    int annotationBand(int camera) const { return 1 + 2 * camera + 1; }
    /// The master frames whose time falls on a camera's frame.
    std::pair<std::int64_t, std::int64_t> masterFramesOf(int camera, std::int64_t frame) const;
    /// 0 nothing, 1 proposals only, 2 decided, 3 needs the analyst (models/annotation/attention.h).
    std::uint8_t annotationBandValue(int camera, std::int64_t frame) const;

Q_SIGNALS:
    void progress(const QString &what, qint64 done, qint64 total);
    void opened();
    void failed(const QString &error);
    /// A frame ready to show in camera `camera`'s view.
    void frameShown(int camera, const QImage &image, qint64 frame, const vigie::FrameOverlay &overlay);
    /// The overlays moved (an offset was nudged): views should ask overlayAt() again.
    void overlaysChanged();
    /// An offset took a new value (a nudge, its undo or redo): the panel shows it.
    void offsetApplied(int stream, int offsetMs);
    void message(const QString &text);
    /// Where the analyst's edits are, for the status bar: Saved means every edit is on disk;
    /// Failed means a write failed and waits for its retry (`detail` says which and why).
    void saveStateChanged(vigie::CampaignSession::SaveState state, const QString &detail);

private:
    void campaignLoaded(std::shared_ptr<const Campaign> campaign, const QString &error);
    void serverOpened();
    void datasetLoaded(const db::SessionContents &contents);
    void onFrameChanged(int stream, qint64 frame);
    void onFrameReady(int camera, const media::VideoFrame &frame);
    void show(int camera, const media::VideoFrame &frame);
    QImage toDisplay(const QImage &image) const;
    /// A frame's time and the target's projection with the live offsets; none out of range.
    std::optional<std::pair<UtcTime, CameraProjection>> liveProjection(int camera, std::int64_t frame) const;
    void computeBands();
    void fail(const QString &error);

    QPointer<QUndoStack> m_undoStack; ///< may die first when the window closes
    Options m_options;
    State m_state = State::Loading;
    QString m_manifestPath;
    QString m_datasetPath;
    std::shared_ptr<const Campaign> m_campaign;
    CampaignManifest m_manifest; ///< the file, with the offsets as edited
    ImportSummary m_summary;
    std::vector<media::FrameServer *> m_servers;
    std::vector<std::int64_t> m_lastShown; ///< per camera: the frame index last sent to the views
    int m_serversOpen = 0;
    media::SyncPlayer *m_player = nullptr;
    AnnotationModel *m_annotations;
    std::unique_ptr<AnnotationEditor> m_editor;
    /// The last mounting fitted per (from, to) cameras, with the digest of the boxes it came from.
    mutable std::map<std::pair<int, int>, std::pair<QByteArray, MountingFit>> m_mountings;
    /// A transfer from camera `from` to `to`, its mounting fitted (or reused while the boxes it
    /// depends on are unchanged).
    void fitTransfer(BoxTransfer &transfer, int from, int to, const std::vector<Annotation> &sending) const;
    db::DatasetSession *m_dataset = nullptr;
    ThermalPalette m_palette = ThermalPalette::WhiteHot;
    ContrastWindow m_contrast;
    std::vector<std::vector<UtcTime>> m_frameUtc; ///< per camera, without its offset
    std::int64_t m_turretDeltaUs = 0, m_targetDeltaUs = 0;
    std::vector<TimelineBand> m_bands;
    QString m_lastWriteError;
    QTimer m_saveOffsetsTimer;
    bool m_offsetsDirty = false;
};

} // namespace vigie

