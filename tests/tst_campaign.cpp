#include "models/campaign.h"
#include "testcampaign.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace vigie;

namespace {

QString writeText(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(text);
    return f.fileName();
}

} // namespace

class TestCampaign : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void projectsAtAFrame()
    {
        QTemporaryDir dir;
        const QString manifest = test::writeCampaign(dir.path());
        QString error;
        const auto campaign = Campaign::open(manifest, &error);
        QVERIFY2(campaign, qPrintable(error));
        QCOMPARE(int(campaign->manifest().cameras.size()), 2);
        QCOMPARE(campaign->targetLog().report.rejected, 0);

        const int rgb = campaign->manifest().cameraIndex(QStringLiteral("rgb"));
        const auto t = campaign->frameUtc(rgb, 15);
        QVERIFY(t);
        QCOMPARE(t->toIso(), QStringLiteral("2026-05-12T10:15:00.500Z"));
        const CameraProjection p = campaign->project(rgb, *t);
        QVERIFY2(p.ok, qPrintable(p.reason));
        QVERIFY2(std::abs(p.projection.x - 1148.33) < 0.01 && std::abs(p.projection.y - 443.94) < 0.01,
                 qPrintable(QStringLiteral("%1, %2").arg(p.projection.x).arg(p.projection.y)));
        QVERIFY(p.projection.inFieldOfView);
        QCOMPARE(p.target.quality, FixQuality::RtkFixed);
        QVERIFY(std::abs(p.projection.look.rangeM - 1000.0) < 1e-3);
        // GST sigmas (2 cm) and the default pointing sigma (0.05°) give a small, real ellipse.
        QVERIFY(p.projection.ellipse.semiMajor > 1.0 && p.projection.ellipse.semiMajor < 50.0);

        // The IR camera's zoom comes from the turret log (20°), not the manifest (14°).
        const int ir = campaign->manifest().cameraIndex(QStringLiteral("ir"));
        QCOMPARE(campaign->frameUtc(ir, 10)->toIso(), QStringLiteral("2026-05-12T10:15:00.400Z"));
        QVERIFY(!campaign->frameUtc(ir, 50)); // the times file has 50 frames: 0..49
        const CameraProjection q = campaign->project(ir, *campaign->frameUtc(ir, 10));
        QVERIFY(q.ok);
        const double fx20 = 320.0 / std::tan(10.0 * std::numbers::pi / 180.0);
        QVERIFY(std::abs(q.projection.expectedWidthPx - fx20 * 1.0 / q.projection.depthM) < 1e-6);
    }

    void noDataOutsideTheLogs()
    {
        QTemporaryDir dir;
        const auto campaign = Campaign::open(test::writeCampaign(dir.path()), nullptr);
        QVERIFY(campaign);
        const CameraProjection p = campaign->project(0, UtcTime::fromCalendar(2026, 5, 12, 11, 0, 0));
        QVERIFY(!p.ok);
        QVERIFY2(p.reason.contains(QStringLiteral("no target fix")), qPrintable(p.reason));
    }

    void offsetsMoveTheClock()
    {
        QTemporaryDir dir;
        const QString path = test::writeCampaign(dir.path());
        auto manifest = CampaignManifest::load(path, nullptr);
        QVERIFY(manifest);
        manifest->cameras[0].timeOffsetUs = 250000;
        manifest->cameras[0].model.positionM = {0.12, -0.03, 0.05};
        manifest->targetOffsetUs = -100000;
        QString error;
        QVERIFY2(manifest->save(path, &error), qPrintable(error));
        const auto again = CampaignManifest::load(path, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->cameras[0].timeOffsetUs, 250000);
        QVERIFY(again->cameras[0].model.positionM == (std::array<double, 3>{0.12, -0.03, 0.05}));
        QVERIFY2(again->warnings.isEmpty(), qPrintable(again->warnings.join(QLatin1Char('\n'))));
        QCOMPARE(again->targetOffsetUs, -100000);
        const auto campaign = Campaign::open(path, &error);
        QCOMPARE(campaign->frameUtc(0, 0)->toIso(), QStringLiteral("2026-05-12T10:15:00.250Z"));
    }

    void unknownKeysAreReported()
    {
        // A typo in an optional key would otherwise pass unseen: "hfov" for hfov_deg is ignored
        // (hfov_deg decides) but named, and so is a site's own note.
        QTemporaryDir dir;
        const QString path = test::writeCampaign(dir.path());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        root.insert(QStringLiteral("site_notes"), QStringLiteral("windy"));
        QJsonArray cameras = root.value(QStringLiteral("cameras")).toArray();
        QJsonObject c0 = cameras[0].toObject();
        QJsonObject k = c0.value(QStringLiteral("intrinsics")).toObject();
        k.insert(QStringLiteral("hfov"), 30);
        c0.insert(QStringLiteral("intrinsics"), k);
        cameras[0] = c0;
        root.insert(QStringLiteral("cameras"), cameras);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(root).toJson());
        f.close();
        QTest::ignoreMessage(QtWarningMsg, qPrintable(path + QStringLiteral(": unknown key 'site_notes' (ignored)")));
        QTest::ignoreMessage(QtWarningMsg, qPrintable(path + QStringLiteral(": unknown key 'cameras[0].intrinsics.hfov' (ignored)")));
        QString error;
        const auto manifest = CampaignManifest::load(path, &error);
        QVERIFY2(manifest, qPrintable(error));
        QCOMPARE(manifest->warnings.size(), 2);
        // Offsets saved from the workstation keep them.
        QVERIFY(manifest->saveOffsets(path, &error));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("site_notes")).toString(), QStringLiteral("windy"));
    }

    void badManifests_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not JSON") << QByteArray("{\n  \"station\": {\n    oops\n}") << QStringLiteral("campaign.json:3: invalid JSON");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("must be a JSON object");
        QTest::newRow("no station") << QByteArray("{\"turret\":{\"log\":\"t\"}}") << QStringLiteral("station: missing");
        QTest::newRow("latitude") << QByteArray(R"({"station":{"latitude_deg":91,"longitude_deg":0,"height_m":0}})")
                                  << QStringLiteral("station.latitude_deg: 91 is outside");
        QTest::newRow("latitude text") << QByteArray(R"({"station":{"latitude_deg":"48,1","longitude_deg":0,"height_m":0}})")
                                       << QStringLiteral("station.latitude_deg: must be a number");
        QTest::newRow("camera intrinsics")
            << QByteArray(R"({"station":{"latitude_deg":1,"longitude_deg":0,"height_m":0},"turret":{"log":"t.csv"},
                "target":{"log":"d.nmea"},"cameras":[{"name":"a","modality":"rgb","fps":25,"first_frame_utc":"2026-01-01T00:00:00Z",
                "width":640,"height":480,"intrinsics":{}}]})")
            << QStringLiteral("cameras[0].intrinsics: needs hfov_deg");
        QTest::newRow("modality")
            << QByteArray(R"({"station":{"latitude_deg":1,"longitude_deg":0,"height_m":0},"turret":{"log":"t.csv"},
                "target":{"log":"d.nmea"},"cameras":[{"name":"a","modality":"uv","fps":25,"first_frame_utc":"2026-01-01T00:00:00Z",
                "width":640,"height":480,"intrinsics":{"hfov_deg":10}}]})")
            << QStringLiteral("cameras[0].modality: 'uv' is not rgb or ir");
        QTest::newRow("camera position")
            << QByteArray(R"({"station":{"latitude_deg":1,"longitude_deg":0,"height_m":0},"turret":{"log":"t.csv"},
                "target":{"log":"d.nmea"},"cameras":[{"name":"a","modality":"ir","fps":25,"first_frame_utc":"2026-01-01T00:00:00Z",
                "width":640,"height":480,"intrinsics":{"hfov_deg":10},"position_m":[0.1,0]}]})")
            << QStringLiteral("cameras[0].position_m: must be [right, forward, up]");
        QTest::newRow("camera position far")
            << QByteArray(R"({"station":{"latitude_deg":1,"longitude_deg":0,"height_m":0},"turret":{"log":"t.csv"},
                "target":{"log":"d.nmea"},"cameras":[{"name":"a","modality":"ir","fps":25,"first_frame_utc":"2026-01-01T00:00:00Z",
                "width":640,"height":480,"intrinsics":{"hfov_deg":10},"position_m":[0.1,0,"up"]}]})")
            << QStringLiteral("cameras[0].position_m: must hold three numbers");
        QTest::newRow("newer version") << QByteArray(R"({"format":"vigie-campaign","version":7})")
                                       << QStringLiteral("version 7 is newer");
    }

    void badManifests()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString path = writeText(dir, QStringLiteral("campaign.json"), json);
        QString error;
        QVERIFY(!CampaignManifest::load(path, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("campaign.json")), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }

    void brokenLogsNameTheirFile()
    {
        QTemporaryDir dir;
        const QString path = test::writeCampaign(dir.path());
        writeText(dir, QStringLiteral("drone.nmea"), QByteArray("\xb5\x62\x01\x07 binary", 11));
        QString error;
        QVERIFY(!Campaign::open(path, &error));
        QVERIFY2(error.contains(QStringLiteral("drone.nmea")) && error.contains(QStringLiteral("no NMEA sentence")),
                 qPrintable(error));
        QFile::remove(dir.filePath(QStringLiteral("turret.csv")));
        test::writeCampaign(dir.path());
        QFile::remove(dir.filePath(QStringLiteral("turret.csv")));
        QVERIFY(!Campaign::open(path, &error));
        QVERIFY2(error.contains(QStringLiteral("turret.csv")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCampaign)
#include "tst_campaign.moc"
