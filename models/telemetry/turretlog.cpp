#include "models/telemetry/turretlog.h"

#include "models/telemetry/numbers.h"

#include <QCoreApplication>
#include <QFile>

#include <cstring>
#include <string_view>

namespace vigie {

namespace {

/// The translation context of this file's messages (lupdate reads the same one).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::TurretLog)
};

QString latin(std::string_view s)
{
    return QLatin1String(s.data(), qsizetype(std::min<size_t>(s.size(), 60)));
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> splitComma(std::string_view line)
{
    std::vector<std::string_view> out;
    size_t pos = 0;
    while (true) {
        const size_t comma = line.find(',', pos);
        out.push_back(trimmed(line.substr(pos, comma == std::string_view::npos
                                                    ? std::string_view::npos
                                                    : comma - pos)));
        if (comma == std::string_view::npos)
            break;
        pos = comma + 1;
    }
    return out;
}

std::optional<UtcTime> parseTime(std::string_view s)
{
    if (s.empty())
        return std::nullopt;
    return UtcTime::parse(QString::fromLatin1(s.data(), qsizetype(s.size())));
}

/// Each line of data, trimmed.
template<typename F>
std::int64_t forEachLine(QByteArrayView data, F &&f)
{
    return vigie::forEachLine(data.data(), data.size(),
                              [&](std::string_view line, std::int64_t n) { f(trimmed(line), n); });
}

} // namespace

TurretLog parseTurretLog(QByteArrayView data, const QString &fileName)
{
    TurretLog log;
    ParseReport &report = log.report;
    report.file = fileName;
    report.format = QStringLiteral("turret-csv");
    int colUtc = -1, colPan = -1, colTilt = -1, colRoll = -1;
    std::vector<std::pair<int, QString>> fovColumns;
    size_t columns = 0;
    bool haveHeader = false;
    report.linesRead = forEachLine(data, [&](std::string_view line, std::int64_t lineNo) {
        if (line.empty() || line.front() == '#') {
            ++report.skipped;
            return;
        }
        const auto fields = splitComma(line);
        if (!haveHeader) {
            haveHeader = true;
            ++report.skipped;
            columns = fields.size();
            for (size_t i = 0; i < fields.size(); ++i) {
                const std::string_view name = fields[i];
                if (name == "utc")
                    colUtc = int(i);
                else if (name == "pan_deg")
                    colPan = int(i);
                else if (name == "tilt_deg")
                    colTilt = int(i);
                else if (name == "roll_deg")
                    colRoll = int(i);
                else if (name.starts_with("hfov_deg.") && name.size() > 9)
                    fovColumns.emplace_back(int(i), latin(name.substr(9)));
                else
                    report.reject(lineNo, Tr::tr("unknown column '%1'").arg(latin(name)));
            }
            if (colUtc < 0 || colPan < 0 || colTilt < 0)
                report.error = Tr::tr("line %1: the header must name the columns utc, pan_deg and "
                                  "tilt_deg")
                                   .arg(lineNo);
            for (const auto &fov : fovColumns)
                log.cameras << fov.second;
            return;
        }
        if (!report.error.isEmpty())
            return;
        if (fields.size() != columns) {
            report.reject(lineNo, Tr::tr("%1 fields, the header has %2").arg(fields.size()).arg(columns));
            return;
        }
        TurretSample s;
        s.line = lineNo;
        const auto utc = parseTime(fields[size_t(colUtc)]);
        if (!utc) {
            report.reject(lineNo, Tr::tr("utc '%1' is not a time").arg(latin(fields[size_t(colUtc)])));
            return;
        }
        s.utc = *utc;
        auto angle = [&](int col, const char *name, double limit, double &out) {
            const auto v = parseDouble(fields[size_t(col)]);
            if (!v || std::abs(*v) > limit) {
                report.reject(lineNo, Tr::tr("%1 '%2' is not an angle within ±%3°")
                                          .arg(QLatin1String(name), latin(fields[size_t(col)]))
                                          .arg(limit));
                return false;
            }
            out = *v;
            return true;
        };
        if (!angle(colPan, "pan_deg", 720.0, s.panDeg) || !angle(colTilt, "tilt_deg", 90.0, s.tiltDeg))
            return;
        if (colRoll >= 0 && !fields[size_t(colRoll)].empty()
            && !angle(colRoll, "roll_deg", 180.0, s.rollDeg))
            return;
        for (const auto &[col, camera] : fovColumns) {
            const std::string_view f = fields[size_t(col)];
            if (f.empty())
                continue;
            const auto v = parseDouble(f);
            if (!v || *v <= 0.0 || *v >= 180.0) {
                report.reject(lineNo, Tr::tr("hfov_deg.%1 '%2' is not a field of view in (0°, 180°)")
                                          .arg(camera, latin(f)));
                return;
            }
            s.hfovDeg.insert(camera, *v);
        }
        if (!log.samples.empty() && s.utc <= log.samples.back().utc) {
            report.reject(lineNo, Tr::tr("time %1 does not follow the previous sample's (%2)")
                                      .arg(s.utc.toIso(), log.samples.back().utc.toIso()));
            return;
        }
        ++report.accepted;
        log.samples.push_back(std::move(s));
    });
    if (report.error.isEmpty() && !haveHeader)
        report.error = Tr::tr("empty turret log");
    else if (report.error.isEmpty() && log.samples.empty())
        report.error = Tr::tr("no turret sample (%1 rejected)").arg(report.rejected);
    return log;
}

TurretLog parseTurretLogFile(const QString &path)
{
    TurretLog failed;
    const auto data = readLogFile(path, QStringLiteral("turret-csv"), failed.report);
    return data ? parseTurretLog(*data, path) : failed;
}

FrameTimes parseFrameTimes(QByteArrayView data, const QString &fileName)
{
    FrameTimes times;
    ParseReport &report = times.report;
    report.file = fileName;
    report.format = QStringLiteral("frame-times");
    bool stop = false;
    report.linesRead = forEachLine(data, [&](std::string_view line, std::int64_t lineNo) {
        if (stop)
            return;
        if (line.empty() || line.front() == '#') {
            ++report.skipped;
            return;
        }
        std::string_view timeText = line;
        const size_t comma = line.find(',');
        if (comma != std::string_view::npos) {
            const auto index = parseInt(trimmed(line.substr(0, comma)));
            if (!index || *index != std::int64_t(times.utc.size())) {
                // A frame index out of sequence means the file does not describe this video's
                // frames one by one: stop rather than shift every later frame.
                report.reject(lineNo, Tr::tr("frame index '%1', expected %2")
                                          .arg(latin(line.substr(0, comma)))
                                          .arg(times.utc.size()));
                stop = true;
                return;
            }
            timeText = trimmed(line.substr(comma + 1));
        }
        const auto utc = parseTime(timeText);
        if (!utc) {
            report.reject(lineNo, Tr::tr("'%1' is not a time").arg(latin(timeText)));
            stop = true;
            return;
        }
        if (!times.utc.empty() && *utc <= times.utc.back()) {
            report.reject(lineNo, Tr::tr("frame %1 at %2 is not after frame %3")
                                      .arg(times.utc.size())
                                      .arg(utc->toIso())
                                      .arg(times.utc.size() - 1));
            stop = true;
            return;
        }
        ++report.accepted;
        times.utc.push_back(*utc);
    });
    if (stop)
        report.error = report.firstIssueText();
    else if (times.utc.empty())
        report.error = Tr::tr("no frame time");
    return times;
}

FrameTimes parseFrameTimesFile(const QString &path)
{
    FrameTimes failed;
    const auto data = readLogFile(path, QStringLiteral("frame-times"), failed.report);
    return data ? parseFrameTimes(*data, path) : failed;
}

} // namespace vigie
