#include "models/media/rawpicture.h"

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/pixfmt.h>
#include <libswscale/swscale.h>
}

#include <cstring>
#include <memory>

namespace vigie::media {

namespace {

struct SwsFreer
{
    void operator()(SwsContext *s) const { sws_freeContext(s); }
};

} // namespace

RawPicture::RawPicture(AVFrame *frame, PixelOutput output)
    : m_frame(av_frame_alloc())
    , m_output(output)
{
    av_frame_move_ref(m_frame, frame);
}

RawPicture::~RawPicture()
{
    av_frame_free(&m_frame);
}

std::int64_t RawPicture::bytes() const
{
    std::int64_t total = 0;
    for (const AVBufferRef *b : m_frame->buf) {
        if (b)
            total += std::int64_t(b->size);
    }
    return total;
}

QImage RawPicture::toImage() const
{
    return convertPicture(m_frame, m_output);
}

QImage convertPicture(const AVFrame *f, PixelOutput output)
{
    QImage::Format qformat = QImage::Format_BGR888;
    AVPixelFormat target = AV_PIX_FMT_BGR24;
    switch (output) {
    case PixelOutput::None:
        return {};
    case PixelOutput::Gray8:
        qformat = QImage::Format_Grayscale8;
        target = AV_PIX_FMT_GRAY8;
        break;
    case PixelOutput::Gray16:
        qformat = QImage::Format_Grayscale16;
        target = AV_PIX_FMT_GRAY16LE; // QImage's 16-bit grey is native-endian: little on x86
        break;
    default:
        break;
    }
    QImage image(f->width, f->height, qformat);
    if (image.isNull())
        return {};
    const auto src = AVPixelFormat(f->format);
    if (src == target) {
        // Same layout: a plain copy keeps 16-bit values exactly.
        const int rowBytes = std::min<int>(int(image.bytesPerLine()), std::abs(f->linesize[0]));
        for (int y = 0; y < f->height; ++y)
            std::memcpy(image.scanLine(y), f->data[0] + std::ptrdiff_t(y) * f->linesize[0], size_t(rowBytes));
        return image;
    }
    // The "J" formats are full-range YUV under an old name: convert them as what they are.
    AVPixelFormat from = src;
    int fullRange = f->color_range == AVCOL_RANGE_JPEG ? 1 : 0;
    switch (src) {
    case AV_PIX_FMT_YUVJ420P: from = AV_PIX_FMT_YUV420P; fullRange = 1; break;
    case AV_PIX_FMT_YUVJ422P: from = AV_PIX_FMT_YUV422P; fullRange = 1; break;
    case AV_PIX_FMT_YUVJ444P: from = AV_PIX_FMT_YUV444P; fullRange = 1; break;
    case AV_PIX_FMT_YUVJ440P: from = AV_PIX_FMT_YUV440P; fullRange = 1; break;
    case AV_PIX_FMT_YUVJ411P: from = AV_PIX_FMT_YUV411P; fullRange = 1; break;
    default: break;
    }
    // One context per thread: the decoder's worker, and the GUI thread when it converts a
    // cached picture itself. No scaling happens, so the filter does not matter; ACCURATE_RND
    // and BITEXACT would disable swscale's SIMD converters and cost more than the decode.
    thread_local std::unique_ptr<SwsContext, SwsFreer> sws;
    sws.reset(sws_getCachedContext(sws.release(), f->width, f->height, from, f->width, f->height, target,
                                   SWS_POINT, nullptr, nullptr, nullptr));
    if (!sws)
        return {};
    int *invTable = nullptr, *table = nullptr, srcRange = 0, dstRange = 0, brightness = 0, contrast = 0,
        saturation = 0;
    if (sws_getColorspaceDetails(sws.get(), &invTable, &srcRange, &table, &dstRange, &brightness, &contrast,
                                 &saturation) >= 0
        && srcRange != fullRange) {
        sws_setColorspaceDetails(sws.get(), invTable, fullRange, table, dstRange, brightness, contrast,
                                 saturation);
    }
    uint8_t *dst[4] = {image.bits(), nullptr, nullptr, nullptr};
    int dstStride[4] = {int(image.bytesPerLine()), 0, 0, 0};
    sws_scale(sws.get(), f->data, f->linesize, 0, f->height, dst, dstStride);
    return image;
}

} // namespace vigie::media
