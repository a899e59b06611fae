#pragma once

#include <QList>
#include <QMap>
#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

namespace vigie {

/// One line a parser refused, with why.
struct ParseIssue
{
    std::int64_t line = 0; ///< 1-based line number in the file
    QString reason;
};

/// What a parser made of a file: every parser of untrusted input returns one, so that the
/// analyst sees what each log contributed and why lines were refused.
///
/// Lines are counted in three bins: accepted (a record used), skipped (not data: comments,
/// blank lines, binary bytes, sentence types Vigie does not use) and rejected (looked like data
/// but was wrong: bad checksum, malformed field). The first maxIssues rejections are kept with
/// their line numbers; rejected counts them all.
struct ParseReport
{
    static constexpr int maxIssues = 1000;

    QString file;
    QString format;               ///< "nmea", "rtklib-pos", "turret-csv", "frame-times"
    std::int64_t linesRead = 0;
    std::int64_t accepted = 0;
    std::int64_t skipped = 0;
    std::int64_t rejected = 0;
    QList<ParseIssue> issues;
    QMap<QString, std::int64_t> counts; ///< per record kind: "GGA", "Q=1", ...
    QString error; ///< set when the file gave nothing usable (missing, empty, wrong format)

    bool ok() const { return error.isEmpty(); }
    void reject(std::int64_t line, const QString &reason)
    {
        ++rejected;
        if (issues.size() < maxIssues)
            issues.append({line, reason});
    }
    /// "file:line: reason" for the first issue, for one-line CLI messages.
    QString firstIssueText() const;
    /// A short human summary: "253 lines: 244 accepted, 9 skipped, 0 rejected".
    QString summary() const;
};

/// Reads a whole log file for a parser. On failure returns nullopt and fills `report` (file,
/// format and "cannot open: reason"), which is what every parse...File function returns then.
std::optional<QByteArray> readLogFile(const QString &path, const QString &format, ParseReport &report);

} // namespace vigie
