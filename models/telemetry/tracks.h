#pragma once

// Telemetry on the campaign clock. Each log is one stream with its own time offset: a record
// stamped t in its file happened at UTC t + offset. The tracks answer "where was it at UTC T?"
// by interpolation between the two records around T, and say "no data" (nullopt) when T is
// outside the log or the two records are further apart than the stream's gap limit: a guess
// across a dropout would put a box where the drone was not.
//
// Default gap limits (docs/FORMATS.md): 2 s for the target's GNSS log (20 missed fixes at
// 10 Hz, 2 at 1 Hz), 0.5 s for the turret log (25 missed samples at 50 Hz).

#include "models/geometry/camera.h"
#include "models/geometry/geodesy.h"
#include "models/telemetry/gnssfix.h"
#include "models/telemetry/turretlog.h"

#include <optional>
#include <vector>

namespace vigie {

inline constexpr std::int64_t defaultGnssGapUs = 2 * microsecondsPerSecond;
inline constexpr std::int64_t defaultTurretGapUs = microsecondsPerSecond / 2;

/// The target at one instant, in the station's ENU frame.
struct TargetState
{
    Enu position;
    std::array<double, 3> velocityEnu{}; ///< m/s, from the log or the interpolant's derivative
    std::array<double, 9> covarianceEnu{}; ///< m² (zeros when the log gives none)
    FixQuality quality = FixQuality::Invalid; ///< the worse of the two records around
    Geodetic geodetic;
};

/// The target's GNSS track. Positions are interpolated in ENU: cubic Hermite where both
/// records carry a full velocity (RTKLIB velocity columns), linear otherwise. Invalid fixes are
/// left out. Immutable after construction; thread-safe.
class TargetTrack
{
public:
    TargetTrack(const Station &station, const std::vector<GnssFix> &fixes,
                std::int64_t offsetUs = 0, std::int64_t maxGapUs = defaultGnssGapUs);

    std::optional<TargetState> at(UtcTime utc) const;
    std::int64_t offsetUs() const { return m_offsetUs; }
    void setOffsetUs(std::int64_t offsetUs) { m_offsetUs = offsetUs; }
    bool isEmpty() const { return m_points.empty(); }
    UtcTime begin() const;
    UtcTime end() const;

private:
    struct Point
    {
        UtcTime utc;
        Enu position;
        std::array<double, 3> velocity;
        bool hasVelocity;
        std::array<double, 9> covariance;
        FixQuality quality;
    };
    Station m_station;
    std::vector<Point> m_points;
    std::int64_t m_offsetUs;
    std::int64_t m_maxGapUs;
};

/// The turret's pose on the campaign clock: pan unwrapped across 359° → 0° before
/// interpolation, tilt and roll linear, fields of view linear where both samples have one.
/// Immutable after construction; thread-safe.
class TurretTrack
{
public:
    explicit TurretTrack(const std::vector<TurretSample> &samples, std::int64_t offsetUs = 0,
                         std::int64_t maxGapUs = defaultTurretGapUs);

    struct Pose
    {
        Attitude attitude; ///< pan in [0, 360)
        QMap<QString, double> hfovDeg;
    };
    std::optional<Pose> at(UtcTime utc) const;
    std::int64_t offsetUs() const { return m_offsetUs; }
    void setOffsetUs(std::int64_t offsetUs) { m_offsetUs = offsetUs; }
    bool isEmpty() const { return m_samples.empty(); }

private:
    std::vector<TurretSample> m_samples; ///< pan unwrapped
    std::int64_t m_offsetUs;
    std::int64_t m_maxGapUs;
};

} // namespace vigie
