#pragma once

// The workstation's connection to its dataset: one worker thread that owns the SQLite
// connection and does every read and write, in the order the GUI asked for them. The GUI never
// waits on it: open() returns at once and loaded() follows; each edit is queued as it is made
// and committed by the worker a moment later (one transaction per edit, so that killing the
// program loses nothing the analyst saw saved). Boxes are known by the AnnotationModel's
// handles; the worker maps the negative handles of boxes created in this session to the rows
// it inserts.
//
// A write that fails (the file locked by another program, a full disk, a read-only file) is
// never counted as done: it stays pending, with every write queued after it, in order; the
// worker retries them every two seconds and whenever a new edit comes, and allSaved() is
// emitted only when nothing is pending. writeFailed() says which edit failed and why.

#include "models/annotation/annotationmodel.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <vector>

class QThread;

namespace vigie::db {

class Dataset;

struct SessionCamera
{
    QString name;
    QString modality;
    QString videoPath;
    int width = 0, height = 0;
    std::int64_t frameCount = 0;
    std::vector<std::int64_t> frameUtcUs; ///< may be empty
};

struct SessionContents
{
    QString path;
    std::vector<Annotation> boxes;
    std::map<std::pair<int, std::int64_t>, FrameFlags> flags;
    int geometricProposalsAdded = 0;
};

/// A campaign's cameras as registered in a dataset: each camera's row id and its frames' row ids
/// by frame index.
struct RegisteredCamera
{
    std::int64_t id = 0;
    std::vector<std::int64_t> frameIds;
};

/// Registers a campaign (found by its manifest's path, else added; see the .cpp for a moved or
/// imported one), its cameras (found by name, else added) and
/// frames 0…frameCount−1 of each; the workstation and `vigie-cli propose` register alike.
/// `progress(cameraName)` is told before each camera's frames. nullopt with `error` on failure.
std::optional<std::vector<RegisteredCamera>> registerCampaign(Dataset &dataset, const QString &campaignName, const QString &manifestPath,
                                               const std::vector<SessionCamera> &cameras, QString *error,
                                               const std::function<void(const QString &)> &progress = {});

/// The dataset row of an annotation on a registered frame: geometry, class, provenance.
BoxRecord boxRecordOf(const Annotation &box, std::int64_t frameId, std::int64_t classId, const QString &author);

/// Computes the geometric proposals of one camera, in the worker thread; `progress(done,
/// total)` may return false to cancel.
using ProposalFunction = std::function<std::vector<Annotation>(
    int camera, const std::function<bool(std::int64_t, std::int64_t)> &progress)>;

class DatasetSession : public QObject, public AnnotationSink
{
    Q_OBJECT

public:
    explicit DatasetSession(QObject *parent = nullptr);
    /// Commits every queued write, then stops the worker.
    ~DatasetSession() override;

    /// In the worker: opens (creating or migrating) the dataset, registers the campaign, its
    /// cameras and frames, adds the geometric proposals of cameras that have none, and loads
    /// every box and flag. loaded() or failed() follows.
    void open(const QString &path, const QString &campaignName, const QString &manifestPath,
              const std::vector<SessionCamera> &cameras, const ProposalFunction &proposals,
              const QString &author);

    void writeBox(Op op, const Annotation &box) override;
    /// One transaction for all of them, with a history row per box.
    void writeBoxes(Op op, const std::vector<Annotation> &boxes) override;
    void replaceBoxes(const std::vector<Annotation> &removed, Op op, const std::vector<Annotation> &added) override;
    void writeFlags(int camera, std::int64_t frame, const FrameFlags &flags) override;

    /// Blocks until the worker has tried every write queued so far (those that failed stay
    /// pending). For tests and for closing.
    void flush();
    /// Retries the failed writes now (they are also retried every two seconds).
    void retry();
    /// Writes queued and not yet committed, failed ones included.
    int pendingWrites() const { return m_pending.load(); }
    /// Writes that failed and wait for a retry.
    int failedWrites() const { return m_failed.load(); }
    /// The retry interval, in milliseconds (tests shorten it).
    void setRetryInterval(int ms);

Q_SIGNALS:
    void progress(const QString &what, qint64 done, qint64 total);
    void loaded(const vigie::db::SessionContents &contents);
    void failed(const QString &error);
    /// A write failed and stays pending (retried later): the analyst's view and the file differ
    /// until it succeeds; the message says which box or frame, and why.
    void writeFailed(const QString &error);
    /// Every queued write so far is committed: nothing is pending.
    void allSaved();

private:
    class Worker;
    QThread *m_thread;
    Worker *m_worker;
    std::atomic<int> m_pending{0};
    std::atomic<int> m_failed{0};
};

} // namespace vigie::db

Q_DECLARE_METATYPE(vigie::db::SessionContents)
