#include "database/dataset.h"
#include "database/datasetsession.h"

#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vigie::db;

namespace {

struct Fixture
{
    std::unique_ptr<Dataset> ds;
    std::int64_t frame = 0, frame2 = 0, cls = 0, camera = 0;
};

Fixture make(const QString &path)
{
    Fixture f;
    QString error;
    f.ds = Dataset::open(path, Dataset::OpenMode::CreateIfMissing, &error);
    if (!f.ds)
        return f;
    const auto campaign = f.ds->addCampaign({0, QStringLiteral("range-a"), QStringLiteral("campaign.json"), 0}, &error);
    f.camera = *f.ds->addCamera({0, *campaign, QStringLiteral("ir"), QStringLiteral("ir"), QStringLiteral("ir.mkv"), 640, 512}, &error);
    f.ds->ensureFrames(f.camera, 10, {}, &error);
    f.frame = *f.ds->frameId(f.camera, 3);
    f.frame2 = *f.ds->frameId(f.camera, 4);
    f.cls = *f.ds->ensureClass(QStringLiteral("quadcopter"), &error);
    return f;
}

BoxRecord sample(const Fixture &f)
{
    BoxRecord b;
    b.frameId = f.frame;
    b.classId = f.cls;
    b.x = 100.5;
    b.y = 200.25;
    b.w = 12;
    b.h = 8;
    b.source = BoxSource::Geometry;
    b.state = BoxState::Proposed;
    b.confidence = 0.75;
    b.author = QStringLiteral("alice");
    return b;
}

QString helper()
{
    return QStringLiteral(VIGIE_DBWRITER);
}

} // namespace

class TestDataset : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void campaignsAreKnownByTheirManifestNotTheirName()
    {
        QTemporaryDir dir;
        QString error;
        auto ds = Dataset::open(dir.filePath(QStringLiteral("d.sqlite")), Dataset::OpenMode::CreateIfMissing, &error);
        QVERIFY2(ds, qPrintable(error));
        // Two campaign folders whose manifests carry the same name.
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("a")) && QDir(dir.path()).mkpath(QStringLiteral("b")));
        const QString a = dir.filePath(QStringLiteral("a/campaign.json")), b = dir.filePath(QStringLiteral("b/campaign.json"));
        for (const QString &path : {a, b}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        const std::vector<SessionCamera> cameras{{QStringLiteral("ir"), QStringLiteral("ir"), QStringLiteral("ir.avi"), 64, 48, 3, {}}};
        const auto first = registerCampaign(*ds, QStringLiteral("range day"), a, cameras, &error);
        const auto second = registerCampaign(*ds, QStringLiteral("range day"), b, cameras, &error);
        QVERIFY2(first && second, qPrintable(error));
        QVERIFY(first->front().id != second->front().id);
        QVERIFY(first->front().frameIds.front() != second->front().frameIds.front()); // frames never merge
        const auto all = ds->campaigns();
        QCOMPARE(all.size(), size_t(2));
        QCOMPARE(all[1].name, QStringLiteral("range day (2)"));
        // Opened again, each finds its own.
        const auto again = registerCampaign(*ds, QStringLiteral("range day"), b, cameras, &error);
        QVERIFY(again);
        QCOMPARE(again->front().id, second->front().id);
        QCOMPARE(ds->campaigns().size(), size_t(2));
    }

    void engineRules()
    {
        const QString path = m_dir.filePath(QStringLiteral("rules.vigie"));
        Fixture f = make(path);
        QVERIFY(f.ds);
        QCOMPARE(f.ds->schemaVersion(), Dataset::currentSchemaVersion());
        QSqlQuery q(QSqlDatabase::database(f.ds->connectionName()));
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), Dataset::currentSchemaVersion());
        // Foreign keys hold: a box on a frame that does not exist is refused.
        BoxRecord orphan = sample(f);
        orphan.frameId = 999999;
        QString error;
        QVERIFY(!f.ds->createBox(orphan, &error));
        QVERIFY2(error.contains(QStringLiteral("FOREIGN KEY")), qPrintable(error));
        QVERIFY(f.ds->integrityCheck().isEmpty());
    }

    void editsAreCommittedWithHistory()
    {
        Fixture f = make(m_dir.filePath(QStringLiteral("edits.vigie")));
        QString error;
        const auto id = f.ds->createBox(sample(f), &error);
        QVERIFY2(id, qPrintable(error));
        BoxRecord b = *f.ds->box(*id);
        QCOMPARE(b.x, 100.5);
        QCOMPARE(b.source, BoxSource::Geometry);
        QCOMPARE(*b.confidence, 0.75);
        QVERIFY(b.createdUs > 0);

        b.x = 110;
        b.state = BoxState::Corrected;
        QVERIFY2(f.ds->updateBox(b, QStringLiteral("bob"), &error), qPrintable(error));
        QCOMPARE(f.ds->box(*id)->x, 110.0);
        QCOMPARE(f.ds->box(*id)->state, BoxState::Corrected);

        const BoxRecord last = *f.ds->box(*id);
        QVERIFY(f.ds->deleteBox(*id, QStringLiteral("bob"), &error));
        QVERIFY(!f.ds->box(*id));
        QVERIFY(f.ds->restoreBox(last, QStringLiteral("bob"), &error));
        QVERIFY(f.ds->box(*id)->sameContent(last));

        const auto history = f.ds->history(*id);
        QCOMPARE(int(history.size()), 4);
        QCOMPARE(history[0].action, QStringLiteral("create"));
        QCOMPARE(history[1].action, QStringLiteral("update"));
        QCOMPARE(history[1].author, QStringLiteral("bob"));
        QVERIFY(history[1].beforeJson.contains(QStringLiteral("100.5")));
        QVERIFY(history[1].afterJson.contains(QStringLiteral("\"corrected\"")));
        QCOMPARE(history[2].action, QStringLiteral("delete"));
        QCOMPARE(history[3].action, QStringLiteral("restore"));

        // The history is append-only.
        QSqlQuery q(QSqlDatabase::database(f.ds->connectionName()));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM box_history")));
        QVERIFY(q.lastError().text().contains(QStringLiteral("append-only")));
        QVERIFY(!q.exec(QStringLiteral("UPDATE box_history SET author = 'mallory'")));

        // Frame flags.
        QVERIFY(f.ds->setFrameFlags(f.frame2, {true, false, false, true}, QStringLiteral("bob"), &error));
        QCOMPARE(f.ds->frameFlags(f.frame2), (FrameFlags{true, false, false, true}));
        QVERIFY(f.ds->setFrameFlags(f.frame2, {false, false, true, true}, QStringLiteral("bob"), &error));
        QCOMPARE(f.ds->frameFlags(f.frame2), (FrameFlags{false, false, true, true}));
    }

    void valuesAreBoundNeverPasted()
    {
        Fixture f = make(m_dir.filePath(QStringLiteral("bound.vigie")));
        QString error;
        const QString evil = QStringLiteral("x'); DROP TABLE boxes; --");
        const auto cls = f.ds->ensureClass(evil, &error);
        QVERIFY2(cls, qPrintable(error));
        BoxRecord b = sample(f);
        b.classId = *cls;
        b.author = QStringLiteral("o'brien \"quoted\"");
        const auto id = f.ds->createBox(b, &error);
        QVERIFY(id);
        QCOMPARE(f.ds->classId(evil), cls);
        QCOMPARE(f.ds->box(*id)->author, b.author);
        QCOMPARE(f.ds->info().boxes, 1);
    }

    void bulkIsAllOrNothing()
    {
        Fixture f = make(m_dir.filePath(QStringLiteral("bulk.vigie")));
        std::vector<BoxRecord> boxes(1000, sample(f));
        boxes[500].w = 0; // violates CHECK (w > 0)
        QString error;
        QVERIFY(!f.ds->insertBoxes(boxes, &error));
        QCOMPARE(f.ds->info().boxes, 0);
        boxes[500].w = 5;
        QVERIFY2(f.ds->insertBoxes(boxes, &error), qPrintable(error));
        QCOMPARE(f.ds->info().boxes, 1000);
        QVERIFY(boxes.back().id > boxes.front().id);
        QCOMPARE(f.ds->info().boxesBySource[int(BoxSource::Geometry)], 1000);
    }

    void migratesAVersionOneFileInPlace()
    {
        const QString path = m_dir.filePath(QStringLiteral("old.vigie"));
        QVERIFY(QFile::copy(QStringLiteral(VIGIE_TEST_DATA_DIR "/dataset-v1.sqlite"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QString error;
        auto ds = Dataset::open(path, Dataset::OpenMode::MustExist, &error);
        QVERIFY2(ds, qPrintable(error));
        QCOMPARE(ds->schemaVersion(), Dataset::currentSchemaVersion());
        const auto boxes = ds->allBoxes();
        QCOMPARE(int(boxes.size()), 2);
        QCOMPARE(boxes[0].author, QStringLiteral("alice"));
        QCOMPARE(boxes[0].x, 100.5);
        QVERIFY(!boxes[0].trackId);
        // Ids and history survive the rebuild of the boxes table (version 3), and a box carried
        // from the other camera is now a source the file accepts.
        QCOMPARE(boxes[0].id, std::int64_t(1));
        BoxRecord carried = boxes[0];
        carried.source = BoxSource::Transfer;
        carried.state = BoxState::Proposed;
        const auto carriedId = ds->createBox(carried, &error);
        QVERIFY2(carriedId, qPrintable(error));
        QCOMPARE(ds->box(*carriedId)->source, BoxSource::Transfer);
        QCOMPARE(ds->info().boxesBySource[int(BoxSource::Transfer)], 1);
        QCOMPARE(ds->history(1).size(), size_t(1));
        // The new tables work on the upgraded file.
        QVERIFY(ds->setFrameFlags(1, {false, false, false, true}, QStringLiteral("alice"), &error));
        QVERIFY(ds->integrityCheck().isEmpty());
        ds.reset();
        auto again = Dataset::open(path, Dataset::OpenMode::MustExist, &error);
        QCOMPARE(again->schemaVersion(), Dataset::currentSchemaVersion());
        QCOMPARE(Dataset::currentSchemaVersion(), 3);
        QCOMPARE(int(again->allBoxes().size()), 3);
    }

    void anotherProcessNeverDeletesOurWal()
    {
        // The workstation keeps its writer open while it opens the dataset again for look-ups,
        // and a vigie-cli beside it opens and closes the same file. Opening must never close a
        // descriptor of the file behind SQLite's back: that drops the writer's locks, and the
        // other process's last close then checkpoints and deletes the WAL the writer still uses
        // (its next commits vanish for every new reader, and quick_check reports short reads).
        const QString path = m_dir.filePath(QStringLiteral("shared.vigie"));
        Fixture f = make(path);
        QVERIFY(f.ds);
        QString error;
        for (int i = 0; i < 20; ++i)
            QVERIFY2(f.ds->createBox(sample(f), &error), qPrintable(error));
        {
            // As after a long session: the schema and the first boxes checkpointed into the file.
            QSqlQuery checkpoint(QSqlDatabase::database(f.ds->connectionName()));
            QVERIFY(checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(FULL)")));
        }
        QVERIFY(QFileInfo(path).size() > 0);
        for (int i = 0; i < 5; ++i)
            QVERIFY2(f.ds->createBox(sample(f), &error), qPrintable(error));
        auto probe = [&] {
            QProcess p;
            p.start(helper(), {path, QStringLiteral("probe")});
            p.waitForFinished(20000);
            return p.readAllStandardOutput().trimmed();
        };
        QCOMPARE(probe(), QByteArray("held")); // the writer's shared lock, as SQLite keeps it in WAL mode
        {
            auto lookUp = Dataset::open(path, Dataset::OpenMode::MustExist, &error); // the registry look-up
            QVERIFY2(lookUp, qPrintable(error));
        }
        QCOMPARE(probe(), QByteArray("held")); // still: opening did not close a descriptor behind SQLite
        QProcess other;
        other.start(helper(), {path, QStringLiteral("open")});
        QVERIFY(other.waitForFinished(20000));
        QCOMPARE(other.exitCode(), 0);
        QVERIFY2(QFile::exists(path + QStringLiteral("-wal")), "the other process deleted the WAL we write to");
        for (int i = 0; i < 20; ++i)
            QVERIFY2(f.ds->createBox(sample(f), &error), qPrintable(error));
        auto reader = Dataset::open(path, Dataset::OpenMode::MustExist, &error); // integrity checked
        QVERIFY2(reader, qPrintable(error));
        QCOMPARE(int(reader->boxesOfCamera(f.camera).size()), 45);
    }

    void refusesWhatItCannotTrust()
    {
        QString error;
        QVERIFY(!Dataset::open(m_dir.filePath(QStringLiteral("none.vigie")), Dataset::OpenMode::MustExist, &error));
        QVERIFY(error.contains(QStringLiteral("no such dataset")));

        const QString text = m_dir.filePath(QStringLiteral("text.vigie"));
        QFile t(text);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("this is not a database\n");
        t.close();
        QVERIFY(!Dataset::open(text, Dataset::OpenMode::MustExist, &error));
        QVERIFY2(error.contains(QStringLiteral("not a Vigie dataset")), qPrintable(error));

        const QString future = m_dir.filePath(QStringLiteral("future.vigie"));
        {
            auto ds = Dataset::open(future, Dataset::OpenMode::CreateIfMissing, &error);
            QSqlQuery q(QSqlDatabase::database(ds->connectionName()));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 9")));
        }
        QVERIFY(!Dataset::open(future, Dataset::OpenMode::MustExist, &error));
        QVERIFY2(error.contains(QStringLiteral("newer than this Vigie")), qPrintable(error));

        // A damaged file: overwrite pages in the middle.
        const QString damaged = m_dir.filePath(QStringLiteral("damaged.vigie"));
        {
            Fixture f = make(damaged);
            std::vector<BoxRecord> boxes(5000, sample(f));
            QVERIFY(f.ds->insertBoxes(boxes, &error));
            QSqlQuery q(QSqlDatabase::database(f.ds->connectionName()));
            q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        QFile d(damaged);
        QVERIFY(d.open(QIODevice::ReadWrite));
        const qint64 size = d.size();
        d.seek(size / 2);
        d.write(QByteArray(8192, char(0x5a)));
        d.close();
        auto broken = Dataset::open(damaged, Dataset::OpenMode::MustExist, &error);
        QVERIFY2(!broken || !broken->integrityCheck().isEmpty(), "damage went unnoticed");
        if (!broken)
            QVERIFY2(error.contains(QStringLiteral("damaged")) || error.contains(QStringLiteral("malformed")),
                     qPrintable(error));
    }

    void killedWriterLosesNothingCommitted()
    {
        const QString path = m_dir.filePath(QStringLiteral("crash.vigie"));
        QProcess writer;
        writer.start(helper(), {path, QStringLiteral("stream")});
        QVERIFY(writer.waitForStarted());
        QList<std::int64_t> committed;
        int bulk = 0;
        QByteArray pending;
        while (committed.size() < 300 && writer.state() == QProcess::Running) {
            if (!writer.waitForReadyRead(20000))
                break;
            pending += writer.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                const QByteArray line = pending.left(nl);
                pending.remove(0, nl + 1);
                if (line.startsWith("bulk "))
                    bulk = line.mid(5).toInt();
                else if (line.startsWith("edit "))
                    committed << line.mid(5).toLongLong();
            }
        }
        writer.kill(); // SIGKILL, mid-edit
        writer.waitForFinished();
        QCOMPARE(bulk, 20000);
        QVERIFY2(committed.size() >= 300, writer.readAllStandardError().constData());

        QString error;
        auto ds = Dataset::open(path, Dataset::OpenMode::MustExist, &error);
        QVERIFY2(ds, qPrintable(error));
        QVERIFY(ds->integrityCheck().isEmpty());
        for (std::int64_t id : std::as_const(committed))
            QVERIFY2(ds->box(id), qPrintable(QStringLiteral("committed box %1 lost").arg(id)));
        // No torn edit: every single-edit box has exactly its creation in the history, and
        // the history has no creation without its box.
        QSqlQuery q(QSqlDatabase::database(ds->connectionName()));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM boxes WHERE author = 'single'")) && q.next());
        const auto singles = q.value(0).toLongLong();
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM box_history WHERE action = 'create'")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), singles);
        QVERIFY(singles >= committed.size() && singles <= committed.size() + 1);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM boxes WHERE author = 'bulk'")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), 20000);
    }

    void aSecondWriterWaitsThenIsToldWhy()
    {
        const QString path = m_dir.filePath(QStringLiteral("locked.vigie"));
        Fixture f = make(path);
        QProcess holder;
        holder.start(helper(), {path, QStringLiteral("hold")});
        QVERIFY(holder.waitForReadyRead(20000));
        QCOMPARE(holder.readAllStandardOutput().trimmed(), QByteArray("locked"));
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY(!f.ds->createBox(sample(f), &error));
        const qint64 waited = timer.elapsed();
        QVERIFY2(error.contains(QStringLiteral("locked by another Vigie")), qPrintable(error));
        QVERIFY2(waited >= 4000 && waited < 15000, qPrintable(QString::number(waited)));
        holder.kill();
        holder.waitForFinished();
        QVERIFY(f.ds->createBox(sample(f), &error)); // free again
        QVERIFY(f.ds->integrityCheck().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDataset)
#include "tst_dataset.moc"
