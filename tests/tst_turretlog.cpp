#include "models/telemetry/turretlog.h"

#include <QTest>

using namespace vigie;

class TestTurretLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesTheDocumentedCsv()
    {
        const QByteArray csv = "# turret of station A\n"
                               "utc,pan_deg,tilt_deg,roll_deg,hfov_deg.rgb,hfov_deg.ir\n"
                               "2026-05-12T10:15:00.000Z,31.25,10.5,0.0,10.0,14.2\n"
                               "2026-05-12T10:15:00.020Z,31.30,10.5,0.1,10.0,\r\n"
                               "\n"
                               "1778580900.04,31.35,10.6,0.1,9.5,14.0\n";
        const TurretLog log = parseTurretLog(csv, QStringLiteral("turret.csv"));
        QVERIFY2(log.report.ok(), qPrintable(log.report.error));
        QCOMPARE(log.report.rejected, 0);
        QCOMPARE(int(log.samples.size()), 3);
        QCOMPARE(log.cameras, (QStringList{QStringLiteral("rgb"), QStringLiteral("ir")}));
        QCOMPARE(log.samples[0].panDeg, 31.25);
        QCOMPARE(log.samples[0].hfovDeg.value(QStringLiteral("ir")), 14.2);
        QVERIFY(!log.samples[1].hfovDeg.contains(QStringLiteral("ir")));
        QCOMPARE(log.samples[1].rollDeg, 0.1);
        QCOMPARE(log.samples[2].utc.toIso(), QStringLiteral("2026-05-12T10:15:00.040Z"));
        QCOMPARE(log.samples[2].line, 6);
    }

    void columnsInAnyOrder()
    {
        const QByteArray csv = "tilt_deg,utc,pan_deg\n5,2026-05-12T10:15:00Z,359.9\n";
        const TurretLog log = parseTurretLog(csv, QStringLiteral("t.csv"));
        QVERIFY(log.report.ok());
        QCOMPARE(log.samples[0].tiltDeg, 5.0);
        QCOMPARE(log.samples[0].panDeg, 359.9);
    }

    void badRowsAreRejectedWithTheirLine()
    {
        const QByteArray csv = "utc,pan_deg,tilt_deg\n"
                               "2026-05-12T10:15:00.000Z,31.25,10.5\n"  // 2 ok
                               "2026-05-12T10:15:00.020Z,31,30,10.5\n"  // 3 too many fields
                               "2026-05-12T10:15:00.040Z,abc,10.5\n"    // 4 pan
                               "2026-05-12T10:15:00.060Z,31.3,95\n"     // 5 tilt out of range
                               "2026-05-12T10:14:59.000Z,31.3,10\n"     // 6 out of order
                               "yesterday,31.3,10\n"                    // 7 time
                               "2026-05-12T10:15:00.100Z,31.4,10.5\n";  // 8 ok
        const TurretLog log = parseTurretLog(csv, QStringLiteral("t.csv"));
        QVERIFY(log.report.ok());
        QCOMPARE(int(log.samples.size()), 2);
        QCOMPARE(log.report.rejected, 5);
        const QList<std::int64_t> lines{3, 4, 5, 6, 7};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(log.report.issues[i].line, lines[i]);
        QVERIFY(log.report.issues[3].reason.contains(QStringLiteral("does not follow")));
    }

    void missingColumnsStop()
    {
        const TurretLog log = parseTurretLog("time,azimuth\n1,2\n", QStringLiteral("t.csv"));
        QVERIFY(!log.report.ok());
        QVERIFY(log.report.error.contains(QStringLiteral("utc, pan_deg and tilt_deg")));
        QVERIFY(!parseTurretLog("", QStringLiteral("e.csv")).report.ok());
        QVERIFY(!parseTurretLogFile(QStringLiteral("/nonexistent.csv")).report.ok());
    }

    void frameTimes()
    {
        const FrameTimes plain = parseFrameTimes("# rgb.mp4\n2026-05-12T10:15:00.000Z\n"
                                                 "2026-05-12T10:15:00.033Z\n2026-05-12T10:15:00.067Z\n",
                                                 QStringLiteral("rgb.times"));
        QVERIFY(plain.report.ok());
        QCOMPARE(int(plain.utc.size()), 3);
        QCOMPARE(plain.utc[2].toIso(), QStringLiteral("2026-05-12T10:15:00.067Z"));
        const FrameTimes indexed = parseFrameTimes("0,1778580900.0\n1,1778580900.04\n",
                                                   QStringLiteral("ir.times"));
        QVERIFY(indexed.report.ok());
        QCOMPARE(int(indexed.utc.size()), 2);

        const FrameTimes skipped = parseFrameTimes("0,1778580900.0\n2,1778580900.08\n",
                                                   QStringLiteral("gap.times"));
        QVERIFY(!skipped.report.ok());
        QVERIFY(skipped.report.error.contains(QStringLiteral("gap.times:2:")));
        const FrameTimes backwards = parseFrameTimes("1778580900.1\n1778580900.0\n",
                                                     QStringLiteral("back.times"));
        QVERIFY(!backwards.report.ok());
        QVERIFY(backwards.report.error.contains(QStringLiteral("not after")));
    }
};

QTEST_GUILESS_MAIN(TestTurretLog)
#include "tst_turretlog.moc"
