#pragma once

#include "models/telemetry/gnssfix.h"

#include <QByteArrayView>

namespace vigie {

/// Parses an RTKLIB solution file (.pos), as rnx2rtkp and RTKPOST write it.
///
/// The `%` header says how to read the rows: the time system (GPST, UTC or JST; GPST is turned
/// into UTC through the leap-second table), calendar ("2023/07/11 06:04:32.000") or GPS week and
/// time of week, and the position variant: latitude/longitude/height in degrees or in
/// degrees-minutes-seconds, ECEF x/y/z, or an east/north/up baseline from the header's
/// `ref pos`. The Q flag becomes a FixQuality (1 fixed, 2 float, 3 SBAS, 4 DGPS, 5 single,
/// 6 PPP); `sdn sde sdu` and the signed `sdne sdeu sdun` (sign × sqrt|covariance|) are rebuilt
/// into the ENU covariance (rotated from ECEF for ECEF rows); velocity columns, when present,
/// become the ENU velocity. A malformed row is rejected with its line; the report counts rows
/// by Q. Pure function, thread-safe.
GnssLog parseRtklibPos(QByteArrayView data, const QString &fileName);
GnssLog parseRtklibPosFile(const QString &path);

/// True when `head` (the first bytes of a file) looks like an RTKLIB solution.
bool looksLikeRtklibPos(QByteArrayView head);

} // namespace vigie
