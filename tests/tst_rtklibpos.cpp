#include "models/geometry/geodesy.h"
#include "models/telemetry/rtklibpos.h"

#include <QTest>

#include <cmath>

using namespace vigie;

namespace {
const QString gnss = QStringLiteral(VIGIE_FIXTURES_DIR "/gnss/");
}

class TestRtklibPos : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roverFixture()
    {
        const GnssLog log = parseRtklibPosFile(gnss + QStringLiteral("rover_1Hz_rtk.pos"));
        QVERIFY2(log.report.ok(), qPrintable(log.report.error));
        QCOMPARE(log.report.rejected, 0);
        QCOMPARE(log.report.counts.value(QStringLiteral("Q=1")), 142);
        QCOMPARE(log.report.counts.value(QStringLiteral("Q=2")), 389);
        QCOMPARE(int(log.fixes.size()), 531);

        const GnssFix &f = log.fixes.front();
        // 2023/07/11 06:04:32.000 GPST, 18 leap seconds.
        QCOMPARE(f.utc.toIso(), QStringLiteral("2023-07-11T06:04:14.000Z"));
        QCOMPARE(f.quality, FixQuality::RtkFixed);
        QCOMPARE(f.satellites, 19);
        QCOMPARE(f.latitudeDeg, 35.165360854);
        QCOMPARE(f.longitudeDeg, 136.881409534);
        QCOMPARE(f.ellipsoidalHeightM, 41.4069);
        // sdn sde sdu = 0.0045 0.0045 0.0097, sdne sdeu sdun = 0.0027 0.0011 -0.0030; ENU order.
        const auto &c = f.covarianceEnu;
        QVERIFY(std::abs(c[0] - 0.0045 * 0.0045) < 1e-15);      // ee
        QVERIFY(std::abs(c[4] - 0.0045 * 0.0045) < 1e-15);      // nn
        QVERIFY(std::abs(c[8] - 0.0097 * 0.0097) < 1e-15);      // uu
        QVERIFY(std::abs(c[1] - 0.0027 * 0.0027) < 1e-15);      // en > 0
        QVERIFY(std::abs(c[2] - 0.0011 * 0.0011) < 1e-15);      // eu > 0
        QVERIFY(std::abs(c[5] + 0.0030 * 0.0030) < 1e-15);      // nu < 0: the sign is kept
        QCOMPARE(c[1], c[3]);
        QCOMPARE(c[5], c[7]);
        // vn ve vu = 0.01946 -0.02313 0.01343 → ENU
        QCOMPARE(f.velocityEnu[0], -0.02313);
        QCOMPARE(f.velocityEnu[1], 0.01946);
        QCOMPARE(f.velocityEnu[2], 0.01343);
    }

    void referenceFixtureHasNoVelocity()
    {
        const GnssLog log = parseRtklibPosFile(gnss + QStringLiteral("reference_1Hz.pos"));
        QVERIFY2(log.report.ok(), qPrintable(log.report.error));
        QVERIFY(log.fixes.size() > 1000);
        QVERIFY(std::isnan(log.fixes.front().velocityEnu[0]));
        for (const GnssFix &f : log.fixes)
            QCOMPARE(f.quality, FixQuality::RtkFixed);
    }

    void ecefWeekTowAndEnuVariantsAgree()
    {
        const Geodetic p{35.165360854, 136.881409534, 41.4069};
        const auto xyz = toEcef(p);
        QByteArray ecef = "% (x/y/z-ecef=WGS84,Q=1:fix,2:float,3:sbas,4:dgps,5:single,6:ppp,ns=# of satellites)\n"
                          "%  GPST          x-ecef(m)      y-ecef(m)      z-ecef(m)   Q  ns   sdx(m)   sdy(m)   sdz(m)  sdxy(m)  sdyz(m)  sdzx(m) age(s)  ratio\n";
        ecef += QStringLiteral("2270 194672.000 %1 %2 %3 1 19 0.0100 0.0100 0.0100 0.0000 0.0000 0.0000 0.00 5.0\n")
                    .arg(xyz[0], 0, 'f', 4).arg(xyz[1], 0, 'f', 4).arg(xyz[2], 0, 'f', 4).toLatin1();
        const GnssLog a = parseRtklibPos(ecef, QStringLiteral("ecef.pos"));
        QVERIFY2(a.report.ok(), qPrintable(a.report.error + a.report.firstIssueText()));
        QCOMPARE(a.fixes.size(), size_t(1));
        QCOMPARE(a.fixes[0].utc.toIso(), QStringLiteral("2023-07-11T06:04:14.000Z"));
        QVERIFY(std::abs(a.fixes[0].latitudeDeg - p.latitudeDeg) < 1e-9);
        QVERIFY(std::abs(a.fixes[0].longitudeDeg - p.longitudeDeg) < 1e-9);
        QVERIFY(std::abs(a.fixes[0].ellipsoidalHeightM - p.heightM) < 1e-3);
        // An isotropic ECEF covariance stays isotropic in ENU.
        QVERIFY(std::abs(a.fixes[0].covarianceEnu[0] - 1e-4) < 1e-12);
        QVERIFY(std::abs(a.fixes[0].covarianceEnu[8] - 1e-4) < 1e-12);
        QVERIFY(std::abs(a.fixes[0].covarianceEnu[1]) < 1e-12);

        QByteArray enu = "% ref pos   : 35.165360854  136.881409534   41.4069\n"
                         "%  UTC                   e-baseline(m)  n-baseline(m)  u-baseline(m)   Q  ns   sde(m)   sdn(m)   sdu(m)  sden(m)  sdnu(m)  sdue(m) age(s)  ratio\n"
                         "2023/07/11 06:04:14.000   10.0000   20.0000   5.0000   2  12   0.05 0.04 0.10 -0.02 0.00 0.00 1.0 2.0\n";
        const GnssLog b = parseRtklibPos(enu, QStringLiteral("enu.pos"));
        QVERIFY2(b.report.ok(), qPrintable(b.report.error + b.report.firstIssueText()));
        QCOMPARE(b.fixes[0].utc.toIso(), QStringLiteral("2023-07-11T06:04:14.000Z")); // UTC as is
        QCOMPARE(b.fixes[0].quality, FixQuality::RtkFloat);
        const Enu back = Station(p).toEnu({b.fixes[0].latitudeDeg, b.fixes[0].longitudeDeg,
                                           b.fixes[0].ellipsoidalHeightM});
        QVERIFY(std::abs(back.e - 10) < 1e-6 && std::abs(back.n - 20) < 1e-6 && std::abs(back.u - 5) < 1e-6);
        QVERIFY(std::abs(b.fixes[0].covarianceEnu[1] + 0.0004) < 1e-12);
    }

    void jstAndDms()
    {
        const QByteArray text =
            "%  JST                  latitude(d'\")   longitude(d'\")  height(m)   Q  ns   sdn(m)   sde(m)   sdu(m)  sdne(m)  sdeu(m)  sdun(m) age(s)  ratio\n"
            "2023/07/11 15:04:14.000   35 09 55.29907 136 52 53.07432   41.4069   5  19   1.0 1.0 2.0 0.0 0.0 0.0 0.00 0.0\n"
            "2023/07/11 15:04:15.000  -35 09 55.29907 136 52 53.07432   41.4069   5  19   1.0 1.0 2.0 0.0 0.0 0.0 0.00 0.0\n";
        const GnssLog log = parseRtklibPos(text, QStringLiteral("dms.pos"));
        QVERIFY2(log.report.ok(), qPrintable(log.report.error + log.report.firstIssueText()));
        QCOMPARE(log.fixes[0].utc.toIso(), QStringLiteral("2023-07-11T06:04:14.000Z"));
        QVERIFY(std::abs(log.fixes[0].latitudeDeg - 35.165360853) < 1e-8);
        QVERIFY(std::abs(log.fixes[1].latitudeDeg + 35.165360853) < 1e-8);
        QCOMPARE(log.fixes[0].quality, FixQuality::Autonomous);
    }

    void malformedRowsAreRejectedWithTheirLine()
    {
        const QByteArray text =
            "%  GPST                  latitude(deg) longitude(deg)  height(m)   Q  ns   sdn(m)   sde(m)   sdu(m)  sdne(m)  sdeu(m)  sdun(m) age(s)  ratio\n"
            "2023/07/11 06:04:32.000   35.1 136.8   41.4   1  19   0.0045 0.0045 0.0097 0.0027 0.0011 -0.0030 0.03 5.9\n"
            "2023/07/11 06:04:33.000   35,1 136.8   41.4   1  19   0.0045 0.0045 0.0097 0.0027 0.0011 -0.0030 0.03 5.9\n"
            "2023/07/11 06:04:34.000   35.1 136.8\n"
            "2023/13/11 06:04:35.000   35.1 136.8   41.4   1  19   0.0045 0.0045 0.0097 0.0027 0.0011 -0.0030 0.03 5.9\n"
            "2023/07/11 06:04:36.000   95.1 136.8   41.4   1  19   0.0045 0.0045 0.0097 0.0027 0.0011 -0.0030 0.03 5.9\n"
            "2023/07/11 06:04:37.000   35.1 136.8   41.4   9  19   0.0045 0.0045 0.0097 0.0027 0.0011 -0.0030 0.03 5.9\n";
        const GnssLog log = parseRtklibPos(text, QStringLiteral("bad.pos"));
        QVERIFY(log.report.ok());
        QCOMPARE(log.fixes.size(), size_t(1));
        QCOMPARE(log.report.rejected, 5);
        QCOMPARE(log.report.issues[0].line, 3);
        QVERIFY(log.report.issues[0].reason.contains(QStringLiteral("35,1")));
        QCOMPARE(log.report.issues[1].line, 4);
        QCOMPARE(log.report.issues[2].line, 5);
        QCOMPARE(log.report.issues[3].line, 6);
        QCOMPARE(log.report.issues[4].line, 7);
    }

    void notASolutionFile()
    {
        const GnssLog log = parseRtklibPosFile(gnss + QStringLiteral("nmea-rtk.log"));
        QVERIFY(!log.report.ok());
        QVERIFY(looksLikeRtklibPos("% program   : RTKLIB\n%  GPST  latitude(deg)"));
        QVERIFY(!looksLikeRtklibPos("$GPGGA,..."));
    }
};

QTEST_GUILESS_MAIN(TestRtklibPos)
#include "tst_rtklibpos.moc"
