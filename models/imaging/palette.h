#pragma once

// How an infrared frame becomes colours on screen. The decoder keeps IR at its native depth
// (8 or 16 bits of grey); the view picks a palette and a contrast window here, at paint time,
// so that changing either never decodes again.

#include <QImage>

#include <array>

namespace vigie {

enum class ThermalPalette { WhiteHot, BlackHot, Ironbow };

struct ContrastWindow
{
    /// Automatic: 16-bit frames are stretched between their 0.5 % and 99.5 % percentiles;
    /// 8-bit frames are shown as recorded (the camera's own gain already applies).
    bool automatic = true;
    int low = 0;      ///< manual window, in the frame's own units (0–255 or 0–65535)
    int high = 65535;
};

/// Renders a Grayscale8 or Grayscale16 frame through the palette and window into an RGB32
/// image. Other formats are converted to RGB32 unchanged. `usedLow`/`usedHigh` receive the
/// window actually applied (useful to seed a manual window from the automatic one).
QImage renderThermal(const QImage &frame, ThermalPalette palette, const ContrastWindow &window,
                     int *usedLow = nullptr, int *usedHigh = nullptr);

/// The palette's 256 colours (0xffRRGGBB), dark to hot.
const std::array<QRgb, 256> &paletteColors(ThermalPalette palette);

} // namespace vigie
