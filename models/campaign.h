#pragma once

// A campaign on disk: a folder with campaign.json (docs/FORMATS.md) and the files it names.
// CampaignManifest is the file itself, validated; Campaign is the manifest with its logs
// parsed and put on one clock, ready to project the target into any camera at any instant.

#include "models/geometry/camera.h"
#include "models/geometry/geodesy.h"
#include "models/telemetry/gnssfix.h"
#include "models/telemetry/tracks.h"
#include "models/telemetry/turretlog.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace vigie {

struct CameraSpec
{
    QString name;      ///< unique in the campaign: "rgb", "ir"
    QString modality;  ///< "rgb" or "ir"
    QString video;     ///< path relative to the campaign folder
    std::optional<UtcTime> firstFrameUtc; ///< with fps, when there is no frame-times file
    double fps = 0;
    QString frameTimes; ///< optional per-frame timestamp file
    CameraModel model;
    std::int64_t timeOffsetUs = 0; ///< frame time + offset = UTC
    double syncSigmaS = 0.02;      ///< time-sync uncertainty of this stream
};

struct CampaignManifest
{
    static constexpr int formatVersion = 1;

    QString path; ///< the campaign.json read
    /// Keys Vigie does not know, each as "FILE: unknown key 'cameras[0].hfov' (ignored)": a typo
    /// in an optional key would otherwise pass unseen. load() also logs each with qWarning().
    QStringList warnings;
    QString name;
    Geodetic station;
    QString turretLog;
    std::int64_t turretOffsetUs = 0;
    std::int64_t turretMaxGapUs = defaultTurretGapUs;
    Attitude pointingSigmaDeg{0.05, 0.05, 0.0};
    QString targetLog;
    QString targetFormat = QStringLiteral("auto"); ///< "auto", "nmea", "rtklib-pos"
    QString targetClass = QStringLiteral("quadcopter");
    double targetSizeM = 0.5;
    double targetHeightM = 0.2;
    std::int64_t targetOffsetUs = 0;
    std::int64_t targetMaxGapUs = defaultGnssGapUs;
    std::vector<CameraSpec> cameras;

    /// Reads and validates campaign.json. On failure returns nullopt and sets `error` to one
    /// line naming the file and the field ("campaign.json: cameras[1].intrinsics: ...").
    static std::optional<CampaignManifest> load(const QString &path, QString *error);
    /// Writes the manifest (offsets edited in the GUI are saved this way). Atomic: a crash
    /// mid-write leaves the previous file.
    bool save(const QString &path, QString *error) const;
    /// Writes only the time offsets (each camera's, the turret's, the target's) into the
    /// manifest already at `path`, keeping every other key as it is there, unknown ones included.
    /// Atomic like save().
    bool saveOffsets(const QString &path, QString *error) const;

    /// A path named in the manifest, resolved against the campaign folder.
    QString resolve(const QString &relative) const;
    int cameraIndex(const QString &name) const;
};

/// What a projection found, or why there is none.
struct CameraProjection
{
    bool ok = false;
    QString reason; ///< when !ok: "no target fix within the gap limit at ...", ...
    UtcTime utc;
    Projection projection;
    TargetState target;
    Attitude turret;
    CameraModel model; ///< the camera as it was at that instant (a zoom lens' focal length logged)
};

/// A loaded campaign: immutable after open(), so any thread may project.
class Campaign
{
public:
    /// Loads the manifest and parses every log it names. Fails (nullptr, `error` set to one
    /// line) only when the manifest is unusable or a log gives nothing at all; rejected lines
    /// are in the reports.
    static std::unique_ptr<Campaign> open(const QString &manifestPath, QString *error);

    const CampaignManifest &manifest() const { return m_manifest; }
    const Station &station() const { return m_station; }
    const GnssLog &targetLog() const { return m_target; }
    const TurretLog &turretLog() const { return m_turret; }
    const TargetTrack &targetTrack() const { return *m_targetTrack; }
    const TurretTrack &turretTrack() const { return *m_turretTrack; }

    /// UTC of frame `index` of a camera (its frame-times file, else first frame + index/fps),
    /// with the camera's offset applied; nullopt if out of range.
    std::optional<UtcTime> frameUtc(int camera, std::int64_t index) const;
    /// Camera `camera` as it was at `utc`: the manifest's model with the focal length a zoom
    /// lens logged then (the manifest's alone when the turret log has no sample there).
    CameraModel cameraModel(int camera, UtcTime utc) const;
    /// Projects the target into camera `camera` at `utc`.
    CameraProjection project(int camera, UtcTime utc) const;
    /// The same with the logs' time offsets moved by `turretDeltaUs` and `targetDeltaUs` beyond
    /// the manifest's (the analyst nudging them live): the turret's state at `utc` is its
    /// logged state at `utc − turretDeltaUs`, the target's likewise.
    CameraProjection project(int camera, UtcTime utc, std::int64_t turretDeltaUs,
                             std::int64_t targetDeltaUs) const;

    /// Clocks a camera without a frame-times file by its video's own timestamps (first frame's
    /// UTC + each frame's pts offset: media::openCampaign). Before the campaign is shared; a
    /// camera with a frame-times file keeps it. False if the camera does not exist.
    bool setContainerFrameTimes(int camera, std::vector<UtcTime> times);
    /// Whether a camera's frames are clocked by a file or the container, not first + i/fps.
    bool hasFrameTimes(int camera) const;

private:
    Campaign() = default;
    CampaignManifest m_manifest;
    Station m_station{Geodetic{}};
    GnssLog m_target;
    TurretLog m_turret;
    std::vector<std::vector<UtcTime>> m_frameTimes; ///< per camera; empty = from fps
    std::unique_ptr<TargetTrack> m_targetTrack;
    std::unique_ptr<TurretTrack> m_turretTrack;
};

/// Parses a GNSS log of either format: "nmea", "rtklib-pos", or "auto" (by content).
GnssLog parseGnssFile(const QString &path, const QString &format = QStringLiteral("auto"));

} // namespace vigie
