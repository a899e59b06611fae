#pragma once

// A decoded picture still in the decoder's own pixel format: a reference to an FFmpeg AVFrame
// (internal to vigie_media). Frames decoded on the way to another one (the GOP before a
// backward step, the frames between a keyframe and a seek target) are cached in this form and
// converted to display pixels only when someone asks for them: a 1080p YUV 4:2:0 picture costs
// half the memory of its BGR image, and the conversion is skipped for frames never shown.

#include "models/media/videoframe.h"

#include <QImage>

#include <cstdint>

struct AVFrame;

namespace vigie::media {

class RawPicture
{
public:
    /// Takes the frame's references (the AVFrame is left empty).
    RawPicture(AVFrame *frame, PixelOutput output);
    ~RawPicture();
    RawPicture(const RawPicture &) = delete;
    RawPicture &operator=(const RawPicture &) = delete;

    /// Bytes held by the picture's buffers.
    std::int64_t bytes() const;
    /// The picture in `output` pixels (BGR, grey 8 or grey 16). Thread-safe: each thread keeps
    /// its own swscale context.
    QImage toImage() const;

private:
    AVFrame *m_frame;
    PixelOutput m_output;
};

/// Converts one decoded picture to the output's pixels (null image on failure or for None).
QImage convertPicture(const AVFrame *frame, PixelOutput output);

} // namespace vigie::media
