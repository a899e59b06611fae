#pragma once

#include "models/telemetry/gnssfix.h"
#include "models/telemetry/parsereport.h"

#include <QByteArrayView>

#include <optional>
#include <vector>

namespace vigie {

struct NmeaOptions
{
    /// Midnight UTC of the day to assume when the log has no RMC or ZDA sentence to date it.
    std::optional<UtcTime> assumedDate;
};

/// Parses an NMEA 0183 log: GGA, RMC, GST, ZDA and GNS from any talker (GP, GN, GL, GA, GB,
/// GQ, ...), assembled into one fix per epoch (the sentences sharing one time of day).
///
/// Every sentence's checksum is verified; a missing or wrong checksum, or a malformed field,
/// rejects that sentence (reported with its line) and the rest of the epoch stands. Lines that
/// are not NMEA (binary UBX/RTCM bytes, `#` comments, blank) and sentence types Vigie does not
/// use (GSA, GSV, VTG, proprietary $P...) are skipped and counted. The date comes from RMC or
/// ZDA; epochs before the first date are dated back from it, and the day advances when the time
/// of day wraps past midnight. The report's error is set when no NMEA sentence was found, or
/// when nothing could be dated. Pure function, thread-safe.
GnssLog parseNmea(QByteArrayView data, const QString &fileName, const NmeaOptions &options = {});

/// Reads and parses a file; a missing or unreadable file sets the report's error.
GnssLog parseNmeaFile(const QString &path, const NmeaOptions &options = {});

} // namespace vigie
