#include "models/telemetry/tracks.h"

#include <algorithm>
#include <cmath>

namespace vigie {

namespace {

int qualityRank(FixQuality q)
{
    // Higher is better; used to report the worse of two neighbours.
    switch (q) {
    case FixQuality::RtkFixed: return 9;
    case FixQuality::RtkFloat: return 8;
    case FixQuality::Ppp: return 7;
    case FixQuality::Differential: return 6;
    case FixQuality::Sbas: return 5;
    case FixQuality::Autonomous: return 4;
    case FixQuality::Pps: return 3;
    case FixQuality::DeadReckoning: return 2;
    case FixQuality::Manual:
    case FixQuality::Simulation: return 1;
    case FixQuality::Invalid: return 0;
    }
    return 0;
}

template<typename T>
size_t upperIndex(const std::vector<T> &v, UtcTime t)
{
    return size_t(std::upper_bound(v.begin(), v.end(), t,
                                   [](UtcTime a, const T &b) { return a < b.utc; })
                  - v.begin());
}

} // namespace

TargetTrack::TargetTrack(const Station &station, const std::vector<GnssFix> &fixes,
                         std::int64_t offsetUs, std::int64_t maxGapUs)
    : m_station(station)
    , m_offsetUs(offsetUs)
    , m_maxGapUs(maxGapUs)
{
    m_points.reserve(fixes.size());
    for (const GnssFix &f : fixes) {
        if (f.quality == FixQuality::Invalid || std::isnan(f.latitudeDeg)
            || std::isnan(f.ellipsoidalHeightM))
            continue;
        if (!m_points.empty() && f.utc <= m_points.back().utc)
            continue; // duplicates and time reversals: the first record wins
        Point p;
        p.utc = f.utc;
        p.position = station.toEnu({f.latitudeDeg, f.longitudeDeg, f.ellipsoidalHeightM});
        p.velocity = f.velocityEnu;
        p.hasVelocity = std::isfinite(f.velocityEnu[0]) && std::isfinite(f.velocityEnu[1])
                        && std::isfinite(f.velocityEnu[2]);
        p.covariance = f.covarianceEnu;
        for (double &c : p.covariance) {
            if (!std::isfinite(c))
                c = 0;
        }
        p.quality = f.quality;
        m_points.push_back(p);
    }
}

UtcTime TargetTrack::begin() const
{
    return m_points.empty() ? UtcTime() : m_points.front().utc + m_offsetUs;
}

UtcTime TargetTrack::end() const
{
    return m_points.empty() ? UtcTime() : m_points.back().utc + m_offsetUs;
}

std::optional<TargetState> TargetTrack::at(UtcTime utc) const
{
    if (m_points.empty())
        return std::nullopt;
    const UtcTime t = utc - m_offsetUs; // the log's own time
    const size_t hi = upperIndex(m_points, t);
    if (hi == 0)
        return std::nullopt;
    const Point &a = m_points[hi - 1];
    TargetState s;
    if (a.utc == t || hi == m_points.size()) {
        if (a.utc != t)
            return std::nullopt; // after the last record: no extrapolation
        s.position = a.position;
        s.covarianceEnu = a.covariance;
        s.quality = a.quality;
        if (a.hasVelocity) {
            s.velocityEnu = a.velocity;
        } else if (hi >= 2 && a.utc - m_points[hi - 2].utc <= m_maxGapUs) {
            const Point &p = m_points[hi - 2];
            const double dt = double(a.utc - p.utc) * 1e-6;
            s.velocityEnu = {(a.position.e - p.position.e) / dt, (a.position.n - p.position.n) / dt,
                             (a.position.u - p.position.u) / dt};
        }
        s.geodetic = m_station.toGeodetic(s.position);
        return s;
    }
    const Point &b = m_points[hi];
    const std::int64_t gap = b.utc - a.utc;
    if (gap > m_maxGapUs)
        return std::nullopt;
    const double h = double(gap) * 1e-6;
    const double x = double(t - a.utc) / double(gap);
    const double pa[3] = {a.position.e, a.position.n, a.position.u};
    const double pb[3] = {b.position.e, b.position.n, b.position.u};
    double pos[3], vel[3];
    const bool hermite = a.hasVelocity && b.hasVelocity;
    for (int i = 0; i < 3; ++i) {
        if (hermite) {
            const double x2 = x * x, x3 = x2 * x;
            const double h00 = 2 * x3 - 3 * x2 + 1, h10 = x3 - 2 * x2 + x;
            const double h01 = -2 * x3 + 3 * x2, h11 = x3 - x2;
            const double va = a.velocity[size_t(i)], vb = b.velocity[size_t(i)];
            pos[i] = h00 * pa[i] + h10 * h * va + h01 * pb[i] + h11 * h * vb;
            const double d00 = 6 * x2 - 6 * x, d10 = 3 * x2 - 4 * x + 1;
            const double d01 = -6 * x2 + 6 * x, d11 = 3 * x2 - 2 * x;
            vel[i] = (d00 * pa[i] + d01 * pb[i]) / h + d10 * va + d11 * vb;
        } else {
            pos[i] = pa[i] + x * (pb[i] - pa[i]);
            vel[i] = (pb[i] - pa[i]) / h;
        }
    }
    s.position = {pos[0], pos[1], pos[2]};
    s.velocityEnu = {vel[0], vel[1], vel[2]};
    for (size_t i = 0; i < 9; ++i)
        s.covarianceEnu[i] = (1 - x) * a.covariance[i] + x * b.covariance[i];
    s.quality = qualityRank(a.quality) <= qualityRank(b.quality) ? a.quality : b.quality;
    s.geodetic = m_station.toGeodetic(s.position);
    return s;
}

TurretTrack::TurretTrack(const std::vector<TurretSample> &samples, std::int64_t offsetUs,
                         std::int64_t maxGapUs)
    : m_samples(samples)
    , m_offsetUs(offsetUs)
    , m_maxGapUs(maxGapUs)
{
    // Unwrap pan so that consecutive samples never differ by more than 180°.
    for (size_t i = 1; i < m_samples.size(); ++i) {
        const double prev = m_samples[i - 1].panDeg;
        double &pan = m_samples[i].panDeg;
        pan = prev + std::remainder(pan - prev, 360.0);
    }
}

std::optional<TurretTrack::Pose> TurretTrack::at(UtcTime utc) const
{
    if (m_samples.empty())
        return std::nullopt;
    const UtcTime t = utc - m_offsetUs;
    const size_t hi = upperIndex(m_samples, t);
    if (hi == 0)
        return std::nullopt;
    const TurretSample &a = m_samples[hi - 1];
    Pose pose;
    auto wrap = [](double pan) {
        double w = std::fmod(pan, 360.0);
        if (w < 0)
            w += 360.0;
        return w >= 360.0 ? 0.0 : w;
    };
    if (a.utc == t) {
        pose.attitude = {wrap(a.panDeg), a.tiltDeg, a.rollDeg};
        pose.hfovDeg = a.hfovDeg;
        return pose;
    }
    if (hi == m_samples.size())
        return std::nullopt;
    const TurretSample &b = m_samples[hi];
    if (b.utc - a.utc > m_maxGapUs)
        return std::nullopt;
    const double x = double(t - a.utc) / double(b.utc - a.utc);
    pose.attitude = {wrap(a.panDeg + x * (b.panDeg - a.panDeg)),
                     a.tiltDeg + x * (b.tiltDeg - a.tiltDeg),
                     a.rollDeg + x * (b.rollDeg - a.rollDeg)};
    for (auto it = a.hfovDeg.cbegin(); it != a.hfovDeg.cend(); ++it) {
        const auto other = b.hfovDeg.constFind(it.key());
        pose.hfovDeg.insert(it.key(), other == b.hfovDeg.cend()
                                          ? it.value()
                                          : it.value() + x * (other.value() - it.value()));
    }
    return pose;
}

} // namespace vigie
