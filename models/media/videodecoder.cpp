#include "models/media/videodecoder.h"
#include "models/media/ffmpegsupport.h"
#include "models/media/rawpicture.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
}

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <iterator>
#include <cstring>
#include <deque>

namespace vigie::media {

namespace {

/// The translation context of this file's messages (lupdate reads the same one).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::media::VideoDecoder)
};

struct FormatCloser
{
    void operator()(AVFormatContext *c) const { avformat_close_input(&c); }
};
struct CodecFreer
{
    void operator()(AVCodecContext *c) const { avcodec_free_context(&c); }
};
struct PacketFreer
{
    void operator()(AVPacket *p) const { av_packet_free(&p); }
};
struct FrameFreer
{
    void operator()(AVFrame *f) const { av_frame_free(&f); }
};

bool isGrey(AVPixelFormat fmt, int *depth)
{
    const AVPixFmtDescriptor *desc = av_pix_fmt_desc_get(fmt);
    if (!desc)
        return false;
    *depth = desc->comp[0].depth;
    return desc->nb_components <= 2 && !(desc->flags & AV_PIX_FMT_FLAG_RGB)
           && !(desc->flags & AV_PIX_FMT_FLAG_PAL);
}

} // namespace

struct VideoDecoder::Impl
{
    Options options;
    std::unique_ptr<AVFormatContext, FormatCloser> format;
    std::unique_ptr<AVCodecContext, CodecFreer> codec;
    std::unique_ptr<AVPacket, PacketFreer> packet{av_packet_alloc()};
    std::unique_ptr<AVFrame, FrameFreer> avframe{av_frame_alloc()};
    AVStream *stream = nullptr;
    int streamIndex = -1;
    StreamInfo info;
    FrameIndex index;
    DecodeStats stats;
    bool indexCached = false;
    PixelOutput output = PixelOutput::Bgr8;
    const std::atomic<bool> *interrupt = nullptr;

    // Decoder position.
    bool positioned = false;  ///< the decoder continues from a seek or from the start
    bool draining = false;    ///< end of file reached, null packet sent
    bool drained = false;
    std::int64_t lastOutput = -1;   ///< the last frame index the decoder produced
    std::int64_t synthesizedNext = 0; ///< output counter when the file has no timestamps
    /// A decoded frame not yet handed out: its number and times, and its picture still in the
    /// decoder's format (converted only if it is the one asked for).
    struct Decoded
    {
        VideoFrame meta;
        std::shared_ptr<const RawPicture> picture;
    };
    std::deque<Decoded> pending;      ///< decoded, not yet returned by next()
    std::int64_t skipBeforeDts = AV_NOPTS_VALUE; ///< after a seek without timestamps
    std::int64_t skipBeforePosition = -1;
    /// After a seek to a frame within the reorder delay of its keyframe: the pts of its packet,
    /// after which the decoder is drained instead of fed more packets (see frame()).
    std::int64_t drainAfterPts = AV_NOPTS_VALUE;
    std::vector<bool> ptsKnown; ///< while building the index: which packets had a pts

    bool buildIndex(QString *error);
    bool reconstructTimestamps();
    /// After a seek: reads up to the first packet of the stream, keeps it for the decoder, and
    /// says whether it is at or before the keyframe's dts.
    bool peekLanding(std::int64_t keyDts);
    std::unique_ptr<AVPacket, PacketFreer> held; ///< read by peekLanding, not yet decoded
    bool seekTo(std::int64_t keyIndex, QString *error);
    /// Feeds packets until at least one frame comes out (or the end). Decoded frames are
    /// appended to `pending`. Returns false at end of stream or on interrupt.
    bool decodeSome(QString *error);
    VideoFrame frameFor(std::int64_t frameIndex) const;
    VideoFrame converted(const Decoded &d) const;
    void takeFrame();
    std::int64_t frameNumberOf(const AVFrame *f);
};

VideoDecoder::VideoDecoder()
    : d(std::make_unique<Impl>())
{
}

VideoDecoder::~VideoDecoder() = default;

const StreamInfo &VideoDecoder::info() const { return d->info; }
const FrameIndex &VideoDecoder::index() const { return d->index; }
const DecodeStats &VideoDecoder::stats() const { return d->stats; }
bool VideoDecoder::indexWasCached() const { return d->indexCached; }
FrameCache *VideoDecoder::cache() const { return d->options.cache.get(); }
void VideoDecoder::setInterruptFlag(const std::atomic<bool> *flag) { d->interrupt = flag; }

std::unique_ptr<VideoDecoder> VideoDecoder::open(const QString &path, const Options &options,
                                                 QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    quietFfmpegLog(); // decode problems are reported through DecodeStats and errors
    std::unique_ptr<VideoDecoder> decoder(new VideoDecoder);
    Impl &d = *decoder->d;
    d.options = options;
    d.info.path = path;
    const bool sequence = path.contains(QLatin1Char('%'));
    if (!sequence) {
        const QFileInfo fi(path);
        if (!fi.exists()) {
            *error = Tr::tr("%1: no such file").arg(path);
            return nullptr;
        }
        if (fi.size() == 0) {
            *error = Tr::tr("%1: empty file").arg(path);
            return nullptr;
        }
    }
    const AVInputFormat *forced = sequence ? av_find_input_format("image2") : nullptr;
    AVFormatContext *raw = nullptr;
    const QByteArray local = QFile::encodeName(path);
    int rc = avformat_open_input(&raw, local.constData(), forced, nullptr);
    if (rc < 0) {
        *error = Tr::tr("%1: cannot open: %2").arg(path, avError(rc));
        return nullptr;
    }
    d.format.reset(raw);
    rc = avformat_find_stream_info(raw, nullptr);
    if (rc < 0) {
        *error = Tr::tr("%1: cannot read stream information: %2").arg(path, avError(rc));
        return nullptr;
    }
    const AVCodec *codec = nullptr;
    d.streamIndex = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
    if (d.streamIndex < 0) {
        *error = d.streamIndex == AVERROR_DECODER_NOT_FOUND
                     ? Tr::tr("%1: no decoder for its video codec").arg(path)
                     : Tr::tr("%1: no video stream").arg(path);
        return nullptr;
    }
    d.stream = raw->streams[d.streamIndex];
    for (unsigned i = 0; i < raw->nb_streams; ++i) {
        if (int(i) != d.streamIndex)
            raw->streams[i]->discard = AVDISCARD_ALL;
    }
    AVCodecContext *ctx = avcodec_alloc_context3(codec);
    d.codec.reset(ctx);
    avcodec_parameters_to_context(ctx, d.stream->codecpar);
    ctx->thread_count = options.threads;
    ctx->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    ctx->pkt_timebase = d.stream->time_base;
    rc = avcodec_open2(ctx, codec, nullptr);
    if (rc < 0) {
        *error = Tr::tr("%1: cannot open the %2 decoder: %3")
                     .arg(path, QString::fromLatin1(codec->name), avError(rc));
        return nullptr;
    }
    if (ctx->width <= 0 || ctx->height <= 0) {
        *error = Tr::tr("%1: the video stream has no frame size").arg(path);
        return nullptr;
    }

    // The index: from the cache when it matches the file, else by demuxing.
    const QFileInfo fi(sequence ? QString() : path);
    const std::int64_t size = sequence ? 0 : fi.size();
    const std::int64_t modified = sequence ? 0 : fi.lastModified().toMSecsSinceEpoch();
    if (!options.indexPath.isEmpty() && !sequence) {
        if (auto cached = FrameIndex::load(options.indexPath, size, modified)) {
            d.index = std::move(*cached);
            d.indexCached = true;
        }
    }
    if (!d.indexCached) {
        if (!d.buildIndex(error))
            return nullptr;
        d.index.fileSize = size;
        d.index.fileModifiedMs = modified;
        if (!options.indexPath.isEmpty() && !sequence)
            d.index.save(options.indexPath);
    }
    if (d.index.count() == 0) {
        *error = Tr::tr("%1: the video stream has no frame").arg(path);
        return nullptr;
    }

    // Stream description.
    StreamInfo &info = d.info;
    info.container = QString::fromLatin1(raw->iformat->name);
    info.codec = QString::fromLatin1(codec->name);
    info.codecLongName = QString::fromLatin1(codec->long_name ? codec->long_name : codec->name);
    const auto pixfmt = AVPixelFormat(d.stream->codecpar->format);
    info.pixelFormat = QString::fromLatin1(av_get_pix_fmt_name(pixfmt) ? av_get_pix_fmt_name(pixfmt) : "unknown");
    info.width = ctx->width;
    info.height = ctx->height;
    int depth = 8;
    info.grey = isGrey(pixfmt, &depth);
    info.bitDepth = depth;
    info.frameCount = d.index.count();
    const double tb = av_q2d(d.stream->time_base);
    const auto &frames = d.index.frames;
    const double span = double(frames.back().pts - frames.front().pts) * tb;
    info.fps = d.stream->avg_frame_rate.num > 0 ? av_q2d(d.stream->avg_frame_rate)
               : span > 0                        ? double(frames.size() - 1) / span
                                                 : 0.0;
    info.durationS = span + (info.fps > 0 ? 1.0 / info.fps : 0.0);
    info.keyframeInterval = d.index.meanKeyframeInterval();
    info.startS = d.stream->start_time != AV_NOPTS_VALUE ? double(d.stream->start_time) * tb : 0.0;

    switch (options.output) {
    case PixelOutput::Auto:
        d.output = info.grey ? (depth > 8 ? PixelOutput::Gray16 : PixelOutput::Gray8) : PixelOutput::Bgr8;
        break;
    case PixelOutput::Thermal:
        d.output = info.grey && depth > 8 ? PixelOutput::Gray16 : PixelOutput::Gray8;
        break;
    default:
        d.output = options.output;
    }
    if (!decoder->rewind(error))
        return nullptr;
    return decoder;
}

bool VideoDecoder::Impl::buildIndex(QString *error)
{
    index = FrameIndex{};
    ptsKnown.clear();
    index.timeBaseNum = stream->time_base.num;
    index.timeBaseDen = stream->time_base.den;
    std::int64_t order = 0;
    bool missing = false;
    while (true) {
        const int rc = av_read_frame(format.get(), packet.get());
        if (rc == AVERROR_EOF)
            break;
        if (rc < 0) {
            // A truncated or damaged file: keep what was demuxed so far.
            break;
        }
        if (packet->stream_index == streamIndex && !(packet->flags & AV_PKT_FLAG_DISCARD)
            && packet->size > 0) {
            FrameIndex::Entry e;
            // A packet without pts (AVI stores only dts for the reference frames of a B-frame
            // stream) makes the whole stream numbered by decode order from its keyframes.
            missing = missing || packet->pts == AV_NOPTS_VALUE;
            ptsKnown.push_back(packet->pts != AV_NOPTS_VALUE);
            e.pts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
            e.dts = packet->dts != AV_NOPTS_VALUE ? packet->dts : AV_NOPTS_VALUE;
            e.position = packet->pos;
            e.decodeOrder = order++;
            e.key = packet->flags & AV_PKT_FLAG_KEY;
            index.frames.push_back(e);
        }
        av_packet_unref(packet.get());
    }
    if (missing && reconstructTimestamps())
        missing = false;
    if (!missing) {
        std::stable_sort(index.frames.begin(), index.frames.end(),
                         [](const FrameIndex::Entry &a, const FrameIndex::Entry &b) { return a.pts < b.pts; });
        for (size_t i = 1; i < index.frames.size(); ++i)
            missing = missing || index.frames[i].pts == index.frames[i - 1].pts;
    }
    if (missing) {
        // No usable timestamps: frames are numbered in decode order, which is presentation order
        // for the streams that lack timestamps (intra or P-only elementary streams).
        std::sort(index.frames.begin(), index.frames.end(),
                  [](const FrameIndex::Entry &a, const FrameIndex::Entry &b) { return a.decodeOrder < b.decodeOrder; });
        for (auto &e : index.frames)
            e.pts = e.decodeOrder; // dts stays: it is what the demuxer seeks by
        index.synthesized = true;
    }
    index.finalize();
    (void)error;
    return true;
}

bool VideoDecoder::Impl::reconstructTimestamps()
{
    // AVI keeps only dts for the reference frames of a B-frame stream; its B-frames carry
    // their pts. Presentation times are the dts shifted by the codec's reorder delay; B-frames
    // take their own, and reference frames, which display in decode order among themselves,
    // take the remaining ones in order. This is what the decoder reports as best-effort
    // timestamps, so frames still match by timestamp.
    auto &frames = index.frames; // decode order here
    if (frames.empty())
        return false;
    const int delay = std::max(stream->codecpar->video_delay, codec->has_b_frames);
    std::vector<std::int64_t> domain;
    domain.reserve(frames.size());
    std::vector<std::int64_t> known;
    for (const auto &e : frames) {
        if (e.dts == AV_NOPTS_VALUE)
            return false;
        domain.push_back(e.dts + delay);
    }
    std::sort(domain.begin(), domain.end());
    if (std::adjacent_find(domain.begin(), domain.end()) != domain.end())
        return false;
    // Which packets had a real pts: buildIndex stored dts in pts when pts was missing, so ask
    // the packets again through their flag.
    std::vector<bool> hasPts(frames.size());
    for (size_t i = 0; i < frames.size(); ++i)
        hasPts[i] = ptsKnown[i];
    for (size_t i = 0; i < frames.size(); ++i) {
        if (hasPts[i])
            known.push_back(frames[i].pts);
    }
    std::sort(known.begin(), known.end());
    std::vector<std::int64_t> remaining;
    std::set_difference(domain.begin(), domain.end(), known.begin(), known.end(),
                        std::back_inserter(remaining));
    if (remaining.size() + known.size() != domain.size())
        return false; // a known pts outside the domain: the guess does not hold
    size_t next = 0;
    for (size_t i = 0; i < frames.size(); ++i) {
        if (!hasPts[i])
            frames[i].pts = remaining[next++];
    }
    return true;
}

bool VideoDecoder::Impl::peekLanding(std::int64_t keyDts)
{
    held.reset();
    while (true) {
        std::unique_ptr<AVPacket, PacketFreer> p(av_packet_alloc());
        if (av_read_frame(format.get(), p.get()) < 0)
            return false;
        if (p->stream_index != streamIndex)
            continue;
        if (p->dts != AV_NOPTS_VALUE && p->dts > keyDts)
            return false; // past the keyframe
        held = std::move(p);
        return true;
    }
}

bool VideoDecoder::rewind(QString *error)
{
    if (d->index.count() == 0)
        return false;
    if (!d->seekTo(0, error))
        return false;
    return true;
}

bool VideoDecoder::Impl::seekTo(std::int64_t keyIndex, QString *error)
{
    held.reset();
    const FrameIndex::Entry &key = index.frames[size_t(keyIndex)];
    int rc = 0;
    if (index.synthesized) {
        // Frames are counted from the keyframe, so decoding must start exactly there: seek
        // before it (by dts, else by byte position, else to the start) and drop the packets
        // that precede it.
        rc = -1;
        if (keyIndex > 0 && key.dts != AV_NOPTS_VALUE)
            rc = av_seek_frame(format.get(), streamIndex, key.dts, AVSEEK_FLAG_BACKWARD);
        if (rc < 0 && keyIndex > 0 && key.position >= 0)
            rc = av_seek_frame(format.get(), streamIndex, key.position, AVSEEK_FLAG_BYTE);
        if (rc < 0) {
            rc = av_seek_frame(format.get(), streamIndex, INT64_MIN, AVSEEK_FLAG_BACKWARD | AVSEEK_FLAG_ANY);
            if (rc < 0)
                rc = avformat_seek_file(format.get(), -1, INT64_MIN, 0, 0, AVSEEK_FLAG_BYTE);
            if (rc >= 0 && keyIndex > 0 && key.dts == AV_NOPTS_VALUE && key.position < 0)
                keyIndex = 0; // nothing to recognise the keyframe by: decode from the start
        }
        skipBeforeDts = keyIndex > 0 ? key.dts : AV_NOPTS_VALUE;
        skipBeforePosition = keyIndex > 0 && key.dts == AV_NOPTS_VALUE ? key.position : -1;
        synthesizedNext = keyIndex;
    } else {
        // Demuxers index keyframes by pts (Matroska cues), by a dts of their own (MP4 shifts it
        // by the B-frame delay) or by reading timestamps (MPEG-TS). Try seeks from the most
        // precise to the bluntest, and keep the first whose first packet is at or before the
        // keyframe; the packets before the keyframe are then dropped, not decoded. Frame 0 starts
        // from the stream's beginning, which also keeps the keyframe an edit list discards.
        const std::int64_t keyDts = key.dts != AV_NOPTS_VALUE ? key.dts : key.pts;
        const std::int64_t early = std::min(keyDts, key.pts);
        auto attempt = [&](int step) {
            switch (step) {
            case 0:
                return keyIndex > 0 ? av_seek_frame(format.get(), streamIndex, key.pts, AVSEEK_FLAG_BACKWARD) : -1;
            case 1:
                return av_seek_frame(format.get(), streamIndex, early, AVSEEK_FLAG_BACKWARD);
            case 2:
                return avformat_seek_file(format.get(), streamIndex, INT64_MIN, INT64_MIN, INT64_MIN, 0);
            default:
                return avformat_seek_file(format.get(), -1, INT64_MIN, 0, 0, AVSEEK_FLAG_BYTE);
            }
        };
        rc = -1;
        for (int step = 0; step < 4; ++step) {
            const int r = attempt(step);
            if (r >= 0 && peekLanding(keyDts)) {
                rc = r;
                break;
            }
            if (r >= 0)
                rc = AVERROR(ERANGE);
        }
        skipBeforeDts = keyIndex > 0 ? key.dts : AV_NOPTS_VALUE;
        skipBeforePosition = -1;
    }
    if (rc < 0) {
        if (error)
            *error = Tr::tr("%1: cannot seek to frame %2: %3").arg(info.path, QString::number(keyIndex), avError(rc));
        positioned = false;
        return false;
    }
    avcodec_flush_buffers(codec.get());
    ++stats.seeks;
    positioned = true;
    draining = false;
    drained = false;
    lastOutput = keyIndex - 1;
    drainAfterPts = AV_NOPTS_VALUE;
    pending.clear();
    return true;
}

std::int64_t VideoDecoder::Impl::frameNumberOf(const AVFrame *f)
{
    if (index.synthesized)
        return synthesizedNext++;
    std::int64_t ts = f->best_effort_timestamp;
    if (ts == AV_NOPTS_VALUE)
        ts = f->pts;
    if (ts == AV_NOPTS_VALUE) {
        // Frames leave the decoder in presentation order; the one it could not stamp (the last
        // reference frame drained from an AVI B-frame stream) follows the last one out.
        return lastOutput + 1 < index.count() ? lastOutput + 1 : -1;
    }
    return index.indexOfPts(ts);
}

bool VideoDecoder::Impl::decodeSome(QString *error)
{
    const std::size_t before = pending.size();
    while (pending.size() == before) {
        if (interrupt && interrupt->load()) {
            if (error)
                *error = Tr::tr("interrupted");
            return false;
        }
        // Take every frame the decoder has ready.
        while (true) {
            const int rc = avcodec_receive_frame(codec.get(), avframe.get());
            if (rc == AVERROR(EAGAIN))
                break;
            if (rc == AVERROR_EOF) {
                drained = true;
                positioned = false;
                return pending.size() > before;
            }
            if (rc < 0) {
                ++stats.corruptPackets;
                break;
            }
            takeFrame();
        }
        if (pending.size() > before)
            return true;
        if (draining)
            continue; // keep receiving until EOF
        // Feed the next packet of our stream (the one a seek check read first, if any).
        int rc = 0;
        if (held) {
            av_packet_move_ref(packet.get(), held.get());
            held.reset();
        } else {
            rc = av_read_frame(format.get(), packet.get());
        }
        if (rc < 0) {
            // End of file, or a truncated file: drain what the decoder holds.
            avcodec_send_packet(codec.get(), nullptr);
            draining = true;
            continue;
        }
        if (packet->stream_index != streamIndex) {
            av_packet_unref(packet.get());
            continue;
        }
        if ((skipBeforeDts != AV_NOPTS_VALUE && packet->dts != AV_NOPTS_VALUE && packet->dts < skipBeforeDts)
            || (skipBeforePosition >= 0 && packet->pos >= 0 && packet->pos < skipBeforePosition)) {
            av_packet_unref(packet.get());
            continue;
        }
        skipBeforeDts = AV_NOPTS_VALUE;
        skipBeforePosition = -1;
        const std::int64_t pts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
        int sent = avcodec_send_packet(codec.get(), packet.get());
        while (sent == AVERROR(EAGAIN)) {
            // The decoder's output is full: empty it into pending, then send again.
            while (avcodec_receive_frame(codec.get(), avframe.get()) == 0)
                takeFrame();
            sent = avcodec_send_packet(codec.get(), packet.get());
        }
        ++stats.packetsSent;
        if (drainAfterPts != AV_NOPTS_VALUE && packet->pts == drainAfterPts) {
            // Everything the frame asked for depends on has been sent: release it now rather
            // than after the packets of the reorder delay.
            drainAfterPts = AV_NOPTS_VALUE;
            av_packet_unref(packet.get());
            avcodec_send_packet(codec.get(), nullptr);
            draining = true;
            continue;
        }
        if (sent < 0 && sent != AVERROR_EOF) {
            ++stats.corruptPackets;
            if (stats.corruptFrames.size() < 100)
                stats.corruptFrames.append(index.synthesized ? -1 : index.indexOfPts(pts));
        }
        av_packet_unref(packet.get());
    }
    return true;
}

void VideoDecoder::Impl::takeFrame()
{
    ++stats.framesDecoded;
    const std::int64_t n = frameNumberOf(avframe.get());
    if (avframe->decode_error_flags || (avframe->flags & AV_FRAME_FLAG_CORRUPT)) {
        ++stats.corruptFrameCount;
        if (stats.corruptFrames.size() < 100)
            stats.corruptFrames.append(n);
    }
    if (n >= 0) {
        Decoded d{frameFor(n), nullptr};
        if (output != PixelOutput::None)
            d.picture = std::make_shared<const RawPicture>(avframe.get(), output);
        pending.push_back(std::move(d));
        lastOutput = n;
    }
    av_frame_unref(avframe.get());
}

VideoFrame VideoDecoder::Impl::frameFor(std::int64_t frameIndex) const
{
    VideoFrame out;
    out.index = frameIndex;
    out.pts = index.frames[size_t(std::clamp<std::int64_t>(frameIndex, 0, index.count() - 1))].pts;
    out.seconds = index.secondsOf(frameIndex);
    return out;
}

VideoFrame VideoDecoder::Impl::converted(const Decoded &d) const
{
    VideoFrame out = d.meta;
    if (d.picture)
        out.image = d.picture->toImage();
    return out;
}

std::optional<VideoFrame> VideoDecoder::frame(std::int64_t n, QString *error)
{
    Impl &i = *d;
    if (n < 0 || n >= i.index.count()) {
        if (error)
            *error = Tr::tr("%1: no frame %2 (the video has %3)")
                         .arg(i.info.path, QString::number(n), QString::number(i.index.count()));
        return std::nullopt;
    }
    if (FrameCache *cache = i.options.cache.get()) {
        if (auto hit = cache->find(n))
            return hit;
    }
    for (int back = 0; back < 3; ++back) {
        const std::int64_t key = i.index.seekFrameFor(n, back);
        // Continue forward when the decoder already sits in the right stretch; seek otherwise.
        const bool canContinue = back == 0 && i.positioned && !i.drained && i.lastOutput < n
                                 && key <= i.lastOutput + 1
                                 && n - i.lastOutput <= std::max<std::int64_t>(
                                        8, std::int64_t(2 * i.index.meanKeyframeInterval()));
        if (!canContinue) {
            if (!i.seekTo(key, error))
                return std::nullopt;
            // A B-frame decoder holds each frame until `delay` more have been decoded, which
            // for a frame just after its keyframe is most of the work. Draining instead releases
            // it as soon as its own packet is in; the decoder then cannot continue, and the next
            // frame needs a new seek, which within the delay costs no more than what was saved.
            const int delay = std::max(i.codec->has_b_frames, i.stream->codecpar->video_delay);
            if (!i.index.synthesized && delay > 0 && back == 0 && n - key <= delay)
                i.drainAfterPts = i.index.frames[size_t(n)].pts;
        }
        std::optional<VideoFrame> found;
        bool overshot = false;
        while (!found && !overshot) {
            // Hand out what is pending, caching every frame decoded on the way.
            // Only the frame asked for is converted to display pixels; the others go to the
            // cache as the decoder's pictures, converted if and when they are asked for.
            while (!i.pending.empty()) {
                Impl::Decoded f = std::move(i.pending.front());
                i.pending.pop_front();
                FrameCache *cache = i.options.cache.get();
                if (f.meta.index == n && !found) {
                    found = i.converted(f);
                    if (cache)
                        cache->insert(*found);
                } else {
                    if (cache)
                        cache->insertRaw(f.meta, f.picture);
                    if (f.meta.index > n && !found)
                        overshot = true;
                }
            }
            if (found || overshot)
                break;
            QString why;
            if (!i.decodeSome(&why)) {
                if (why == Tr::tr("interrupted")) {
                    if (error)
                        *error = why;
                    return std::nullopt;
                }
                overshot = true; // end of stream without it
            }
        }
        if (found)
            return found;
    }
    if (error)
        *error = Tr::tr("%1: frame %2 cannot be decoded (damaged or missing data)")
                     .arg(i.info.path, QString::number(n));
    return std::nullopt;
}

std::optional<VideoFrame> VideoDecoder::next(QString *error)
{
    Impl &i = *d;
    if (!i.positioned && i.pending.empty())
        return std::nullopt;
    if (i.pending.empty()) {
        QString why;
        if (!i.decodeSome(&why)) {
            if (error && !why.isEmpty())
                *error = why;
            if (i.pending.empty())
                return std::nullopt;
        }
    }
    const Impl::Decoded f = std::move(i.pending.front());
    i.pending.pop_front();
    return i.converted(f);
}

} // namespace vigie::media
