#include "models/telemetry/nmea.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <clocale>
#include <cmath>
#include <map>

using namespace vigie;

namespace {

const QString gnss = QStringLiteral(VIGIE_FIXTURES_DIR "/gnss/");

/// gpsd's decoding: the last TPV report for each time, from a .chk file.
std::map<std::int64_t, QJsonObject> gpsdFixes(const QString &chk)
{
    std::map<std::int64_t, QJsonObject> out;
    QFile file(chk);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (!line.startsWith('{'))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QLatin1String("class")).toString() != QLatin1String("TPV")
            || !o.contains(QLatin1String("time")) || !o.contains(QLatin1String("lat")))
            continue;
        const auto t = UtcTime::parse(o.value(QLatin1String("time")).toString());
        if (t)
            out[t->microseconds()] = o;
    }
    return out;
}

/// gpsd's TPV status for a fix quality.
int gpsdStatus(FixQuality q)
{
    switch (q) {
    case FixQuality::Autonomous: return 1;
    case FixQuality::Differential: return 2;
    case FixQuality::RtkFixed: return 3;
    case FixQuality::RtkFloat: return 4;
    case FixQuality::DeadReckoning: return 5;
    default: return 0;
    }
}

QByteArray withChecksum(const QByteArray &body)
{
    unsigned char sum = 0;
    for (char c : body)
        sum ^= static_cast<unsigned char>(c);
    return '$' + body + '*' + QByteArray::number(sum, 16).toUpper().rightJustified(2, '0');
}

} // namespace

class TestNmea : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithGpsd_data()
    {
        QTest::addColumn<QString>("log");
        QTest::addColumn<int>("expectedFixes");
        QTest::newRow("trimble rtk") << QStringLiteral("nmea-rtk.log") << 122;
        QTest::newRow("skytraq rtk float") << QStringLiteral("skytraq-PX1172RH_DS.log") << 9;
        QTest::newRow("fuzzy arithmetic") << QStringLiteral("nmea-fuzzy-cases.log") << 14;
    }

    void agreesWithGpsd()
    {
        QFETCH(QString, log);
        QFETCH(int, expectedFixes);
        const GnssLog result = parseNmeaFile(gnss + log);
        QVERIFY2(result.report.ok(), qPrintable(result.report.error));
        QCOMPARE(result.report.rejected, 0);
        QCOMPARE(int(result.fixes.size()), expectedFixes);
        const auto oracle = gpsdFixes(gnss + log + QStringLiteral(".chk"));
        QCOMPARE(int(oracle.size()), expectedFixes);
        for (const GnssFix &fix : result.fixes) {
            const auto it = oracle.find(fix.utc.microseconds());
            QVERIFY2(it != oracle.end(), qPrintable(fix.utc.toIso() + QStringLiteral(" not in gpsd's")));
            const QJsonObject &o = it->second;
            const QString where = QStringLiteral("%1 line %2").arg(fix.utc.toIso()).arg(fix.line);
            QVERIFY2(std::abs(fix.latitudeDeg - o[QLatin1String("lat")].toDouble()) <= 1e-9, qPrintable(where));
            QVERIFY2(std::abs(fix.longitudeDeg - o[QLatin1String("lon")].toDouble()) <= 1e-9, qPrintable(where));
            QVERIFY2(std::abs(fix.ellipsoidalHeightM - o[QLatin1String("altHAE")].toDouble()) <= 1e-3, qPrintable(where));
            QVERIFY2(std::abs(fix.mslAltitudeM - o[QLatin1String("altMSL")].toDouble()) <= 1e-3, qPrintable(where));
            QCOMPARE(gpsdStatus(fix.quality), o[QLatin1String("status")].toInt());
        }
    }

    void rtkCounts()
    {
        const GnssLog trimble = parseNmeaFile(gnss + QStringLiteral("nmea-rtk.log"));
        int fixed = 0;
        for (const GnssFix &f : trimble.fixes)
            fixed += f.quality == FixQuality::RtkFixed ? 1 : 0;
        QCOMPARE(fixed, 18);
        QCOMPARE(trimble.report.counts.value(QStringLiteral("GGA")), 122);
        QCOMPARE(trimble.report.counts.value(QStringLiteral("RMC")), 122);
        const GnssLog skytraq = parseNmeaFile(gnss + QStringLiteral("skytraq-PX1172RH_DS.log"));
        for (const GnssFix &f : skytraq.fixes)
            QCOMPARE(f.quality, FixQuality::RtkFloat);
        QVERIFY(skytraq.report.counts.value(QStringLiteral("ZDA")) > 0);
        QVERIFY(skytraq.report.counts.value(QStringLiteral("proprietary")) > 0);
    }

    void binaryLogsAreRefusedCleanly_data()
    {
        QTest::addColumn<QString>("log");
        QTest::newRow("u-blox UBX") << QStringLiteral("ublox-zed-f9p-rtk.log");
        QTest::newRow("Trimble TSIP") << QStringLiteral("trimble-lassen_iq-3dfix.log");
    }

    void binaryLogsAreRefusedCleanly()
    {
        QFETCH(QString, log);
        const GnssLog result = parseNmeaFile(gnss + log);
        QVERIFY(result.fixes.empty());
        QVERIFY2(result.report.error.contains(QStringLiteral("no NMEA sentence found")),
                 qPrintable(result.report.error));
        QVERIFY(result.report.linesRead > 0);
    }

    void missingFile()
    {
        const GnssLog result = parseNmeaFile(QStringLiteral("/nonexistent/drone.nmea"));
        QVERIFY(result.report.error.startsWith(QStringLiteral("cannot open")));
    }

    void badChecksumAndFieldsAreRejectedWithTheirLine()
    {
        QByteArray log;
        log += withChecksum("GPZDA,120000.00,12,05,2026,00,00") + "\r\n";                    // 1
        log += withChecksum("GPGGA,120000.00,4404.1271062,N,12118.8438377,W,4,14,0.8,100.0,M,-20.0,M,,") + "\r\n"; // 2
        QByteArray bad = withChecksum("GPGGA,120000.10,4404.1271062,N,12118.8438377,W,4,14,0.8,100.0,M,-20.0,M,,");
        bad[bad.size() - 1] = bad.endsWith('0') ? '1' : '0';
        log += bad + "\r\n";                                                                  // 3
        log += withChecksum("GPGGA,120000.20,44x4.1271062,N,12118.8438377,W,4,14,0.8,100.0,M,-20.0,M,,") + "\n"; // 4
        log += "$GPGGA,120000.30,4404.1271062,N,12118.8438377,W,4,14,0.8,100.0,M,-20.0,M,,\n"; // 5
        log += "# a comment\n";                                                               // 6
        log += QByteArray("\xb5\x62\x01\x07garbage", 12) + withChecksum("GNGGA,120000.40,4404.1271062,N,12118.8438377,W,5,14,0.8,100.0,M,-20.0,M,,") + "\n"; // 7
        log += withChecksum("GPGGA,250000.50,4404.1271062,N,12118.8438377,W,4,14,0.8,100.0,M,-20.0,M,,") + "\n"; // 8
        const GnssLog r = parseNmea(log, QStringLiteral("t.nmea"));
        QVERIFY2(r.report.ok(), qPrintable(r.report.error));
        QCOMPARE(r.report.rejected, 4);
        QCOMPARE(r.report.issues.at(0).line, 3);
        QVERIFY(r.report.issues.at(0).reason.contains(QStringLiteral("bad checksum")));
        QCOMPARE(r.report.issues.at(1).line, 4);
        QVERIFY(r.report.issues.at(1).reason.contains(QStringLiteral("latitude")));
        QCOMPARE(r.report.issues.at(2).line, 5);
        QVERIFY(r.report.issues.at(2).reason.contains(QStringLiteral("no checksum")));
        QCOMPARE(r.report.issues.at(3).line, 8);
        QVERIFY(r.report.issues.at(3).reason.contains(QStringLiteral("time")));
        QCOMPARE(r.report.skipped, 1); // the comment
        QCOMPARE(int(r.fixes.size()), 2); // line 2, and the sentence after binary bytes on line 7
        QCOMPARE(r.fixes[1].quality, FixQuality::RtkFloat);
        QCOMPARE(r.fixes[1].utc.toIso(), QStringLiteral("2026-05-12T12:00:00.400Z"));
        QCOMPARE(r.fixes[0].ellipsoidalHeightM, 80.0);
        QCOMPARE(r.fixes[0].mslAltitudeM, 100.0);
    }

    void midnightRolloverAndBackDating()
    {
        QByteArray log;
        // Two epochs before midnight with no date yet, the date arrives after midnight.
        log += withChecksum("GNGGA,235959.80,4404.0,N,12118.0,W,4,14,0.8,100.0,M,-20.0,M,,") + "\n";
        log += withChecksum("GNGGA,235959.90,4404.0,N,12118.0,W,4,14,0.8,100.0,M,-20.0,M,,") + "\n";
        log += withChecksum("GNGGA,000000.00,4404.0,N,12118.0,W,4,14,0.8,100.0,M,-20.0,M,,") + "\n";
        log += withChecksum("GNRMC,000000.00,A,4404.0,N,12118.0,W,0.0,0.0,010126,,,R") + "\n";
        log += withChecksum("GNGGA,000000.10,4404.0,N,12118.0,W,4,14,0.8,100.0,M,-20.0,M,,") + "\n";
        // A later wrap with no date sentence: the day advances on its own.
        log += withChecksum("GNGGA,235959.95,4404.0,N,12118.0,W,4,14,0.8,100.0,M,-20.0,M,,") + "\n";
        log += withChecksum("GNGGA,000000.05,4404.0,N,12118.0,W,4,14,0.8,100.0,M,-20.0,M,,") + "\n";
        const GnssLog r = parseNmea(log, QStringLiteral("midnight.nmea"));
        QVERIFY2(r.report.ok(), qPrintable(r.report.error));
        QCOMPARE(int(r.fixes.size()), 6); // the RMC shares the GGA's epoch
        QCOMPARE(r.fixes[0].utc.toIso(), QStringLiteral("2025-12-31T23:59:59.800Z"));
        QCOMPARE(r.fixes[1].utc.toIso(), QStringLiteral("2025-12-31T23:59:59.900Z"));
        QCOMPARE(r.fixes[2].utc.toIso(), QStringLiteral("2026-01-01T00:00:00.000Z"));
        QCOMPARE(r.fixes[3].utc.toIso(), QStringLiteral("2026-01-01T00:00:00.100Z"));
        QCOMPARE(r.fixes[4].utc.toIso(), QStringLiteral("2026-01-01T23:59:59.950Z"));
        QCOMPARE(r.fixes[5].utc.toIso(), QStringLiteral("2026-01-02T00:00:00.050Z"));
        for (int i = 1; i < 6; ++i)
            QVERIFY(r.fixes[size_t(i)].utc > r.fixes[size_t(i - 1)].utc);
    }

    void undatedLogNeedsADate()
    {
        const QByteArray log = withChecksum("GNGGA,120000.00,4404.0,N,12118.0,W,4,14,0.8,100.0,M,-20.0,M,,") + "\n";
        const GnssLog r = parseNmea(log, QStringLiteral("undated.nmea"));
        QVERIFY(r.report.error.contains(QStringLiteral("RMC or ZDA")));
        NmeaOptions options;
        options.assumedDate = UtcTime::fromCalendar(2026, 5, 12);
        const GnssLog dated = parseNmea(log, QStringLiteral("undated.nmea"), options);
        QVERIFY(dated.report.ok());
        QCOMPARE(dated.fixes.at(0).utc.toIso(), QStringLiteral("2026-05-12T12:00:00.000Z"));
    }

    void gstGnsAndTalkers()
    {
        QByteArray log;
        log += withChecksum("GAZDA,101500.00,12,05,2026,,") + "\n";
        log += withChecksum("GBGNS,101500.00,4404.1271062,N,12118.8438377,W,RRN,18,0.7,1127.63,-20.30,1.0,0000,V") + "\n";
        log += withChecksum("GLGST,101500.00,0.5,0.04,0.02,90.0,0.02,0.04,0.05") + "\n";
        log += withChecksum("GPRMC,101500.00,A,4404.1271062,N,12118.8438377,W,10.0,90.0,120526,,,R") + "\n";
        const GnssLog r = parseNmea(log, QStringLiteral("multi.nmea"));
        QVERIFY2(r.report.ok(), qPrintable(r.report.error));
        QCOMPARE(int(r.fixes.size()), 1);
        const GnssFix &f = r.fixes[0];
        QCOMPARE(f.quality, FixQuality::RtkFixed);
        QCOMPARE(f.satellites, 18);
        QVERIFY(std::abs(f.ellipsoidalHeightM - 1107.33) < 1e-9);
        QVERIFY(f.hasCovariance());
        // Orientation 90°: the major axis (0.04 m) points east.
        QVERIFY(std::abs(f.covarianceEnu[0] - 0.04 * 0.04) < 1e-12);
        QVERIFY(std::abs(f.covarianceEnu[4] - 0.02 * 0.02) < 1e-12);
        QVERIFY(std::abs(f.covarianceEnu[1]) < 1e-12);
        QVERIFY(std::abs(f.covarianceEnu[8] - 0.05 * 0.05) < 1e-12);
        // 10 knots due east.
        QVERIFY(std::abs(f.velocityEnu[0] - 10 * 1852.0 / 3600.0) < 1e-9);
        QVERIFY(std::abs(f.velocityEnu[1]) < 1e-9);
        QVERIFY(std::isnan(f.velocityEnu[2]));
    }

    void numbersIgnoreTheLocale()
    {
        // A French C locale writes 3,14; the parser must not care.
        const char *previous = std::setlocale(LC_NUMERIC, nullptr);
        const QByteArray saved(previous ? previous : "C");
        std::setlocale(LC_NUMERIC, "fr_FR.UTF-8");
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        const GnssLog r = parseNmeaFile(gnss + QStringLiteral("nmea-rtk.log"));
        std::setlocale(LC_NUMERIC, saved.constData());
        QLocale::setDefault(QLocale::c());
        QCOMPARE(int(r.fixes.size()), 122);
        QVERIFY(std::abs(r.fixes[0].latitudeDeg - 41.574965910) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestNmea)
#include "tst_nmea.moc"
