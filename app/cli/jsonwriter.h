#pragma once

#include <QString>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace vigie::cli {

/// A minimal streaming JSON writer for large outputs (a fix per line of a long log): numbers
/// through std::to_chars (locale-free, no allocation), strings escaped. QJsonDocument builds the
/// whole tree in memory first, which a multi-gigabyte log cannot afford.
/// The caller keeps the structure balanced; commas are placed automatically.
class JsonWriter
{
public:
    explicit JsonWriter(std::string &out)
        : m_out(out)
    {
    }

    JsonWriter &beginObject() { return open('{'); }
    JsonWriter &endObject() { return close('}'); }
    JsonWriter &beginArray() { return open('['); }
    JsonWriter &endArray() { return close(']'); }

    JsonWriter &key(std::string_view name)
    {
        separate();
        quote(name);
        m_out += ':';
        m_afterKey = true;
        return *this;
    }
    JsonWriter &value(std::string_view text)
    {
        separate();
        quote(text);
        return *this;
    }
    JsonWriter &value(const QString &text) { return value(std::string_view(text.toUtf8().toStdString())); }
    JsonWriter &value(const char *text) { return value(std::string_view(text)); }
    JsonWriter &value(bool b)
    {
        separate();
        m_out += b ? "true" : "false";
        return *this;
    }
    JsonWriter &value(std::int64_t n)
    {
        separate();
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, n);
        m_out.append(buf, r.ptr);
        return *this;
    }
    JsonWriter &value(int n) { return value(std::int64_t(n)); }
    /// A number with `decimals` digits after the point; NaN and infinities become null.
    JsonWriter &value(double x, int decimals)
    {
        separate();
        if (!std::isfinite(x)) {
            m_out += "null";
            return *this;
        }
        char buf[64];
        const auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, decimals);
        m_out.append(buf, r.ptr);
        return *this;
    }
    JsonWriter &null()
    {
        separate();
        m_out += "null";
        return *this;
    }
    /// A newline between array items keeps huge outputs greppable.
    JsonWriter &newline()
    {
        m_out += '\n';
        return *this;
    }

private:
    JsonWriter &open(char c)
    {
        separate();
        m_out += c;
        m_first = true;
        return *this;
    }
    JsonWriter &close(char c)
    {
        m_out += c;
        m_first = false;
        return *this;
    }
    void separate()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (!m_first)
            m_out += ',';
        m_first = false;
    }
    void quote(std::string_view s)
    {
        m_out += '"';
        for (char c : s) {
            switch (c) {
            case '"': m_out += "\\\""; break;
            case '\\': m_out += "\\\\"; break;
            case '\n': m_out += "\\n"; break;
            case '\r': m_out += "\\r"; break;
            case '\t': m_out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
                    m_out += buf;
                } else {
                    m_out += c;
                }
            }
        }
        m_out += '"';
    }

    std::string &m_out;
    bool m_first = true;
    bool m_afterKey = false;
};

} // namespace vigie::cli
