#include "database/datasetsession.h"

#include "database/dataset.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QThread>
#include <QTimer>

#include <deque>

#include <unordered_map>

namespace vigie::db {

class DatasetSession::Worker : public QObject
{
public:
    explicit Worker(DatasetSession *session)
        : m_session(session)
    {
    }

    void open(const QString &path, const QString &campaignName, const QString &manifestPath,
              const std::vector<SessionCamera> &cameras, const ProposalFunction &proposals,
              const QString &author)
    {
        m_author = author;
        QString error;
        SessionContents contents;
        contents.path = path;
        if (!load(path, campaignName, manifestPath, cameras, proposals, &contents, &error)) {
            m_dataset.reset();
            Q_EMIT m_session->failed(error);
            return;
        }
        Q_EMIT m_session->loaded(contents);
    }

    /// One edit on its way to the file.
    struct Write
    {
        bool isBox = true;
        Op op = Op::Create;
        Annotation box;
        std::vector<Annotation> many; ///< a bulk write when not empty
        std::vector<Annotation> removed; ///< deleted in the bulk write's transaction, before it
        int camera = 0;
        std::int64_t frame = 0;
        FrameFlags flags;
    };

    void enqueue(Write write)
    {
        m_queue.push_back(std::move(write));
        drain();
    }

    /// Commits the queue in order; stops at the first write that fails, which stays at its head
    /// (with everything after it) until a retry succeeds.
    void drain()
    {
        while (!m_queue.empty()) {
            QString error;
            bool permanent = false;
            if (!attempt(m_queue.front(), &error, &permanent)) {
                const QString what = describe(m_queue.front(), error);
                if (permanent) {
                    // Retrying cannot help (a frame the dataset does not know): say so, and let
                    // the edits behind it through. The status never says Saved again.
                    m_queue.pop_front();
                    --m_session->m_pending;
                    ++m_lost;
                    Q_EMIT m_session->writeFailed(DatasetSession::tr("%1 (not retried)").arg(what));
                    continue;
                }
                m_session->m_failed.store(int(m_queue.size()));
                if (what != m_lastFailure)
                    Q_EMIT m_session->writeFailed(DatasetSession::tr("%1; retrying").arg(what));
                m_lastFailure = what;
                retryLater();
                return;
            }
            m_queue.pop_front();
            --m_session->m_pending;
        }
        m_lastFailure.clear();
        m_session->m_failed.store(0);
        if (m_timer)
            m_timer->stop();
        if (m_session->m_pending.load() == 0 && m_lost == 0)
            Q_EMIT m_session->allSaved();
    }

    void setRetryInterval(int ms)
    {
        m_retryMs = ms;
        if (m_timer)
            m_timer->setInterval(ms);
    }

    void close()
    {
        drain(); // a last try
        if (m_timer)
            m_timer->stop();
        m_dataset.reset();
    }

private:
    void retryLater()
    {
        if (!m_timer) {
            m_timer = new QTimer(this);
            m_timer->setSingleShot(true);
            QObject::connect(m_timer, &QTimer::timeout, this, [this] { drain(); });
        }
        m_timer->setInterval(m_retryMs);
        if (!m_timer->isActive())
            m_timer->start();
    }

    bool attempt(const Write &w, QString *error, bool *permanent)
    {
        if (!m_dataset) {
            *error = DatasetSession::tr("no dataset is open");
            return false;
        }
        if (!w.many.empty() || !w.removed.empty())
            return applyBoxes(w.op, w.many, error, permanent, w.removed);
        if (w.isBox)
            return applyBox(w.op, w.box, error, permanent);
        const auto frameId = frameIdOf(w.camera, w.frame);
        if (!frameId) {
            *error = DatasetSession::tr("unknown frame");
            *permanent = true;
            return false;
        }
        return m_dataset->setFrameFlags(*frameId, w.flags, m_author, error);
    }

    QString describe(const Write &w, const QString &error) const
    {
        if (!w.many.empty() || !w.removed.empty())
            return DatasetSession::tr("%1: a run of %2 boxes on %3 not saved: %4")
                .arg(m_path)
                .arg(w.many.size() + w.removed.size())
                .arg(m_cameraNames.value((w.many.empty() ? w.removed : w.many).front().camera), error);
        if (w.isBox)
            return DatasetSession::tr("%1: box on %2 frame %3 not saved: %4")
                .arg(m_path, m_cameraNames.value(w.box.camera))
                .arg(w.box.frame)
                .arg(error);
        return DatasetSession::tr("%1: flags of %2 frame %3 not saved: %4")
            .arg(m_path, m_cameraNames.value(w.camera))
            .arg(w.frame)
            .arg(error);
    }

    std::optional<std::int64_t> frameIdOf(int camera, std::int64_t frame) const
    {
        if (camera < 0 || size_t(camera) >= m_frameIds.size())
            return std::nullopt;
        const auto &ids = m_frameIds[size_t(camera)];
        if (frame < 0 || size_t(frame) >= ids.size() || ids[size_t(frame)] == 0)
            return std::nullopt;
        return ids[size_t(frame)];
    }

    std::optional<std::int64_t> classIdOf(const QString &name, QString *error)
    {
        const auto it = m_classIds.find(name);
        if (it != m_classIds.end())
            return it->second;
        const auto id = m_dataset->ensureClass(name, error);
        if (id)
            m_classIds[name] = *id;
        return id;
    }

    std::optional<BoxRecord> toRecord(const Annotation &a, QString *error, bool *permanent = nullptr)
    {
        const auto frameId = frameIdOf(a.camera, a.frame);
        if (!frameId) {
            *error = DatasetSession::tr("unknown frame");
            if (permanent)
                *permanent = true;
            return std::nullopt;
        }
        const auto classId = classIdOf(a.className, error);
        if (!classId)
            return std::nullopt;
        BoxRecord r = boxRecordOf(a, *frameId, *classId, m_author);
        const auto row = m_rows.find(a.handle);
        r.id = row == m_rows.end() ? 0 : row->second;
        return r;
    }

    /// All in one transaction, `removed` deleted first; the rows of created boxes are known only
    /// once it commits.
    bool applyBoxes(Op op, const std::vector<Annotation> &boxes, QString *error, bool *permanent,
                    const std::vector<Annotation> &removed = {})
    {
        // Classes first, each committed on its own: a class row made inside the transaction
        // and rolled back with it would stay in the cache.
        for (const Annotation &a : boxes) {
            if (!m_classIds.count(a.className) && !classIdOf(a.className, error))
                return false;
        }
        std::unordered_map<std::int64_t, std::int64_t> created;
        bool gaveUp = false;
        const bool ok = m_dataset->transaction(
            [&](QString *e) {
                for (const Annotation &a : removed) {
                    if (!applyBox(Op::Delete, a, e, &gaveUp))
                        return false;
                }
                for (const Annotation &a : boxes) {
                    if (!applyBox(op, a, e, &gaveUp, &created))
                        return false;
                }
                return true;
            },
            error);
        if (!ok) {
            *permanent = gaveUp;
            return false;
        }
        m_rows.insert(created.begin(), created.end());
        return true;
    }

    bool applyBox(Op op, const Annotation &a, QString *error, bool *permanent,
                  std::unordered_map<std::int64_t, std::int64_t> *created = nullptr)
    {
        auto record = toRecord(a, error, permanent);
        if (!record)
            return false;
        if (op != Op::Create && record->id == 0) {
            *error = DatasetSession::tr("the box has no row in the dataset");
            *permanent = true;
            return false;
        }
        switch (op) {
        case Op::Create: {
            record->id = 0;
            const auto id = m_dataset->createBox(*record, error);
            if (!id)
                return false;
            (created ? *created : m_rows)[a.handle] = *id;
            return true;
        }
        case Op::Update:
            return m_dataset->updateBox(*record, m_author, error);
        case Op::Delete:
            return m_dataset->deleteBox(record->id, m_author, error);
        case Op::Restore:
            return m_dataset->restoreBox(*record, m_author, error);
        }
        return false;
    }

    bool load(const QString &path, const QString &campaignName, const QString &manifestPath,
              const std::vector<SessionCamera> &cameras, const ProposalFunction &proposals,
              SessionContents *contents, QString *error)
    {
        m_path = path;
        Q_EMIT m_session->progress(DatasetSession::tr("Opening the dataset"), 0, 0);
        m_dataset = Dataset::open(path, Dataset::OpenMode::CreateIfMissing, error);
        if (!m_dataset)
            return false;
        const auto registered =
            registerCampaign(*m_dataset, campaignName, manifestPath, cameras, error, [this](const QString &name) {
                Q_EMIT m_session->progress(DatasetSession::tr("Registering the frames of %1").arg(name), 0, 0);
            });
        if (!registered)
            return false;
        m_frameIds.assign(cameras.size(), {});
        std::vector<std::int64_t> cameraIds(cameras.size(), 0);
        for (size_t c = 0; c < cameras.size(); ++c) {
            m_cameraNames[int(c)] = cameras[c].name;
            cameraIds[c] = (*registered)[c].id;
            m_frameIds[c] = (*registered)[c].frameIds;
        }
        for (const ClassRecord &c : m_dataset->classes())
            m_classIds[c.name] = c.id;
        std::unordered_map<std::int64_t, QString> classNames;
        for (const auto &[name, id] : m_classIds)
            classNames[id] = name;

        for (size_t c = 0; c < cameras.size(); ++c) {
            std::unordered_map<std::int64_t, std::int64_t> frameIndex;
            for (size_t i = 0; i < m_frameIds[c].size(); ++i)
                frameIndex[m_frameIds[c][i]] = std::int64_t(i);
            std::vector<BoxRecord> records = m_dataset->boxesOfCamera(cameraIds[c]);
            const bool hasGeometry = std::any_of(records.begin(), records.end(), [](const BoxRecord &r) {
                return r.source == BoxSource::Geometry;
            });
            if (!hasGeometry && proposals) {
                const QString what = DatasetSession::tr("Geometric proposals for %1").arg(cameras[c].name);
                std::vector<Annotation> proposed = proposals(int(c), [&](std::int64_t done, std::int64_t total) {
                    Q_EMIT m_session->progress(what, done, total);
                    return true;
                });
                std::vector<BoxRecord> fresh;
                fresh.reserve(proposed.size());
                for (const Annotation &a : proposed) {
                    auto r = toRecord(a, error);
                    if (!r)
                        return false;
                    fresh.push_back(*r);
                }
                if (!fresh.empty() && !m_dataset->insertBoxes(fresh, error))
                    return false;
                contents->geometricProposalsAdded += int(fresh.size());
                records.insert(records.end(), fresh.begin(), fresh.end());
                classNames.clear();
                for (const auto &[name, id] : m_classIds)
                    classNames[id] = name;
            }
            for (const BoxRecord &r : records) {
                Annotation a;
                a.handle = r.id;
                a.camera = int(c);
                a.frame = frameIndex.count(r.frameId) ? frameIndex[r.frameId] : -1;
                if (a.frame < 0)
                    continue;
                a.rect = QRectF(r.x, r.y, r.w, r.h);
                a.className = classNames[r.classId];
                a.source = r.source;
                a.state = r.state;
                a.confidence = r.confidence;
                a.modelVersion = r.modelVersion;
                m_rows[a.handle] = r.id;
                contents->boxes.push_back(std::move(a));
            }
            for (const auto &[frameId, flags] : m_dataset->frameFlagsOfCamera(cameraIds[c])) {
                if (frameIndex.count(frameId))
                    contents->flags[{int(c), frameIndex[frameId]}] = flags;
            }
        }
        return true;
    }

    DatasetSession *m_session;
    std::unique_ptr<Dataset> m_dataset;
    QString m_path;
    QString m_author;
    std::vector<std::vector<std::int64_t>> m_frameIds; ///< per camera, by frame index
    QHash<int, QString> m_cameraNames;
    std::map<QString, std::int64_t> m_classIds;
    std::unordered_map<std::int64_t, std::int64_t> m_rows; ///< handle → row id
    std::deque<Write> m_queue;  ///< written in order; the head failed when the queue waits
    QTimer *m_timer = nullptr;  ///< the retry, in the worker thread
    int m_retryMs = 2000;
    int m_lost = 0;             ///< writes that failed for good
    QString m_lastFailure;
};

std::optional<std::vector<RegisteredCamera>> registerCampaign(Dataset &dataset, const QString &campaignName, const QString &manifestPath,
                                               const std::vector<SessionCamera> &cameras, QString *error,
                                               const std::function<void(const QString &)> &progress)
{
    // A campaign is known by its manifest's path, never by its name alone (two campaigns may
    // share a name). A campaign of that name without a manifest (imported), or whose manifest
    // is no longer where it was (the folder moved), is taken as this one.
    std::int64_t campaignId = 0;
    const QString path = QFileInfo(manifestPath).absoluteFilePath();
    const std::vector<CampaignRecord> campaigns = dataset.campaigns();
    for (const CampaignRecord &c : campaigns) {
        if (!c.manifestPath.isEmpty() && QFileInfo(c.manifestPath).absoluteFilePath() == path)
            campaignId = c.id;
    }
    if (campaignId == 0) {
        for (const CampaignRecord &c : campaigns) {
            if (c.name == campaignName && (c.manifestPath.isEmpty() || !QFileInfo::exists(c.manifestPath)))
                campaignId = c.id;
        }
    }
    if (campaignId == 0) {
        QString name = campaignName;
        auto taken = [&campaigns](const QString &n) {
            return std::any_of(campaigns.begin(), campaigns.end(), [&n](const CampaignRecord &c) { return c.name == n; });
        };
        for (int i = 2; taken(name); ++i)
            name = QStringLiteral("%1 (%2)").arg(campaignName).arg(i);
        const auto id = dataset.addCampaign({0, name, path, 0}, error);
        if (!id)
            return std::nullopt;
        campaignId = *id;
    }
    const std::vector<CameraRecord> known = dataset.cameras(campaignId);
    std::vector<RegisteredCamera> out(cameras.size());
    for (size_t c = 0; c < cameras.size(); ++c) {
        const SessionCamera &cam = cameras[c];
        for (const CameraRecord &k : known) {
            if (k.name == cam.name)
                out[c].id = k.id;
        }
        if (out[c].id == 0) {
            const auto id = dataset.addCamera({0, campaignId, cam.name, cam.modality, cam.videoPath, cam.width, cam.height},
                                              error);
            if (!id)
                return std::nullopt;
            out[c].id = *id;
        }
        if (progress)
            progress(cam.name);
        if (!dataset.ensureFrames(out[c].id, cam.frameCount, cam.frameUtcUs, error))
            return std::nullopt;
        out[c].frameIds.assign(size_t(cam.frameCount), 0);
        for (const FrameRecord &f : dataset.frames(out[c].id)) {
            if (f.index >= 0 && f.index < cam.frameCount)
                out[c].frameIds[size_t(f.index)] = f.id;
        }
    }
    return out;
}

BoxRecord boxRecordOf(const Annotation &a, std::int64_t frameId, std::int64_t classId, const QString &author)
{
    BoxRecord r;
    r.frameId = frameId;
    r.classId = classId;
    r.x = a.rect.x();
    r.y = a.rect.y();
    r.w = a.rect.width();
    r.h = a.rect.height();
    r.source = a.source;
    r.state = a.state;
    r.confidence = a.confidence;
    r.modelVersion = a.modelVersion;
    r.author = author;
    return r;
}

DatasetSession::DatasetSession(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_worker(new Worker(this))
{
    qRegisterMetaType<vigie::db::SessionContents>();
    m_thread->setObjectName(QStringLiteral("vigie-dataset"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

DatasetSession::~DatasetSession()
{
    // Queued work runs first (events are processed in order), then the connection closes in
    // the thread that opened it.
    QMetaObject::invokeMethod(m_worker, [this] {
        m_worker->close();
        m_thread->quit();
    });
    m_thread->wait();
    delete m_worker;
    delete m_thread;
}

void DatasetSession::open(const QString &path, const QString &campaignName, const QString &manifestPath,
                          const std::vector<SessionCamera> &cameras, const ProposalFunction &proposals,
                          const QString &author)
{
    QMetaObject::invokeMethod(m_worker, [=, this] {
        m_worker->open(path, campaignName, manifestPath, cameras, proposals, author);
    });
}

void DatasetSession::writeBox(Op op, const Annotation &box)
{
    ++m_pending;
    Worker::Write w;
    w.op = op;
    w.box = box;
    QMetaObject::invokeMethod(m_worker, [this, w] { m_worker->enqueue(w); });
}

void DatasetSession::writeBoxes(Op op, const std::vector<Annotation> &boxes)
{
    if (boxes.empty())
        return;
    ++m_pending;
    Worker::Write w;
    w.op = op;
    w.many = boxes;
    QMetaObject::invokeMethod(m_worker, [this, w] { m_worker->enqueue(w); });
}

void DatasetSession::replaceBoxes(const std::vector<Annotation> &removed, Op op, const std::vector<Annotation> &added)
{
    if (removed.empty() && added.empty())
        return;
    ++m_pending;
    Worker::Write w;
    w.op = op;
    w.many = added;
    w.removed = removed;
    QMetaObject::invokeMethod(m_worker, [this, w] { m_worker->enqueue(w); });
}

void DatasetSession::writeFlags(int camera, std::int64_t frame, const FrameFlags &flags)
{
    ++m_pending;
    Worker::Write w;
    w.isBox = false;
    w.camera = camera;
    w.frame = frame;
    w.flags = flags;
    QMetaObject::invokeMethod(m_worker, [this, w] { m_worker->enqueue(w); });
}

void DatasetSession::flush()
{
    QMetaObject::invokeMethod(m_worker, [] {}, Qt::BlockingQueuedConnection);
}

void DatasetSession::retry()
{
    QMetaObject::invokeMethod(m_worker, [this] { m_worker->drain(); });
}

void DatasetSession::setRetryInterval(int ms)
{
    QMetaObject::invokeMethod(m_worker, [this, ms] { m_worker->setRetryInterval(ms); });
}

} // namespace vigie::db
