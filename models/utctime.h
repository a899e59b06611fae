#pragma once

// The clock. Every instant in Vigie is a UtcTime: integer microseconds since
// 1970-01-01T00:00:00Z on the POSIX scale (leap seconds are not counted, as in every log and
// container Vigie reads). Integers, because frame times, log times and offsets are added and
// compared exactly: a double of seconds since 1970 keeps only ~0.2 µs, and sums drift.
// GPS time (GPST) is converted at the boundary, through the leap-second table below.

#include <QString>
#include <QStringView>

#include <compare>
#include <cstdint>
#include <optional>

namespace vigie {

class UtcTime
{
public:
    constexpr UtcTime() = default;
    static constexpr UtcTime fromMicroseconds(std::int64_t us) { return UtcTime(us); }
    static constexpr UtcTime fromSeconds(double seconds)
    {
        return UtcTime(static_cast<std::int64_t>(seconds * 1e6 + (seconds >= 0 ? 0.5 : -0.5)));
    }
    /// From a proleptic Gregorian calendar date and time of day. No range checks beyond the
    /// calendar's own: the parsers validate fields first.
    static UtcTime fromCalendar(int year, int month, int day, int hour = 0, int minute = 0,
                                int second = 0, std::int64_t microsecond = 0);
    /// ISO 8601 with a Z or +00:00 suffix, or none (taken as UTC): "2020-03-18T13:28:19.6Z",
    /// "2020-03-18 13:28:19". Or plain seconds since the epoch: "1584538099.6".
    static std::optional<UtcTime> parse(QStringView text);

    constexpr std::int64_t microseconds() const { return m_us; }
    constexpr double seconds() const { return double(m_us) * 1e-6; }

    /// "2020-03-18T13:28:19.600Z": milliseconds when the instant has none finer, else
    /// microseconds.
    QString toIso() const;

    struct Calendar
    {
        int year, month, day, hour, minute, second;
        std::int64_t microsecond;
    };
    Calendar calendar() const;

    constexpr UtcTime operator+(std::int64_t us) const { return UtcTime(m_us + us); }
    constexpr UtcTime operator-(std::int64_t us) const { return UtcTime(m_us - us); }
    constexpr std::int64_t operator-(UtcTime other) const { return m_us - other.m_us; }
    constexpr auto operator<=>(const UtcTime &) const = default;

private:
    constexpr explicit UtcTime(std::int64_t us)
        : m_us(us)
    {
    }
    std::int64_t m_us = 0;
};

inline constexpr std::int64_t microsecondsPerSecond = 1'000'000;
inline constexpr std::int64_t microsecondsPerDay = 86'400 * microsecondsPerSecond;

/// GPS time and UTC. GPST runs ahead of UTC by the leap seconds inserted since 1980-01-06
/// (18 s since 2017-01-01). The table ends at the last leap second announced when this was
/// written (IERS Bulletin C: none scheduled after 2017-01-01); a later one needs a new row.
namespace gpst {

/// GPST − UTC in seconds at the given UTC instant.
int leapSecondsAtUtc(UtcTime utc);
/// The UTC instant of a GPST calendar reading ("2023/07/11 06:04:32.000 GPST").
UtcTime toUtc(int year, int month, int day, int hour, int minute, int second,
              std::int64_t microsecond);
/// The UTC instant of GPS week and time of week (seconds).
UtcTime fromWeekSeconds(int week, double towSeconds);

} // namespace gpst

} // namespace vigie
