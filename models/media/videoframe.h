#pragma once

#include <QImage>

#include <cstdint>

namespace vigie::media {

/// The pixels a decoder hands out.
enum class PixelOutput {
    Auto,   ///< grey formats keep grey at their depth (8 or 16 bits), others become BGR
    Bgr8,
    Gray8,  ///< luma only (an IR camera recorded as YUV)
    Gray16,
    Thermal, ///< grey at its depth; a colour-coded recording (YUV) gives its luma as Gray8
    None,   ///< decode only, no pixels (throughput measurements, index checks)
};

/// One decoded frame. The image is Format_BGR888 for colour video, Format_Grayscale8 for 8-bit
/// grey, Format_Grayscale16 for deeper grey (IR keeps its depth until a view applies a palette).
/// QImage is implicitly shared: copies are cheap and safe across threads.
struct VideoFrame
{
    std::int64_t index = -1; ///< presentation order, from 0
    std::int64_t pts = 0;    ///< in the stream's time base
    double seconds = 0;      ///< pts − the stream's first pts, in seconds
    QImage image;

    bool isValid() const { return index >= 0 && !image.isNull(); }
};

} // namespace vigie::media
