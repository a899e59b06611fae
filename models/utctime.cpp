#include "models/utctime.h"

#include "models/telemetry/numbers.h"

#include <QRegularExpression>

#include <array>
#include <chrono>

namespace vigie {

namespace {

std::int64_t daysFromCivil(int year, int month, int day)
{
    using namespace std::chrono;
    const sys_days days{std::chrono::year{year} / std::chrono::month{unsigned(month)}
                        / std::chrono::day{unsigned(day)}};
    return days.time_since_epoch().count();
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

} // namespace

UtcTime UtcTime::fromCalendar(int year, int month, int day, int hour, int minute, int second,
                              std::int64_t microsecond)
{
    const std::int64_t days = daysFromCivil(year, month, day);
    return UtcTime(days * microsecondsPerDay
                   + ((hour * 60 + minute) * 60 + std::int64_t(second)) * microsecondsPerSecond
                   + microsecond);
}

UtcTime::Calendar UtcTime::calendar() const
{
    using namespace std::chrono;
    const std::int64_t days = floorDiv(m_us, microsecondsPerDay);
    std::int64_t rest = m_us - days * microsecondsPerDay;
    const year_month_day ymd{sys_days{std::chrono::days{days}}};
    Calendar c{};
    c.year = int(ymd.year());
    c.month = int(unsigned(ymd.month()));
    c.day = int(unsigned(ymd.day()));
    c.microsecond = rest % microsecondsPerSecond;
    rest /= microsecondsPerSecond;
    c.second = int(rest % 60);
    c.minute = int((rest / 60) % 60);
    c.hour = int(rest / 3600);
    return c;
}

QString UtcTime::toIso() const
{
    const Calendar c = calendar();
    QString text = QString::asprintf("%04d-%02d-%02dT%02d:%02d:%02d", c.year, c.month, c.day,
                                     c.hour, c.minute, c.second);
    if (c.microsecond % 1000 == 0)
        text += QString::asprintf(".%03dZ", int(c.microsecond / 1000));
    else
        text += QString::asprintf(".%06dZ", int(c.microsecond));
    return text;
}

std::optional<UtcTime> UtcTime::parse(QStringView text)
{
    static const QRegularExpression iso(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?"
        "(Z|\\+00:?00)?$"));
    const QString s = text.trimmed().toString();
    const auto m = iso.match(s);
    if (m.hasMatch()) {
        const int year = m.capturedView(1).toInt(), month = m.capturedView(2).toInt(),
                  day = m.capturedView(3).toInt(), hour = m.capturedView(4).toInt(),
                  minute = m.capturedView(5).toInt(), second = m.capturedView(6).toInt();
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59
            || second > 60)
            return std::nullopt;
        const std::chrono::year_month_day ymd{std::chrono::year{year},
                                              std::chrono::month{unsigned(month)},
                                              std::chrono::day{unsigned(day)}};
        if (!ymd.ok())
            return std::nullopt;
        const std::int64_t us = fractionToMicroseconds(m.capturedView(7));
        return fromCalendar(year, month, day, hour, minute, second, us);
    }
    const QByteArray latin = s.toLatin1();
    const auto seconds = parseDouble(std::string_view(latin.constData(), size_t(latin.size())));
    if (seconds && std::isfinite(*seconds) && std::abs(*seconds) < 1e11)
        return fromSeconds(*seconds);
    return std::nullopt;
}

namespace gpst {

namespace {

struct Leap
{
    int year, month, day; // UTC date from which it applies
    int seconds;          // GPST − UTC
};

// IERS leap seconds since the GPS epoch (1980-01-06, when GPST = UTC).
constexpr std::array<Leap, 18> leaps{{{1981, 7, 1, 1},  {1982, 7, 1, 2},  {1983, 7, 1, 3},
                                      {1985, 7, 1, 4},  {1988, 1, 1, 5},  {1990, 1, 1, 6},
                                      {1991, 1, 1, 7},  {1992, 7, 1, 8},  {1993, 7, 1, 9},
                                      {1994, 7, 1, 10}, {1996, 1, 1, 11}, {1997, 7, 1, 12},
                                      {1999, 1, 1, 13}, {2006, 1, 1, 14}, {2009, 1, 1, 15},
                                      {2012, 7, 1, 16}, {2015, 7, 1, 17}, {2017, 1, 1, 18}}};

} // namespace

int leapSecondsAtUtc(UtcTime utc)
{
    for (auto it = leaps.rbegin(); it != leaps.rend(); ++it) {
        if (utc >= UtcTime::fromCalendar(it->year, it->month, it->day))
            return it->seconds;
    }
    return 0;
}

UtcTime toUtc(int year, int month, int day, int hour, int minute, int second,
              std::int64_t microsecond)
{
    // Read the GPST calendar as if it were UTC, then remove the offset in force. The offset is
    // looked up at the UTC instant it yields, which is right on both sides of a leap second.
    const UtcTime asIfUtc = UtcTime::fromCalendar(year, month, day, hour, minute, second,
                                                  microsecond);
    for (auto it = leaps.rbegin(); it != leaps.rend(); ++it) {
        const UtcTime candidate = asIfUtc - std::int64_t(it->seconds) * microsecondsPerSecond;
        if (candidate >= UtcTime::fromCalendar(it->year, it->month, it->day))
            return candidate;
    }
    return asIfUtc;
}

UtcTime fromWeekSeconds(int week, double towSeconds)
{
    const std::int64_t towUs = std::int64_t(std::llround(towSeconds * 1e6));
    const UtcTime gpsEpoch = UtcTime::fromCalendar(1980, 1, 6);
    const UtcTime asIfUtc = gpsEpoch + std::int64_t(week) * 7 * microsecondsPerDay + towUs;
    const UtcTime::Calendar c = asIfUtc.calendar();
    return toUtc(c.year, c.month, c.day, c.hour, c.minute, c.second, c.microsecond);
}

} // namespace gpst

} // namespace vigie
