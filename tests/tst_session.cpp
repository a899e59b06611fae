// One open campaign without a window: CampaignSession links no Widgets (vigie_session), runs
// under a QCoreApplication, shows frames with their projection, telemetry and timeline, and
// saves honestly when the disk is full: the write is shown as failed, stays pending, is
// retried, and nothing shown as saved is lost.

#include "app/campaignsession.h"
#include "database/dataset.h"
#include "database/datasetsession.h"
#include "models/synth/generator.h"
#include "testcampaign.h"

#include <QCoreApplication>
#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <sys/resource.h>

#include <algorithm>
#include <csignal>
#include <set>

using namespace vigie;

namespace {

const QString campaignDir = QStringLiteral(VIGIE_TEST_OUTPUT_DIR "/session-campaign");

QString freshDataset(const QString &name)
{
    return test::removeDataset(QStringLiteral(VIGIE_TEST_OUTPUT_DIR "/") + name);
}

/// The process may not write past `bytes` in any regular file (RLIMIT_FSIZE): the kernel's
/// answer is what a full disk gives SQLite, a write that fails. Restored by the destructor.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        ::signal(SIGXFSZ, SIG_IGN); // else the kernel kills the process at the first write
        ::getrlimit(RLIMIT_FSIZE, &m_saved);
        rlimit limited = m_saved;
        limited.rlim_cur = bytes;
        m_ok = ::setrlimit(RLIMIT_FSIZE, &limited) == 0;
    }
    ~FileSizeLimit() { lift(); }
    void lift()
    {
        if (m_ok)
            ::setrlimit(RLIMIT_FSIZE, &m_saved);
        m_ok = false;
    }
    bool ok() const { return m_ok; }

private:
    rlimit m_saved{};
    bool m_ok = false;
};

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        synth::Config config = synth::Config::forPreset(synth::Preset::Easy, 7, 2.0);
        QString error;
        QDir(campaignDir).removeRecursively();
        QVERIFY2(synth::generate(config, campaignDir, {}, &error), qPrintable(error));
    }

    void runsHeadless()
    {
        QVERIFY(qobject_cast<QCoreApplication *>(QCoreApplication::instance()));
        QUndoStack undo;
        CampaignSession session(&undo);
        QSignalSpy opened(&session, &CampaignSession::opened);
        QSignalSpy shown(&session, &CampaignSession::frameShown);
        CampaignSession::Options options;
        options.datasetPath = freshDataset(QStringLiteral("session.sqlite"));
        session.open(campaignDir + QStringLiteral("/campaign.json"), options);
        QVERIFY(opened.wait(60000));
        QCOMPARE(session.state(), CampaignSession::State::Ready);
        QCOMPARE(session.cameraCount(), 2);

        // Frames arrive for every camera, decoded and rendered, with the target projected.
        QVERIFY(QTest::qWaitFor([&] {
            std::set<int> cameras;
            for (const QList<QVariant> &s : shown)
                if (!s.at(1).value<QImage>().isNull())
                    cameras.insert(s.at(0).toInt());
            return cameras.size() == 2;
        }, 30000));
        const int ir = session.cameraOf(QStringLiteral("ir"));
        QVERIFY(ir >= 0);
        const std::int64_t middle = session.frameCount(ir) / 2;
        const FrameOverlay overlay = session.overlayAt(ir, middle);
        QVERIFY2(overlay.valid, qPrintable(overlay.reason));
        QVERIFY(overlay.projection.inFieldOfView);
        QVERIFY(!overlay.expectedBox.isEmpty());

        const std::vector<TimelineBand> bands = session.timelineBands();
        QCOMPARE(int(bands.size()), 1 + 2 * session.cameraCount());
        for (const TimelineBand &b : bands)
            QCOMPARE(std::int64_t(b.values.size()), session.frameCount(session.masterCamera()));
        QVERIFY(std::any_of(bands[0].values.begin(), bands[0].values.end(), [](std::uint8_t v) { return v > 0; }));

        const std::optional<UtcTime> utc = session.campaign()->frameUtc(ir, middle);
        QVERIFY(utc);
        const TelemetrySnapshot t = session.telemetryAt(*utc);
        QVERIFY2(t.valid, qPrintable(t.reason));
        QVERIFY(t.look.rangeM > 1);
    }

    void fullDiskIsShownAsFailedAndLosesNothing()
    {
        const QString db = freshDataset(QStringLiteral("full.sqlite"));
        std::vector<std::pair<CampaignSession::SaveState, QString>> states;
        {
            QUndoStack undo;
            CampaignSession session(&undo);
            QSignalSpy opened(&session, &CampaignSession::opened);
            connect(&session, &CampaignSession::saveStateChanged, this,
                    [&](CampaignSession::SaveState s, const QString &detail) { states.emplace_back(s, detail); });
            CampaignSession::Options options;
            options.datasetPath = db;
            session.open(campaignDir + QStringLiteral("/campaign.json"), options);
            QVERIFY(opened.wait(60000));
            session.dataset()->setRetryInterval(150);
            const int camera = session.masterCamera();
            AnnotationEditor *editor = session.editor();

            QVERIFY(editor->addBox(camera, 2, QRectF(10, 10, 8, 6), {}) != 0);
            session.dataset()->flush();
            QVERIFY(QTest::qWaitFor([&] { return !states.empty() && states.back().first == CampaignSession::SaveState::Saved; }, 10000));

            // The disk is full: every write the process makes fails.
            std::int64_t moved = 0;
            {
                FileSizeLimit full(0);
                QVERIFY(full.ok());
                QSignalSpy writeFailed(session.dataset(), &db::DatasetSession::writeFailed);
                moved = editor->addBox(camera, 5, QRectF(20, 20, 8, 6), {});
                QVERIFY(editor->setRect(moved, QRectF(31, 22, 8, 6)));
                QVERIFY(editor->addBox(camera, 6, QRectF(40, 40, 9, 9), {}) != 0);
                // The writer thread may fail before the wait begins: count what was recorded.
                QVERIFY(writeFailed.count() > 0 || writeFailed.wait(15000));
                QVERIFY2(writeFailed.first().first().toString().contains(db), qPrintable(writeFailed.first().first().toString()));
                QVERIFY(QTest::qWaitFor([&] { return states.back().first == CampaignSession::SaveState::Failed; }, 5000));
                QCOMPARE(session.dataset()->pendingWrites(), 3);
                // Retries come and fail; never "Saved" while the disk is full.
                states.clear();
                QTest::qWait(600);
                QVERIFY(session.dataset()->failedWrites() >= 2);
                for (const auto &[state, detail] : states)
                    QVERIFY2(state != CampaignSession::SaveState::Saved, qPrintable(detail));
                QCOMPARE(session.dataset()->pendingWrites(), 3);
            }
            // Space again: the retry writes all three, in order, and only then "Saved".
            QVERIFY(QTest::qWaitFor([&] { return !states.empty() && states.back().first == CampaignSession::SaveState::Saved; }, 15000));
            QCOMPARE(session.dataset()->pendingWrites(), 0);
        }
        QString error;
        auto ds = db::Dataset::open(db, db::Dataset::OpenMode::MustExist, &error);
        QVERIFY2(ds, qPrintable(error));
        std::vector<QRectF> manual;
        for (const db::CameraRecord &cam : ds->cameras(ds->campaigns().front().id)) {
            for (const db::BoxRecord &b : ds->boxesOfCamera(cam.id))
                if (b.source == db::BoxSource::Manual)
                    manual.emplace_back(b.x, b.y, b.w, b.h);
        }
        QCOMPARE(int(manual.size()), 3);
        QVERIFY(std::count(manual.begin(), manual.end(), QRectF(31, 22, 8, 6)) == 1);
        QVERIFY(std::count(manual.begin(), manual.end(), QRectF(40, 40, 9, 9)) == 1);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
