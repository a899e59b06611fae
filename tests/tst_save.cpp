// A save that never lies: the workstation shows "Saved" only when every edit is on disk. A
// write that fails (the dataset locked by another program) is shown as failed, stays pending
// and is retried; closing with unsaved edits asks first; and a workstation killed with SIGKILL
// in the middle of a stream of edits loses none that it showed as saved.

#include "app/campaignsession.h"
#include "app/mainwindow.h"
#include "database/dataset.h"
#include "database/datasetsession.h"
#include "models/heap.h"
#include "models/synth/generator.h"
#include "testcampaign.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <csignal>
#include <random>

using namespace vigie;

namespace {

const QString campaignDir = QStringLiteral(VIGIE_TEST_OUTPUT_DIR "/save-campaign");

QString freshDataset(const QString &name)
{
    return test::removeDataset(QStringLiteral(VIGIE_TEST_OUTPUT_DIR "/") + name);
}

QLabel *saveLabel(MainWindow &window)
{
    for (QLabel *l : window.statusBar()->findChildren<QLabel *>()) {
        if (l->text() == QStringLiteral("Saved") || l->text().startsWith(QStringLiteral("Saving"))
            || l->text().startsWith(QStringLiteral("Not saved")))
            return l;
    }
    return nullptr;
}

/// Takes the dataset's write lock in another process (tests/dbwriter hold) until killed.
bool holdLock(QProcess *holder, const QString &db)
{
    holder->start(QStringLiteral(VIGIE_DBWRITER), {db, QStringLiteral("hold")});
    return holder->waitForStarted() && holder->waitForReadyRead(10000) && holder->readLine().trimmed() == "locked";
}

/// The sorted content of one camera's boxes in a dataset file, hashed as the helper hashes the
/// model's (workstation_editor.cpp).
QByteArray datasetDigest(const QString &path, const QString &cameraName, QString *error)
{
    auto ds = db::Dataset::open(path, db::Dataset::OpenMode::MustExist, error);
    if (!ds)
        return {};
    QList<QByteArray> rows;
    for (const db::CampaignRecord &c : ds->campaigns()) {
        for (const db::CameraRecord &cam : ds->cameras(c.id)) {
            if (cam.name != cameraName)
                continue;
            std::map<std::int64_t, std::int64_t> index;
            for (const db::FrameRecord &f : ds->frames(cam.id))
                index[f.id] = f.index;
            for (const db::BoxRecord &b : ds->boxesOfCamera(cam.id)) {
                rows << QByteArray::number(index[b.frameId]) + ' ' + QByteArray::number(b.x) + ' ' + QByteArray::number(b.y) + ' '
                            + QByteArray::number(b.w) + ' ' + QByteArray::number(b.h) + ' ' + QByteArray::number(int(b.state));
            }
        }
    }
    std::sort(rows.begin(), rows.end());
    return QCryptographicHash::hash(rows.join('\n'), QCryptographicHash::Sha1).toHex();
}

/// The content of a dataset file that edits change: every box (id included) and every frame's
/// flags, as text, read with a connection of its own.
QString datasetContent(const QString &path)
{
    QString out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("content"));
        db.setDatabaseName(path);
        if (!db.open())
            return QStringLiteral("cannot open");
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT id, frame_id, class_id, x, y, w, h, source, state, confidence, model_version FROM boxes ORDER BY id"));
        while (q.next()) {
            for (int c = 0; c < 11; ++c)
                out += q.value(c).toString() + QLatin1Char(c == 10 ? '\n' : ' ');
        }
        q.exec(QStringLiteral("SELECT frame_id, out_of_view, not_visible, occluded, reviewed FROM frame_flags "
                              "WHERE out_of_view + not_visible + occluded + reviewed > 0 ORDER BY frame_id"));
        while (q.next()) {
            for (int c = 0; c < 5; ++c)
                out += q.value(c).toString() + QLatin1Char(c == 4 ? '\n' : ' ');
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("content"));
    return out;
}

/// The time offsets campaign.json holds, and whether its other keys survived.
QString manifestOffsets(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    QString out = QString::number(root[QStringLiteral("turret")][QStringLiteral("time_offset_s")].toDouble()) + QLatin1Char(' ')
                  + QString::number(root[QStringLiteral("target")][QStringLiteral("time_offset_s")].toDouble());
    for (const QJsonValue &c : root[QStringLiteral("cameras")].toArray())
        out += QLatin1Char(' ') + QString::number(c[QStringLiteral("time_offset_s")].toDouble());
    return out;
}

} // namespace

class TestSave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(keepLargeBlocksInHeap());
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("VigieTest"));
        QApplication::setApplicationName(QStringLiteral("tst_save"));
        QSettings().clear();
        synth::Config config = synth::Config::forPreset(synth::Preset::Easy, 5, 2.0);
        QString error;
        QDir(campaignDir).removeRecursively();
        QVERIFY2(synth::generate(config, campaignDir, {}, &error), qPrintable(error));
    }

    void randomCommandsUndoAndRedoExactly()
    {
        // A few hundred random commands of every kind through the façade; undoing them all gives
        // the dataset and the manifest's offsets back as they were, redoing them all gives the
        // end state back.
        const QString db = freshDataset(QStringLiteral("property.sqlite"));
        const QString manifest = campaignDir + QStringLiteral("/campaign.json");
        QFile original(manifest);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QJsonObject withUnknown = QJsonDocument::fromJson(original.readAll()).object();
        original.close();
        withUnknown.insert(QStringLiteral("x_site_notes"), QStringLiteral("kept by Vigie")); // an unknown key
        {
            QSaveFile out(manifest);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(QJsonDocument(withUnknown).toJson());
            QVERIFY(out.commit());
        }
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QSignalSpy opened(&window, &MainWindow::campaignOpened);
        window.openCampaign(manifest, db);
        QVERIFY(opened.wait(60000));
        CampaignSession *s = window.session();
        s->dataset()->flush();
        const QString start = datasetContent(db);
        const QString offsetsAtStart = manifestOffsets(manifest);
        QVERIFY(start.size() > 100); // the geometric proposals

        std::mt19937 rng(20261202);
        AnnotationEditor *editor = s->editor();
        QUndoStack *stack = window.undoStack();
        const int startIndex = stack->index();
        auto pick = [&](int camera) -> std::int64_t {
            const auto frames = s->annotations()->annotatedFrames(camera);
            if (frames.empty())
                return 0;
            const auto boxes = s->annotations()->boxes(camera, frames[rng() % frames.size()]);
            return boxes.empty() ? 0 : boxes[rng() % boxes.size()].handle;
        };
        int bulk = 0, offsets = 0, bulkStates = 0, interpolations = 0, tracks = 0, carries = 0;
        for (int i = 0; i < 300; ++i) {
            const int camera = int(rng() % std::uint32_t(s->cameraCount()));
            const std::int64_t frame = std::int64_t(rng() % std::uint32_t(s->frameCount(camera)));
            const QRectF rect(int(rng() % 300), int(rng() % 200), 3 + int(rng() % 30), 3 + int(rng() % 30));
            const std::int64_t handle = pick(camera);
            switch (rng() % 14) {
            case 0:
                editor->addBox(camera, frame, rect, {});
                break;
            case 1:
                editor->setRect(handle, rect);
                break;
            case 2:
                editor->remove(handle);
                break;
            case 3:
                editor->accept(handle);
                break;
            case 4:
                editor->reject(handle);
                break;
            case 5:
                editor->setClass(handle, rng() % 2 ? QStringLiteral("bird") : QStringLiteral("drone"));
                break;
            case 6: {
                db::FrameFlags f;
                f.reviewed = rng() % 2;
                f.notVisible = rng() % 2;
                editor->setFrameFlags(camera, frame, f);
                break;
            }
            case 7: {
                std::vector<Annotation> run;
                for (int k = int(rng() % 40) + 1; k > 0; --k) {
                    Annotation a;
                    a.camera = camera;
                    a.frame = std::int64_t(rng() % std::uint32_t(s->frameCount(camera)));
                    a.rect = QRectF(int(rng() % 300), int(rng() % 200), 5, 5);
                    a.className = QStringLiteral("drone");
                    a.source = db::BoxSource::Detector;
                    a.state = db::BoxState::Proposed;
                    a.confidence = 0.5;
                    a.modelVersion = QStringLiteral("centernet-test");
                    run.push_back(a);
                }
                bulk += editor->addBoxes(run, QStringLiteral("test run")) > 0;
                break;
            }
            case 9: {
                // A whole frame's boxes accepted or rejected at once (Ctrl+Shift+A / X).
                const auto frames = s->annotations()->annotatedFrames(camera);
                if (frames.empty())
                    break;
                std::vector<std::int64_t> handles;
                for (const Annotation &a : s->annotations()->boxes(camera, frames[rng() % frames.size()]))
                    handles.push_back(a.handle);
                bulkStates += (rng() % 2 ? editor->acceptMany(handles) : editor->rejectMany(handles)) > 0;
                break;
            }
            case 10: {
                // Interpolation from a keyframe back to the previous one (key I).
                std::vector<std::int64_t> keys;
                for (std::int64_t f : s->annotations()->annotatedFrames(camera))
                    for (const Annotation &a : s->annotations()->boxes(camera, f))
                        if (AnnotationEditor::isKeyframe(a))
                            keys.push_back(a.handle);
                if (keys.empty())
                    break;
                const std::int64_t key = keys[rng() % keys.size()];
                if (const auto previous = editor->previousKeyframe(key))
                    interpolations += editor->interpolate(previous->handle, key, s->interpolationGeometry(camera)) > 0;
                break;
            }
            case 11: {
                // A tracker's run around a keyframe (key K): what it derived between the
                // neighbouring keyframes replaces what was derived there before, in one command.
                std::vector<Annotation> keys;
                for (std::int64_t f : s->annotations()->annotatedFrames(camera))
                    for (const Annotation &a : s->annotations()->boxes(camera, f))
                        if (AnnotationEditor::isKeyframe(a))
                            keys.push_back(a);
                if (keys.empty())
                    break;
                const Annotation key = keys[rng() % keys.size()];
                const auto previous = editor->previousKeyframe(key.handle);
                const auto next = editor->nextKeyframe(key.handle);
                const std::int64_t first = previous ? previous->frame + 1 : 0;
                const std::int64_t last = next ? next->frame - 1 : s->frameCount(camera) - 1;
                std::vector<Annotation> run;
                for (std::int64_t f = first; f <= last; ++f) {
                    if (f == key.frame || rng() % 3 == 0)
                        continue;
                    Annotation a;
                    a.frame = f;
                    a.rect = key.rect.translated(double(f - key.frame), 0);
                    a.source = db::BoxSource::Tracker;
                    a.state = rng() % 8 ? db::BoxState::Accepted : db::BoxState::Proposed;
                    a.confidence = double(rng() % 100) / 100.0;
                    a.modelVersion = QStringLiteral("csrt-enlarged side=32 scale<=4 min=0.30");
                    run.push_back(a);
                }
                tracks += editor->replaceDerived(camera, key.className, first, last, run, QStringLiteral("track")) > 0;
                break;
            }
            case 12: {
                // Key B: every accepted box of a camera carried to the other, one command (drawn,
                // moved and accepted boxes bring theirs through the companion, in their macro).
                const int other = (camera + 1) % s->cameraCount();
                carries += editor->addTransfers(s->carryCamera(camera, other), QStringLiteral("carry")) > 0;
                break;
            }
            case 8:
                s->setOffsetMs(int(rng() % std::uint32_t(s->offsetNames().size())), int(rng() % 200) - 100);
                ++offsets;
                break;
            default:
                if (rng() % 2)
                    stack->undo();
                else
                    stack->redo();
                break;
            }
        }
        QVERIFY(bulk > 10 && offsets > 10 && bulkStates > 10 && interpolations > 3 && tracks > 3 && carries > 3);
        s->dataset()->flush();
        QVERIFY(s->saveOffsets());
        QCOMPARE(s->dataset()->pendingWrites(), 0);
        const QString end = datasetContent(db);
        const int endIndex = stack->index();
        const QString offsetsAtEnd = manifestOffsets(manifest);
        QVERIFY(end != start);
        QVERIFY(end.contains(QLatin1String("transfer"))); // carried boxes are in what undo must restore

        while (stack->index() > startIndex)
            stack->undo();
        s->dataset()->flush();
        QVERIFY(s->saveOffsets());
        QCOMPARE(datasetContent(db), start);
        QCOMPARE(manifestOffsets(manifest), offsetsAtStart);

        // Back to where the random walk ended (it may have ended on an undo: not past it).
        while (stack->index() < endIndex)
            stack->redo();
        s->dataset()->flush();
        QVERIFY(s->saveOffsets());
        QCOMPARE(datasetContent(db), end);
        QCOMPARE(manifestOffsets(manifest), offsetsAtEnd);
        QVERIFY(window.closeCampaign());

        // Saving the offsets kept what Vigie does not know.
        QFile after(manifest);
        QVERIFY(after.open(QIODevice::ReadOnly));
        const QJsonObject saved = QJsonDocument::fromJson(after.readAll()).object();
        QCOMPARE(saved.value(QStringLiteral("x_site_notes")).toString(), QStringLiteral("kept by Vigie"));
        QCOMPARE(saved.value(QStringLiteral("cameras")).toArray().first().toObject().keys(),
                 withUnknown.value(QStringLiteral("cameras")).toArray().first().toObject().keys());
    }

    void failedWriteIsShownRetriedAndAskedAboutOnClose()
    {
        const QString db = freshDataset(QStringLiteral("locked.sqlite"));
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QSignalSpy opened(&window, &MainWindow::campaignOpened);
        window.openCampaign(campaignDir + QStringLiteral("/campaign.json"), db);
        QVERIFY(opened.wait(60000));
        CampaignSession *s = window.session();
        s->dataset()->setRetryInterval(200);
        const int camera = s->masterCamera();
        AnnotationEditor *editor = s->editor();

        // A box saved normally.
        QVERIFY(editor->addBox(camera, 3, QRectF(10, 10, 8, 6), {}) != 0);
        QLabel *label = nullptr;
        QVERIFY(QTest::qWaitFor([&] { label = saveLabel(window); return label && label->text() == QStringLiteral("Saved"); }, 10000));

        // Another program holds the write lock: the next edits fail after SQLite's busy timeout,
        // are shown as not saved, and stay pending.
        QProcess holder;
        QVERIFY(holdLock(&holder, db));
        QSignalSpy failed(s->dataset(), &db::DatasetSession::writeFailed);
        const std::int64_t moved = editor->addBox(camera, 4, QRectF(20, 20, 8, 6), {});
        QVERIFY(editor->setRect(moved, QRectF(30, 22, 8, 6)));
        QVERIFY(failed.count() > 0 || failed.wait(15000)); // the writer thread may fail before the wait
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("not saved")), qPrintable(failed.first().first().toString()));
        QVERIFY(failed.first().first().toString().contains(db));
        QVERIFY(QTest::qWaitFor([&] { return label->text().startsWith(QStringLiteral("Not saved")); }, 2000));
        QCOMPARE(s->dataset()->pendingWrites(), 2);
        QVERIFY(s->dataset()->failedWrites() >= 1);
        QTest::qWait(500); // retries come and fail: still not saved, never "Saved"
        QVERIFY(label->text().startsWith(QStringLiteral("Not saved")));
        QVERIFY(window.grab().save(QStringLiteral(VIGIE_TEST_OUTPUT_DIR "/save-failed.png")));

        // Closing now asks at once; Cancel keeps the campaign open with its edits.
        QString asked;
        QTimer::singleShot(300, &window, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                asked = box->text();
                box->button(QMessageBox::Cancel)->click();
            }
        });
        QVERIFY(!window.closeCampaign());
        QVERIFY2(asked.contains(QStringLiteral("Unsaved edits: 2 could not be written")), qPrintable(asked));
        QVERIFY(window.session() == s);

        // The lock goes: the retry writes both edits, in order, and only then "Saved".
        holder.kill();
        holder.waitForFinished();
        QVERIFY(QTest::qWaitFor([&] { return label->text() == QStringLiteral("Saved"); }, 15000));
        QCOMPARE(s->dataset()->pendingWrites(), 0);
        QVERIFY(window.closeCampaign());

        QString error;
        auto ds = db::Dataset::open(db, db::Dataset::OpenMode::MustExist, &error);
        QVERIFY2(ds, qPrintable(error));
        int manual = 0;
        bool movedFound = false;
        for (const db::CameraRecord &cam : ds->cameras(ds->campaigns().front().id)) {
            for (const db::BoxRecord &b : ds->boxesOfCamera(cam.id)) {
                if (b.source != db::BoxSource::Manual)
                    continue;
                ++manual;
                movedFound = movedFound || (b.x == 30 && b.y == 22);
            }
        }
        QCOMPARE(manual, 2);
        QVERIFY(movedFound);
    }

    void killedWorkstationKeepsEverySavedEdit()
    {
        int windows = 0;
        // The fourth round also runs the tracker (key K) again and again, and is killed while one
        // tracks (after three runs have landed or ended).
        int tracked = 0;
        bool tracking = false;
        for (int round = 0; round < 4; ++round) {
            const QString db = freshDataset(QStringLiteral("killed-%1.sqlite").arg(round));
            QProcess editor;
            editor.setProcessChannelMode(QProcess::SeparateChannels);
            QStringList args{campaignDir + QStringLiteral("/campaign.json"), db, QString::number(round + 1)};
            if (round == 3)
                args << QStringLiteral("track");
            editor.start(QStringLiteral(VIGIE_WORKSTATION_EDITOR), args);
            QVERIFY(editor.waitForStarted());
            std::map<int, QByteArray> digests;
            int lastSaved = -1, begun = 0;
            QByteArray pending;
            auto readLines = [&] {
                pending += editor.readAllStandardOutput();
                int nl;
                while ((nl = pending.indexOf('\n')) >= 0) {
                    const QList<QByteArray> f = pending.left(nl).split(' ');
                    pending.remove(0, nl + 1);
                    if (f.size() == 3 && f[0] == "edit")
                        digests[f[1].toInt()] = f[2];
                    else if (f.size() == 2 && f[0] == "begin")
                        begun = f[1].toInt();
                    else if (f.size() == 2 && f[0] == "saved")
                        lastSaved = std::max(lastSaved, f[1].toInt());
                    else if (f.size() == 2 && f[0] == "tracked")
                        ++tracked, tracking = false;
                    else if (f.size() == 2 && f[0] == "tracking")
                        tracking = true;
                }
            };
            // Edits flow and are saved; kill it at a moment that depends on the round.
            const int target = 60 + 45 * (round % 3);
            QVERIFY(QTest::qWaitFor([&] {
                readLines();
                return (lastSaved >= target && int(digests.size()) > target + round * 7 && (round < 3 || (tracked >= 3 && tracking)))
                       || editor.state() != QProcess::Running;
            }, 90000));
            QVERIFY2(editor.state() == QProcess::Running, editor.readAllStandardError().constData());
            // Stopped first, so that everything it printed is read before it dies.
            ::kill(pid_t(editor.processId()), SIGSTOP);
            QTest::qWait(50);
            readLines();
            const bool killedWhileTracking = tracking;
            ::kill(pid_t(editor.processId()), SIGKILL);
            QVERIFY(editor.waitForFinished(10000));
            QVERIFY(lastSaved >= target);

            // The file opens (its integrity checked) and holds the content of an edit at or after
            // the last one shown as saved.
            QString error;
            const QByteArray onDisk = datasetDigest(db, QStringLiteral("rgb"), &error);
            QVERIFY2(!onDisk.isEmpty(), qPrintable(error));
            int match = -1;
            for (const auto &[k, digest] : digests) {
                if (k >= lastSaved && digest == onDisk)
                    match = k;
            }
            if (match < 0 && begun > digests.rbegin()->first && windows < 3) {
                // Killed between an edit's commit and the line that names its content: that
                // state is unknown here, so this round says nothing; run it again.
                ++windows;
                --round;
                continue;
            }
            if (round == 3)
                QVERIFY(killedWhileTracking && tracked >= 3);
            QVERIFY2(match >= lastSaved,
                     qPrintable(QStringLiteral("round %1: the dataset matches no edit from %2 (shown as saved) to %3")
                                    .arg(round).arg(lastSaved).arg(digests.rbegin()->first)));
        }
    }
};

QTEST_MAIN(TestSave)
#include "tst_save.moc"
