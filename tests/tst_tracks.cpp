#include "models/telemetry/tracks.h"

#include <QTest>

#include <cmath>

using namespace vigie;

namespace {

const Station station({48.8566, 2.3522, 35.0});
const UtcTime t0 = UtcTime::fromCalendar(2026, 5, 12, 10, 0, 0);

GnssFix fixAt(double seconds, const Enu &p, std::array<double, 3> velocity = {notANumber, notANumber, notANumber})
{
    GnssFix f;
    f.utc = t0 + std::llround(seconds * 1e6);
    const Geodetic g = station.toGeodetic(p);
    f.latitudeDeg = g.latitudeDeg;
    f.longitudeDeg = g.longitudeDeg;
    f.ellipsoidalHeightM = g.heightM;
    f.quality = FixQuality::RtkFixed;
    f.velocityEnu = velocity;
    return f;
}

TurretSample sampleAt(double seconds, double pan, double tilt)
{
    TurretSample s;
    s.utc = t0 + std::llround(seconds * 1e6);
    s.panDeg = pan;
    s.tiltDeg = tilt;
    return s;
}

} // namespace

class TestTracks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linearBetweenFixes()
    {
        const TargetTrack track(station, {fixAt(0, {0, 100, 10}), fixAt(1, {10, 100, 20})});
        const auto mid = track.at(t0 + 250000);
        QVERIFY(mid);
        QVERIFY(std::abs(mid->position.e - 2.5) < 1e-6);
        QVERIFY(std::abs(mid->position.u - 12.5) < 1e-6);
        QVERIFY(std::abs(mid->velocityEnu[0] - 10.0) < 1e-6);
        QCOMPARE(mid->quality, FixQuality::RtkFixed);
        const auto exact = track.at(t0);
        QVERIFY(exact && std::abs(exact->position.n - 100) < 1e-6);
    }

    void hermiteIsExactForCubicMotion()
    {
        // e(t) = t³ − t, ė(t) = 3t² − 1: Hermite with true velocities reproduces a cubic.
        auto e = [](double t) { return t * t * t - t; };
        auto de = [](double t) { return 3 * t * t - 1; };
        const TargetTrack track(station, {fixAt(0, {e(0), 50, 0}, {de(0), 0, 0}),
                                          fixAt(1, {e(1), 50, 0}, {de(1), 0, 0})});
        for (double t : {0.1, 0.37, 0.5, 0.9}) {
            const auto s = track.at(t0 + std::llround(t * 1e6));
            QVERIFY(s);
            QVERIFY2(std::abs(s->position.e - e(t)) < 1e-6, qPrintable(QString::number(t)));
            QVERIFY2(std::abs(s->velocityEnu[0] - de(t)) < 1e-5, qPrintable(QString::number(t)));
        }
    }

    void noDataAcrossGapsOrOutside()
    {
        const TargetTrack track(station, {fixAt(0, {0, 100, 10}), fixAt(1, {1, 100, 10}),
                                          fixAt(5, {5, 100, 10}), fixAt(6, {6, 100, 10})});
        QVERIFY(track.at(t0 + 500000));
        QVERIFY(!track.at(t0 + 3 * microsecondsPerSecond)); // 4 s gap > 2 s
        QVERIFY(!track.at(t0 - 1));                            // before the log
        QVERIFY(!track.at(t0 + 6 * microsecondsPerSecond + 1)); // after: no extrapolation
        QVERIFY(track.at(t0 + 6 * microsecondsPerSecond));      // the last fix itself
        const TargetTrack lenient(station, {fixAt(0, {0, 100, 10}), fixAt(5, {5, 100, 10})}, 0,
                                  10 * microsecondsPerSecond);
        QVERIFY(lenient.at(t0 + 3 * microsecondsPerSecond));
    }

    void invalidFixesAreLeftOut()
    {
        GnssFix bad = fixAt(0.5, {1000, 1000, 1000});
        bad.quality = FixQuality::Invalid;
        const TargetTrack track(station, {fixAt(0, {0, 100, 10}), bad, fixAt(1, {10, 100, 10})});
        QVERIFY(std::abs(track.at(t0 + 500000)->position.e - 5.0) < 1e-6);
    }

    void offsetShiftsTheClock()
    {
        // The log runs 0.2 s late: its record stamped t happened at t + 0.2 s.
        const TargetTrack track(station, {fixAt(0, {0, 100, 10}), fixAt(1, {10, 100, 10})}, 200000);
        QVERIFY(!track.at(t0 + 100000));
        QVERIFY(std::abs(track.at(t0 + 700000)->position.e - 5.0) < 1e-6);
        QCOMPARE(track.begin(), t0 + 200000);
    }

    void panUnwrapsAcrossNorth()
    {
        const TurretTrack track({sampleAt(0, 359.0, 5.0), sampleAt(0.02, 1.0, 7.0)});
        const auto mid = track.at(t0 + 10000);
        QVERIFY(mid);
        QVERIFY2(std::abs(mid->attitude.panDeg) < 1e-9 || std::abs(mid->attitude.panDeg - 360.0) < 1e-9,
                 qPrintable(QString::number(mid->attitude.panDeg)));
        QVERIFY(std::abs(mid->attitude.tiltDeg - 6.0) < 1e-9);
        const auto quarter = track.at(t0 + 5000);
        QVERIFY(std::abs(quarter->attitude.panDeg - 359.5) < 1e-9);
        const TurretTrack back({sampleAt(0, 1.0, 0), sampleAt(0.02, 359.0, 0)});
        QVERIFY(std::abs(back.at(t0 + 15000)->attitude.panDeg - 359.5) < 1e-9);
    }

    void turretGapsAndZoom()
    {
        TurretSample a = sampleAt(0, 10, 0), b = sampleAt(0.1, 20, 0), c = sampleAt(2.0, 30, 0);
        a.hfovDeg.insert(QStringLiteral("rgb"), 10.0);
        b.hfovDeg.insert(QStringLiteral("rgb"), 20.0);
        const TurretTrack track({a, b, c});
        const auto mid = track.at(t0 + 50000);
        QVERIFY(std::abs(mid->hfovDeg.value(QStringLiteral("rgb")) - 15.0) < 1e-9);
        QVERIFY(!track.at(t0 + microsecondsPerSecond)); // 1.9 s gap > 0.5 s
    }
};

QTEST_GUILESS_MAIN(TestTracks)
#include "tst_tracks.moc"
