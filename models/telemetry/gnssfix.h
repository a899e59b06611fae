#pragma once

#include "models/telemetry/parsereport.h"
#include "models/utctime.h"

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

namespace vigie {

/// The receiver's solution type, numbered as NMEA GGA's quality field (0–8), plus the RTKLIB
/// solution types GGA has no digit for.
enum class FixQuality : std::uint8_t {
    Invalid = 0,
    Autonomous = 1,  ///< single point (GGA 1, RMC A, RTKLIB Q=5)
    Differential = 2, ///< DGPS (GGA 2, RMC D, RTKLIB Q=4)
    Pps = 3,
    RtkFixed = 4,    ///< GGA 4, RMC/GNS R, RTKLIB Q=1
    RtkFloat = 5,    ///< GGA 5, RMC/GNS F, RTKLIB Q=2
    DeadReckoning = 6,
    Manual = 7,
    Simulation = 8,
    Sbas = 9,        ///< RTKLIB Q=3
    Ppp = 10,        ///< RTKLIB Q=6
};

/// "rtk-fixed", "rtk-float", ... (stable identifiers for JSON and the database).
const char *fixQualityName(FixQuality quality);

inline constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();

/// One GNSS solution of the target at one instant, as its receiver reported it.
/// Heights are ellipsoidal (WGS84) wherever the log allows: NMEA gives altitude above the geoid
/// plus the geoid separation, and ellipsoidal = altitude + separation.
struct GnssFix
{
    UtcTime utc;
    double latitudeDeg = notANumber;
    double longitudeDeg = notANumber;
    double ellipsoidalHeightM = notANumber;
    double mslAltitudeM = notANumber;      ///< NMEA only
    double geoidSeparationM = notANumber;  ///< NMEA only
    FixQuality quality = FixQuality::Invalid;
    int satellites = -1;
    double hdop = notANumber;
    /// Position covariance in local east-north-up, m², row-major; NaN when the log has none.
    std::array<double, 9> covarianceEnu{notANumber, notANumber, notANumber, notANumber, notANumber,
                                        notANumber, notANumber, notANumber, notANumber};
    /// Velocity east-north-up, m/s; a NaN component is unknown (RMC gives no vertical speed).
    std::array<double, 3> velocityEnu{notANumber, notANumber, notANumber};
    std::int64_t line = 0; ///< line of the first sentence or record of this fix

    bool hasCovariance() const { return covarianceEnu[0] == covarianceEnu[0]; }
};

/// A parsed GNSS log: the fixes in file order and what the parser made of each line.
struct GnssLog
{
    std::vector<GnssFix> fixes;
    ParseReport report;
};

} // namespace vigie
