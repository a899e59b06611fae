#pragma once

// The dataset store and its engine rules.
//
// A Dataset is one SQLite connection, opened and used in one thread (a QSqlDatabase may not
// cross threads before Qt 6.8): every thread that needs the dataset opens its own Dataset on
// the same file. Each connection runs in WAL mode with foreign keys on, synchronous=FULL and a
// 5 s busy timeout, so a second writer waits for the first and, past 5 s, gets "the dataset is
// locked by another Vigie" instead of corrupting anything. Opening runs PRAGMA quick_check and
// the forward migrations (PRAGMA user_version), each migration in one transaction.
//
// Every edit is one transaction, committed before the call returns, and appends its before and
// after values to the box history: killing the process loses nothing that was reported saved.
// Values are always bound, never pasted into SQL.

#include "models/annotation/records.h"

#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace vigie::db {

class Dataset
{
public:
    enum class OpenMode { CreateIfMissing, MustExist };

    /// Opens (and creates, and migrates) a dataset. nullptr and a one-line reason on failure.
    static std::unique_ptr<Dataset> open(const QString &path, OpenMode mode, QString *error);
    ~Dataset();
    Dataset(const Dataset &) = delete;
    Dataset &operator=(const Dataset &) = delete;

    static int currentSchemaVersion();
    int schemaVersion() const;
    QString path() const;
    /// The connection's name, for code in this library that runs its own queries.
    QString connectionName() const;

    /// PRAGMA integrity_check (full): empty when the file is sound, else SQLite's findings.
    QStringList integrityCheck() const;
    DatasetInfo info() const;

    // --- Campaigns, cameras, frames, classes ---------------------------------------------
    std::optional<std::int64_t> addCampaign(const CampaignRecord &c, QString *error);
    std::optional<CampaignRecord> campaignByName(const QString &name) const;
    std::vector<CampaignRecord> campaigns() const;
    std::optional<std::int64_t> addCamera(const CameraRecord &c, QString *error);
    std::vector<CameraRecord> cameras(std::int64_t campaignId) const;
    std::optional<CameraRecord> camera(std::int64_t id) const;
    /// Frames 0..count−1 of a camera (existing ones are kept), with optional times.
    bool ensureFrames(std::int64_t cameraId, std::int64_t count, const std::vector<std::int64_t> &utcUs,
                      QString *error);
    std::optional<std::int64_t> frameId(std::int64_t cameraId, std::int64_t index) const;
    std::optional<FrameRecord> frame(std::int64_t id) const;
    std::vector<FrameRecord> frames(std::int64_t cameraId) const;
    /// The class's id, creating it if needed.
    std::optional<std::int64_t> ensureClass(const QString &name, QString *error);
    std::vector<ClassRecord> classes() const;
    std::optional<std::int64_t> classId(const QString &name) const;

    // --- Edits: one transaction each, with history ------------------------------------
    std::optional<std::int64_t> createBox(BoxRecord box, QString *error);
    bool updateBox(BoxRecord box, const QString &author, QString *error);
    bool deleteBox(std::int64_t id, const QString &author, QString *error);
    /// Puts back a deleted box with its id (the undo of a delete).
    bool restoreBox(const BoxRecord &box, const QString &author, QString *error);
    bool setFrameFlags(std::int64_t frameId, const FrameFlags &flags, const QString &author,
                       QString *error);
    FrameFlags frameFlags(std::int64_t frameId) const;

    /// Many boxes in one transaction (proposals, detections, imports): all or nothing. Ids are
    /// written back into `boxes`. One history row per box is not written (a bulk insert is one
    /// event); the boxes carry their source and model version.
    bool insertBoxes(std::vector<BoxRecord> &boxes, QString *error);
    /// A proposer's or detector's run, as the workstation writes it when the analyst runs it and
    /// as the CLI does: all boxes in one transaction, each with its "create" history row (undo in
    /// the workstation deletes them with theirs). Ids are written back into `boxes`.
    bool createBoxes(std::vector<BoxRecord> &boxes, QString *error);

    // --- Model registry -------------------------------------------------------------------
    std::optional<std::int64_t> registerModel(const ModelRecord &model, QString *error);
    std::optional<ModelRecord> modelByVersion(const QString &version) const;
    std::vector<ModelRecord> models() const;

    // --- Queries ------------------------------------------------------------------------
    std::optional<BoxRecord> box(std::int64_t id) const;
    std::vector<BoxRecord> boxesOfFrame(std::int64_t frameId) const;
    std::vector<BoxRecord> allBoxes() const;
    /// Every box on the frames of one camera, by id.
    std::vector<BoxRecord> boxesOfCamera(std::int64_t cameraId) const;
    /// The flags of the frames of one camera that have any, by frame id.
    std::map<std::int64_t, FrameFlags> frameFlagsOfCamera(std::int64_t cameraId) const;
    std::vector<HistoryEntry> history(std::int64_t boxId) const;

    /// Runs `work` inside one transaction: committed if it returns true, rolled back otherwise.
    bool transaction(const std::function<bool(QString *)> &work, QString *error);

private:
    Dataset();
    struct Impl;
    std::unique_ptr<Impl> d;
};

/// The current time in UTC microseconds, for records' timestamps.
std::int64_t nowUs();

} // namespace vigie::db
