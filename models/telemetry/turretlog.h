#pragma once

#include "models/telemetry/parsereport.h"
#include "models/utctime.h"

#include <QByteArrayView>
#include <QMap>
#include <QString>

#include <vector>

namespace vigie {

/// One turret pointing sample. Angles in degrees as logged: pan clockwise from true north,
/// tilt up from the horizontal, roll clockwise seen from behind the cameras.
struct TurretSample
{
    UtcTime utc;
    double panDeg = 0;
    double tiltDeg = 0;
    double rollDeg = 0;
    /// Horizontal field of view per camera (degrees), for zoom lenses; missing = fixed lens.
    QMap<QString, double> hfovDeg;
    std::int64_t line = 0;
};

struct TurretLog
{
    std::vector<TurretSample> samples; ///< sorted by time
    QStringList cameras;               ///< cameras with a field-of-view column
    ParseReport report;
};

/// Parses a turret log, the CSV documented in docs/FORMATS.md:
///
///     utc,pan_deg,tilt_deg[,roll_deg][,hfov_deg.CAMERA ...]
///     2026-05-12T10:15:00.000Z,31.250,10.500,0.0,10.0,14.2
///
/// The header names the columns in any order; `utc` (ISO 8601 or seconds since the epoch),
/// `pan_deg` and `tilt_deg` are required. Lines starting with `#` and blank lines are skipped.
/// A malformed row is rejected with its line and reason; samples out of time order are
/// rejected too (a turret log is written as it happens). Pure function, thread-safe.
TurretLog parseTurretLog(QByteArrayView data, const QString &fileName);
TurretLog parseTurretLogFile(const QString &path);

/// A per-frame timestamp file for a video (docs/FORMATS.md): one UTC time per line, in frame
/// order, optionally preceded by the frame index ("12,2026-05-12T10:15:00.480Z"). Times must
/// increase strictly.
struct FrameTimes
{
    std::vector<UtcTime> utc; ///< utc[i] is frame i
    ParseReport report;
};
FrameTimes parseFrameTimes(QByteArrayView data, const QString &fileName);
FrameTimes parseFrameTimesFile(const QString &path);

} // namespace vigie
