#pragma once

#include <QImage>
#include <QString>

#include <memory>

namespace vigie::media {

/// Writes frames to a video file with libavformat/libavcodec (the generator's output).
/// One thread at a time. Frames are given as QImages (BGR888, Grayscale8 or Grayscale16) and
/// converted to the codec's pixel format with swscale.
class VideoEncoder
{
public:
    struct Settings
    {
        QString codec = QStringLiteral("libx264"); ///< libx264, ffv1, mpeg4, mjpeg, ...
        QString pixelFormat = QStringLiteral("yuv420p"); ///< yuv420p, gray, gray16le, ...
        int width = 0, height = 0;
        int fpsNum = 30, fpsDen = 1;
        int gop = 60;
        int bFrames = 2;
        int crf = 23;                ///< libx264 quality
        QString preset = QStringLiteral("superfast");
        int threads = 0;
        bool deterministic = true;   ///< bit-identical output for identical input (x264 threads=1 per slice)
    };

    static std::unique_ptr<VideoEncoder> open(const QString &path, const Settings &settings, QString *error);
    ~VideoEncoder();

    /// Encodes one frame (sized as the settings say). False with a reason on failure.
    bool write(const QImage &frame, QString *error);
    /// Drains the encoder and writes the trailer. Called by the destructor if not called.
    bool finish(QString *error);
    std::int64_t framesWritten() const;

private:
    VideoEncoder();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace vigie::media
