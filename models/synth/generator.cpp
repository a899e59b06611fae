#include "models/synth/generator.h"

#include "models/buildinfo.h"
#include "models/geometry/geodesy.h"
#include "models/media/videodecoder.h"
#include "models/media/videoencoder.h"
#include "models/synth/random.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QPainter>
#include <QSaveFile>

#include <atomic>
#include <cmath>
#include <mutex>
#include <numbers>
#include <thread>

namespace vigie::synth {

namespace {

/// The translation context of this file's messages (lupdate reads the same one).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::synth)
};

constexpr double d2r = std::numbers::pi / 180.0;
constexpr double r2d = 180.0 / std::numbers::pi;

const UtcTime campaignStart = UtcTime::fromCalendar(2026, 5, 12, 10, 15, 0);
const Geodetic stationPosition{48.712345678, 2.204567891, 162.4};
constexpr double geoidSeparation = 47.5;

struct Vec3
{
    double x = 0, y = 0, z = 0;
};
Vec3 operator+(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
Vec3 operator-(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
Vec3 operator*(double k, Vec3 a) { return {k * a.x, k * a.y, k * a.z}; }
double norm(Vec3 a) { return std::sqrt(a.x * a.x + a.y * a.y + a.z * a.z); }

double wrap180(double deg)
{
    return std::remainder(deg, 360.0);
}

// ---------------------------------------------------------------------------------------
// Value noise, deterministic from a seed (clouds, tree line).

double hash01(std::int64_t x, std::int64_t y, std::uint64_t seed)
{
    std::uint64_t h = seed ^ (std::uint64_t(x) * 0x9E3779B97F4A7C15ull) ^ (std::uint64_t(y) * 0xC2B2AE3D27D4EB4Full);
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
    h *= 0x94D049BB133111EBull;
    h ^= h >> 32;
    return double(h >> 11) * 0x1.0p-53;
}

double valueNoise(double x, double y, std::uint64_t seed)
{
    const double fx = std::floor(x), fy = std::floor(y);
    const auto ix = std::int64_t(fx), iy = std::int64_t(fy);
    double tx = x - fx, ty = y - fy;
    tx = tx * tx * (3 - 2 * tx);
    ty = ty * ty * (3 - 2 * ty);
    const double a = hash01(ix, iy, seed), b = hash01(ix + 1, iy, seed), c = hash01(ix, iy + 1, seed),
                 d = hash01(ix + 1, iy + 1, seed);
    return (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty;
}

double fbm(double x, double y, std::uint64_t seed, int octaves = 4)
{
    double sum = 0, amp = 0.5, f = 1;
    for (int i = 0; i < octaves; ++i) {
        sum += amp * valueNoise(x * f, y * f, seed + std::uint64_t(i) * 101);
        amp *= 0.5;
        f *= 2.03;
    }
    return sum / (1 - std::pow(0.5, octaves));
}

// ---------------------------------------------------------------------------------------
// The scene: the drone's flight, birds, the turret, the horizon.

struct Flight
{
    std::vector<double> t;
    std::vector<Vec3> p;

    Vec3 at(double s) const
    {
        if (s <= t.front())
            return p.front();
        if (s >= t.back())
            return p.back();
        const size_t i = size_t(std::upper_bound(t.begin(), t.end(), s) - t.begin()) - 1;
        const double h = t[i + 1] - t[i], u = (s - t[i]) / h;
        auto tangent = [&](size_t k) {
            const size_t a = k == 0 ? 0 : k - 1, b = std::min(k + 1, p.size() - 1);
            return (1.0 / (t[b] - t[a])) * (p[b] - p[a]);
        };
        const Vec3 m0 = tangent(i), m1 = tangent(i + 1);
        const double u2 = u * u, u3 = u2 * u;
        return (2 * u3 - 3 * u2 + 1) * p[i] + (h * (u3 - 2 * u2 + u)) * m0 + (-2 * u3 + 3 * u2) * p[i + 1]
               + (h * (u3 - u2)) * m1;
    }
    Vec3 velocity(double s) const { return 50.0 * (at(s + 0.01) - at(s - 0.01)); }
};

Vec3 fromLook(double azDeg, double elDeg, double range)
{
    return {range * std::sin(azDeg * d2r) * std::cos(elDeg * d2r), range * std::cos(azDeg * d2r) * std::cos(elDeg * d2r),
            range * std::sin(elDeg * d2r)};
}

Flight makeFlight(const Config &c, Random rng, double *baseAzimuth, QString *pattern)
{
    const double az0 = rng.uniform(0, 360);
    *baseAzimuth = az0;
    double rMin = 200, rMax = 1500, hMin = 30, hMax = 250;
    if (c.preset == Preset::Easy) {
        rMin = 150;
        rMax = 700;
        hMin = 60;
        hMax = 150;
    } else if (c.preset == Preset::Hard) {
        rMax = 2000;
    }
    const double speed = rng.uniform(4, c.preset == Preset::Easy ? 10 : 18);
    static const char *const patterns[] = {"approach", "cross", "loiter", "climb", "waypoints"};
    const int which = c.preset == Preset::Easy ? int(rng.integer(0, 1)) : int(rng.integer(0, 4));
    *pattern = QString::fromLatin1(patterns[which]);
    std::vector<Vec3> points;
    auto altitudeAt = [&](double range) {
        if (c.lowElevation && rng.chance(0.6))
            return range * std::tan(rng.uniform(0.4, 1.6) * d2r); // just above the tree line
        return rng.uniform(hMin, hMax);
    };
    switch (which) {
    case 0: { // approach: from far to near
        const double r0 = rng.uniform(0.7 * rMax, rMax), r1 = rng.uniform(rMin, 0.5 * (rMin + rMax));
        const double h = altitudeAt(r0);
        points = {fromLook(az0, 0, r0) + Vec3{0, 0, h}, fromLook(az0 + rng.uniform(-5, 5), 0, r1) + Vec3{0, 0, h * 0.8}};
        break;
    }
    case 1: { // cross: a pass across the line of sight
        const double r = rng.uniform(rMin, rMax), half = rng.uniform(150, 400);
        const Vec3 centre = fromLook(az0, 0, r);
        const Vec3 side{std::cos(az0 * d2r), -std::sin(az0 * d2r), 0};
        const double h = altitudeAt(r);
        points = {centre + (-half) * side + Vec3{0, 0, h}, centre + half * side + Vec3{0, 0, h}};
        break;
    }
    case 2: { // loiter: circles around a point
        const double r = rng.uniform(rMin, 0.7 * rMax), radius = rng.uniform(40, 120), h = altitudeAt(r);
        const Vec3 centre = fromLook(az0, 0, r);
        for (int k = 0; k <= 16; ++k)
            points.push_back(centre + Vec3{radius * std::cos(k * std::numbers::pi / 4), radius * std::sin(k * std::numbers::pi / 4), h});
        break;
    }
    case 3: { // climb
        const double r = rng.uniform(rMin, rMax);
        points = {fromLook(az0, 0, r) + Vec3{0, 0, hMin}, fromLook(az0 + 3, 0, r * 0.9) + Vec3{0, 0, hMax}};
        break;
    }
    default: // random waypoints
        for (int k = 0; k < 6; ++k) {
            const double r = rng.uniform(rMin, rMax);
            points.push_back(fromLook(az0 + rng.uniform(-12, 12), 0, r) + Vec3{0, 0, altitudeAt(r)});
        }
    }
    Flight f;
    double time = 0;
    f.t.push_back(0);
    f.p.push_back(points.front());
    for (size_t k = 1; k < points.size(); ++k) {
        time += std::max(1.0, norm(points[k] - points[k - 1]) / speed);
        f.t.push_back(time);
        f.p.push_back(points[k]);
    }
    // Hover at the end until the campaign ends.
    if (time < c.durationS + 5) {
        f.t.push_back(c.durationS + 5);
        f.p.push_back(f.p.back() + Vec3{0.5, 0.5, 0});
    }
    return f;
}

struct Model
{
    struct Polygon
    {
        std::vector<Vec3> points; ///< body frame: x forward, y left, z up (metres)
        double heat;              ///< IR: 0..1
        double shade;             ///< RGB: grey level 0..1
    };
    std::vector<Polygon> polygons;
};

Model makeDrone(const QString &cls, double span)
{
    Model m;
    auto disc = [](Vec3 c, double r, int n) {
        std::vector<Vec3> pts;
        for (int i = 0; i < n; ++i)
            pts.push_back(c + Vec3{r * std::cos(2 * std::numbers::pi * i / n), r * std::sin(2 * std::numbers::pi * i / n), 0});
        return pts;
    };
    auto box = [](Vec3 lo, Vec3 hi) {
        return std::vector<Vec3>{{lo.x, lo.y, lo.z}, {hi.x, lo.y, lo.z}, {hi.x, hi.y, lo.z}, {lo.x, hi.y, lo.z},
                                 {lo.x, lo.y, hi.z}, {hi.x, lo.y, hi.z}, {hi.x, hi.y, hi.z}, {lo.x, hi.y, hi.z}};
    };
    if (cls == QLatin1String("fixed-wing")) {
        const double L = 0.7 * span;
        m.polygons.push_back({box({-L / 2, -0.04 * span, -0.04 * span}, {L / 2, 0.04 * span, 0.05 * span}), 0.75, 0.25});
        m.polygons.push_back({{{0.1 * span, -span / 2, 0}, {0.1 * span, span / 2, 0}, {-0.05 * span, span / 2, 0}, {-0.05 * span, -span / 2, 0}}, 0.55, 0.3});
        m.polygons.push_back({{{-0.28 * span, -0.17 * span, 0}, {-0.28 * span, 0.17 * span, 0}, {-0.35 * span, 0.17 * span, 0}, {-0.35 * span, -0.17 * span, 0}}, 0.5, 0.3});
        m.polygons.push_back({{{-0.28 * span, 0, 0}, {-0.35 * span, 0, 0}, {-0.35 * span, 0, 0.12 * span}, {-0.3 * span, 0, 0.12 * span}}, 0.5, 0.3});
        m.polygons.push_back({disc({L / 2, 0, 0.01 * span}, 0.05 * span, 10), 0.98, 0.2}); // motor
        return m;
    }
    const int arms = cls == QLatin1String("hexacopter") ? 6 : 4;
    const double rotor = (arms == 6 ? 0.14 : 0.18) * span;
    const double reach = span / 2 - rotor;
    const double w = 0.025 * span;
    m.polygons.push_back({box({-0.12 * span, -0.12 * span, -0.05 * span}, {0.12 * span, 0.12 * span, 0.05 * span}), 0.82, 0.18}); // body, battery
    for (int a = 0; a < arms; ++a) {
        const double ang = (a + 0.5) * 2 * std::numbers::pi / arms;
        const Vec3 dir{std::cos(ang), std::sin(ang), 0}, side{-std::sin(ang), std::cos(ang), 0};
        const Vec3 tip = reach * dir;
        m.polygons.push_back({{w * side, tip + w * side, tip + (-w) * side, (-w) * side}, 0.6, 0.2});
        m.polygons.push_back({disc(tip + Vec3{0, 0, 0.02 * span}, rotor, 14), 0.45, 0.35}); // blurred rotor disc
        m.polygons.push_back({disc(tip, 0.035 * span, 8), 0.99, 0.15});                   // hot motor
    }
    return m;
}

Model makeBird(double span, double phase)
{
    const double flap = std::sin(phase) * 0.35 * span;
    Model m;
    m.polygons.push_back({{{0.15 * span, 0, 0}, {-0.15 * span, 0.04 * span, 0}, {-0.15 * span, -0.04 * span, 0}}, 0.7, 0.1});
    m.polygons.push_back({{{0.03 * span, 0, 0}, {-0.05 * span, 0, 0}, {-0.02 * span, span / 2, flap}}, 0.65, 0.1});
    m.polygons.push_back({{{0.03 * span, 0, 0}, {-0.05 * span, 0, 0}, {-0.02 * span, -span / 2, flap}}, 0.65, 0.1});
    return m;
}

struct Sky
{
    std::uint64_t cloudSeed = 1, treeSeed = 2;
    bool clouds = false;
    double cloudCover = 0.45;
    double sunAz = 0, sunEl = 35;
    bool glare = false;
    std::vector<std::pair<double, double>> buildings; ///< (azimuth, half-width) in degrees
    std::vector<double> buildingHeights;

    /// Elevation (degrees) of the tree line and buildings at an azimuth.
    double skyline(double az) const
    {
        double el = 0.25 + 0.55 * fbm(az / 0.35, 0.5, treeSeed, 3);
        for (size_t i = 0; i < buildings.size(); ++i) {
            if (std::abs(wrap180(az - buildings[i].first)) < buildings[i].second)
                el = std::max(el, buildingHeights[i]);
        }
        return el;
    }
    bool isBuilding(double az, double el) const
    {
        for (size_t i = 0; i < buildings.size(); ++i) {
            if (std::abs(wrap180(az - buildings[i].first)) < buildings[i].second && el < buildingHeights[i])
                return true;
        }
        return false;
    }
    double cloud(double az, double el) const
    {
        if (!clouds || el < 0)
            return 0;
        const double v = fbm(az / 1.7, el / 0.9, cloudSeed, 4);
        const double a = (v - (1 - cloudCover)) / 0.18;
        return std::clamp(a, 0.0, 1.0);
    }
};

struct TurretTruth
{
    std::vector<double> t;  ///< 100 Hz
    std::vector<double> pan, tilt;
    Attitude at(double s) const
    {
        const double x = std::clamp(s * 100.0, 0.0, double(t.size() - 1));
        const size_t i = std::min(size_t(x), t.size() - 2);
        const double u = x - double(i);
        return {pan[i] + u * wrap180(pan[i + 1] - pan[i]), tilt[i] + u * (tilt[i + 1] - tilt[i]), 0};
    }
};

TurretTruth trackTurret(const Config &c, const Flight &f, Random rng)
{
    TurretTruth tt;
    const int n = int(std::ceil((c.durationS + 1) * 100)) + 2;
    double pan = 0, tilt = 0;
    {
        const Vec3 p = f.at(0);
        const LookAngles look = Station::look({p.x, p.y, p.z});
        pan = look.azimuthDeg;
        tilt = look.elevationDeg;
    }
    // Loss episodes: the turret's tracker slews off the target for a few seconds.
    std::vector<std::pair<double, double>> losses;
    if (c.targetLoss) {
        const int count = c.durationS > 20 ? 2 : 1;
        for (int k = 0; k < count; ++k) {
            const double start = rng.uniform(0.2, 0.8) * c.durationS;
            losses.push_back({start, start + rng.uniform(2.0, 4.0)});
        }
    }
    const double away = rng.uniform(3.5, 6.0) * (rng.chance(0.5) ? 1 : -1);
    const double tau = 0.18, dt = 0.01;
    for (int i = 0; i < n; ++i) {
        const double s = i * dt;
        const Vec3 p = f.at(s);
        const LookAngles look = Station::look({p.x, p.y, p.z});
        double wantPan = look.azimuthDeg, wantTilt = look.elevationDeg;
        for (const auto &[a, b] : losses) {
            if (s >= a && s <= b)
                wantPan += away;
        }
        const double k = 1 - std::exp(-dt / tau);
        pan += k * wrap180(wantPan - pan) + rng.normal(0, 0.002);
        tilt += k * (wantTilt - tilt) + rng.normal(0, 0.002);
        pan = std::fmod(pan + 360.0, 360.0);
        tt.t.push_back(s);
        tt.pan.push_back(pan);
        tt.tilt.push_back(tilt);
    }
    return tt;
}

// ---------------------------------------------------------------------------------------
// Rendering

struct Drawn
{
    bool front = false;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0; ///< projected bounds (may exceed the image)
};

/// Projects and draws a model: colour (RGB, BGR888) or heat (IR, float 0..1).
Drawn drawModel(const Model &model, const Vec3 &position, double headingDeg, const CameraModel &camera,
                const Attitude &pose, cv::Mat *rgb, cv::Mat *heat, bool draw)
{
    Drawn d;
    const double c = std::cos(headingDeg * d2r), s = std::sin(headingDeg * d2r);
    std::vector<std::vector<cv::Point2d>> projected;
    d.x0 = d.y0 = 1e18;
    d.x1 = d.y1 = -1e18;
    for (const auto &poly : model.polygons) {
        std::vector<cv::Point2d> pts;
        for (const Vec3 &b : poly.points) {
            // Body x forward (heading, clockwise from north), y left, z up → ENU.
            const Vec3 w{position.x + b.x * s - b.y * c, position.y + b.x * c + b.y * s, position.z + b.z};
            const auto cam = camera.toCamera({w.x, w.y, w.z}, pose);
            if (cam[2] <= 0.5)
                return d;
            const Intrinsics &k = camera.intrinsics;
            const cv::Point2d px(k.fx * cam[0] / cam[2] + k.cx, k.fy * cam[1] / cam[2] + k.cy);
            pts.push_back(px);
            d.x0 = std::min(d.x0, px.x);
            d.y0 = std::min(d.y0, px.y);
            d.x1 = std::max(d.x1, px.x);
            d.y1 = std::max(d.y1, px.y);
        }
        projected.push_back(std::move(pts));
    }
    d.front = true;
    cv::Mat target = rgb ? *rgb : *heat;
    if (!draw || d.x1 < 0 || d.y1 < 0 || d.x0 >= target.cols || d.y0 >= target.rows)
        return d;
    // Supersampled patch: sub-pixel drones still leave their fraction of a pixel.
    const int px0 = std::max(0, int(std::floor(d.x0)) - 1), py0 = std::max(0, int(std::floor(d.y0)) - 1);
    const int px1 = std::min(target.cols, int(std::ceil(d.x1)) + 2), py1 = std::min(target.rows, int(std::ceil(d.y1)) + 2);
    if (px1 <= px0 || py1 <= py0)
        return d;
    const int k = (d.x1 - d.x0) < 6 ? 8 : 4;
    const int w = (px1 - px0) * k, h = (py1 - py0) * k;
    if (double(w) * h > 4e7)
        return d;
    cv::Mat cover(h, w, CV_32F, cv::Scalar(0)), value(h, w, CV_32F, cv::Scalar(0));
    constexpr int shift = 4;
    for (size_t i = 0; i < projected.size(); ++i) {
        std::vector<cv::Point> ints;
        for (const auto &p : projected[i])
            ints.emplace_back(int(std::lround((p.x - px0) * k * (1 << shift))), int(std::lround((p.y - py0) * k * (1 << shift))));
        std::vector<cv::Point> hull;
        cv::convexHull(ints, hull);
        cv::fillConvexPoly(cover, hull, cv::Scalar(1.0), cv::LINE_8, shift);
        const double v = rgb ? model.polygons[i].shade : model.polygons[i].heat;
        cv::Mat mask(h, w, CV_8U, cv::Scalar(0));
        cv::fillConvexPoly(mask, hull, cv::Scalar(255), cv::LINE_8, shift);
        value.setTo(cv::Scalar(v), mask);
    }
    cv::Mat alpha, val;
    cv::resize(cover, alpha, cv::Size(px1 - px0, py1 - py0), 0, 0, cv::INTER_AREA);
    cv::resize(value, val, cv::Size(px1 - px0, py1 - py0), 0, 0, cv::INTER_AREA);
    for (int y = 0; y < alpha.rows; ++y) {
        for (int x = 0; x < alpha.cols; ++x) {
            const float a = alpha.at<float>(y, x);
            if (a <= 0)
                continue;
            const float v = val.at<float>(y, x) / a;
            if (rgb) {
                cv::Vec3b &pix = rgb->at<cv::Vec3b>(py0 + y, px0 + x);
                for (int ch = 0; ch < 3; ++ch)
                    pix[ch] = cv::saturate_cast<uchar>(pix[ch] * (1 - a) + 255.0f * v * a);
            } else {
                float &pix = heat->at<float>(py0 + y, px0 + x);
                pix = pix * (1 - a) + v * a;
            }
        }
    }
    return d;
}

struct CameraTruth
{
    QString name, modality;
    int width = 0, height = 0;
    double fps = 30;
    double hfovDeg = 5;
    double zoomHfovDeg = 0;   ///< after zoomAtS, if > 0
    double zoomAtS = 0;
    Attitude boresightTrue, boresightManifest;
    double firstFrameS = 0;   ///< true time of frame 0 from the campaign start
    double syncOffsetS = 0;   ///< manifest first-frame time = true − offset
    std::int64_t frames = 0;
    std::array<double, 3> positionM{}; ///< on the turret (right, forward, up); the manifest's too

    double hfovAt(double s) const { return zoomHfovDeg > 0 && s >= zoomAtS ? zoomHfovDeg : hfovDeg; }
    CameraModel modelAt(double s) const
    {
        CameraModel m;
        m.intrinsics = Intrinsics::fromHfov(width, height, hfovAt(s));
        m.boresight = boresightTrue;
        m.positionM = positionM;
        return m;
    }
};

QByteArray nmea(const QByteArray &body)
{
    unsigned char sum = 0;
    for (char ch : body)
        sum ^= static_cast<unsigned char>(ch);
    return '$' + body + '*' + QByteArray::number(sum, 16).toUpper().rightJustified(2, '0') + "\r\n";
}

QByteArray nmeaAngle(double deg, bool latitude)
{
    const double a = std::abs(deg);
    const int whole = int(a);
    QByteArray s = QByteArray::number(whole).rightJustified(latitude ? 2 : 3, '0');
    s += QByteArray::number((a - whole) * 60.0, 'f', 8).rightJustified(11, '0');
    s += ',';
    s += latitude ? (deg < 0 ? 'S' : 'N') : (deg < 0 ? 'W' : 'E');
    return s;
}

bool save(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace

std::optional<Preset> presetFromString(QStringView name)
{
    if (name == QLatin1String("easy"))
        return Preset::Easy;
    if (name == QLatin1String("realistic"))
        return Preset::Realistic;
    if (name == QLatin1String("hard"))
        return Preset::Hard;
    return std::nullopt;
}

QString toString(Preset preset)
{
    switch (preset) {
    case Preset::Easy: return QStringLiteral("easy");
    case Preset::Realistic: return QStringLiteral("realistic");
    case Preset::Hard: return QStringLiteral("hard");
    }
    return {};
}

Config Config::forPreset(Preset preset, std::uint64_t seed, double durationS)
{
    Config c;
    c.seed = seed;
    c.durationS = durationS;
    c.preset = preset;
    switch (preset) {
    case Preset::Easy:
        break;
    case Preset::Realistic:
        c.syncOffsetRgbS = 0.040;
        c.syncOffsetIrS = -0.025;
        c.pointingNoiseDeg = 0.1;
        c.pointingBiasDeg = 0.05;
        c.boresightErrorDeg = 0.05;
        c.rtkFloat = true;
        c.clouds = true;
        c.glare = true;
        c.birds = 1;
        c.targetLoss = true;
        c.irNoise = 60;
        c.nonUniformity = 0.015;
        c.osd = true;
        break;
    case Preset::Hard:
        c.syncOffsetRgbS = 0.150;
        c.syncOffsetIrS = -0.110;
        c.pointingNoiseDeg = 0.3;
        c.pointingBiasDeg = 0.15;
        c.boresightErrorDeg = 0.12;
        c.rtkFloat = true;
        c.dropouts = true;
        c.clouds = true;
        c.glare = true;
        c.birds = 3;
        c.lowElevation = true;
        c.targetLoss = true;
        c.irNoise = 120;
        c.nonUniformity = 0.03;
        c.osd = true;
        break;
    }
    return c;
}

QJsonObject Config::toJson() const
{
    return {{QStringLiteral("seed"), QString::number(seed)},
            {QStringLiteral("duration_s"), durationS},
            {QStringLiteral("preset"), toString(preset)},
            {QStringLiteral("rgb_1080p"), rgb1080},
            {QStringLiteral("ir_output"), irOutput},
            {QStringLiteral("sync_offset_rgb_s"), syncOffsetRgbS},
            {QStringLiteral("sync_offset_ir_s"), syncOffsetIrS},
            {QStringLiteral("pointing_noise_deg"), pointingNoiseDeg},
            {QStringLiteral("pointing_bias_deg"), pointingBiasDeg},
            {QStringLiteral("boresight_error_deg"), boresightErrorDeg},
            {QStringLiteral("rtk_float"), rtkFloat},
            {QStringLiteral("dropouts"), dropouts},
            {QStringLiteral("clouds"), clouds},
            {QStringLiteral("glare"), glare},
            {QStringLiteral("birds"), birds},
            {QStringLiteral("low_elevation"), lowElevation},
            {QStringLiteral("target_loss"), targetLoss},
            {QStringLiteral("ir_noise"), irNoise},
            {QStringLiteral("non_uniformity"), nonUniformity},
            {QStringLiteral("osd"), osd}};
}

bool Config::apply(const QJsonObject &o, QString *error)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString k = it.key();
        const QJsonValue v = it.value();
        auto number = [&](double &target, double lo, double hi) {
            if (!v.isDouble() || v.toDouble() < lo || v.toDouble() > hi) {
                *error = Tr::tr("%1 must be a number in [%2, %3]").arg(k).arg(lo).arg(hi);
                return false;
            }
            target = v.toDouble();
            return true;
        };
        auto flag = [&](bool &target) {
            if (!v.isBool()) {
                *error = Tr::tr("%1 must be true or false").arg(k);
                return false;
            }
            target = v.toBool();
            return true;
        };
        bool ok = true;
        if (k == QLatin1String("sync_offset_rgb_s")) ok = number(syncOffsetRgbS, -2, 2);
        else if (k == QLatin1String("sync_offset_ir_s")) ok = number(syncOffsetIrS, -2, 2);
        else if (k == QLatin1String("pointing_noise_deg")) ok = number(pointingNoiseDeg, 0, 5);
        else if (k == QLatin1String("pointing_bias_deg")) ok = number(pointingBiasDeg, -5, 5);
        else if (k == QLatin1String("boresight_error_deg")) ok = number(boresightErrorDeg, -5, 5);
        else if (k == QLatin1String("ir_noise")) ok = number(irNoise, 0, 5000);
        else if (k == QLatin1String("non_uniformity")) ok = number(nonUniformity, 0, 0.5);
        else if (k == QLatin1String("rtk_float")) ok = flag(rtkFloat);
        else if (k == QLatin1String("dropouts")) ok = flag(dropouts);
        else if (k == QLatin1String("clouds")) ok = flag(clouds);
        else if (k == QLatin1String("glare")) ok = flag(glare);
        else if (k == QLatin1String("low_elevation")) ok = flag(lowElevation);
        else if (k == QLatin1String("target_loss")) ok = flag(targetLoss);
        else if (k == QLatin1String("rgb_1080p")) ok = flag(rgb1080);
        else if (k == QLatin1String("osd")) ok = flag(osd);
        else if (k == QLatin1String("birds")) {
            double b = 0;
            ok = number(b, 0, 20);
            birds = int(b);
        } else if (k == QLatin1String("ir_output")) {
            irOutput = v.toString();
            ok = irOutput == QLatin1String("video8") || irOutput == QLatin1String("png16") || irOutput == QLatin1String("ffv1-16");
            if (!ok)
                *error = Tr::tr("ir_output must be video8, png16 or ffv1-16");
        } else {
            *error = Tr::tr("unknown setting '%1'").arg(k);
            ok = false;
        }
        if (!ok)
            return false;
    }
    return true;
}

/// The turret camera's burned-in display, as on recorded footage: date and time, pointing and
/// field of view in the top-left corner, and a reticle of corner marks and a centre cross.
static void drawOsd(cv::Mat &eight, UtcTime utc, const Attitude &pose, double hfovDeg)
{
    const cv::Scalar white(250);
    const auto cal = utc.calendar();
    const std::string line1 = QString::asprintf("CAM2 IR  %04d-%02d-%02d  %02d:%02d:%02d", cal.year, cal.month, cal.day,
                                                cal.hour, cal.minute, cal.second).toStdString();
    const std::string line2 = QString::asprintf("AZ %.2f  EL %.2f  FOV %.2f", pose.panDeg, pose.tiltDeg, hfovDeg).toStdString();
    cv::putText(eight, line1, cv::Point(8, 20), cv::FONT_HERSHEY_SIMPLEX, 0.45, white, 1, cv::LINE_AA);
    cv::putText(eight, line2, cv::Point(8, 40), cv::FONT_HERSHEY_SIMPLEX, 0.45, white, 1, cv::LINE_AA);
    const int w = eight.cols, h = eight.rows, bx = w / 4, by = h / 4, arm = w / 16;
    for (const cv::Point &corner : {cv::Point(bx, by), cv::Point(w - bx, by), cv::Point(bx, h - by), cv::Point(w - bx, h - by)}) {
        const int sx = corner.x < w / 2 ? 1 : -1, sy = corner.y < h / 2 ? 1 : -1;
        cv::line(eight, corner, corner + cv::Point(sx * arm, 0), white, 1);
        cv::line(eight, corner, corner + cv::Point(0, sy * arm), white, 1);
    }
    const cv::Point c(w / 2, h / 2);
    cv::line(eight, c + cv::Point(-w / 10, 0), c + cv::Point(-w / 30, 0), white, 1);
    cv::line(eight, c + cv::Point(w / 30, 0), c + cv::Point(w / 10, 0), white, 1);
    cv::line(eight, c + cv::Point(0, -h / 10), c + cv::Point(0, -h / 30), white, 1);
    cv::line(eight, c + cv::Point(0, h / 30), c + cv::Point(0, h / 10), white, 1);
}

bool generate(const Config &c, const QString &outDir, const Progress &progress, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    if (c.durationS <= 0 || c.durationS > 3600) {
        *error = Tr::tr("the duration must be within (0, 3600] s");
        return false;
    }
    if (!QDir().mkpath(outDir)) {
        *error = Tr::tr("%1: cannot create the folder").arg(outDir);
        return false;
    }
    const QDir dir(outDir);
    auto report = [&](double f, const QString &what) {
        if (progress)
            progress(f, what);
    };
    Random root(c.seed);
    Random flightRng = root.derive(1), turretRng = root.derive(2), gnssRng = root.derive(3), logRng = root.derive(4),
           skyRng = root.derive(5), birdRng = root.derive(6), rgbRng = root.derive(7), irRng = root.derive(8),
           classRng = root.derive(9);

    // The drone.
    static const char *const classes[] = {"quadcopter", "hexacopter", "fixed-wing"};
    const QString cls = QString::fromLatin1(classes[classRng.integer(0, c.preset == Preset::Easy ? 0 : 2)]);
    const double span = cls == QLatin1String("fixed-wing") ? classRng.uniform(0.8, 1.5) : classRng.uniform(0.3, 1.0);
    const double height = cls == QLatin1String("fixed-wing") ? 0.2 * span : 0.25 * span;
    const Model drone = makeDrone(cls, span);
    double baseAz = 0;
    QString pattern;
    const Flight flight = makeFlight(c, flightRng, &baseAz, &pattern);
    const TurretTruth turret = trackTurret(c, flight, turretRng);
    const Station station(stationPosition);

    // Birds: flying across the view at 60 to 400 m.
    struct Bird
    {
        Vec3 start, velocity;
        double span, phase;
    };
    std::vector<Bird> birds;
    for (int b = 0; b < c.birds; ++b) {
        const double t = birdRng.uniform(0.1, 0.9) * c.durationS;
        const Vec3 p = flight.at(t);
        const LookAngles look = Station::look({p.x, p.y, p.z});
        const double range = birdRng.uniform(60, std::min(400.0, look.rangeM * 0.8));
        const Vec3 onSight = fromLook(look.azimuthDeg + birdRng.uniform(-0.6, 0.6), look.elevationDeg + birdRng.uniform(-0.4, 0.4), range);
        const double heading = birdRng.uniform(0, 360), speed = birdRng.uniform(6, 14);
        const Vec3 v{speed * std::sin(heading * d2r), speed * std::cos(heading * d2r), birdRng.uniform(-0.5, 0.5)};
        birds.push_back({onSight + (-t) * v, v, birdRng.uniform(0.3, 0.7), birdRng.uniform(0, 6.28)});
    }

    Sky sky;
    sky.cloudSeed = skyRng.derive(1).integer(1, 1ll << 40);
    sky.treeSeed = skyRng.derive(2).integer(1, 1ll << 40);
    sky.clouds = c.clouds;
    sky.cloudCover = skyRng.uniform(0.3, 0.55);
    sky.glare = c.glare;
    sky.sunAz = baseAz + skyRng.uniform(8, 20) * (skyRng.chance(0.5) ? 1 : -1);
    sky.sunEl = skyRng.uniform(12, 30);
    for (int b = 0; b < 6; ++b) {
        sky.buildings.push_back({baseAz + skyRng.uniform(-15, 15), skyRng.uniform(0.2, 0.8)});
        sky.buildingHeights.push_back(skyRng.uniform(0.6, 1.4));
    }

    // The cameras: what is true, and what the manifest will say.
    CameraTruth rgb{QStringLiteral("rgb"), QStringLiteral("rgb"), c.rgb1080 ? 1920 : 1280, c.rgb1080 ? 1080 : 720, 30.0, 5.0, 0, 0,
                    {0, 0, 0}, {0, 0, 0}, 0.0, c.syncOffsetRgbS, 0};
    if (c.preset != Preset::Easy) {
        rgb.zoomHfovDeg = 3.5;
        rgb.zoomAtS = std::floor(0.45 * c.durationS * 10) / 10;
    }
    // IR: 3° wide, nearer the 0.7–1.4° of real turret IR footage than a wide-angle camera, while a
    // 0.3° pointing error still leaves the drone in view.
    CameraTruth ir{QStringLiteral("ir"), QStringLiteral("ir"), 640, 512, 25.0, 3.0, 0, 0,
                   {0.12 + c.boresightErrorDeg, -0.08 - 0.5 * c.boresightErrorDeg, 0}, {0.12, -0.08, 0}, 0.017,
                   c.syncOffsetIrS, 0};
    // Side by side on the turret, 0.2 m apart: at 100 m the baseline shifts the drone by 5 px
    // between the two images, more than it is wide in IR.
    rgb.positionM = {-0.10, 0.0, 0.0};
    ir.positionM = {0.10, 0.0, 0.0};
    rgb.frames = std::int64_t(std::floor(c.durationS * rgb.fps));
    ir.frames = std::int64_t(std::floor((c.durationS - ir.firstFrameS) * ir.fps));

    // --- Logs --------------------------------------------------------------------------
    report(0.0, Tr::tr("logs"));
    // The receiver's solution: the truth plus RTK noise, float episodes and dropouts.
    std::vector<std::pair<double, double>> floats, gaps;
    if (c.rtkFloat) {
        for (int k = 0; k < 2; ++k) {
            const double a = gnssRng.uniform(0.1, 0.85) * c.durationS;
            floats.push_back({a, a + gnssRng.uniform(3, 8)});
        }
    }
    if (c.dropouts) {
        for (int k = 0; k < 2; ++k) {
            const double a = gnssRng.uniform(0.1, 0.85) * c.durationS;
            gaps.push_back({a, a + gnssRng.uniform(1.0, 3.5)}); // longer than 2 s: "no data" in the view
        }
    }
    auto inside = [](const std::vector<std::pair<double, double>> &spans, double t) {
        for (const auto &[a, b] : spans)
            if (t >= a && t < b)
                return true;
        return false;
    };
    QByteArray nmeaLog, posLog;
    posLog += "% program   : Vigie synthetic campaign generator " + versionString().toLatin1() + "\n";
    posLog += "% ref pos   : " + QByteArray::number(stationPosition.latitudeDeg, 'f', 9) + " "
              + QByteArray::number(stationPosition.longitudeDeg, 'f', 9) + " " + QByteArray::number(stationPosition.heightM, 'f', 4) + "\n";
    posLog += "% (lat/lon/height=WGS84/ellipsoidal,Q=1:fix,2:float,3:sbas,4:dgps,5:single,6:ppp,ns=# of satellites)\n";
    posLog += "%  GPST                  latitude(deg) longitude(deg)  height(m)   Q  ns   sdn(m)   sde(m)   sdu(m)  sdne(m)  sdeu(m)  sdun(m) age(s)  ratio    vn(m/s)    ve(m/s)    vu(m/s)\n";
    Vec3 floatBias{0, 0, 0};
    const int leap = gpst::leapSecondsAtUtc(campaignStart);
    for (int i = 0; i <= int(c.durationS * 10) + 5; ++i) {
        const double t = i * 0.1;
        if (inside(gaps, t))
            continue;
        const bool isFloat = inside(floats, t);
        floatBias = isFloat ? 0.97 * floatBias + Vec3{gnssRng.normal(0, 0.05), gnssRng.normal(0, 0.05), gnssRng.normal(0, 0.08)}
                            : Vec3{0, 0, 0};
        const double sh = isFloat ? 0.25 : 0.012, sv = isFloat ? 0.45 : 0.025;
        const Vec3 noisy = flight.at(t) + floatBias + Vec3{gnssRng.normal(0, sh * 0.3), gnssRng.normal(0, sh * 0.3), gnssRng.normal(0, sv * 0.3)};
        const Geodetic g = station.toGeodetic({noisy.x, noisy.y, noisy.z});
        const Vec3 v = flight.velocity(t);
        const UtcTime utc = campaignStart + std::int64_t(i) * 100000;
        const auto cal = utc.calendar();
        const QByteArray tod = QString::asprintf("%02d%02d%02d.%02d", cal.hour, cal.minute, cal.second, int(cal.microsecond / 10000)).toLatin1();
        const QByteArray date = QString::asprintf("%02d%02d%02d", cal.day, cal.month, cal.year % 100).toLatin1();
        const QByteArray pos = nmeaAngle(g.latitudeDeg, true) + ',' + nmeaAngle(g.longitudeDeg, false);
        const double speedKn = std::hypot(v.x, v.y) / (1852.0 / 3600.0);
        double course = std::atan2(v.x, v.y) * r2d;
        if (course < 0)
            course += 360;
        nmeaLog += nmea("GNGGA," + tod + ',' + pos + (isFloat ? ",5,16,0.8," : ",4,19,0.6,")
                        + QByteArray::number(g.heightM - geoidSeparation, 'f', 4) + ",M," + QByteArray::number(geoidSeparation, 'f', 3)
                        + ",M,1.0,0001");
        nmeaLog += nmea("GNRMC," + tod + ",A," + pos + ',' + QByteArray::number(speedKn, 'f', 3) + ','
                        + QByteArray::number(course, 'f', 2) + ',' + date + ",,," + (isFloat ? "F" : "R"));
        nmeaLog += nmea("GNGST," + tod + ',' + QByteArray::number(sh, 'f', 3) + ',' + QByteArray::number(sh, 'f', 3) + ','
                        + QByteArray::number(sh, 'f', 3) + ",0.0," + QByteArray::number(sh, 'f', 3) + ','
                        + QByteArray::number(sh, 'f', 3) + ',' + QByteArray::number(sv, 'f', 3));
        if (i % 10 == 0)
            nmeaLog += nmea("GNZDA," + tod + ',' + QByteArray::number(cal.day).rightJustified(2, '0') + ','
                            + QByteArray::number(cal.month).rightJustified(2, '0') + ',' + QByteArray::number(cal.year) + ",00,00");
        const auto g2 = (utc + std::int64_t(leap) * microsecondsPerSecond).calendar(); // GPST
        posLog += QString::asprintf("%04d/%02d/%02d %02d:%02d:%02d.%03d %14.9f %14.9f %10.4f %3d %3d %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %6.2f %6.1f %10.5f %10.5f %10.5f\n",
                                    g2.year, g2.month, g2.day, g2.hour, g2.minute, g2.second, int(g2.microsecond / 1000),
                                    g.latitudeDeg, g.longitudeDeg, g.heightM, isFloat ? 2 : 1, isFloat ? 16 : 19, sh, sh, sv, 0.0, 0.0, 0.0,
                                    1.0, isFloat ? 1.5 : 8.0, v.y, v.x, v.z)
                      .toLatin1();
    }
    // The turret log: true pointing, plus the encoder bias and noise; zoom changes logged.
    const double turretRate = c.preset == Preset::Hard ? 100.0 : 50.0;
    QByteArray turretLog = "# Vigie synthetic turret log\nutc,pan_deg,tilt_deg,roll_deg,hfov_deg.rgb,hfov_deg.ir\n";
    for (int i = 0; i <= int(c.durationS * turretRate) + 5; ++i) {
        const double t = i / turretRate;
        const Attitude a = turret.at(t);
        double pan = a.panDeg + c.pointingBiasDeg + logRng.normal(0, c.pointingNoiseDeg);
        pan = std::fmod(pan + 360.0, 360.0);
        const double tilt = a.tiltDeg - 0.5 * c.pointingBiasDeg + logRng.normal(0, c.pointingNoiseDeg);
        turretLog += (campaignStart + std::llround(t * 1e6)).toIso().toLatin1() + ',' + QByteArray::number(pan, 'f', 5) + ','
                     + QByteArray::number(tilt, 'f', 5) + ",0.0," + QByteArray::number(rgb.hfovAt(t), 'f', 3) + ','
                     + QByteArray::number(ir.hfovAt(t), 'f', 3) + '\n';
    }
    if (!save(dir.filePath(QStringLiteral("drone.nmea")), nmeaLog, error) || !save(dir.filePath(QStringLiteral("drone.pos")), posLog, error)
        || !save(dir.filePath(QStringLiteral("turret.csv")), turretLog, error))
        return false;

    // --- Frames ------------------------------------------------------------------------
    // The two cameras render and encode at once, each in its own thread, with its own random
    // stream: everything they share (flight, turret, sky, birds) is read-only, so the output is
    // the same as one after the other, and the second core is used.
    QJsonObject groundFrames;
    QMap<QString, QString> videoNames;
    const std::int64_t totalFrames = rgb.frames + ir.frames;
    std::atomic<std::int64_t> framesDone{0};
    std::mutex reportMutex;
    std::atomic<bool> abandon{false};
    struct CameraResult
    {
        bool ok = false;
        QString error;
        QJsonArray truthFrames;
        QString videoName;
    };
    auto renderCamera = [&](CameraTruth *cam, CameraResult *result) -> bool {
        QString *camError = &result->error;
        const bool isIr = cam->modality == QLatin1String("ir");
        Random &rng = isIr ? irRng : rgbRng;
        cv::RNG cvRng(std::uint64_t(rng.integer(1, 1ll << 62)));
        // Fixed-pattern noise and a noise texture reused with random offsets (cheap, seeded).
        cv::Mat noise(cam->height + 64, cam->width + 64, CV_32F);
        cvRng.fill(noise, cv::RNG::NORMAL, 0, 1);
        cv::Mat gain(cam->height, cam->width, CV_32F), columnOffset(1, cam->width, CV_32F);
        cvRng.fill(gain, cv::RNG::NORMAL, 1.0, c.nonUniformity);
        cvRng.fill(columnOffset, cv::RNG::NORMAL, 0, 4 * c.nonUniformity);
        // Lens vignetting (cos⁴-like falloff, 12 % at the corners), folded into the gain.
        for (int y = 0; y < cam->height; ++y) {
            float *g = gain.ptr<float>(y);
            for (int x = 0; x < cam->width; ++x) {
                const double dx = (x - cam->width / 2.0) / (cam->width / 2.0), dy = (y - cam->height / 2.0) / (cam->width / 2.0);
                g[x] *= float(1.0 - 0.12 * std::min(1.0, (dx * dx + dy * dy) / 1.64));
            }
        }
        std::unique_ptr<media::VideoEncoder> encoder;
        media::VideoEncoder::Settings settings;
        settings.width = cam->width;
        settings.height = cam->height;
        settings.fpsNum = int(cam->fps);
        QString videoName;
        if (!isIr) {
            videoName = QStringLiteral("rgb.mp4");
            settings.gop = 60;
            settings.bFrames = 2;
        } else if (c.irOutput == QLatin1String("png16")) {
            videoName = QStringLiteral("ir/%06d.png");
            QDir().mkpath(dir.filePath(QStringLiteral("ir")));
        } else if (c.irOutput == QLatin1String("ffv1-16")) {
            videoName = QStringLiteral("ir.mkv");
            settings.codec = QStringLiteral("ffv1");
            settings.pixelFormat = QStringLiteral("gray16le");
            settings.gop = 25;
        } else {
            // 8-bit IR as H.264 4:2:0 with neutral chroma: the 4:0:0 (gray) H.264 path of this
            // FFmpeg and x264 produced a stream whose decoder drops a frame.
            videoName = QStringLiteral("ir.mp4");
            settings.pixelFormat = QStringLiteral("yuv420p");
            settings.gop = 50;
            settings.bFrames = 2;
            settings.crf = 20;
        }
        if (c.irOutput != QLatin1String("png16") || !isIr) {
            encoder = media::VideoEncoder::open(dir.filePath(videoName), settings, camError);
            if (!encoder)
                return false;
        }
        QJsonArray truthFrames;
        double agcLo = -1, agcHi = -1;
        // Per-frame buffers, allocated once: a fresh 1280×720 float image per frame costs more in
        // page faults than in drawing.
        std::vector<double> rowEl(size_t(cam->height)), colAz(size_t(cam->width)), skyline;
        cv::Mat cloudGrid, glareGrid, clouds, glare, rgbFrame, heat, noisy, n3, counts, sample, eight, sixteen;
        Attitude previous = turret.at(cam->firstFrameS);
        for (std::int64_t f = 0; f < cam->frames; ++f) {
            const double t = cam->firstFrameS + double(f) / cam->fps;
            const Attitude pose = turret.at(t);
            const CameraModel model = cam->modelAt(t);
            const Intrinsics &k = model.intrinsics;
            const double tilt = pose.tiltDeg + cam->boresightTrue.tiltDeg;
            const double pan = pose.panDeg + cam->boresightTrue.panDeg;
            // Per-row elevation and per-column azimuth (roll is zero in these campaigns).
            for (int y = 0; y < cam->height; ++y)
                rowEl[size_t(y)] = tilt + std::atan((k.cy - y) / k.fy) * r2d;
            for (int x = 0; x < cam->width; ++x)
                colAz[size_t(x)] = pan + std::atan((x - k.cx) / k.fx) * r2d / std::cos(tilt * d2r);
            // Scene value: RGB colour, or IR "temperature" 0..1, on a coarse grid for clouds and glare.
            const int step = 8;
            const int gw = cam->width / step + 2, gh = cam->height / step + 2;
            cloudGrid.create(gh, gw, CV_32F);
            glareGrid.create(gh, gw, CV_32F);
            for (int gy = 0; gy < gh; ++gy) {
                for (int gx = 0; gx < gw; ++gx) {
                    const int x = std::min(cam->width - 1, gx * step), y = std::min(cam->height - 1, gy * step);
                    const double az = colAz[size_t(x)], el = rowEl[size_t(y)];
                    cloudGrid.at<float>(gy, gx) = float(sky.cloud(az, el));
                    const double d = std::hypot(wrap180(az - sky.sunAz) * std::cos(el * d2r), el - sky.sunEl);
                    glareGrid.at<float>(gy, gx) = sky.glare ? float(0.9 * std::exp(-d / 2.5) + 0.25 * std::exp(-d / 12.0)) : 0.0f;
                }
            }
            cv::resize(cloudGrid, clouds, cv::Size(gw * step, gh * step), 0, 0, cv::INTER_LINEAR);
            cv::resize(glareGrid, glare, cv::Size(gw * step, gh * step), 0, 0, cv::INTER_LINEAR);
            const bool horizonVisible = rowEl.back() < 2.0;
            if (horizonVisible) {
                skyline.resize(size_t(cam->width));
                for (int x = 0; x < cam->width; ++x)
                    skyline[size_t(x)] = sky.skyline(colAz[size_t(x)]);
            }
            if (isIr)
                heat.create(cam->height, cam->width, CV_32F);
            else
                rgbFrame.create(cam->height, cam->width, CV_8UC3);
            for (int y = 0; y < cam->height; ++y) {
                const double el = rowEl[size_t(y)];
                const double up = std::clamp(el / 30.0, 0.0, 1.0);
                const float *cl = clouds.ptr<float>(y), *gl = glare.ptr<float>(y);
                if (isIr) {
                    float *row = heat.ptr<float>(y);
                    const double skyValue = 0.12 + 0.22 * std::exp(-std::max(0.0, el) / 6.0);
                    for (int x = 0; x < cam->width; ++x) {
                        // Clouds are barely warmer than clear sky in the thermal band.
                        double v = skyValue + 0.035 * cl[x];
                        if (horizonVisible && el < skyline[size_t(x)])
                            v = sky.isBuilding(colAz[size_t(x)], el) ? 0.66 : 0.58 + 0.05 * valueNoise(x * 0.3, y * 0.3, sky.treeSeed);
                        row[x] = float(v);
                    }
                } else {
                    cv::Vec3b *row = rgbFrame.ptr<cv::Vec3b>(y);
                    const double b0 = 232 - 40 * up, g0 = 214 - 70 * up, r0 = 198 - 110 * up; // BGR sky
                    for (int x = 0; x < cam->width; ++x) {
                        const double a = cl[x];
                        double b = b0 * (1 - a) + 238 * a, g = g0 * (1 - a) + 236 * a, r = r0 * (1 - a) + 234 * a;
                        if (horizonVisible && el < skyline[size_t(x)]) {
                            if (sky.isBuilding(colAz[size_t(x)], el)) {
                                b = 120; g = 118; r = 112;
                            } else {
                                const double n = valueNoise(x * 0.25, y * 0.25, sky.treeSeed);
                                b = 38 + 20 * n; g = 62 + 30 * n; r = 40 + 18 * n;
                            }
                        }
                        const double glow = gl[x] * 255;
                        row[x] = cv::Vec3b(cv::saturate_cast<uchar>(b + glow), cv::saturate_cast<uchar>(g + glow),
                                           cv::saturate_cast<uchar>(r + glow * 0.95));
                    }
                }
            }
            // The drone and the birds.
            const Vec3 p = flight.at(t);
            const Vec3 v = flight.velocity(t);
            const double heading = std::atan2(v.x, v.y) * r2d;
            const LookAngles look = Station::look({p.x, p.y, p.z});
            const bool hidden = look.elevationDeg < sky.skyline(look.azimuthDeg);
            const Drawn d = drawModel(drone, p, heading, model, pose, isIr ? nullptr : &rgbFrame, isIr ? &heat : nullptr, !hidden);
            QJsonArray distractors;
            for (const Bird &bird : birds) {
                const Vec3 bp = bird.start + t * bird.velocity;
                const Model bm = makeBird(bird.span, bird.phase + t * 18.0);
                const double bh = std::atan2(bird.velocity.x, bird.velocity.y) * r2d;
                const Drawn bd = drawModel(bm, bp, bh, model, pose, isIr ? nullptr : &rgbFrame, isIr ? &heat : nullptr, true);
                if (bd.front && bd.x1 >= 0 && bd.y1 >= 0 && bd.x0 < cam->width && bd.y0 < cam->height) {
                    const double x0 = std::max(0.0, bd.x0), y0 = std::max(0.0, bd.y0);
                    const double x1 = std::min(double(cam->width), bd.x1), y1 = std::min(double(cam->height), bd.y1);
                    distractors.append(QJsonObject{{QStringLiteral("class"), QStringLiteral("bird")},
                                                   {QStringLiteral("box"), QJsonArray{x0, y0, x1 - x0, y1 - y0}}});
                }
            }
            // Motion blur from the turret's slew during the exposure.
            const double rate = std::hypot(wrap180(pose.panDeg - previous.panDeg), pose.tiltDeg - previous.tiltDeg) * cam->fps;
            previous = pose;
            const double blurPx = rate * (0.5 / cam->fps) * k.fx * d2r;
            cv::Mat &target = isIr ? heat : rgbFrame;
            if (blurPx > 1.5) {
                const int len = std::min(25, int(std::lround(blurPx)));
                cv::Mat kernel = cv::Mat::zeros(len, len, CV_32F);
                const double dx = wrap180(pose.panDeg - turret.at(t - 0.01).panDeg), dy = -(pose.tiltDeg - turret.at(t - 0.01).tiltDeg);
                const double ang = std::atan2(dy, dx);
                cv::line(kernel, cv::Point(len / 2 - int(std::cos(ang) * len / 2), len / 2 - int(std::sin(ang) * len / 2)),
                         cv::Point(len / 2 + int(std::cos(ang) * len / 2), len / 2 + int(std::sin(ang) * len / 2)), cv::Scalar(1));
                kernel /= std::max(1.0, cv::sum(kernel)[0]);
                cv::filter2D(target, target, -1, kernel);
            }
            // Sensor: noise, and for IR fixed-pattern non-uniformity and automatic gain.
            const int ox = int(rng.integer(0, 63)), oy = int(rng.integer(0, 63));
            const cv::Mat n = noise(cv::Rect(ox, oy, cam->width, cam->height));
            QImage out;
            if (isIr) {
                heat.convertTo(counts, CV_32F, 40000.0, 6000.0);
                counts = counts.mul(gain);
                for (int y = 0; y < counts.rows; ++y)
                    cv::add(counts.row(y), columnOffset * 800.0, counts.row(y));
                counts += n * c.irNoise;
                if (c.irOutput == QLatin1String("video8")) {
                    // Automatic gain: the 0.5th to 99.9th percentile to 0..255, smoothed over time.
                    cv::resize(counts, sample, cv::Size(80, 64), 0, 0, cv::INTER_NEAREST);
                    std::vector<float> values(sample.begin<float>(), sample.end<float>());
                    std::sort(values.begin(), values.end());
                    double lo = values[size_t(values.size() * 0.005)], hi = values[size_t(values.size() * 0.999)] + 1500;
                    // The camera's gain has a ceiling: a low-contrast sky stays a mid grey instead
                    // of being stretched to black and white.
                    const double minSpan = 16000;
                    if (hi - lo < minSpan) {
                        const double median = values[values.size() / 2];
                        lo = median - 0.45 * minSpan;
                        hi = lo + minSpan;
                    }
                    agcLo = agcLo < 0 ? lo : 0.9 * agcLo + 0.1 * lo;
                    agcHi = agcHi < 0 ? hi : 0.9 * agcHi + 0.1 * hi;
                    counts.convertTo(eight, CV_8U, 255.0 / std::max(1.0, agcHi - agcLo), -agcLo * 255.0 / std::max(1.0, agcHi - agcLo));
                    // A view on the buffer: the encoder consumes it before the next frame overwrites it.
                    if (c.osd)
                        drawOsd(eight, campaignStart + std::llround(t * 1e6), pose, cam->hfovAt(t));
                    out = QImage(eight.data, eight.cols, eight.rows, int(eight.step), QImage::Format_Grayscale8);
                } else {
                    counts.convertTo(sixteen, CV_16U);
                    out = QImage(sixteen.data, sixteen.cols, sixteen.rows, int(sixteen.step), QImage::Format_Grayscale16);
                }
            } else {
                rgbFrame.convertTo(noisy, CV_32FC3);
                cv::merge(std::vector<cv::Mat>{n, n, n}, n3);
                noisy += n3 * 2.0;
                noisy.convertTo(rgbFrame, CV_8UC3);
                out = QImage(rgbFrame.data, rgbFrame.cols, rgbFrame.rows, int(rgbFrame.step), QImage::Format_BGR888);
            }
            if (encoder) {
                if (!encoder->write(out, camError))
                    return false;
            } else if (!out.save(dir.filePath(QStringLiteral("ir/%1.png").arg(f, 6, 10, QLatin1Char('0'))), "PNG")) {
                *camError = Tr::tr("%1: cannot write frame %2").arg(outDir).arg(f);
                return false;
            }
            // Ground truth for this frame.
            QJsonObject truth{{QStringLiteral("turret_deg"), QJsonArray{pose.panDeg, pose.tiltDeg, pose.rollDeg}},
                              {QStringLiteral("hfov_deg"), cam->hfovAt(t)},
                              {QStringLiteral("target_enu"), QJsonArray{p.x, p.y, p.z}},
                              {QStringLiteral("range_m"), look.rangeM}};
            QString state;
            const bool inView = d.front && d.x1 >= 0 && d.y1 >= 0 && d.x0 < cam->width && d.y0 < cam->height;
            if (!inView) {
                state = QStringLiteral("out_of_view");
            } else {
                const double x0 = std::max(0.0, d.x0), y0 = std::max(0.0, d.y0);
                const double x1 = std::min(double(cam->width), d.x1), y1 = std::min(double(cam->height), d.y1);
                truth.insert(QStringLiteral("box"), QJsonArray{x0, y0, x1 - x0, y1 - y0});
                state = hidden ? QStringLiteral("hidden_by_terrain")
                        : std::max(x1 - x0, y1 - y0) < 1.5 ? QStringLiteral("too_small")
                                                           : QStringLiteral("visible");
            }
            truth.insert(QStringLiteral("state"), state);
            if (!distractors.isEmpty())
                truth.insert(QStringLiteral("distractors"), distractors);
            truthFrames.append(truth);
            const std::int64_t done = ++framesDone;
            if (done % 10 == 0) {
                const std::lock_guard lock(reportMutex);
                report(double(done) / double(totalFrames), Tr::tr("frames"));
            }
            if (abandon.load())
                return false;
        }
        if (encoder && !encoder->finish(camError))
            return false;
        result->truthFrames = truthFrames;
        result->videoName = videoName;
        result->ok = true;
        return true;
    };
    CameraResult rgbResult, irResult;
    std::thread rgbThread([&] {
        if (!renderCamera(&rgb, &rgbResult))
            abandon = true;
    });
    if (!renderCamera(&ir, &irResult))
        abandon = true;
    rgbThread.join();
    for (const auto &[cam, result] : {std::pair<CameraTruth *, CameraResult *>{&rgb, &rgbResult}, {&ir, &irResult}}) {
        if (!result->ok) {
            if (!result->error.isEmpty())
                *error = result->error;
            return false;
        }
        groundFrames.insert(cam->name, result->truthFrames);
        videoNames.insert(cam->name, result->videoName);
    }

    // --- Manifest and ground truth --------------------------------------------------------
    auto cameraJson = [&](const CameraTruth &cam, const QString &video) {
        const UtcTime first = campaignStart + std::llround((cam.firstFrameS - cam.syncOffsetS) * 1e6);
        return QJsonObject{{QStringLiteral("name"), cam.modality},
                           {QStringLiteral("modality"), cam.modality},
                           {QStringLiteral("video"), video},
                           {QStringLiteral("first_frame_utc"), first.toIso()},
                           {QStringLiteral("fps"), cam.fps},
                           {QStringLiteral("width"), cam.width},
                           {QStringLiteral("height"), cam.height},
                           {QStringLiteral("intrinsics"), QJsonObject{{QStringLiteral("hfov_deg"), cam.hfovDeg}}},
                           {QStringLiteral("boresight_deg"), QJsonObject{{QStringLiteral("pan"), cam.boresightManifest.panDeg},
                                                                         {QStringLiteral("tilt"), cam.boresightManifest.tiltDeg},
                                                                         {QStringLiteral("roll"), 0.0}}},
                           {QStringLiteral("position_m"), QJsonArray{cam.positionM[0], cam.positionM[1], cam.positionM[2]}},
                           {QStringLiteral("time_offset_s"), 0.0},
                           {QStringLiteral("sync_sigma_s"), c.preset == Preset::Easy ? 0.005 : 0.03}};
    };
    const QJsonObject manifest{
        {QStringLiteral("format"), QStringLiteral("vigie-campaign")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("name"), QStringLiteral("synthetic-%1-%2").arg(toString(c.preset)).arg(c.seed)},
        {QStringLiteral("station"), QJsonObject{{QStringLiteral("latitude_deg"), stationPosition.latitudeDeg},
                                                {QStringLiteral("longitude_deg"), stationPosition.longitudeDeg},
                                                {QStringLiteral("height_m"), stationPosition.heightM}}},
        {QStringLiteral("turret"), QJsonObject{{QStringLiteral("log"), QStringLiteral("turret.csv")},
                                               {QStringLiteral("pointing_sigma_deg"),
                                                QJsonObject{{QStringLiteral("pan"), std::max(0.02, c.pointingNoiseDeg)},
                                                            {QStringLiteral("tilt"), std::max(0.02, c.pointingNoiseDeg)},
                                                            {QStringLiteral("roll"), 0.0}}}}},
        {QStringLiteral("target"), QJsonObject{{QStringLiteral("log"), QStringLiteral("drone.nmea")},
                                               {QStringLiteral("class"), cls},
                                               {QStringLiteral("size_m"), span},
                                               {QStringLiteral("height_m"), height}}},
        {QStringLiteral("cameras"), QJsonArray{cameraJson(rgb, videoNames.value(rgb.name)), cameraJson(ir, videoNames.value(ir.name))}}};
    const QJsonObject truth{
        {QStringLiteral("format"), QStringLiteral("vigie-ground-truth")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("generator"), versionString()},
        {QStringLiteral("config"), c.toJson()},
        {QStringLiteral("target"), QJsonObject{{QStringLiteral("class"), cls}, {QStringLiteral("size_m"), span},
                                               {QStringLiteral("height_m"), height}, {QStringLiteral("pattern"), pattern}}},
        {QStringLiteral("turret"), QJsonObject{{QStringLiteral("pan_bias_deg"), c.pointingBiasDeg},
                                               {QStringLiteral("tilt_bias_deg"), -0.5 * c.pointingBiasDeg},
                                               {QStringLiteral("noise_deg"), c.pointingNoiseDeg}}},
        {QStringLiteral("cameras"),
         QJsonObject{{QStringLiteral("rgb"), QJsonObject{{QStringLiteral("time_offset_s"), rgb.syncOffsetS},
                                                         {QStringLiteral("boresight_deg"), QJsonArray{rgb.boresightTrue.panDeg, rgb.boresightTrue.tiltDeg, 0.0}},
                                                         {QStringLiteral("position_m"), QJsonArray{rgb.positionM[0], rgb.positionM[1], rgb.positionM[2]}},
                                                         {QStringLiteral("hfov_deg"), rgb.hfovDeg},
                                                         {QStringLiteral("zoom_hfov_deg"), rgb.zoomHfovDeg},
                                                         {QStringLiteral("zoom_at_s"), rgb.zoomAtS}}},
                     {QStringLiteral("ir"), QJsonObject{{QStringLiteral("time_offset_s"), ir.syncOffsetS},
                                                        {QStringLiteral("boresight_deg"), QJsonArray{ir.boresightTrue.panDeg, ir.boresightTrue.tiltDeg, 0.0}},
                                                        {QStringLiteral("position_m"), QJsonArray{ir.positionM[0], ir.positionM[1], ir.positionM[2]}},
                                                        {QStringLiteral("hfov_deg"), ir.hfovDeg}}}}},
        {QStringLiteral("gnss"), QJsonObject{{QStringLiteral("float_s"), [&] { QJsonArray a; for (auto &[x, y] : floats) a.append(QJsonArray{x, y}); return a; }()},
                                             {QStringLiteral("dropouts_s"), [&] { QJsonArray a; for (auto &[x, y] : gaps) a.append(QJsonArray{x, y}); return a; }()}}},
        {QStringLiteral("frames"), groundFrames}};
    if (!save(dir.filePath(QStringLiteral("campaign.json")), QJsonDocument(manifest).toJson(QJsonDocument::Indented), error)
        || !save(dir.filePath(QStringLiteral("ground_truth.json")), QJsonDocument(truth).toJson(QJsonDocument::Compact), error))
        return false;
    report(1.0, Tr::tr("done"));
    return true;
}

} // namespace vigie::synth

namespace vigie::synth {

bool contactSheet(const QString &campaignDir, const QString &pngPath, int columns, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    const QDir dir(campaignDir);
    QFile manifestFile(dir.filePath(QStringLiteral("campaign.json"))), truthFile(dir.filePath(QStringLiteral("ground_truth.json")));
    if (!manifestFile.open(QIODevice::ReadOnly) || !truthFile.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("%1: campaign.json and ground_truth.json are needed").arg(campaignDir);
        return false;
    }
    const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
    const QJsonObject truth = QJsonDocument::fromJson(truthFile.readAll()).object();
    const int tileW = 360;
    QList<QList<QImage>> rows;
    for (const QJsonValue &camValue : manifest.value(QStringLiteral("cameras")).toArray()) {
        const QJsonObject cam = camValue.toObject();
        const QString name = cam.value(QStringLiteral("name")).toString();
        const QJsonArray frames = truth.value(QStringLiteral("frames")).toObject().value(name).toArray();
        auto decoder = media::VideoDecoder::open(dir.filePath(cam.value(QStringLiteral("video")).toString()), {}, error);
        if (!decoder)
            return false;
        std::vector<int> visible;
        for (int i = 0; i < frames.size(); ++i) {
            if (frames[i].toObject().value(QStringLiteral("state")).toString() != QLatin1String("out_of_view"))
                visible.push_back(i);
        }
        if (visible.empty())
            for (int i = 0; i < frames.size(); ++i)
                visible.push_back(i);
        QList<QImage> tiles;
        for (int k = 0; k < columns && !visible.empty(); ++k) {
            const int index = visible[size_t(std::min<size_t>(visible.size() - 1, (visible.size() - 1) * size_t(k) / size_t(std::max(1, columns - 1))))];
            const auto frame = decoder->frame(index, error);
            if (!frame)
                return false;
            QImage image = frame->image;
            if (image.format() == QImage::Format_Grayscale16) {
                // A quick display stretch for 16-bit IR.
                image = image.convertToFormat(QImage::Format_Grayscale8);
            }
            image = image.convertToFormat(QImage::Format_RGB32);
            const QJsonObject t = frames[index].toObject();
            const double scale = double(tileW) / image.width();
            QImage tile = image.scaledToWidth(tileW, Qt::SmoothTransformation);
            QPainter p(&tile);
            p.setRenderHint(QPainter::Antialiasing);
            const QJsonArray box = t.value(QStringLiteral("box")).toArray();
            const QString state = t.value(QStringLiteral("state")).toString();
            if (box.size() == 4) {
                const QRectF r(box[0].toDouble() * scale, box[1].toDouble() * scale, box[2].toDouble() * scale, box[3].toDouble() * scale);
                p.setPen(QPen(state == QLatin1String("visible") ? QColor(0, 230, 0) : QColor(255, 160, 0), 1.5));
                p.drawRect(r.adjusted(-4, -4, 4, 4)); // padded: a far drone is a few pixels
                // An inset, magnified 6×, so the drone itself can be seen.
                const QRect src = QRectF(box[0].toDouble() - 8, box[1].toDouble() - 8, box[2].toDouble() + 16, box[3].toDouble() + 16).toAlignedRect();
                const QImage crop = image.copy(src).scaled(src.size() * 6, Qt::KeepAspectRatio, Qt::FastTransformation);
                const QRect inset(tile.width() - crop.width() - 4, 4, crop.width(), crop.height());
                if (crop.width() < tile.width() / 2 && crop.height() < tile.height() / 2) {
                    p.drawImage(inset, crop);
                    p.setPen(QPen(Qt::white, 1));
                    p.drawRect(inset);
                }
            }
            for (const QJsonValue &dv : t.value(QStringLiteral("distractors")).toArray()) {
                const QJsonArray b = dv.toObject().value(QStringLiteral("box")).toArray();
                p.setPen(QPen(QColor(0, 200, 255), 1.2));
                p.drawRect(QRectF(b[0].toDouble() * scale - 3, b[1].toDouble() * scale - 3, b[2].toDouble() * scale + 6, b[3].toDouble() * scale + 6));
            }
            p.fillRect(QRect(0, tile.height() - 18, tile.width(), 18), QColor(0, 0, 0, 150));
            p.end();
            // Text through OpenCV's Hershey fonts: the CLI has no font database.
            cv::Mat mat(tile.height(), tile.width(), CV_8UC4, tile.bits(), size_t(tile.bytesPerLine()));
            const QString label = QStringLiteral("%1 #%2 %3 %4 m").arg(name).arg(index).arg(state).arg(t.value(QStringLiteral("range_m")).toDouble(), 0, 'f', 0);
            cv::putText(mat, label.toStdString(), cv::Point(4, tile.height() - 5), cv::FONT_HERSHEY_SIMPLEX, 0.4,
                        cv::Scalar(255, 255, 255, 255), 1, cv::LINE_AA);
            tiles << tile;
        }
        rows << tiles;
    }
    int height = 0, width = 0;
    for (const auto &r : rows) {
        int h = 0, w = 0;
        for (const QImage &t : r) {
            h = std::max(h, t.height());
            w += t.width() + 4;
        }
        height += h + 4;
        width = std::max(width, w);
    }
    QImage sheet(std::max(1, width), std::max(1, height), QImage::Format_RGB32);
    sheet.fill(QColor(30, 30, 34));
    QPainter p(&sheet);
    int y = 0;
    for (const auto &r : rows) {
        int x = 0, h = 0;
        for (const QImage &t : r) {
            p.drawImage(x, y, t);
            x += t.width() + 4;
            h = std::max(h, t.height());
        }
        y += h + 4;
    }
    p.end();
    if (!sheet.save(pngPath, "PNG")) {
        *error = Tr::tr("%1: cannot write the contact sheet").arg(pngPath);
        return false;
    }
    return true;
}

} // namespace vigie::synth
