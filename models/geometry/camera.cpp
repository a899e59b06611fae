#include "models/geometry/camera.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/core.hpp>

#include <cmath>
#include <numbers>

namespace vigie {

namespace {

constexpr double toRad = std::numbers::pi / 180.0;
constexpr double toDeg = 180.0 / std::numbers::pi;

using Mat3 = std::array<double, 9>; // row-major
using Vec3 = std::array<double, 3>;

Vec3 cross(const Vec3 &a, const Vec3 &b)
{
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

/// Rows: the camera's x (right), y (down), z (forward) axes expressed in a frame whose
/// "forward at zero" is +y and "up" is +z: ENU for the turret, or the turret's own
/// (right, forward, up) for the boresight offsets.
Mat3 attitudeRows(const Attitude &a)
{
    const double p = a.panDeg * toRad, t = a.tiltDeg * toRad, r = a.rollDeg * toRad;
    const Vec3 x{std::cos(p), -std::sin(p), 0.0};
    const Vec3 z{std::sin(p) * std::cos(t), std::cos(p) * std::cos(t), std::sin(t)};
    const Vec3 y = cross(z, x);
    const double c = std::cos(r), s = std::sin(r);
    const Vec3 xr{c * x[0] + s * y[0], c * x[1] + s * y[1], c * x[2] + s * y[2]};
    const Vec3 yr{-s * x[0] + c * y[0], -s * x[1] + c * y[1], -s * x[2] + c * y[2]};
    return {xr[0], xr[1], xr[2], yr[0], yr[1], yr[2], z[0], z[1], z[2]};
}

Mat3 multiply(const Mat3 &a, const Mat3 &b)
{
    Mat3 out{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            double s = 0;
            for (int k = 0; k < 3; ++k)
                s += a[size_t(i * 3 + k)] * b[size_t(k * 3 + j)];
            out[size_t(i * 3 + j)] = s;
        }
    return out;
}

Vec3 rotate(const Mat3 &m, const Vec3 &v)
{
    return {m[0] * v[0] + m[1] * v[1] + m[2] * v[2], m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
}

// Turret camera coordinates (x right, y down, z forward) → the turret's (right, forward, up).
constexpr Mat3 toRfu{1, 0, 0, 0, 0, 1, 0, -1, 0};

Vec3 applyTransposed(const Mat3 &m, const Vec3 &v)
{
    return {m[0] * v[0] + m[3] * v[1] + m[6] * v[2], m[1] * v[0] + m[4] * v[1] + m[7] * v[2],
            m[2] * v[0] + m[5] * v[1] + m[8] * v[2]};
}

bool isZero(const Attitude &a)
{
    return a.panDeg == 0 && a.tiltDeg == 0 && a.rollDeg == 0;
}

std::array<double, 2> pixelOf(const Intrinsics &k, const Vec3 &c)
{
    if (k.distortion.empty())
        return {k.fx * c[0] / c[2] + k.cx, k.fy * c[1] / c[2] + k.cy};
    const std::vector<cv::Point3d> object{cv::Point3d(c[0], c[1], c[2])};
    std::vector<cv::Point2d> image;
    const cv::Matx33d camera(k.fx, 0, k.cx, 0, k.fy, k.cy, 0, 0, 1);
    cv::projectPoints(object, cv::Vec3d(0, 0, 0), cv::Vec3d(0, 0, 0), camera, k.distortion,
                      image);
    return {image[0].x, image[0].y};
}

} // namespace

Intrinsics Intrinsics::fromHfov(int width, int height, double hfovDeg)
{
    Intrinsics k;
    k.width = width;
    k.height = height;
    k.fx = k.fy = (width / 2.0) / std::tan(hfovDeg * toRad / 2.0);
    k.cx = width / 2.0;
    k.cy = height / 2.0;
    return k;
}

double Intrinsics::hfovDeg() const
{
    return fx > 0 ? 2.0 * std::atan(width / (2.0 * fx)) * toDeg : 0.0;
}

// World (ENU) → turret (right, forward, up) by the turret's pose; minus the camera's position;
// → camera by its boresight, applied in the turret's frame. A camera at the turret's centre on
// its line of sight sees the turret's own camera coordinates.
std::array<double, 3> CameraModel::toCamera(const Enu &target, const Attitude &turret) const
{
    const Mat3 rt = attitudeRows(turret);
    const Vec3 world{target.e, target.n, target.u};
    if (isZero(boresight) && positionM == Vec3{})
        return rotate(rt, world);
    Vec3 q = rotate(multiply(toRfu, rt), world);
    for (size_t i = 0; i < 3; ++i)
        q[i] -= positionM[i];
    return rotate(attitudeRows(boresight), q);
}

std::optional<std::array<double, 2>> CameraModel::project(const Enu &target,
                                                          const Attitude &turret) const
{
    return projectCamera(toCamera(target, turret));
}

std::optional<std::array<double, 2>> CameraModel::projectCamera(const std::array<double, 3> &point) const
{
    if (point[2] <= 0)
        return std::nullopt;
    return pixelOf(intrinsics, point);
}

std::array<double, 3> CameraModel::ray(double x, double y) const
{
    const Intrinsics &k = intrinsics;
    if (k.distortion.empty())
        return {(x - k.cx) / k.fx, (y - k.cy) / k.fy, 1.0};
    const std::vector<cv::Point2d> in{cv::Point2d(x, y)};
    std::vector<cv::Point2d> out;
    const cv::Matx33d camera(k.fx, 0, k.cx, 0, k.fy, k.cy, 0, 0, 1);
    // OpenCV's default of 5 iterations leaves pixels of error at the edge of a strongly
    // distorted lens; this converges to far below a pixel.
    cv::undistortPoints(in, out, camera, k.distortion, cv::noArray(), cv::noArray(),
                        cv::TermCriteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 50, 1e-12));
    return {out[0].x, out[0].y, 1.0};
}

std::array<double, 3> cameraToCamera(const CameraModel &from, const CameraModel &to,
                                     const std::array<double, 3> &point)
{
    // Into the turret's frame, relative to its centre, then into the other camera.
    Vec3 q = applyTransposed(attitudeRows(from.boresight), point);
    for (size_t i = 0; i < 3; ++i)
        q[i] += from.positionM[i] - to.positionM[i];
    return rotate(attitudeRows(to.boresight), q);
}

PixelEllipse ellipseFromCovariance(double cx, double cy, const std::array<double, 3> &cov,
                                   double confidence)
{
    PixelEllipse e;
    e.centerX = cx;
    e.centerY = cy;
    e.covariance = cov;
    const double a = cov[0], b = cov[1], d = cov[2];
    const double mean = (a + d) / 2.0;
    const double diff = std::sqrt(std::max(0.0, (a - d) * (a - d) / 4.0 + b * b));
    const double l1 = std::max(0.0, mean + diff), l2 = std::max(0.0, mean - diff);
    // The Gaussian's mass inside k sigma in 2-D is 1 − exp(−k²/2).
    const double p = std::clamp(confidence, 1e-6, 1.0 - 1e-12);
    const double k = std::sqrt(-2.0 * std::log(1.0 - p));
    e.semiMajor = k * std::sqrt(l1);
    e.semiMinor = k * std::sqrt(l2);
    e.angleDeg = 0.5 * std::atan2(2.0 * b, a - d) * toDeg;
    return e;
}

Projection projectTarget(const CameraModel &camera, const Enu &target, const Attitude &turret,
                         const Uncertainty &u, double sizeM, double heightM)
{
    Projection out;
    out.look = Station::look(target);
    const Vec3 c = camera.toCamera(target, turret);
    out.depthM = c[2];
    out.bearingDeg = std::atan2(c[1], c[0]) * toDeg;
    if (c[2] <= 0)
        return out;
    out.inFront = true;
    const auto px = pixelOf(camera.intrinsics, c);
    out.x = px[0];
    out.y = px[1];
    const Intrinsics &k = camera.intrinsics;
    out.inFieldOfView = out.x >= 0 && out.y >= 0 && out.x < k.width && out.y < k.height;
    out.expectedWidthPx = k.fx * sizeM / c[2];
    out.expectedHeightPx = k.fy * heightM / c[2];

    // Jacobians by central differences of the whole model.
    auto pixelAt = [&](const Enu &t, const Attitude &a) -> std::optional<std::array<double, 2>> {
        return camera.project(t, a);
    };
    double jp[2][3] = {}, ja[2][3] = {};
    const double range = std::max(out.look.rangeM, 1.0);
    const double hp = std::max(1e-3, range * 1e-6); // metres
    for (int i = 0; i < 3; ++i) {
        Enu plus = target, minus = target;
        double *pp = i == 0 ? &plus.e : i == 1 ? &plus.n : &plus.u;
        double *pm = i == 0 ? &minus.e : i == 1 ? &minus.n : &minus.u;
        *pp += hp;
        *pm -= hp;
        const auto a = pixelAt(plus, turret), b = pixelAt(minus, turret);
        if (a && b) {
            jp[0][i] = ((*a)[0] - (*b)[0]) / (2 * hp);
            jp[1][i] = ((*a)[1] - (*b)[1]) / (2 * hp);
        }
    }
    const double ha = 1e-4; // degrees
    for (int i = 0; i < 3; ++i) {
        Attitude plus = turret, minus = turret;
        double *pp = i == 0 ? &plus.panDeg : i == 1 ? &plus.tiltDeg : &plus.rollDeg;
        double *pm = i == 0 ? &minus.panDeg : i == 1 ? &minus.tiltDeg : &minus.rollDeg;
        *pp += ha;
        *pm -= ha;
        const auto a = pixelAt(target, plus), b = pixelAt(target, minus);
        if (a && b) {
            ja[0][i] = ((*a)[0] - (*b)[0]) / (2 * ha);
            ja[1][i] = ((*a)[1] - (*b)[1]) / (2 * ha);
        }
    }
    // Σ = Σrtk + σt² v vᵀ
    std::array<double, 9> sp = u.positionCovarianceEnu;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            const double vi = std::isfinite(u.velocityEnu[size_t(i)]) ? u.velocityEnu[size_t(i)] : 0;
            const double vj = std::isfinite(u.velocityEnu[size_t(j)]) ? u.velocityEnu[size_t(j)] : 0;
            double &s = sp[size_t(i * 3 + j)];
            if (!std::isfinite(s))
                s = 0;
            s += u.syncSigmaS * u.syncSigmaS * vi * vj;
        }
    const std::array<double, 3> sa{u.pointingSigmaDeg.panDeg * u.pointingSigmaDeg.panDeg,
                                   u.pointingSigmaDeg.tiltDeg * u.pointingSigmaDeg.tiltDeg,
                                   u.pointingSigmaDeg.rollDeg * u.pointingSigmaDeg.rollDeg};
    double cov[2][2] = {};
    for (int r = 0; r < 2; ++r)
        for (int s = 0; s < 2; ++s) {
            double v = 0;
            for (int i = 0; i < 3; ++i) {
                for (int j = 0; j < 3; ++j)
                    v += jp[r][i] * sp[size_t(i * 3 + j)] * jp[s][j];
                v += ja[r][i] * sa[size_t(i)] * ja[s][i];
            }
            cov[r][s] = v;
        }
    out.ellipse = ellipseFromCovariance(out.x, out.y, {cov[0][0], cov[0][1], cov[1][1]},
                                        u.confidence);
    return out;
}

} // namespace vigie
