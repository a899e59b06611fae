#pragma once

// Locale-independent number parsing for every log parser: std::from_chars never reads "3,14" as
// a number on a French desktop, never allocates, and rejects trailing garbage.

#include <QStringView>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

namespace vigie {

/// A finite double from the whole of `text` ("12.5", "-3", "+4e-2"); nullopt otherwise.
inline std::optional<double> parseDouble(std::string_view text)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

/// A 64-bit integer from the whole of `text`; nullopt otherwise.
inline std::optional<std::int64_t> parseInt(std::string_view text)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return std::nullopt;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

/// The digits after a decimal point ("6" → 600000, "123456789" → 123457) as microseconds,
/// rounded to the nearest. Non-digits give -1.
inline std::int64_t fractionToMicroseconds(std::string_view digits)
{
    std::int64_t us = 0;
    int n = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return -1;
        if (n < 6)
            us = us * 10 + (c - '0');
        else if (n == 6 && c >= '5')
            ++us; // round half up on the seventh digit
        ++n;
    }
    for (; n < 6; ++n)
        us *= 10;
    return us;
}

inline std::int64_t fractionToMicroseconds(QStringView digits)
{
    const QByteArray latin = digits.toLatin1();
    return fractionToMicroseconds(std::string_view(latin.constData(), size_t(latin.size())));
}

/// Calls f(line, number) for each line of `data` (without its '\n'; a '\r' stays), numbered
/// from 1, and returns the number of lines. Every log parser reads its input this way.
template<typename F>
std::int64_t forEachLine(const char *data, std::int64_t size, F &&f)
{
    const char *p = data;
    const char *end = data + size;
    std::int64_t lineNo = 0;
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *lineEnd = nl ? nl : end;
        f(std::string_view(p, size_t(lineEnd - p)), ++lineNo);
        p = nl ? nl + 1 : end;
    }
    return lineNo;
}

} // namespace vigie
