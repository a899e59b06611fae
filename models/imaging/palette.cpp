#include "models/imaging/palette.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace vigie {

namespace {

std::array<QRgb, 256> gradient(const std::vector<std::pair<double, QColor>> &stops)
{
    std::array<QRgb, 256> lut{};
    for (int i = 0; i < 256; ++i) {
        const double t = i / 255.0;
        size_t k = 1;
        while (k + 1 < stops.size() && stops[k].first < t)
            ++k;
        const auto &[t0, c0] = stops[k - 1];
        const auto &[t1, c1] = stops[k];
        const double u = std::clamp((t - t0) / (t1 - t0), 0.0, 1.0);
        auto mix = [u](int a, int b) { return int(std::lround(a + (b - a) * u)); };
        lut[size_t(i)] = qRgb(mix(c0.red(), c1.red()), mix(c0.green(), c1.green()), mix(c0.blue(), c1.blue()));
    }
    return lut;
}

} // namespace

const std::array<QRgb, 256> &paletteColors(ThermalPalette palette)
{
    static const std::array<QRgb, 256> whiteHot = gradient({{0, Qt::black}, {1, Qt::white}});
    static const std::array<QRgb, 256> blackHot = gradient({{0, Qt::white}, {1, Qt::black}});
    // The classic "iron" ramp of thermography: black, indigo, magenta, red, orange, yellow, white.
    static const std::array<QRgb, 256> ironbow = gradient({{0.00, QColor(0, 0, 0)},
                                                           {0.15, QColor(30, 0, 110)},
                                                           {0.35, QColor(140, 0, 150)},
                                                           {0.55, QColor(220, 50, 40)},
                                                           {0.75, QColor(250, 150, 0)},
                                                           {0.90, QColor(255, 225, 60)},
                                                           {1.00, QColor(255, 255, 255)}});
    switch (palette) {
    case ThermalPalette::BlackHot:
        return blackHot;
    case ThermalPalette::Ironbow:
        return ironbow;
    case ThermalPalette::WhiteHot:
        break;
    }
    return whiteHot;
}

QImage renderThermal(const QImage &frame, ThermalPalette palette, const ContrastWindow &window,
                     int *usedLow, int *usedHigh)
{
    const bool deep = frame.format() == QImage::Format_Grayscale16;
    if (!deep && frame.format() != QImage::Format_Grayscale8)
        return frame.convertToFormat(QImage::Format_RGB32);

    const int maxValue = deep ? 65535 : 255;
    int low = 0, high = maxValue;
    if (!window.automatic) {
        low = std::clamp(window.low, 0, maxValue);
        high = std::clamp(window.high, 0, maxValue);
    } else if (deep) {
        // Percentiles from a 4096-bin histogram: exact enough for a display window, one pass.
        std::vector<std::int64_t> histogram(4096, 0);
        for (int y = 0; y < frame.height(); ++y) {
            const auto *row = reinterpret_cast<const quint16 *>(frame.constScanLine(y));
            for (int x = 0; x < frame.width(); ++x)
                ++histogram[row[x] >> 4];
        }
        const std::int64_t total = std::int64_t(frame.width()) * frame.height();
        const std::int64_t lowCount = total / 200, highCount = total - total / 200;
        std::int64_t seen = 0;
        int lowBin = 0, highBin = 4095;
        bool lowFound = false;
        for (int b = 0; b < 4096; ++b) {
            seen += histogram[size_t(b)];
            if (!lowFound && seen > lowCount) {
                lowBin = b;
                lowFound = true;
            }
            if (seen >= highCount) {
                highBin = b;
                break;
            }
        }
        low = lowBin << 4;
        high = (highBin << 4) + 15;
    }
    if (high <= low)
        high = std::min(maxValue, low + 1);
    if (usedLow)
        *usedLow = low;
    if (usedHigh)
        *usedHigh = high;

    const auto &colors = paletteColors(palette);
    // One lookup table from the frame's values straight to colours.
    std::vector<QRgb> lut(size_t(maxValue) + 1);
    const double scale = 255.0 / double(high - low);
    for (int v = 0; v <= maxValue; ++v) {
        const int level = std::clamp(int(std::lround((v - low) * scale)), 0, 255);
        lut[size_t(v)] = colors[size_t(level)];
    }
    QImage out(frame.size(), QImage::Format_RGB32);
    for (int y = 0; y < frame.height(); ++y) {
        auto *dst = reinterpret_cast<QRgb *>(out.scanLine(y));
        if (deep) {
            const auto *src = reinterpret_cast<const quint16 *>(frame.constScanLine(y));
            for (int x = 0; x < frame.width(); ++x)
                dst[x] = lut[src[x]];
        } else {
            const uchar *src = frame.constScanLine(y);
            for (int x = 0; x < frame.width(); ++x)
                dst[x] = lut[src[x]];
        }
    }
    return out;
}

} // namespace vigie
