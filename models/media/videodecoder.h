#pragma once

// The decoder and its threading contract.
//
// A VideoDecoder owns one libavformat demuxer and one libavcodec decoder: it is used by one
// thread at a time (FFmpeg contexts are not thread-safe), typically a FrameServer's worker.
// Frames are numbered by the FrameIndex (presentation order of demuxed timestamps), and
// frame(N) returns exactly that frame: seek to the keyframe that frame needs, flush, decode
// forward, and match the decoded frames' timestamps to the index, never counting outputs. Every
// frame decoded on the way goes into the cache as the decoder's raw picture (converted to
// display pixels only if it is asked for), so that stepping backwards inside a GOP costs one
// conversion and stepping back across a keyframe decodes that GOP once.

#include "models/media/framecache.h"
#include "models/media/frameindex.h"
#include "models/media/videoframe.h"

#include <QList>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace vigie::media {

struct StreamInfo
{
    QString path;
    QString container;
    QString codec;
    QString codecLongName;
    QString pixelFormat;
    int width = 0, height = 0;
    int bitDepth = 8;
    bool grey = false;
    std::int64_t frameCount = 0;
    double fps = 0;          ///< average over the stream
    double durationS = 0;
    double keyframeInterval = 0;
    double startS = 0;       ///< the stream's start time in the container
};

struct DecodeStats
{
    std::int64_t framesDecoded = 0;
    std::int64_t packetsSent = 0;
    std::int64_t seeks = 0;
    std::int64_t corruptPackets = 0;    ///< packets the decoder refused
    std::int64_t corruptFrameCount = 0; ///< frames the decoder flagged as damaged
    QList<std::int64_t> corruptFrames;  ///< frame numbers of the first damaged ones
};

class VideoDecoder
{
public:
    struct Options
    {
        int threads = 0;                     ///< 0 = FFmpeg's choice
        PixelOutput output = PixelOutput::Auto;
        QString indexPath;                   ///< where the frame index is kept; empty = not kept
        std::shared_ptr<FrameCache> cache;   ///< shared with readers; none = no cache
    };

    /// Opens a video file, or an image sequence given as a printf pattern ("frames/%05d.png").
    /// On failure returns nullptr and a one-line reason naming the file.
    static std::unique_ptr<VideoDecoder> open(const QString &path, const Options &options,
                                              QString *error);
    ~VideoDecoder();

    const StreamInfo &info() const;
    const FrameIndex &index() const;
    const DecodeStats &stats() const;
    bool indexWasCached() const;
    FrameCache *cache() const;

    /// Frame `index`, exactly. nullopt with a reason (naming the frame) when it cannot be decoded.
    std::optional<VideoFrame> frame(std::int64_t index, QString *error = nullptr);

    /// Sequential reading, as `ffmpeg -i FILE` decodes: rewind() then next() until nullopt.
    bool rewind(QString *error = nullptr);
    std::optional<VideoFrame> next(QString *error = nullptr);

    /// While *flag is true, long decodes give up (a newer request arrived). May be null.
    void setInterruptFlag(const std::atomic<bool> *flag);

private:
    VideoDecoder();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace vigie::media
