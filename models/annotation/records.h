#pragma once

// Plain values the dataset stores and returns: the annotation types. They live in models/ so
// that the widgets, the networks and the undo commands use them without linking the database;
// no Qt Sql type crosses this boundary.

#include <QString>

#include <cstdint>
#include <optional>

namespace vigie::db {

/// Where a box came from. Transfer: carried from the other camera (models/annotation/transfer.h).
enum class BoxSource { Manual, Geometry, Cam, Tracker, Interpolated, Detector, Transfer };
constexpr int boxSourceCount = 7;
enum class BoxState { Proposed, Accepted, Corrected, Rejected };

const char *toString(BoxSource source);
const char *toString(BoxState state);
std::optional<BoxSource> boxSourceFromString(QStringView text);
std::optional<BoxState> boxStateFromString(QStringView text);

struct CampaignRecord
{
    std::int64_t id = 0;
    QString name;
    QString manifestPath;
    std::int64_t createdUs = 0;
};

struct CameraRecord
{
    std::int64_t id = 0;
    std::int64_t campaignId = 0;
    QString name;
    QString modality; ///< "rgb" or "ir"
    QString videoPath;
    int width = 0, height = 0;
};

struct FrameRecord
{
    std::int64_t id = 0;
    std::int64_t cameraId = 0;
    std::int64_t index = 0;
    std::optional<std::int64_t> pts;
    std::optional<std::int64_t> utcUs;
};

struct ClassRecord
{
    std::int64_t id = 0;
    QString name;
};

/// One box on one frame, in pixels (x, y = top-left corner), with where it came from.
struct BoxRecord
{
    std::int64_t id = 0;
    std::int64_t frameId = 0;
    std::int64_t classId = 0;
    std::optional<std::int64_t> trackId;
    double x = 0, y = 0, w = 0, h = 0;
    BoxSource source = BoxSource::Manual;
    BoxState state = BoxState::Accepted;
    std::optional<double> confidence;
    QString modelVersion;
    QString author;
    std::int64_t createdUs = 0;
    std::int64_t modifiedUs = 0;

    bool sameContent(const BoxRecord &o) const
    {
        return frameId == o.frameId && classId == o.classId && trackId == o.trackId && x == o.x
               && y == o.y && w == o.w && h == o.h && source == o.source && state == o.state
               && confidence == o.confidence && modelVersion == o.modelVersion;
    }
};

struct FrameFlags
{
    bool outOfView = false;
    bool notVisible = false;
    bool occluded = false;
    bool reviewed = false;
    bool operator==(const FrameFlags &) const = default;
};

struct HistoryEntry
{
    std::int64_t id = 0;
    std::int64_t boxId = 0;
    std::int64_t atUs = 0;
    QString author;
    QString action; ///< create, update, delete, restore
    QString beforeJson;
    QString afterJson;
};

/// A trained network in the model registry: what it is, where its weights are, what it was
/// trained on, how it scored.
struct ModelRecord
{
    std::int64_t id = 0;
    QString name;          ///< "wildcat-ir"
    QString version;       ///< unique: "wildcat-ir-20261124T184500Z"
    QString architecture;
    QString hyperparametersJson;
    QString weightsPath;
    QString weightsSha256;
    QString dataSnapshotJson;
    QString metricsJson;
    std::int64_t createdUs = 0;
};

struct DatasetInfo
{
    int schemaVersion = 0;
    std::int64_t campaigns = 0, cameras = 0, frames = 0, classes = 0, boxes = 0, history = 0,
                 models = 0;
    std::int64_t boxesBySource[boxSourceCount] = {};
    std::int64_t boxesByState[4] = {};
};

} // namespace vigie::db
