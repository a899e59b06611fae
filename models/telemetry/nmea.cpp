#include "models/telemetry/nmea.h"

#include "models/telemetry/numbers.h"

#include <QCoreApplication>
#include <QFile>

#include <array>
#include <cstring>
#include <cmath>
#include <numbers>
#include <string_view>

namespace vigie {

const char *fixQualityName(FixQuality quality)
{
    switch (quality) {
    case FixQuality::Invalid: return "invalid";
    case FixQuality::Autonomous: return "autonomous";
    case FixQuality::Differential: return "differential";
    case FixQuality::Pps: return "pps";
    case FixQuality::RtkFixed: return "rtk-fixed";
    case FixQuality::RtkFloat: return "rtk-float";
    case FixQuality::DeadReckoning: return "dead-reckoning";
    case FixQuality::Manual: return "manual";
    case FixQuality::Simulation: return "simulation";
    case FixQuality::Sbas: return "sbas";
    case FixQuality::Ppp: return "ppp";
    }
    return "invalid";
}

namespace {

/// The translation context of this file's messages (lupdate reads the same one).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::Nmea)
};

constexpr std::int64_t halfDayUs = microsecondsPerDay / 2;
constexpr double knotsToMps = 1852.0 / 3600.0;

using Fields = std::array<std::string_view, 24>;

struct Epoch
{
    std::int64_t todUs = -1;
    std::int64_t line = 0;
    std::optional<std::int64_t> dayUs; // midnight UTC, from RMC or ZDA
    bool hasPosition = false;
    int positionRank = 0; // 3 GGA, 2 GNS, 1 RMC: the best source wins
    double lat = notANumber, lon = notANumber;
    double msl = notANumber, separation = notANumber;
    FixQuality quality = FixQuality::Invalid;
    bool qualityFromGga = false;
    int satellites = -1;
    double hdop = notANumber;
    double speedMps = notANumber, courseDeg = notANumber;
    double sigLat = notANumber, sigLon = notANumber, sigAlt = notANumber;
    double semiMajor = notANumber, semiMinor = notANumber, orientationDeg = notANumber;
};

/// Why a field failed, or empty.
struct FieldError
{
    QString text;
    explicit operator bool() const { return !text.isEmpty(); }
};

FieldError badField(std::string_view type, int index, const char *what, std::string_view value)
{
    return {Tr::tr("%1 field %2 (%3) '%4' is malformed")
                .arg(QLatin1String(type.data(), qsizetype(type.size())))
                .arg(index)
                .arg(QLatin1String(what))
                .arg(QLatin1String(value.data(), qsizetype(std::min<size_t>(value.size(), 40))))};
}

/// hhmmss[.sss] → microseconds of the day.
std::optional<std::int64_t> parseTimeOfDay(std::string_view s)
{
    if (s.size() < 6)
        return std::nullopt;
    for (int i = 0; i < 6; ++i) {
        if (s[size_t(i)] < '0' || s[size_t(i)] > '9')
            return std::nullopt;
    }
    const int hh = (s[0] - '0') * 10 + (s[1] - '0');
    const int mm = (s[2] - '0') * 10 + (s[3] - '0');
    const int ss = (s[4] - '0') * 10 + (s[5] - '0');
    if (hh > 23 || mm > 59 || ss > 60)
        return std::nullopt;
    std::int64_t us = 0;
    if (s.size() > 6) {
        if (s[6] != '.')
            return std::nullopt;
        us = fractionToMicroseconds(s.substr(7));
        if (us < 0)
            return std::nullopt;
    }
    return ((hh * 60 + mm) * 60 + std::int64_t(ss)) * microsecondsPerSecond + us;
}

/// (d)ddmm.mmmm + hemisphere → signed degrees.
std::optional<double> parseAngle(std::string_view value, std::string_view hemisphere, bool latitude)
{
    const size_t dot = value.find('.');
    const size_t intDigits = dot == std::string_view::npos ? value.size() : dot;
    if (intDigits < 3 || intDigits > (latitude ? 4u : 5u))
        return std::nullopt;
    const auto degrees = parseInt(value.substr(0, intDigits - 2));
    const auto minutes = parseDouble(value.substr(intDigits - 2));
    if (!degrees || !minutes || *degrees < 0 || *minutes < 0 || *minutes >= 60.0)
        return std::nullopt;
    const double deg = double(*degrees) + *minutes / 60.0;
    if (deg > (latitude ? 90.0 : 180.0))
        return std::nullopt;
    if (hemisphere.size() != 1)
        return std::nullopt;
    const char h = hemisphere[0];
    if (latitude ? (h != 'N' && h != 'S') : (h != 'E' && h != 'W'))
        return std::nullopt;
    return (h == 'S' || h == 'W') ? -deg : deg;
}

std::optional<std::int64_t> midnightUs(int year, int month, int day)
{
    if (year < 1980 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31)
        return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{year},
                                          std::chrono::month{unsigned(month)},
                                          std::chrono::day{unsigned(day)}};
    if (!ymd.ok())
        return std::nullopt;
    return UtcTime::fromCalendar(year, month, day).microseconds();
}

FixQuality qualityFromMode(char mode)
{
    switch (mode) {
    case 'A': return FixQuality::Autonomous;
    case 'D': return FixQuality::Differential;
    case 'P': return FixQuality::Pps;
    case 'R': return FixQuality::RtkFixed;
    case 'F': return FixQuality::RtkFloat;
    case 'E': return FixQuality::DeadReckoning;
    case 'M': return FixQuality::Manual;
    case 'S': return FixQuality::Simulation;
    default: return FixQuality::Invalid;
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

class Parser
{
public:
    Parser(const QString &fileName, const NmeaOptions &options)
        : m_options(options)
    {
        m_result.report.file = fileName;
        m_result.report.format = QStringLiteral("nmea");
    }

    GnssLog run(QByteArrayView data)
    {
        const std::int64_t lineNo = forEachLine(data.data(), data.size(),
                                                [this](std::string_view text, std::int64_t n) { line(text, n); });
        m_result.report.linesRead = lineNo;
        closeEpoch();
        finish();
        return std::move(m_result);
    }

private:
    void line(std::string_view text, std::int64_t lineNo)
    {
        while (!text.empty() && (text.back() == '\r' || text.back() == ' '))
            text.remove_suffix(1);
        // A sentence may follow binary bytes on the same line: start at the first '$' that is
        // followed by an address field.
        size_t start = text.find('$');
        while (start != std::string_view::npos && !isAddress(text.substr(start + 1)))
            start = text.find('$', start + 1);
        if (start == std::string_view::npos) {
            ++m_result.report.skipped;
            return;
        }
        sentence(text.substr(start), lineNo);
    }

    /// An address field (talker + type, or P + maker + type): 3 to 10 capitals or digits, then
    /// a comma.
    static bool isAddress(std::string_view rest)
    {
        size_t n = 0;
        while (n < rest.size() && n <= 10
               && ((rest[n] >= 'A' && rest[n] <= 'Z') || (rest[n] >= '0' && rest[n] <= '9')))
            ++n;
        return n >= 3 && n <= 10 && n < rest.size() && rest[n] == ',';
    }

    void sentence(std::string_view s, std::int64_t lineNo)
    {
        ParseReport &report = m_result.report;
        ++m_sentencesSeen;
        const size_t star = s.rfind('*');
        if (star == std::string_view::npos || star + 3 != s.size()) {
            report.reject(lineNo, Tr::tr("no checksum"));
            return;
        }
        const int hi = hexValue(s[star + 1]), lo = hexValue(s[star + 2]);
        if (hi < 0 || lo < 0) {
            report.reject(lineNo, Tr::tr("checksum '%1' is not hexadecimal")
                                      .arg(QLatin1String(s.data() + star + 1, 2)));
            return;
        }
        unsigned char sum = 0;
        for (size_t i = 1; i < star; ++i)
            sum ^= static_cast<unsigned char>(s[i]);
        if (sum != hi * 16 + lo) {
            report.reject(lineNo, Tr::tr("bad checksum: computed %1, sentence says %2")
                                      .arg(QString::asprintf("%02X", sum),
                                           QLatin1String(s.data() + star + 1, 2)));
            return;
        }
        // Split the body into fields.
        const std::string_view body = s.substr(1, star - 1);
        Fields f{};
        int n = 0;
        size_t pos = 0;
        while (n < int(f.size())) {
            const size_t comma = body.find(',', pos);
            f[size_t(n++)] = body.substr(pos, comma == std::string_view::npos ? std::string_view::npos
                                                                            : comma - pos);
            if (comma == std::string_view::npos)
                break;
            pos = comma + 1;
        }
        const std::string_view address = f[0];
        if (address[0] == 'P' || address.size() != 5) {
            ++report.skipped; // proprietary sentences carry nothing Vigie uses
            ++report.counts[QStringLiteral("proprietary")];
            return;
        }
        const std::string_view type = address.substr(address.size() - 3);
        FieldError error;
        if (type == "GGA")
            error = gga(f, n, lineNo);
        else if (type == "RMC")
            error = rmc(f, n, lineNo);
        else if (type == "GST")
            error = gst(f, n, lineNo);
        else if (type == "ZDA")
            error = zda(f, n, lineNo);
        else if (type == "GNS")
            error = gns(f, n, lineNo);
        else {
            ++report.skipped;
            ++report.counts[QLatin1String(type.data(), 3)];
            return;
        }
        if (error) {
            report.reject(lineNo, error.text);
            return;
        }
        ++report.accepted;
        ++report.counts[QLatin1String(type.data(), 3)];
    }

    /// The epoch a sentence with time of day `tod` belongs to, opening a new one if needed.
    Epoch &epochAt(std::int64_t tod, std::int64_t lineNo)
    {
        if (m_epoch.todUs != tod) {
            closeEpoch();
            m_epoch = Epoch{};
            m_epoch.todUs = tod;
            m_epoch.line = lineNo;
        }
        return m_epoch;
    }

    FieldError needFields(std::string_view type, int n, int wanted)
    {
        if (n < wanted)
            return {Tr::tr("%1 has %2 fields, expected at least %3")
                        .arg(QLatin1String(type.data(), qsizetype(type.size())))
                        .arg(n - 1)
                        .arg(wanted - 1)};
        return {};
    }

    FieldError gga(const Fields &f, int n, std::int64_t lineNo)
    {
        if (auto e = needFields("GGA", n, 15))
            return e;
        const auto tod = parseTimeOfDay(f[1]);
        if (!tod)
            return badField("GGA", 1, "time", f[1]);
        const auto q = parseInt(f[6]);
        if (!q || *q < 0 || *q > 9)
            return badField("GGA", 6, "quality", f[6]);
        if (*q == 0) {
            ++m_result.report.counts[QStringLiteral("no fix")];
            epochAt(*tod, lineNo);
            return {};
        }
        const auto lat = parseAngle(f[2], f[3], true);
        if (!lat)
            return badField("GGA", 2, "latitude", f[2]);
        const auto lon = parseAngle(f[4], f[5], false);
        if (!lon)
            return badField("GGA", 4, "longitude", f[4]);
        std::optional<double> alt, sep, hdop;
        std::optional<std::int64_t> sats;
        if (!f[9].empty() && !(alt = parseDouble(f[9])))
            return badField("GGA", 9, "altitude", f[9]);
        if (!f[11].empty() && !(sep = parseDouble(f[11])))
            return badField("GGA", 11, "geoid separation", f[11]);
        if (!f[8].empty() && !(hdop = parseDouble(f[8])))
            return badField("GGA", 8, "HDOP", f[8]);
        if (!f[7].empty() && !(sats = parseInt(f[7])))
            return badField("GGA", 7, "satellites", f[7]);
        Epoch &e = epochAt(*tod, lineNo);
        e.hasPosition = true;
        e.positionRank = 3;
        e.lat = *lat;
        e.lon = *lon;
        e.msl = alt.value_or(notANumber);
        e.separation = sep.value_or(notANumber);
        e.quality = FixQuality(*q == 9 ? 9 : *q);
        e.qualityFromGga = true;
        e.hdop = hdop.value_or(notANumber);
        e.satellites = sats ? int(*sats) : -1;
        return {};
    }

    FieldError rmc(const Fields &f, int n, std::int64_t lineNo)
    {
        if (auto e = needFields("RMC", n, 10))
            return e;
        const auto tod = parseTimeOfDay(f[1]);
        if (!tod)
            return badField("RMC", 1, "time", f[1]);
        std::optional<std::int64_t> day;
        if (!f[9].empty()) {
            const std::string_view d = f[9];
            const auto v = d.size() == 6 ? parseInt(d) : std::nullopt;
            if (!v)
                return badField("RMC", 9, "date", d);
            const int dd = int(*v / 10000), mm = int(*v / 100 % 100), yy = int(*v % 100);
            day = midnightUs(yy < 80 ? 2000 + yy : 1900 + yy, mm, dd);
            if (!day)
                return badField("RMC", 9, "date", d);
        }
        const bool valid = f[2] == "A";
        if (f[2] != "A" && f[2] != "V")
            return badField("RMC", 2, "status", f[2]);
        Epoch &e = epochAt(*tod, lineNo);
        if (day)
            e.dayUs = day;
        if (!valid)
            return {};
        const auto lat = parseAngle(f[3], f[4], true);
        if (!lat)
            return badField("RMC", 3, "latitude", f[3]);
        const auto lon = parseAngle(f[5], f[6], false);
        if (!lon)
            return badField("RMC", 5, "longitude", f[5]);
        std::optional<double> speed, course;
        if (!f[7].empty() && !(speed = parseDouble(f[7])))
            return badField("RMC", 7, "speed", f[7]);
        if (!f[8].empty() && !(course = parseDouble(f[8])))
            return badField("RMC", 8, "course", f[8]);
        if (e.positionRank < 1) {
            e.hasPosition = true;
            e.positionRank = 1;
            e.lat = *lat;
            e.lon = *lon;
        }
        if (speed)
            e.speedMps = *speed * knotsToMps;
        if (course)
            e.courseDeg = *course;
        if (!e.qualityFromGga) {
            const char mode = n > 12 && !f[12].empty() ? f[12][0] : 'A';
            e.quality = qualityFromMode(mode);
        }
        return {};
    }

    FieldError gst(const Fields &f, int n, std::int64_t lineNo)
    {
        if (auto e = needFields("GST", n, 9))
            return e;
        const auto tod = parseTimeOfDay(f[1]);
        if (!tod)
            return badField("GST", 1, "time", f[1]);
        std::array<double, 7> v{};
        static constexpr const char *names[] = {"RMS",       "semi-major", "semi-minor",
                                                "orientation", "latitude sigma",
                                                "longitude sigma", "altitude sigma"};
        for (int i = 0; i < 7; ++i) {
            const std::string_view field = f[size_t(i + 2)];
            if (field.empty()) {
                v[size_t(i)] = notANumber;
                continue;
            }
            const auto x = parseDouble(field);
            if (!x || (i != 3 && *x < 0))
                return badField("GST", i + 2, names[i], field);
            v[size_t(i)] = *x;
        }
        Epoch &e = epochAt(*tod, lineNo);
        e.semiMajor = v[1];
        e.semiMinor = v[2];
        e.orientationDeg = v[3];
        e.sigLat = v[4];
        e.sigLon = v[5];
        e.sigAlt = v[6];
        return {};
    }

    FieldError zda(const Fields &f, int n, std::int64_t lineNo)
    {
        if (auto e = needFields("ZDA", n, 5))
            return e;
        const auto tod = parseTimeOfDay(f[1]);
        if (!tod)
            return badField("ZDA", 1, "time", f[1]);
        const auto dd = parseInt(f[2]), mm = parseInt(f[3]), yyyy = parseInt(f[4]);
        if (!dd)
            return badField("ZDA", 2, "day", f[2]);
        if (!mm)
            return badField("ZDA", 3, "month", f[3]);
        if (!yyyy)
            return badField("ZDA", 4, "year", f[4]);
        const auto day = midnightUs(int(*yyyy), int(*mm), int(*dd));
        if (!day)
            return badField("ZDA", 2, "date", f[2]);
        epochAt(*tod, lineNo).dayUs = day;
        return {};
    }

    FieldError gns(const Fields &f, int n, std::int64_t lineNo)
    {
        if (auto e = needFields("GNS", n, 13))
            return e;
        const auto tod = parseTimeOfDay(f[1]);
        if (!tod)
            return badField("GNS", 1, "time", f[1]);
        // The mode has one letter per constellation; the best of them describes the fix.
        char mode = 'N';
        for (char c : f[6]) {
            if (c == 'R' || (c == 'F' && mode != 'R') || (mode == 'N' && c != 'N'))
                mode = c;
        }
        if (f[6].empty())
            return badField("GNS", 6, "mode", f[6]);
        Epoch &e = epochAt(*tod, lineNo);
        if (mode == 'N')
            return {};
        const auto lat = parseAngle(f[2], f[3], true);
        if (!lat)
            return badField("GNS", 2, "latitude", f[2]);
        const auto lon = parseAngle(f[4], f[5], false);
        if (!lon)
            return badField("GNS", 4, "longitude", f[4]);
        std::optional<double> alt, sep, hdop;
        std::optional<std::int64_t> sats;
        if (!f[9].empty() && !(alt = parseDouble(f[9])))
            return badField("GNS", 9, "altitude", f[9]);
        if (!f[10].empty() && !(sep = parseDouble(f[10])))
            return badField("GNS", 10, "geoid separation", f[10]);
        if (!f[8].empty() && !(hdop = parseDouble(f[8])))
            return badField("GNS", 8, "HDOP", f[8]);
        if (!f[7].empty() && !(sats = parseInt(f[7])))
            return badField("GNS", 7, "satellites", f[7]);
        if (e.positionRank < 2) {
            e.hasPosition = true;
            e.positionRank = 2;
            e.lat = *lat;
            e.lon = *lon;
            e.msl = alt.value_or(notANumber);
            e.separation = sep.value_or(notANumber);
            e.hdop = hdop.value_or(notANumber);
            e.satellites = sats ? int(*sats) : -1;
        }
        if (!e.qualityFromGga)
            e.quality = qualityFromMode(mode);
        return {};
    }

    void closeEpoch()
    {
        if (m_epoch.todUs < 0)
            return;
        Epoch e = m_epoch;
        m_epoch = Epoch{};
        // Dating: the epoch's own date, else the running date, rolled over at midnight.
        if (e.dayUs) {
            if (!m_dayUs)
                datePending(*e.dayUs, e.todUs);
            m_dayUs = e.dayUs;
        } else if (m_dayUs && e.todUs + halfDayUs < m_lastTodUs) {
            *m_dayUs += microsecondsPerDay;
        }
        m_lastTodUs = e.todUs;
        if (!e.hasPosition || e.quality == FixQuality::Invalid)
            return;
        GnssFix fix = toFix(e);
        if (m_dayUs) {
            fix.utc = UtcTime::fromMicroseconds(*m_dayUs + e.todUs);
            m_result.fixes.push_back(fix);
        } else {
            m_pending.push_back(fix);
            m_pendingTod.push_back(e.todUs);
        }
    }

    /// The first date arrived: date the epochs read before it, counting back over midnight.
    void datePending(std::int64_t dayUs, std::int64_t todUs)
    {
        std::int64_t day = dayUs;
        std::int64_t nextTod = todUs;
        for (size_t i = m_pending.size(); i-- > 0;) {
            if (m_pendingTod[i] > nextTod + halfDayUs)
                day -= microsecondsPerDay;
            nextTod = m_pendingTod[i];
            m_pending[i].utc = UtcTime::fromMicroseconds(day + m_pendingTod[i]);
        }
        m_result.fixes.insert(m_result.fixes.begin(), m_pending.begin(), m_pending.end());
        m_pending.clear();
        m_pendingTod.clear();
    }

    static GnssFix toFix(const Epoch &e)
    {
        GnssFix fix;
        fix.line = e.line;
        fix.latitudeDeg = e.lat;
        fix.longitudeDeg = e.lon;
        fix.mslAltitudeM = e.msl;
        fix.geoidSeparationM = e.separation;
        fix.ellipsoidalHeightM = e.msl + (std::isnan(e.separation) ? 0.0 : e.separation);
        fix.quality = e.quality;
        fix.satellites = e.satellites;
        fix.hdop = e.hdop;
        if (!std::isnan(e.speedMps) && !std::isnan(e.courseDeg)) {
            const double course = e.courseDeg * std::numbers::pi / 180.0;
            fix.velocityEnu = {e.speedMps * std::sin(course), e.speedMps * std::cos(course),
                               notANumber};
        }
        // GST: the horizontal error ellipse gives the east-north covariance with its
        // correlation; without it, the latitude and longitude sigmas give a diagonal one.
        double ee = notANumber, nn = notANumber, en = 0.0;
        if (!std::isnan(e.semiMajor) && !std::isnan(e.semiMinor) && !std::isnan(e.orientationDeg)) {
            const double t = e.orientationDeg * std::numbers::pi / 180.0; // from north, clockwise
            const double ue = std::sin(t), un = std::cos(t);              // major axis
            const double a2 = e.semiMajor * e.semiMajor, b2 = e.semiMinor * e.semiMinor;
            ee = a2 * ue * ue + b2 * un * un;
            nn = a2 * un * un + b2 * ue * ue;
            en = (a2 - b2) * ue * un;
        } else if (!std::isnan(e.sigLat) && !std::isnan(e.sigLon)) {
            ee = e.sigLon * e.sigLon;
            nn = e.sigLat * e.sigLat;
        }
        if (!std::isnan(ee) && !std::isnan(e.sigAlt)) {
            const double uu = e.sigAlt * e.sigAlt;
            fix.covarianceEnu = {ee, en, 0.0, en, nn, 0.0, 0.0, 0.0, uu};
        }
        return fix;
    }

    void finish()
    {
        ParseReport &report = m_result.report;
        if (m_sentencesSeen == 0) {
            report.error = Tr::tr("no NMEA sentence found (%1 lines read)").arg(report.linesRead);
            return;
        }
        if (!m_pending.empty()) {
            if (m_options.assumedDate) {
                datePending(m_options.assumedDate->microseconds(), m_pendingTod.back());
            } else {
                report.error = Tr::tr("%1 fixes cannot be dated: no RMC or ZDA sentence gives the "
                                  "date (give one with --date)")
                                   .arg(m_pending.size());
                return;
            }
        }
        if (m_result.fixes.empty() && report.accepted == 0)
            report.error = Tr::tr("no valid NMEA sentence: %1 rejected").arg(report.rejected);
    }

    NmeaOptions m_options;
    GnssLog m_result;
    Epoch m_epoch;
    std::optional<std::int64_t> m_dayUs;
    std::int64_t m_lastTodUs = 0;
    std::vector<GnssFix> m_pending;
    std::vector<std::int64_t> m_pendingTod;
    std::int64_t m_sentencesSeen = 0;
};

} // namespace

GnssLog parseNmea(QByteArrayView data, const QString &fileName, const NmeaOptions &options)
{
    return Parser(fileName, options).run(data);
}

GnssLog parseNmeaFile(const QString &path, const NmeaOptions &options)
{
    GnssLog failed;
    const auto data = readLogFile(path, QStringLiteral("nmea"), failed.report);
    return data ? parseNmea(*data, path, options) : failed;
}

} // namespace vigie
