#include "models/annotation/transfer.h"
#include "models/geometry/camera.h"
#include "models/geometry/geodesy.h"

#include <QTest>

#include <cmath>
#include <numbers>

using namespace vigie;

namespace {

constexpr double toRad = std::numbers::pi / 180.0;

Enu fromLook(double azDeg, double elDeg, double range)
{
    const double az = azDeg * toRad, el = elDeg * toRad;
    return {range * std::sin(az) * std::cos(el), range * std::cos(az) * std::cos(el),
            range * std::sin(el)};
}

CameraModel hd10()
{
    CameraModel camera;
    camera.intrinsics = Intrinsics::fromHfov(1920, 1080, 10.0);
    return camera;
}

} // namespace

class TestGeometry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void enuAzimuthElevationRange()
    {
        const Station station({33.0, 44.0, 20.0});
        const Enu enu = station.toEnu({33.3, 44.4, 6000.0});
        QVERIFY(std::abs(enu.e - 37288.9732) < 1e-4);
        QVERIFY(std::abs(enu.n - 33374.2949) < 1e-4);
        QVERIFY(std::abs(enu.u - 5783.6466) < 1e-4);
        const LookAngles look = Station::look(enu);
        QVERIFY(std::abs(look.azimuthDeg - 48.170891) < 1e-6);
        QVERIFY(std::abs(look.elevationDeg - 6.592615) < 1e-6);
        QVERIFY(std::abs(look.rangeM - 50376.2013) < 1e-4);
        const Geodetic back = station.toGeodetic(enu);
        QVERIFY(std::abs(back.latitudeDeg - 33.3) < 1e-12);
        QVERIFY(std::abs(back.longitudeDeg - 44.4) < 1e-12);
        QVERIFY(std::abs(back.heightM - 6000.0) < 1e-6);
    }

    void ecef()
    {
        const auto xyz = toEcef({42.0, -82.0, 200.0});
        QVERIFY(std::abs(xyz[0] - 660675.2518247) < 1e-6);
        QVERIFY(std::abs(xyz[1] + 4700948.68316) < 1e-5);
        QVERIFY(std::abs(xyz[2] - 4245737.66222) < 1e-5);
        const Geodetic g = fromEcef(xyz);
        QVERIFY(std::abs(g.latitudeDeg - 42.0) < 1e-12);
        QVERIFY(std::abs(g.heightM - 200.0) < 1e-6);
    }

    void azimuthWrapsToZero()
    {
        QVERIFY(std::abs(Station::look({-1e-9, 100, 0}).azimuthDeg - 360.0) < 1e-6
                || Station::look({-1e-9, 100, 0}).azimuthDeg < 1e-6);
        QCOMPARE(Station::look({0, -100, 0}).azimuthDeg, 180.0);
        QCOMPARE(Station::look({-100, 0, 0}).azimuthDeg, 270.0);
    }

    void projectionVector()
    {
        const CameraModel camera = hd10();
        const auto px = camera.project(fromLook(31.0, 10.5, 1000.0), {30.0, 10.0, 0.0});
        QVERIFY(px);
        QVERIFY2(std::abs((*px)[0] - 1148.33) < 0.01, qPrintable(QString::number((*px)[0], 'f', 4)));
        QVERIFY2(std::abs((*px)[1] - 443.94) < 0.01, qPrintable(QString::number((*px)[1], 'f', 4)));
    }

    void boresightAndRoll()
    {
        // At zero tilt and roll, a pan boresight offset is a turret pan.
        CameraModel offset = hd10();
        offset.boresight = {1.0, 0.0, 0.0};
        const auto a = offset.project(fromLook(31.0, 0.5, 1000.0), {30.0, 0.0, 0.0});
        const auto b = hd10().project(fromLook(31.0, 0.5, 1000.0), {31.0, 0.0, 0.0});
        QVERIFY(a && b);
        QVERIFY(std::abs((*a)[0] - (*b)[0]) < 1e-6 && std::abs((*a)[1] - (*b)[1]) < 1e-6);
        // The target on the line of sight stays at the centre whatever the roll.
        const auto c = hd10().project(fromLook(30.0, 10.0, 1000.0), {30.0, 10.0, 37.0});
        QVERIFY(std::abs((*c)[0] - 960) < 1e-6 && std::abs((*c)[1] - 540) < 1e-6);
        // A positive roll turns the camera's x axis toward its y axis (clockwise seen from
        // behind), so the scene turns the other way in the image: a point right of centre rises.
        const auto d = hd10().project(fromLook(31.0, 10.0, 1000.0), {30.0, 10.0, 5.0});
        const auto e = hd10().project(fromLook(31.0, 10.0, 1000.0), {30.0, 10.0, 0.0});
        QVERIFY((*e)[0] > 960.0);
        QVERIFY2((*d)[1] < (*e)[1] - 1.0, qPrintable(QStringLiteral("%1 vs %2").arg((*d)[1]).arg((*e)[1])));
    }

    void distortionThroughOpenCv()
    {
        CameraModel camera = hd10();
        const Enu target = fromLook(34.0, 12.0, 1000.0);
        const Attitude pose{30.0, 10.0, 0.0};
        const auto ideal = camera.project(target, pose);
        camera.intrinsics.distortion = {0.0, 0.0, 0.0, 0.0, 0.0};
        const auto zero = camera.project(target, pose);
        QVERIFY(std::abs((*ideal)[0] - (*zero)[0]) < 1e-9);
        camera.intrinsics.distortion = {0.5, 0.0, 0.0, 0.0, 0.0}; // barrel: points move outward
        const auto barrel = camera.project(target, pose);
        const double r0 = std::hypot((*ideal)[0] - 960, (*ideal)[1] - 540);
        const double r1 = std::hypot((*barrel)[0] - 960, (*barrel)[1] - 540);
        QVERIFY(r1 > r0 + 1.0);
    }

    void rayUndoesTheLens()
    {
        // A pixel's ray, scaled to a depth, projects back onto the pixel, across the image of a
        // strongly distorted lens.
        CameraModel camera = hd10();
        camera.intrinsics.distortion = {-0.35, 0.12, 0.001, -0.002, 0.0};
        for (double x : {5.0, 480.0, 960.0, 1700.0, 1915.0}) {
            for (double y : {5.0, 300.0, 540.0, 1075.0}) {
                const auto r = camera.ray(x, y);
                QCOMPARE(r[2], 1.0);
                const auto p = camera.projectCamera({r[0] * 250.0, r[1] * 250.0, 250.0});
                QVERIFY(p);
                QVERIFY2(std::hypot((*p)[0] - x, (*p)[1] - y) < 1e-3,
                         qPrintable(QStringLiteral("%1,%2 -> %3,%4").arg(x).arg(y).arg((*p)[0]).arg((*p)[1])));
            }
        }
        QVERIFY(!camera.projectCamera({0.0, 0.0, -1.0}));
    }

    void cameraPositionParallax()
    {
        // Two cameras 0.2 m apart on the turret see a point 100 m ahead fx × 0.2 / 100 px apart,
        // and one 10 km ahead in nearly the same place.
        CameraModel left = hd10(), right = hd10();
        left.positionM = {-0.1, 0.0, 0.0};
        right.positionM = {0.1, 0.0, 0.0};
        const Attitude pose{30.0, 10.0, 0.0};
        for (double range : {100.0, 10000.0}) {
            const Enu target = fromLook(30.0, 10.0, range);
            const auto a = left.project(target, pose), b = right.project(target, pose);
            QVERIFY(a && b);
            QVERIFY(std::abs(((*a)[0] - (*b)[0]) - left.intrinsics.fx * 0.2 / range) < 1e-3 * left.intrinsics.fx * 0.2 / range + 1e-6);
            QVERIFY(std::abs((*a)[1] - (*b)[1]) < 1e-6);
        }
        // Up is up in the turret's frame: a camera above the line of sight sees the target lower.
        CameraModel above = hd10();
        above.positionM = {0.0, 0.0, 0.5};
        const auto c = above.project(fromLook(30.0, 10.0, 100.0), pose);
        QVERIFY((*c)[1] > 540.0 + 1.0);
    }

    void cameraToCameraIsTheTurretFree()
    {
        // A point carried from one camera's coordinates to the other's lands where the other
        // camera sees it, whatever the turret's pose: the pose cancels between cameras.
        CameraModel ir, rgb;
        ir.intrinsics = Intrinsics::fromHfov(640, 512, 3.0);
        ir.boresight = {0.12, -0.08, 0.3};
        ir.positionM = {0.1, 0.02, -0.05};
        rgb.intrinsics = Intrinsics::fromHfov(1280, 720, 5.0);
        rgb.intrinsics.distortion = {-0.1, 0.02, 0.0, 0.0, 0.0};
        rgb.boresight = {-0.05, 0.04, -0.2};
        rgb.positionM = {-0.1, 0.0, 0.03};
        for (const Attitude pose : {Attitude{30.0, 10.0, 0.0}, Attitude{200.0, 45.0, 2.0}, Attitude{359.0, -3.0, -1.0}}) {
            for (double range : {60.0, 400.0, 3000.0}) {
                const Enu target = fromLook(pose.panDeg + 0.3, pose.tiltDeg - 0.2, range);
                const auto inIr = ir.toCamera(target, pose);
                const auto carried = rgb.projectCamera(cameraToCamera(ir, rgb, inIr));
                const auto direct = rgb.project(target, pose);
                QVERIFY(carried && direct);
                QVERIFY(std::hypot((*carried)[0] - (*direct)[0], (*carried)[1] - (*direct)[1]) < 1e-6);
                // And a box there: its corners carried at the target's depth.
                const auto px = ir.project(target, pose);
                const QRectF box(QPointF((*px)[0] - 5, (*px)[1] - 3), QSizeF(10, 6));
                const auto onRgb = transferBox(ir, rgb, box, inIr[2]);
                QVERIFY(onRgb);
                QVERIFY(std::hypot(onRgb->center().x() - (*direct)[0], onRgb->center().y() - (*direct)[1]) < 0.05);
                // The size goes as the ratio of focal lengths (the depths are all but equal).
                QVERIFY(std::abs(onRgb->width() / 10.0 - rgb.intrinsics.fx / ir.intrinsics.fx) < 0.03);
            }
        }
    }

    void mountingFitRecoversTheBoresight()
    {
        // The receiving camera's boresight is off by (0.05°, −0.03°); pairs of box centres from
        // the true cameras, with 0.3 px of noise and one box drawn on the wrong blob, give it back.
        CameraModel ir, rgbTrue;
        ir.intrinsics = Intrinsics::fromHfov(640, 512, 3.0);
        ir.positionM = {0.1, 0.0, 0.0};
        rgbTrue.intrinsics = Intrinsics::fromHfov(1280, 720, 5.0);
        rgbTrue.positionM = {-0.1, 0.0, 0.0};
        rgbTrue.boresight = {0.05, -0.03, 0.0};
        CameraModel rgbManifest = rgbTrue;
        rgbManifest.boresight = {};
        std::vector<MountingPair> pairs;
        unsigned state = 7;
        auto noise = [&] {
            state = state * 1103515245u + 12345u;
            return (double((state >> 8) % 1000) / 1000.0 - 0.5) * 0.6;
        };
        for (int i = 0; i < 9; ++i) {
            const Attitude pose{10.0 * i, 5.0 + i, 0.0};
            const double range = 80.0 + 150.0 * i;
            const Enu target = fromLook(pose.panDeg + 0.2 - 0.05 * i, pose.tiltDeg - 0.1 + 0.02 * i, range);
            const auto a = ir.project(target, pose), b = rgbTrue.project(target, pose);
            QVERIFY(a && b);
            MountingPair p;
            p.from = ir;
            p.to = rgbManifest;
            p.fromCentre = QPointF((*a)[0] + noise(), (*a)[1] + noise());
            p.toCentre = QPointF((*b)[0] + noise(), (*b)[1] + noise());
            if (i == 4)
                p.toCentre += QPointF(40, -25);
            p.depthM = ir.toCamera(target, pose)[2];
            pairs.push_back(p);
        }
        const MountingFit fit = fitMounting(pairs, 5);
        QCOMPARE(fit.pairs, 9);
        QCOMPARE(fit.used, 8);
        QVERIFY2(std::abs(fit.correction.panDeg - 0.05) < 0.002 && std::abs(fit.correction.tiltDeg + 0.03) < 0.002,
                 qPrintable(fit.describe()));
        QVERIFY(fit.medianBeforePx > 10.0);
        QVERIFY2(fit.medianAfterPx < 0.6, qPrintable(fit.describe()));
        // Too few instants: the manifest's mounting, said so.
        pairs.resize(4);
        const MountingFit few = fitMounting(pairs, 5);
        QCOMPARE(few.used, 0);
        QCOMPARE(few.correction.panDeg, 0.0);
        QVERIFY(few.describe().contains(QLatin1String("manifest")));
    }

    void behindTheCamera()
    {
        const CameraModel camera = hd10();
        QVERIFY(!camera.project(fromLook(210.0, -10.0, 1000.0), {30.0, 10.0, 0.0}));
        const Projection p = projectTarget(camera, fromLook(210.0, -10.0, 1000.0),
                                           {30.0, 10.0, 0.0}, {}, 1.0, 0.4);
        QVERIFY(!p.inFront);
        QVERIFY(!p.inFieldOfView);
    }

    void expectedSizeAndFieldOfView()
    {
        const CameraModel camera = hd10();
        const Projection p = projectTarget(camera, fromLook(30.0, 10.0, 1000.0),
                                           {30.0, 10.0, 0.0}, {}, 1.0, 0.4);
        QVERIFY(p.inFieldOfView);
        const double fx = 960.0 / std::tan(5.0 * toRad);
        QVERIFY(std::abs(p.expectedWidthPx - fx / 1000.0) < 1e-6);
        QVERIFY(std::abs(p.expectedHeightPx - 0.4 * fx / 1000.0) < 1e-6);
        QVERIFY(std::abs(p.look.rangeM - 1000.0) < 1e-9);
        // 6° off axis is outside a 10° field of view, though in front.
        const Projection q = projectTarget(camera, fromLook(36.0, 10.0, 1000.0),
                                           {30.0, 10.0, 0.0}, {}, 1.0, 0.4);
        QVERIFY(q.inFront);
        QVERIFY(!q.inFieldOfView);
        QVERIFY(q.x > 1920);
        QVERIFY(std::abs(q.bearingDeg) < 10.0); // toward +x
    }

    void uncertaintyEllipse()
    {
        const CameraModel camera = hd10();
        const Enu target = fromLook(30.0, 10.0, 1000.0);
        const Attitude pose{30.0, 10.0, 0.0};
        const double fx = 960.0 / std::tan(5.0 * toRad);
        const double k95 = std::sqrt(-2.0 * std::log(0.05));

        Uncertainty none;
        const Projection exact = projectTarget(camera, target, pose, none, 1, 1);
        QVERIFY(exact.ellipse.semiMajor < 1e-6);

        // Pan sigma only: a horizontal ellipse of about fx·σ·cos(tilt)... near the centre, fx·σ·cos(el).
        Uncertainty pan;
        pan.pointingSigmaDeg = {0.1, 0.0, 0.0};
        const Projection p = projectTarget(camera, target, pose, pan, 1, 1);
        const double expected = k95 * fx * std::tan(0.1 * toRad) * std::cos(10.0 * toRad);
        QVERIFY2(std::abs(p.ellipse.semiMajor - expected) / expected < 0.01,
                 qPrintable(QStringLiteral("%1 vs %2").arg(p.ellipse.semiMajor).arg(expected)));
        QVERIFY(p.ellipse.semiMinor < 0.01 * p.ellipse.semiMajor);
        QVERIFY(std::abs(std::remainder(p.ellipse.angleDeg, 180.0)) < 1.0);

        // 1 m east-west RTK sigma at 1 km, across the line of sight (pan 30°): about fx/1000 px.
        Uncertainty rtk;
        const double c = std::cos(30 * toRad), s = std::sin(30 * toRad);
        // covariance along the image's x direction (east rotated by -30°): (cos30, -sin30, 0)
        rtk.positionCovarianceEnu = {c * c, -c * s, 0, -c * s, s * s, 0, 0, 0, 0};
        const Projection r = projectTarget(camera, target, pose, rtk, 1, 1);
        QVERIFY2(std::abs(r.ellipse.semiMajor - k95 * fx / 1000.0) / (k95 * fx / 1000.0) < 0.01,
                 qPrintable(QString::number(r.ellipse.semiMajor)));

        // Time sync: 0.1 s at 10 m/s across the line of sight is the same 1 m.
        Uncertainty sync;
        sync.syncSigmaS = 0.1;
        sync.velocityEnu = {10 * c, -10 * s, 0};
        const Projection t = projectTarget(camera, target, pose, sync, 1, 1);
        QVERIFY(std::abs(t.ellipse.semiMajor - r.ellipse.semiMajor) < 1e-3);

        // Along the line of sight a position error barely moves the pixel.
        Uncertainty radial;
        const Enu dir = fromLook(30.0, 10.0, 1.0);
        const double d[3] = {dir.e, dir.n, dir.u};
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j)
                radial.positionCovarianceEnu[size_t(i * 3 + j)] = d[i] * d[j];
        QVERIFY(projectTarget(camera, target, pose, radial, 1, 1).ellipse.semiMajor < 1e-3);
    }

    void ellipseFromCovarianceAxes()
    {
        const PixelEllipse e = ellipseFromCovariance(0, 0, {4.0, 0.0, 1.0}, 1.0 - std::exp(-0.5));
        QVERIFY(std::abs(e.semiMajor - 2.0) < 1e-9); // 1 sigma
        QVERIFY(std::abs(e.semiMinor - 1.0) < 1e-9);
        QVERIFY(std::abs(e.angleDeg) < 1e-9);
        const PixelEllipse f = ellipseFromCovariance(0, 0, {1.0, 0.0, 4.0}, 1.0 - std::exp(-0.5));
        QVERIFY(std::abs(std::abs(f.angleDeg) - 90.0) < 1e-9);
    }

    void intrinsicsFromHfov()
    {
        const Intrinsics k = Intrinsics::fromHfov(640, 512, 20.0);
        QVERIFY(std::abs(k.hfovDeg() - 20.0) < 1e-12);
        QCOMPARE(k.cx, 320.0);
        QCOMPARE(k.cy, 256.0);
        QCOMPARE(k.fx, k.fy);
    }
};

QTEST_GUILESS_MAIN(TestGeometry)
#include "tst_geometry.moc"
