#include "models/telemetry/rtklibpos.h"

#include "models/telemetry/numbers.h"

#include <GeographicLib/Geocentric.hpp>
#include <GeographicLib/LocalCartesian.hpp>

#include <QCoreApplication>
#include <QFile>

#include <array>
#include <cmath>
#include <cstring>
#include <string_view>
#include <vector>

namespace vigie {

namespace {

/// The translation context of this file's messages (lupdate reads the same one).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::RtklibPos)
};

enum class TimeSystem { Gpst, Utc, Jst };
enum class Position { Llh, LlhDms, Ecef, Enu };

std::vector<std::string_view> tokens(std::string_view line)
{
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            ++i;
        const size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            ++i;
        if (i > start)
            out.push_back(line.substr(start, i - start));
    }
    return out;
}

bool contains(std::string_view haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string_view::npos;
}

FixQuality qualityFromQ(std::int64_t q)
{
    switch (q) {
    case 1: return FixQuality::RtkFixed;
    case 2: return FixQuality::RtkFloat;
    case 3: return FixQuality::Sbas;
    case 4: return FixQuality::Differential;
    case 5: return FixQuality::Autonomous;
    case 6: return FixQuality::Ppp;
    default: return FixQuality::Invalid;
    }
}

/// Covariance from RTKLIB's sd columns: diagonal sigmas, and signed roots of the covariances.
double signedSquare(double x)
{
    return x < 0 ? -x * x : x * x;
}

using Matrix3 = std::array<double, 9>;

Matrix3 rotateEcefToEnu(const Matrix3 &cecef, const std::vector<double> &m)
{
    // GeographicLib's M maps local ENU to ECEF: C_enu = Mᵀ C_ecef M.
    Matrix3 tmp{}, out{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            double s = 0;
            for (int k = 0; k < 3; ++k)
                s += cecef[size_t(i * 3 + k)] * m[size_t(k * 3 + j)];
            tmp[size_t(i * 3 + j)] = s;
        }
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            double s = 0;
            for (int k = 0; k < 3; ++k)
                s += m[size_t(k * 3 + i)] * tmp[size_t(k * 3 + j)];
            out[size_t(i * 3 + j)] = s;
        }
    return out;
}

class Parser
{
public:
    explicit Parser(const QString &fileName)
    {
        m_log.report.file = fileName;
        m_log.report.format = QStringLiteral("rtklib-pos");
    }

    GnssLog run(QByteArrayView data)
    {
        const std::int64_t lineNo = forEachLine(data.data(), data.size(),
                                                [this](std::string_view text, std::int64_t n) { line(text, n); });
        ParseReport &report = m_log.report;
        report.linesRead = lineNo;
        if (!m_sawHeader && report.accepted == 0)
            report.error = Tr::tr("not an RTKLIB solution: no '%' header and no solution row");
        else if (report.accepted == 0)
            report.error = Tr::tr("no solution row (%1 rejected)").arg(report.rejected);
        return std::move(m_log);
    }

private:
    void line(std::string_view text, std::int64_t lineNo)
    {
        while (!text.empty() && (text.back() == '\r' || text.back() == ' '))
            text.remove_suffix(1);
        if (text.empty()) {
            ++m_log.report.skipped;
            return;
        }
        if (text.front() == '%') {
            ++m_log.report.skipped;
            header(text, lineNo);
            return;
        }
        if (auto error = row(text, lineNo); !error.isEmpty())
            m_log.report.reject(lineNo, error);
    }

    void header(std::string_view text, std::int64_t lineNo)
    {
        m_sawHeader = true;
        if (contains(text, "ref pos")) {
            const size_t colon = text.find(':');
            const auto t = tokens(text.substr(colon == std::string_view::npos ? 0 : colon + 1));
            if (t.size() >= 3) {
                const auto a = parseDouble(t[0]), b = parseDouble(t[1]), c = parseDouble(t[2]);
                if (a && b && c)
                    m_refLlh = {*a, *b, *c};
                else
                    m_log.report.reject(lineNo, Tr::tr("unreadable 'ref pos'"));
            }
            return;
        }
        // The column header names the time system and the position variant.
        const bool columns = contains(text, "latitude") || contains(text, "x-ecef")
                             || contains(text, "e-baseline");
        if (!columns)
            return;
        if (contains(text, "UTC"))
            m_time = TimeSystem::Utc;
        else if (contains(text, "JST"))
            m_time = TimeSystem::Jst;
        else
            m_time = TimeSystem::Gpst;
        if (contains(text, "x-ecef"))
            m_position = Position::Ecef;
        else if (contains(text, "e-baseline"))
            m_position = Position::Enu;
        else if (contains(text, "latitude(d'"))
            m_position = Position::LlhDms;
        else
            m_position = Position::Llh;
        m_hasVelocity = contains(text, "vn(m/s)") || contains(text, "vx(m/s)")
                        || contains(text, "ve(m/s)");
    }

    QString row(std::string_view text, std::int64_t lineNo)
    {
        const auto t = tokens(text);
        size_t i = 0;
        GnssFix fix;
        fix.line = lineNo;
        // Time: "yyyy/mm/dd hh:mm:ss.sss" or "week tow".
        if (t.empty())
            return Tr::tr("empty row");
        if (contains(t[0], "/")) {
            if (t.size() < 2)
                return Tr::tr("truncated row");
            const auto utc = calendarTime(t[0], t[1]);
            if (!utc)
                return Tr::tr("time '%1 %2' is malformed")
                    .arg(QLatin1String(t[0].data(), t[0].size()),
                         QLatin1String(t[1].data(), t[1].size()));
            fix.utc = *utc;
            i = 2;
        } else {
            if (t.size() < 2)
                return Tr::tr("truncated row");
            const auto week = parseInt(t[0]);
            const auto tow = parseDouble(t[1]);
            if (!week || !tow || *week < 0 || *week > 10000 || *tow < 0 || *tow >= 604800.5)
                return Tr::tr("GPS week/time of week '%1 %2' is malformed")
                    .arg(QLatin1String(t[0].data(), t[0].size()),
                         QLatin1String(t[1].data(), t[1].size()));
            if (m_time == TimeSystem::Gpst) {
                fix.utc = gpst::fromWeekSeconds(int(*week), *tow);
            } else {
                const UtcTime epoch = UtcTime::fromCalendar(1980, 1, 6);
                fix.utc = epoch + *week * 7 * microsecondsPerDay + std::llround(*tow * 1e6);
                if (m_time == TimeSystem::Jst)
                    fix.utc = fix.utc - 9 * 3600 * microsecondsPerSecond;
            }
            i = 2;
        }
        const size_t positionTokens = m_position == Position::LlhDms ? 9 : 3;
        const size_t needed = i + positionTokens + 2 + 6;
        if (t.size() < needed)
            return Tr::tr("%1 columns, expected at least %2").arg(t.size()).arg(needed);
        std::vector<double> v;
        v.reserve(t.size() - i);
        for (size_t k = i; k < t.size(); ++k) {
            const auto x = parseDouble(t[k]);
            if (!x)
                return Tr::tr("column %1 '%2' is not a number")
                    .arg(k + 1)
                    .arg(QLatin1String(t[k].data(), qsizetype(std::min<size_t>(t[k].size(), 40))));
            v.push_back(*x);
        }
        size_t c = 0;
        double lat = 0, lon = 0, h = 0;
        std::vector<double> rotation(9, 0.0);
        switch (m_position) {
        case Position::Llh:
            lat = v[0];
            lon = v[1];
            h = v[2];
            c = 3;
            break;
        case Position::LlhDms: {
            auto dms = [](double d, double m, double s) {
                const double sign = (d < 0 || std::signbit(d)) ? -1.0 : 1.0;
                return sign * (std::abs(d) + m / 60.0 + s / 3600.0);
            };
            lat = dms(v[0], v[1], v[2]);
            lon = dms(v[3], v[4], v[5]);
            h = v[6];
            c = 7;
            break;
        }
        case Position::Ecef:
            GeographicLib::Geocentric::WGS84().Reverse(v[0], v[1], v[2], lat, lon, h, rotation);
            c = 3;
            break;
        case Position::Enu: {
            if (!m_refLlh)
                return Tr::tr("an ENU baseline row needs the header's 'ref pos'");
            GeographicLib::LocalCartesian ref((*m_refLlh)[0], (*m_refLlh)[1], (*m_refLlh)[2]);
            ref.Reverse(v[0], v[1], v[2], lat, lon, h);
            c = 3;
            break;
        }
        }
        if (std::abs(lat) > 90.0 || std::abs(lon) > 180.0)
            return Tr::tr("position out of range: latitude %1, longitude %2").arg(lat).arg(lon);
        fix.latitudeDeg = lat;
        fix.longitudeDeg = lon;
        fix.ellipsoidalHeightM = h;
        const double q = v[c], ns = v[c + 1];
        if (q != std::floor(q) || q < 0 || q > 6)
            return Tr::tr("Q flag %1 is not 0 to 6").arg(q);
        fix.quality = qualityFromQ(std::int64_t(q));
        fix.satellites = int(ns);
        const double *sd = &v[c + 2];
        Matrix3 cov{};
        switch (m_position) {
        case Position::Llh:
        case Position::LlhDms: {
            // sdn sde sdu sdne sdeu sdun → ENU
            const double nn = sd[0] * sd[0], ee = sd[1] * sd[1], uu = sd[2] * sd[2];
            const double ne = signedSquare(sd[3]), eu = signedSquare(sd[4]),
                         un = signedSquare(sd[5]);
            cov = {ee, ne, eu, ne, nn, un, eu, un, uu};
            break;
        }
        case Position::Ecef: {
            // sdx sdy sdz sdxy sdyz sdzx, rotated to ENU at the solution.
            const double xx = sd[0] * sd[0], yy = sd[1] * sd[1], zz = sd[2] * sd[2];
            const double xy = signedSquare(sd[3]), yz = signedSquare(sd[4]),
                         zx = signedSquare(sd[5]);
            cov = rotateEcefToEnu({xx, xy, zx, xy, yy, yz, zx, yz, zz}, rotation);
            break;
        }
        case Position::Enu: {
            // sde sdn sdu sden sdnu sdue
            const double ee = sd[0] * sd[0], nn = sd[1] * sd[1], uu = sd[2] * sd[2];
            const double en = signedSquare(sd[3]), nu = signedSquare(sd[4]),
                         ue = signedSquare(sd[5]);
            cov = {ee, en, ue, en, nn, nu, ue, nu, uu};
            break;
        }
        }
        fix.covarianceEnu = cov;
        // age ratio [velocity ×3, velocity sd ×6]
        const size_t vel = c + 2 + 6 + 2;
        if (m_hasVelocity && v.size() >= vel + 3) {
            const double a = v[vel], b = v[vel + 1], u = v[vel + 2];
            switch (m_position) {
            case Position::Llh:
            case Position::LlhDms:
                fix.velocityEnu = {b, a, u}; // vn ve vu
                break;
            case Position::Enu:
                fix.velocityEnu = {a, b, u}; // ve vn vu
                break;
            case Position::Ecef: {
                std::array<double, 3> enu{};
                for (int r = 0; r < 3; ++r)
                    enu[size_t(r)] = rotation[size_t(0 * 3 + r)] * a
                                     + rotation[size_t(1 * 3 + r)] * b
                                     + rotation[size_t(2 * 3 + r)] * u;
                fix.velocityEnu = enu;
                break;
            }
            }
        }
        if (fix.quality == FixQuality::Invalid)
            return Tr::tr("Q flag 0: no solution");
        ++m_log.report.accepted;
        ++m_log.report.counts[QStringLiteral("Q=%1").arg(int(q))];
        m_log.fixes.push_back(fix);
        return {};
    }

    std::optional<UtcTime> calendarTime(std::string_view date, std::string_view time) const
    {
        // yyyy/mm/dd hh:mm:ss[.sss]
        if (date.size() != 10 || date[4] != '/' || date[7] != '/' || time.size() < 8
            || time[2] != ':' || time[5] != ':')
            return std::nullopt;
        const auto y = parseInt(date.substr(0, 4)), mo = parseInt(date.substr(5, 2)),
                   d = parseInt(date.substr(8, 2)), hh = parseInt(time.substr(0, 2)),
                   mi = parseInt(time.substr(3, 2)), ss = parseInt(time.substr(6, 2));
        if (!y || !mo || !d || !hh || !mi || !ss || *mo < 1 || *mo > 12 || *d < 1 || *d > 31
            || *hh > 23 || *mi > 59 || *ss > 60 || *y < 1980 || *y > 2200)
            return std::nullopt;
        const std::chrono::year_month_day ymd{std::chrono::year{int(*y)},
                                              std::chrono::month{unsigned(*mo)},
                                              std::chrono::day{unsigned(*d)}};
        if (!ymd.ok())
            return std::nullopt;
        std::int64_t us = 0;
        if (time.size() > 8) {
            if (time[8] != '.')
                return std::nullopt;
            us = fractionToMicroseconds(time.substr(9));
            if (us < 0)
                return std::nullopt;
        }
        switch (m_time) {
        case TimeSystem::Gpst:
            return gpst::toUtc(int(*y), int(*mo), int(*d), int(*hh), int(*mi), int(*ss), us);
        case TimeSystem::Utc:
            return UtcTime::fromCalendar(int(*y), int(*mo), int(*d), int(*hh), int(*mi), int(*ss),
                                         us);
        case TimeSystem::Jst:
            return UtcTime::fromCalendar(int(*y), int(*mo), int(*d), int(*hh), int(*mi), int(*ss),
                                         us)
                   - 9 * 3600 * microsecondsPerSecond;
        }
        return std::nullopt;
    }

    GnssLog m_log;
    bool m_sawHeader = false;
    TimeSystem m_time = TimeSystem::Gpst;
    Position m_position = Position::Llh;
    bool m_hasVelocity = false;
    std::optional<std::array<double, 3>> m_refLlh;
};

} // namespace

GnssLog parseRtklibPos(QByteArrayView data, const QString &fileName)
{
    return Parser(fileName).run(data);
}

GnssLog parseRtklibPosFile(const QString &path)
{
    GnssLog failed;
    const auto data = readLogFile(path, QStringLiteral("rtklib-pos"), failed.report);
    return data ? parseRtklibPos(*data, path) : failed;
}

bool looksLikeRtklibPos(QByteArrayView head)
{
    const std::string_view s(head.data(), size_t(head.size()));
    return s.starts_with("%") && (contains(s, "GPST") || contains(s, "UTC") || contains(s, "JST"))
           && (contains(s, "latitude") || contains(s, "x-ecef") || contains(s, "e-baseline")
               || contains(s, "program"));
}

} // namespace vigie
