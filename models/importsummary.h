#pragma once

// What each log of a campaign contributed, for the analyst who just opened it: records read,
// accepted and rejected (with the first rejected lines), the fix-quality histogram of the
// target's log, and the gaps longer than each track's limit.

#include "models/campaign.h"

#include <QMap>
#include <QStringList>

namespace vigie {

struct LogSummary
{
    QString title;     ///< "Target (NMEA)", "Turret"
    QString file;
    QString counts;    ///< ParseReport::summary()
    QStringList issues; ///< "line 12: bad checksum", the first few
    std::int64_t rejected = 0;
    QMap<QString, std::int64_t> qualityHistogram; ///< target only: "RTK fixed" → fixes
    std::int64_t gaps = 0;    ///< intervals longer than the track's gap limit
    double longestGapS = 0;
    double spanS = 0;         ///< first to last record
};

struct ImportSummary
{
    std::vector<LogSummary> logs;
    /// Plain text, one line per fact, for the Messages dock and the CLI.
    QStringList lines() const;
};

ImportSummary summarizeImport(const Campaign &campaign, int maxIssues = 5);

} // namespace vigie
