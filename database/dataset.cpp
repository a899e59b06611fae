#include "database/dataset.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>
#include <QUuid>

namespace vigie::db {

namespace {

/// The translation context of this file's messages (lupdate reads the same one).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::db::Dataset)
};

constexpr int schemaVersionNow = 3;


/// "database is locked" and friends become the message the analyst should see.
QString describe(const QSqlError &e, const QString &path)
{
    const QString text = e.text();
    if (e.nativeErrorCode() == QLatin1String("26") || text.contains(QLatin1String("file is not a database")))
        return Tr::tr("%1: not a Vigie dataset (not an SQLite file)").arg(path);
    if (text.contains(QLatin1String("database is locked")) || text.contains(QLatin1String("database table is locked"))
        || e.nativeErrorCode() == QLatin1String("5"))
        return Tr::tr("%1: the dataset is locked by another Vigie (waited 5 s)").arg(path);
    return QStringLiteral("%1: %2").arg(path, text.trimmed());
}

QVariant opt(const std::optional<std::int64_t> &v)
{
    return v ? QVariant(qint64(*v)) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant opt(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Double));
}

QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

QString boxJson(const BoxRecord &b)
{
    QJsonObject o{{QStringLiteral("frame_id"), qint64(b.frameId)},
                  {QStringLiteral("class_id"), qint64(b.classId)},
                  {QStringLiteral("x"), b.x},
                  {QStringLiteral("y"), b.y},
                  {QStringLiteral("w"), b.w},
                  {QStringLiteral("h"), b.h},
                  {QStringLiteral("source"), QString::fromLatin1(toString(b.source))},
                  {QStringLiteral("state"), QString::fromLatin1(toString(b.state))}};
    if (b.trackId)
        o.insert(QStringLiteral("track_id"), qint64(*b.trackId));
    if (b.confidence)
        o.insert(QStringLiteral("confidence"), *b.confidence);
    if (!b.modelVersion.isEmpty())
        o.insert(QStringLiteral("model_version"), b.modelVersion);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

const char boxColumns[] = "id, frame_id, class_id, track_id, x, y, w, h, source, state, confidence, "
                          "model_version, author, created_utc_us, modified_utc_us";

BoxRecord boxFrom(const QSqlQuery &q)
{
    BoxRecord b;
    b.id = q.value(0).toLongLong();
    b.frameId = q.value(1).toLongLong();
    b.classId = q.value(2).toLongLong();
    if (!q.value(3).isNull())
        b.trackId = q.value(3).toLongLong();
    b.x = q.value(4).toDouble();
    b.y = q.value(5).toDouble();
    b.w = q.value(6).toDouble();
    b.h = q.value(7).toDouble();
    b.source = boxSourceFromString(q.value(8).toString()).value_or(BoxSource::Manual);
    b.state = boxStateFromString(q.value(9).toString()).value_or(BoxState::Proposed);
    if (!q.value(10).isNull())
        b.confidence = q.value(10).toDouble();
    b.modelVersion = q.value(11).toString();
    b.author = q.value(12).toString();
    b.createdUs = q.value(13).toLongLong();
    b.modifiedUs = q.value(14).toLongLong();
    return b;
}

} // namespace

std::int64_t nowUs()
{
    return QDateTime::currentDateTimeUtc().toMSecsSinceEpoch() * 1000;
}

struct Dataset::Impl
{
    QString path;
    QString connection;
    QThread *thread = nullptr;
    int version = 0;
    int depth = 0; ///< open transaction() calls

    QSqlDatabase db() const { return QSqlDatabase::database(connection, false); }

    bool exec(QSqlQuery &q, QString *error) const
    {
        if (q.exec())
            return true;
        if (error)
            *error = describe(q.lastError(), path);
        return false;
    }

    bool run(const QString &sql, QString *error) const
    {
        QSqlQuery q(db());
        if (q.exec(sql))
            return true;
        if (error)
            *error = describe(q.lastError(), path);
        return false;
    }

    bool begin(QString *error) const
    {
        // IMMEDIATE takes the write lock up front: a second writer waits here (busy timeout),
        // not halfway through its edit.
        return run(QStringLiteral("BEGIN IMMEDIATE"), error);
    }
    bool commit(QString *error) const { return run(QStringLiteral("COMMIT"), error); }
    void rollback() const { run(QStringLiteral("ROLLBACK"), nullptr); }

    bool appendHistory(std::int64_t boxId, const QString &author, const char *action,
                       const QString &before, const QString &after, QString *error) const
    {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("INSERT INTO box_history (box_id, at_utc_us, author, action, before_json, after_json) "
                                 "VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(qint64(boxId));
        q.addBindValue(qint64(nowUs()));
        q.addBindValue(author);
        q.addBindValue(QString::fromLatin1(action));
        q.addBindValue(text(before));
        q.addBindValue(text(after));
        return exec(q, error);
    }

    bool migrate(QString *error);
};

Dataset::Dataset()
    : d(std::make_unique<Impl>())
{
}

Dataset::~Dataset()
{
    {
        QSqlDatabase db = d->db();
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(d->connection);
}

int Dataset::currentSchemaVersion()
{
    return schemaVersionNow;
}

int Dataset::schemaVersion() const
{
    return d->version;
}

QString Dataset::path() const
{
    return d->path;
}

QString Dataset::connectionName() const
{
    return d->connection;
}

std::unique_ptr<Dataset> Dataset::open(const QString &path, OpenMode mode, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        *error = Tr::tr("Qt's SQLite driver is missing: install libqt6sql6-sqlite");
        return nullptr;
    }
    const QFileInfo fi(path);
    if (mode == OpenMode::MustExist && !fi.exists()) {
        *error = Tr::tr("%1: no such dataset").arg(path);
        return nullptr;
    }
    // The file is never opened here but by SQLite: closing any other descriptor of it would drop
    // every POSIX lock this process holds on it (the writer's included), and another process
    // could then checkpoint and delete the WAL under our feet ("How To Corrupt An SQLite
    // Database File", 2.2). SQLite itself says when the file is not a database (SQLITE_NOTADB).
    std::unique_ptr<Dataset> dataset(new Dataset);
    Impl &i = *dataset->d;
    i.path = path;
    i.thread = QThread::currentThread();
    i.connection = QStringLiteral("vigie-dataset-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), i.connection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        *error = describe(db.lastError(), path);
        return nullptr;
    }
    // Engine rules. journal_mode answers with the mode in force: WAL, or why not.
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next()
            || q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            *error = q.lastError().isValid() ? describe(q.lastError(), path)
                                             : Tr::tr("%1: cannot switch the dataset to WAL mode").arg(path);
            return nullptr;
        }
    }
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL",
                               "PRAGMA busy_timeout = 5000"}) {
        if (!i.run(QString::fromLatin1(pragma), error))
            return nullptr;
    }
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next()) {
            *error = describe(q.lastError(), path);
            return nullptr;
        }
        if (q.value(0).toString() != QLatin1String("ok")) {
            *error = Tr::tr("%1: the dataset is damaged: %2").arg(path, q.value(0).toString());
            return nullptr;
        }
    }
    if (!i.migrate(error))
        return nullptr;
    return dataset;
}

bool Dataset::Impl::migrate(QString *error)
{
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        *error = describe(q.lastError(), path);
        return false;
    }
    version = q.value(0).toInt();
    // No statement may stay open while a migration runs: DROP TABLE waits for none to read.
    q.finish();
    if (version > schemaVersionNow) {
        *error = Tr::tr("%1: schema version %2 is newer than this Vigie knows (%3): upgrade Vigie")
                     .arg(path)
                     .arg(version)
                     .arg(schemaVersionNow);
        return false;
    }
    if (version == 0) {
        // A file with tables but no version is not ours.
        QSqlQuery t(db());
        if (t.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) && t.next()
            && t.value(0).toInt() > 0) {
            *error = Tr::tr("%1: not a Vigie dataset (tables without a schema version)").arg(path);
            return false;
        }
        t.finish();
    }
    static const char *const scripts[] = {":/sql/001_initial.sql", ":/sql/002_tracks_flags_models.sql",
                                          ":/sql/003_transfer_source.sql"};
    for (int v = version; v < schemaVersionNow; ++v) {
        QFile file(QString::fromLatin1(scripts[v]));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = Tr::tr("migration %1 is missing from this build").arg(v + 1);
            return false;
        }
        const QString script = QString::fromUtf8(file.readAll());
        if (!begin(error))
            return false;
        // Statements end with ';' at the end of a line; trigger bodies end with "END;".
        QStringList statements;
        QString current;
        const QStringList lines = script.split(QLatin1Char('\n'));
        bool inTrigger = false;
        for (const QString &line : lines) {
            const QString trimmed = line.trimmed();
            if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
                continue;
            current += line + QLatin1Char('\n');
            if (trimmed.startsWith(QLatin1String("CREATE TRIGGER")))
                inTrigger = true;
            if (inTrigger ? trimmed == QLatin1String("END;") : trimmed.endsWith(QLatin1Char(';'))) {
                statements << current;
                current.clear();
                inTrigger = false;
            }
        }
        for (const QString &statement : std::as_const(statements)) {
            if (!run(statement, error)) {
                rollback();
                *error = Tr::tr("migration to version %1 failed: %2").arg(v + 1).arg(*error);
                return false;
            }
        }
        if (!run(QStringLiteral("PRAGMA user_version = %1").arg(v + 1), error) || !commit(error)) {
            rollback();
            return false;
        }
        version = v + 1;
    }
    return true;
}

QStringList Dataset::integrityCheck() const
{
    QStringList problems;
    QSqlQuery q(d->db());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        problems << q.lastError().text();
        return problems;
    }
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QLatin1String("ok"))
            problems << line;
    }
    QSqlQuery fk(d->db());
    if (fk.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
        while (fk.next())
            problems << Tr::tr("row %1 of %2 points to a missing %3")
                            .arg(fk.value(1).toString(), fk.value(0).toString(), fk.value(2).toString());
    }
    return problems;
}

DatasetInfo Dataset::info() const
{
    DatasetInfo info;
    info.schemaVersion = d->version;
    auto count = [&](const char *table) -> std::int64_t {
        QSqlQuery q(d->db());
        return q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) && q.next()
                   ? q.value(0).toLongLong()
                   : -1;
    };
    info.campaigns = count("campaigns");
    info.cameras = count("cameras");
    info.frames = count("frames");
    info.classes = count("classes");
    info.boxes = count("boxes");
    info.history = count("box_history");
    info.models = count("models");
    QSqlQuery q(d->db());
    if (q.exec(QStringLiteral("SELECT source, state, count(*) FROM boxes GROUP BY source, state"))) {
        while (q.next()) {
            const auto source = boxSourceFromString(q.value(0).toString());
            const auto state = boxStateFromString(q.value(1).toString());
            if (source)
                info.boxesBySource[int(*source)] += q.value(2).toLongLong();
            if (state)
                info.boxesByState[int(*state)] += q.value(2).toLongLong();
        }
    }
    return info;
}

bool Dataset::transaction(const std::function<bool(QString *)> &work, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    // Nested calls join the outer transaction: an import is one transaction even though it
    // calls the same edit functions the GUI does; any failure rolls the whole back.
    if (d->depth > 0)
        return work(error);
    if (!d->begin(error))
        return false;
    ++d->depth;
    const bool ok = work(error);
    --d->depth;
    if (!ok) {
        d->rollback();
        return false;
    }
    if (!d->commit(error)) {
        d->rollback();
        return false;
    }
    return true;
}

std::optional<std::int64_t> Dataset::addCampaign(const CampaignRecord &c, QString *error)
{
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("INSERT INTO campaigns (name, manifest_path, created_utc_us) VALUES (?, ?, ?)"));
    q.addBindValue(c.name);
    q.addBindValue(text(c.manifestPath));
    q.addBindValue(qint64(c.createdUs ? c.createdUs : nowUs()));
    if (!d->exec(q, error))
        return std::nullopt;
    return q.lastInsertId().toLongLong();
}

std::optional<CampaignRecord> Dataset::campaignByName(const QString &name) const
{
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT id, name, manifest_path, created_utc_us FROM campaigns WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return CampaignRecord{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                          q.value(3).toLongLong()};
}

std::vector<CampaignRecord> Dataset::campaigns() const
{
    std::vector<CampaignRecord> out;
    QSqlQuery q(d->db());
    if (q.exec(QStringLiteral("SELECT id, name, manifest_path, created_utc_us FROM campaigns ORDER BY id"))) {
        while (q.next())
            out.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                           q.value(3).toLongLong()});
    }
    return out;
}

std::optional<std::int64_t> Dataset::addCamera(const CameraRecord &c, QString *error)
{
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("INSERT INTO cameras (campaign_id, name, modality, video_path, width, height) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qint64(c.campaignId));
    q.addBindValue(c.name);
    q.addBindValue(c.modality);
    q.addBindValue(text(c.videoPath));
    q.addBindValue(c.width);
    q.addBindValue(c.height);
    if (!d->exec(q, error))
        return std::nullopt;
    return q.lastInsertId().toLongLong();
}

namespace {
CameraRecord cameraFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toInt(), q.value(6).toInt()};
}
} // namespace

std::vector<CameraRecord> Dataset::cameras(std::int64_t campaignId) const
{
    std::vector<CameraRecord> out;
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT id, campaign_id, name, modality, video_path, width, height FROM cameras "
                             "WHERE campaign_id = ? ORDER BY id"));
    q.addBindValue(qint64(campaignId));
    if (q.exec()) {
        while (q.next())
            out.push_back(cameraFrom(q));
    }
    return out;
}

std::optional<CameraRecord> Dataset::camera(std::int64_t id) const
{
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT id, campaign_id, name, modality, video_path, width, height FROM cameras WHERE id = ?"));
    q.addBindValue(qint64(id));
    if (!q.exec() || !q.next())
        return std::nullopt;
    return cameraFrom(q);
}

bool Dataset::ensureFrames(std::int64_t cameraId, std::int64_t count, const std::vector<std::int64_t> &utcUs,
                           QString *error)
{
    return transaction(
        [&](QString *e) {
            QSqlQuery q(d->db());
            q.prepare(QStringLiteral("INSERT OR IGNORE INTO frames (camera_id, frame_index, utc_us) VALUES (?, ?, ?)"));
            for (std::int64_t i = 0; i < count; ++i) {
                q.bindValue(0, qint64(cameraId));
                q.bindValue(1, qint64(i));
                q.bindValue(2, size_t(i) < utcUs.size() ? QVariant(qint64(utcUs[size_t(i)]))
                                                        : QVariant(QMetaType(QMetaType::LongLong)));
                if (!d->exec(q, e))
                    return false;
            }
            return true;
        },
        error);
}

std::optional<std::int64_t> Dataset::frameId(std::int64_t cameraId, std::int64_t index) const
{
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT id FROM frames WHERE camera_id = ? AND frame_index = ?"));
    q.addBindValue(qint64(cameraId));
    q.addBindValue(qint64(index));
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

namespace {
FrameRecord frameFrom(const QSqlQuery &q)
{
    FrameRecord f{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), {}, {}};
    if (!q.value(3).isNull())
        f.pts = q.value(3).toLongLong();
    if (!q.value(4).isNull())
        f.utcUs = q.value(4).toLongLong();
    return f;
}
} // namespace

std::optional<FrameRecord> Dataset::frame(std::int64_t id) const
{
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT id, camera_id, frame_index, pts, utc_us FROM frames WHERE id = ?"));
    q.addBindValue(qint64(id));
    if (!q.exec() || !q.next())
        return std::nullopt;
    return frameFrom(q);
}

std::vector<FrameRecord> Dataset::frames(std::int64_t cameraId) const
{
    std::vector<FrameRecord> out;
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT id, camera_id, frame_index, pts, utc_us FROM frames WHERE camera_id = ? "
                             "ORDER BY frame_index"));
    q.addBindValue(qint64(cameraId));
    if (q.exec()) {
        while (q.next())
            out.push_back(frameFrom(q));
    }
    return out;
}

std::optional<std::int64_t> Dataset::ensureClass(const QString &name, QString *error)
{
    if (name.trimmed().isEmpty()) {
        if (error)
            *error = Tr::tr("a class needs a name");
        return std::nullopt;
    }
    if (auto id = classId(name))
        return id;
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("INSERT INTO classes (name) VALUES (?)"));
    q.addBindValue(name);
    if (!d->exec(q, error))
        return std::nullopt;
    return q.lastInsertId().toLongLong();
}

std::vector<ClassRecord> Dataset::classes() const
{
    std::vector<ClassRecord> out;
    QSqlQuery q(d->db());
    if (q.exec(QStringLiteral("SELECT id, name FROM classes ORDER BY id"))) {
        while (q.next())
            out.push_back({q.value(0).toLongLong(), q.value(1).toString()});
    }
    return out;
}

std::optional<std::int64_t> Dataset::classId(const QString &name) const
{
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT id FROM classes WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

namespace {

void bindBox(QSqlQuery &q, const BoxRecord &b)
{
    q.addBindValue(qint64(b.frameId));
    q.addBindValue(qint64(b.classId));
    q.addBindValue(opt(b.trackId));
    q.addBindValue(b.x);
    q.addBindValue(b.y);
    q.addBindValue(b.w);
    q.addBindValue(b.h);
    q.addBindValue(QString::fromLatin1(toString(b.source)));
    q.addBindValue(QString::fromLatin1(toString(b.state)));
    q.addBindValue(opt(b.confidence));
    q.addBindValue(text(b.modelVersion.isEmpty() ? QString() : b.modelVersion));
    q.addBindValue(b.author);
    q.addBindValue(qint64(b.createdUs));
    q.addBindValue(qint64(b.modifiedUs));
}

const QString insertBoxSql = QStringLiteral(
    "INSERT INTO boxes (frame_id, class_id, track_id, x, y, w, h, source, state, confidence, "
    "model_version, author, created_utc_us, modified_utc_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

} // namespace

std::optional<std::int64_t> Dataset::createBox(BoxRecord box, QString *error)
{
    box.createdUs = box.modifiedUs = nowUs();
    std::int64_t id = 0;
    const bool ok = transaction(
        [&](QString *e) {
            QSqlQuery q(d->db());
            q.prepare(insertBoxSql);
            bindBox(q, box);
            if (!d->exec(q, e))
                return false;
            id = q.lastInsertId().toLongLong();
            return d->appendHistory(id, box.author, "create", QString(), boxJson(box), e);
        },
        error);
    if (!ok)
        return std::nullopt;
    return id;
}

bool Dataset::createBoxes(std::vector<BoxRecord> &boxes, QString *error)
{
    return transaction(
        [&](QString *e) {
            for (BoxRecord &b : boxes) {
                const auto id = createBox(b, e);
                if (!id)
                    return false;
                b.id = *id;
            }
            return true;
        },
        error);
}

bool Dataset::updateBox(BoxRecord box, const QString &author, QString *error)
{
    return transaction(
        [&](QString *e) {
            const auto before = this->box(box.id);
            if (!before) {
                *e = Tr::tr("%1: box %2 does not exist").arg(d->path).arg(box.id);
                return false;
            }
            box.modifiedUs = nowUs();
            QSqlQuery q(d->db());
            q.prepare(QStringLiteral("UPDATE boxes SET frame_id = ?, class_id = ?, track_id = ?, x = ?, y = ?, w = ?, "
                                     "h = ?, source = ?, state = ?, confidence = ?, model_version = ?, "
                                     "modified_utc_us = ? WHERE id = ?"));
            q.addBindValue(qint64(box.frameId));
            q.addBindValue(qint64(box.classId));
            q.addBindValue(opt(box.trackId));
            q.addBindValue(box.x);
            q.addBindValue(box.y);
            q.addBindValue(box.w);
            q.addBindValue(box.h);
            q.addBindValue(QString::fromLatin1(toString(box.source)));
            q.addBindValue(QString::fromLatin1(toString(box.state)));
            q.addBindValue(opt(box.confidence));
            q.addBindValue(text(box.modelVersion.isEmpty() ? QString() : box.modelVersion));
            q.addBindValue(qint64(box.modifiedUs));
            q.addBindValue(qint64(box.id));
            if (!d->exec(q, e))
                return false;
            return d->appendHistory(box.id, author, "update", boxJson(*before), boxJson(box), e);
        },
        error);
}

bool Dataset::deleteBox(std::int64_t id, const QString &author, QString *error)
{
    return transaction(
        [&](QString *e) {
            const auto before = box(id);
            if (!before) {
                *e = Tr::tr("%1: box %2 does not exist").arg(d->path).arg(id);
                return false;
            }
            QSqlQuery q(d->db());
            q.prepare(QStringLiteral("DELETE FROM boxes WHERE id = ?"));
            q.addBindValue(qint64(id));
            if (!d->exec(q, e))
                return false;
            return d->appendHistory(id, author, "delete", boxJson(*before), QString(), e);
        },
        error);
}

bool Dataset::restoreBox(const BoxRecord &box, const QString &author, QString *error)
{
    return transaction(
        [&](QString *e) {
            QSqlQuery q(d->db());
            q.prepare(QStringLiteral(
                "INSERT INTO boxes (id, frame_id, class_id, track_id, x, y, w, h, source, state, confidence, "
                "model_version, author, created_utc_us, modified_utc_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            q.addBindValue(qint64(box.id));
            bindBox(q, box);
            if (!d->exec(q, e))
                return false;
            return d->appendHistory(box.id, author, "restore", QString(), boxJson(box), e);
        },
        error);
}

bool Dataset::setFrameFlags(std::int64_t frameId, const FrameFlags &flags, const QString &author, QString *error)
{
    return transaction(
        [&](QString *e) {
            QSqlQuery q(d->db());
            q.prepare(QStringLiteral(
                "INSERT INTO frame_flags (frame_id, out_of_view, not_visible, occluded, reviewed, author, modified_utc_us) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (frame_id) DO UPDATE SET out_of_view = excluded.out_of_view, "
                "not_visible = excluded.not_visible, occluded = excluded.occluded, reviewed = excluded.reviewed, "
                "author = excluded.author, modified_utc_us = excluded.modified_utc_us"));
            q.addBindValue(qint64(frameId));
            q.addBindValue(int(flags.outOfView));
            q.addBindValue(int(flags.notVisible));
            q.addBindValue(int(flags.occluded));
            q.addBindValue(int(flags.reviewed));
            q.addBindValue(author);
            q.addBindValue(qint64(nowUs()));
            return d->exec(q, e);
        },
        error);
}

FrameFlags Dataset::frameFlags(std::int64_t frameId) const
{
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT out_of_view, not_visible, occluded, reviewed FROM frame_flags WHERE frame_id = ?"));
    q.addBindValue(qint64(frameId));
    if (!q.exec() || !q.next())
        return {};
    return {q.value(0).toBool(), q.value(1).toBool(), q.value(2).toBool(), q.value(3).toBool()};
}

bool Dataset::insertBoxes(std::vector<BoxRecord> &boxes, QString *error)
{
    const std::int64_t now = nowUs();
    // A large transaction dirties many pages; with SQLite's default 2 MB cache they spill to
    // the WAL and are written again. 256 MB keeps a million boxes in memory until the commit
    // (the cache only takes what it uses, and it is set back afterwards).
    const bool big = boxes.size() > 10000;
    if (big)
        d->run(QStringLiteral("PRAGMA cache_size = -262144"), nullptr);
    QVariant sources[boxSourceCount], states[4];
    for (int i = 0; i < boxSourceCount; ++i)
        sources[i] = QString::fromLatin1(toString(BoxSource(i)));
    for (int i = 0; i < 4; ++i)
        states[i] = QString::fromLatin1(toString(BoxState(i)));
    const QVariant nullInt(QMetaType(QMetaType::LongLong)), nullDouble(QMetaType(QMetaType::Double)),
        nullText(QMetaType(QMetaType::QString));
    QVariant author, model;
    QString lastAuthor, lastModel;
    const bool ok = transaction(
        [&](QString *e) {
            QSqlQuery q(d->db());
            q.prepare(insertBoxSql);
            for (BoxRecord &b : boxes) {
                if (!b.createdUs)
                    b.createdUs = now;
                if (!b.modifiedUs)
                    b.modifiedUs = b.createdUs;
                // Positional binds on one prepared statement, with the repeated strings converted
                // once: per-row conversions would cost more than SQLite itself.
                if (b.author != lastAuthor || author.isNull()) {
                    lastAuthor = b.author;
                    author = b.author;
                }
                if (b.modelVersion != lastModel || model.isNull()) {
                    lastModel = b.modelVersion;
                    model = b.modelVersion.isEmpty() ? nullText : QVariant(b.modelVersion);
                }
                q.bindValue(0, qint64(b.frameId));
                q.bindValue(1, qint64(b.classId));
                q.bindValue(2, b.trackId ? QVariant(qint64(*b.trackId)) : nullInt);
                q.bindValue(3, b.x);
                q.bindValue(4, b.y);
                q.bindValue(5, b.w);
                q.bindValue(6, b.h);
                q.bindValue(7, sources[int(b.source)]);
                q.bindValue(8, states[int(b.state)]);
                q.bindValue(9, b.confidence ? QVariant(*b.confidence) : nullDouble);
                q.bindValue(10, model);
                q.bindValue(11, author);
                q.bindValue(12, qint64(b.createdUs));
                q.bindValue(13, qint64(b.modifiedUs));
                if (!q.exec()) {
                    *e = describe(q.lastError(), d->path);
                    return false;
                }
                b.id = q.lastInsertId().toLongLong();
            }
            return true;
        },
        error);
    if (big)
        d->run(QStringLiteral("PRAGMA cache_size = -2000"), nullptr);
    return ok;
}

std::optional<BoxRecord> Dataset::box(std::int64_t id) const
{
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT %1 FROM boxes WHERE id = ?").arg(QLatin1String(boxColumns)));
    q.addBindValue(qint64(id));
    if (!q.exec() || !q.next())
        return std::nullopt;
    return boxFrom(q);
}

std::vector<BoxRecord> Dataset::boxesOfFrame(std::int64_t frameId) const
{
    std::vector<BoxRecord> out;
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT %1 FROM boxes WHERE frame_id = ? ORDER BY id").arg(QLatin1String(boxColumns)));
    q.addBindValue(qint64(frameId));
    if (q.exec()) {
        while (q.next())
            out.push_back(boxFrom(q));
    }
    return out;
}

std::vector<BoxRecord> Dataset::allBoxes() const
{
    std::vector<BoxRecord> out;
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT %1 FROM boxes ORDER BY id").arg(QLatin1String(boxColumns)))) {
        while (q.next())
            out.push_back(boxFrom(q));
    }
    return out;
}

std::optional<std::int64_t> Dataset::registerModel(const ModelRecord &m, QString *error)
{
    std::optional<std::int64_t> id;
    const bool ok = transaction(
        [&](QString *e) {
            QSqlQuery q(d->db());
            q.prepare(QStringLiteral("INSERT INTO models (name, version, architecture, hyperparameters_json, weights_path, "
                                     "weights_sha256, data_snapshot_json, metrics_json, created_utc_us) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            q.addBindValue(m.name);
            q.addBindValue(m.version);
            q.addBindValue(m.architecture);
            q.addBindValue(m.hyperparametersJson);
            q.addBindValue(m.weightsPath);
            q.addBindValue(m.weightsSha256);
            q.addBindValue(m.dataSnapshotJson);
            q.addBindValue(m.metricsJson.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(m.metricsJson));
            q.addBindValue(qint64(m.createdUs ? m.createdUs : nowUs()));
            if (!d->exec(q, e))
                return false;
            id = q.lastInsertId().toLongLong();
            return true;
        },
        error);
    return ok ? id : std::nullopt;
}

namespace {
ModelRecord modelFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(),   q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
            q.value(8).toString(),   q.value(9).toLongLong()};
}
const char modelColumns[] = "id, name, version, architecture, hyperparameters_json, weights_path, weights_sha256, "
                            "data_snapshot_json, metrics_json, created_utc_us";
} // namespace

std::optional<ModelRecord> Dataset::modelByVersion(const QString &version) const
{
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT %1 FROM models WHERE version = ?").arg(QLatin1String(modelColumns)));
    q.addBindValue(version);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return modelFrom(q);
}

std::vector<ModelRecord> Dataset::models() const
{
    std::vector<ModelRecord> out;
    QSqlQuery q(d->db());
    if (q.exec(QStringLiteral("SELECT %1 FROM models ORDER BY id").arg(QLatin1String(modelColumns)))) {
        while (q.next())
            out.push_back(modelFrom(q));
    }
    return out;
}

std::vector<BoxRecord> Dataset::boxesOfCamera(std::int64_t cameraId) const
{
    std::vector<BoxRecord> out;
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    QString columns;
    for (const QString &c : QLatin1String(boxColumns).toString().split(QLatin1Char(',')))
        columns += (columns.isEmpty() ? QString() : QStringLiteral(", ")) + QStringLiteral("b.") + c.trimmed();
    q.prepare(QStringLiteral("SELECT %1 FROM boxes b JOIN frames f ON f.id = b.frame_id WHERE f.camera_id = ? "
                             "ORDER BY b.id").arg(columns));
    q.addBindValue(qint64(cameraId));
    if (q.exec()) {
        while (q.next())
            out.push_back(boxFrom(q));
    }
    return out;
}

std::map<std::int64_t, FrameFlags> Dataset::frameFlagsOfCamera(std::int64_t cameraId) const
{
    std::map<std::int64_t, FrameFlags> out;
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT g.frame_id, g.out_of_view, g.not_visible, g.occluded, g.reviewed "
                             "FROM frame_flags g JOIN frames f ON f.id = g.frame_id WHERE f.camera_id = ?"));
    q.addBindValue(qint64(cameraId));
    if (q.exec()) {
        while (q.next())
            out[q.value(0).toLongLong()] = {q.value(1).toBool(), q.value(2).toBool(), q.value(3).toBool(),
                                            q.value(4).toBool()};
    }
    return out;
}

std::vector<HistoryEntry> Dataset::history(std::int64_t boxId) const
{
    std::vector<HistoryEntry> out;
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT id, box_id, at_utc_us, author, action, before_json, after_json FROM box_history "
                             "WHERE box_id = ? ORDER BY id"));
    q.addBindValue(qint64(boxId));
    if (q.exec()) {
        while (q.next())
            out.push_back({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                           q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                           q.value(6).toString()});
    }
    return out;
}

} // namespace vigie::db
