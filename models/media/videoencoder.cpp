#include "models/media/videoencoder.h"
#include "models/media/ffmpegsupport.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <QCoreApplication>
#include <QFile>


namespace vigie::media {

namespace {

/// The translation context of this file's messages (lupdate reads the same one).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::media::VideoEncoder)
};

} // namespace

struct VideoEncoder::Impl
{
    QString path;
    Settings settings;
    AVFormatContext *format = nullptr;
    AVCodecContext *codec = nullptr;
    AVStream *stream = nullptr;
    AVFrame *frame = nullptr;
    AVPacket *packet = nullptr;
    SwsContext *sws = nullptr;
    std::int64_t written = 0;
    bool finished = false;

    ~Impl()
    {
        sws_freeContext(sws);
        av_packet_free(&packet);
        av_frame_free(&frame);
        avcodec_free_context(&codec);
        if (format) {
            if (!(format->oformat->flags & AVFMT_NOFILE))
                avio_closep(&format->pb);
            avformat_free_context(format);
        }
    }

    bool drain(AVFrame *f, QString *error)
    {
        int rc = avcodec_send_frame(codec, f);
        if (rc < 0 && rc != AVERROR_EOF) {
            *error = Tr::tr("%1: encoding failed: %2").arg(path, avError(rc));
            return false;
        }
        while (true) {
            rc = avcodec_receive_packet(codec, packet);
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
                return true;
            if (rc < 0) {
                *error = Tr::tr("%1: encoding failed: %2").arg(path, avError(rc));
                return false;
            }
            // Encoders leave the duration at 0; without it the MP4 muxer's edit list ends one
            // frame early and players drop the last frame.
            if (packet->duration == 0)
                packet->duration = 1;
            av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
            packet->stream_index = stream->index;
            rc = av_interleaved_write_frame(format, packet);
            if (rc < 0) {
                *error = Tr::tr("%1: writing failed: %2").arg(path, avError(rc));
                return false;
            }
        }
    }
};

VideoEncoder::VideoEncoder()
    : d(std::make_unique<Impl>())
{
}

VideoEncoder::~VideoEncoder()
{
    if (!d->finished) {
        QString ignored;
        finish(&ignored);
    }
}

std::int64_t VideoEncoder::framesWritten() const
{
    return d->written;
}

std::unique_ptr<VideoEncoder> VideoEncoder::open(const QString &path, const Settings &s, QString *error)
{
    quietFfmpegLog();
    std::unique_ptr<VideoEncoder> e(new VideoEncoder);
    Impl &d = *e->d;
    d.path = path;
    d.settings = s;
    const QByteArray local = QFile::encodeName(path);
    int rc = avformat_alloc_output_context2(&d.format, nullptr, nullptr, local.constData());
    if (rc < 0 || !d.format) {
        *error = Tr::tr("%1: no container for this file name: %2").arg(path, avError(rc));
        return nullptr;
    }
    const AVCodec *codec = avcodec_find_encoder_by_name(s.codec.toLatin1().constData());
    if (!codec) {
        *error = Tr::tr("FFmpeg has no %1 encoder").arg(s.codec);
        return nullptr;
    }
    const AVPixelFormat pixfmt = av_get_pix_fmt(s.pixelFormat.toLatin1().constData());
    if (pixfmt == AV_PIX_FMT_NONE) {
        *error = Tr::tr("unknown pixel format %1").arg(s.pixelFormat);
        return nullptr;
    }
    d.stream = avformat_new_stream(d.format, nullptr);
    d.codec = avcodec_alloc_context3(codec);
    d.codec->width = s.width;
    d.codec->height = s.height;
    d.codec->pix_fmt = pixfmt;
    d.codec->time_base = AVRational{s.fpsDen, s.fpsNum};
    d.codec->framerate = AVRational{s.fpsNum, s.fpsDen};
    d.codec->gop_size = s.gop;
    d.codec->max_b_frames = s.bFrames;
    d.codec->thread_count = s.threads;
    if (s.deterministic)
        d.codec->flags |= AV_CODEC_FLAG_BITEXACT;
    if (d.format->oformat->flags & AVFMT_GLOBALHEADER)
        d.codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (s.codec == QLatin1String("libx264")) {
        av_opt_set(d.codec->priv_data, "preset", s.preset.toLatin1().constData(), 0);
        av_opt_set_int(d.codec->priv_data, "crf", s.crf, 0);
        // Sliced threads give the same bitstream whatever the scheduling; frame threads do not.
        if (s.deterministic)
            av_opt_set(d.codec->priv_data, "x264-params", "sliced-threads=1:threads=2:trellis=0:subme=1:me=dia:ref=1", 0);
    }
    if (s.codec == QLatin1String("ffv1")) {
        av_opt_set_int(d.codec->priv_data, "level", 3, 0);
        av_opt_set_int(d.codec->priv_data, "slices", 4, 0);
    }
    rc = avcodec_open2(d.codec, codec, nullptr);
    if (rc < 0) {
        *error = Tr::tr("%1: cannot open the %2 encoder: %3").arg(path, s.codec, avError(rc));
        return nullptr;
    }
    avcodec_parameters_from_context(d.stream->codecpar, d.codec);
    d.stream->time_base = d.codec->time_base;
    if (!(d.format->oformat->flags & AVFMT_NOFILE)) {
        rc = avio_open(&d.format->pb, local.constData(), AVIO_FLAG_WRITE);
        if (rc < 0) {
            *error = Tr::tr("%1: cannot write: %2").arg(path, avError(rc));
            return nullptr;
        }
    }
    AVDictionary *opts = nullptr;
    if (s.deterministic)
        av_dict_set(&opts, "fflags", "+bitexact", 0);
    rc = avformat_write_header(d.format, &opts);
    av_dict_free(&opts);
    if (rc < 0) {
        *error = Tr::tr("%1: cannot write the header: %2").arg(path, avError(rc));
        return nullptr;
    }
    d.frame = av_frame_alloc();
    d.frame->format = pixfmt;
    d.frame->width = s.width;
    d.frame->height = s.height;
    av_frame_get_buffer(d.frame, 0);
    d.packet = av_packet_alloc();
    return e;
}

bool VideoEncoder::write(const QImage &image, QString *error)
{
    Impl &d = *this->d;
    if (image.width() != d.settings.width || image.height() != d.settings.height) {
        *error = Tr::tr("%1: frame of %2×%3, the video is %4×%5")
                     .arg(d.path).arg(image.width()).arg(image.height()).arg(d.settings.width).arg(d.settings.height);
        return false;
    }
    AVPixelFormat src = AV_PIX_FMT_BGR24;
    switch (image.format()) {
    case QImage::Format_Grayscale8: src = AV_PIX_FMT_GRAY8; break;
    case QImage::Format_Grayscale16: src = AV_PIX_FMT_GRAY16LE; break;
    case QImage::Format_BGR888: src = AV_PIX_FMT_BGR24; break;
    default:
        return write(image.convertToFormat(QImage::Format_BGR888), error);
    }
    d.sws = sws_getCachedContext(d.sws, image.width(), image.height(), src, d.settings.width, d.settings.height,
                                 d.codec->pix_fmt, SWS_POINT | SWS_BITEXACT | SWS_ACCURATE_RND, nullptr, nullptr, nullptr);
    if (av_frame_make_writable(d.frame) < 0)
        return false;
    const uint8_t *srcData[4] = {image.constBits(), nullptr, nullptr, nullptr};
    const int srcStride[4] = {int(image.bytesPerLine()), 0, 0, 0};
    sws_scale(d.sws, srcData, srcStride, 0, image.height(), d.frame->data, d.frame->linesize);
    d.frame->pts = d.written++;
    return d.drain(d.frame, error);
}

bool VideoEncoder::finish(QString *error)
{
    Impl &d = *this->d;
    if (d.finished)
        return true;
    d.finished = true;
    if (!d.drain(nullptr, error))
        return false;
    const int rc = av_write_trailer(d.format);
    if (rc < 0) {
        *error = Tr::tr("%1: cannot finish the file: %2").arg(d.path, avError(rc));
        return false;
    }
    return true;
}

} // namespace vigie::media
