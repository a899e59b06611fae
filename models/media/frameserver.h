#pragma once

// One video, decoded in its own worker thread.
//
// The GUI asks for frames with request(); the worker decodes the newest request and abandons
// an older one still in progress (scrubbing through a two-hour video must not queue thousands
// of decodes). After serving a request it decodes ahead, in the play direction, into the shared
// cache until a new request arrives. Frames arrive through the frameReady signal, queued to the
// receiver's thread. The decoder is created, used and destroyed in the worker thread only.

#include "models/media/videodecoder.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <memory>

namespace vigie::media {

class FrameServer : public QObject
{
    Q_OBJECT

public:
    /// Starts the worker, which opens the video; opened() or failed() follows, delivered through
    /// this object's thread's event loop, so connecting right after construction never misses it.
    FrameServer(const QString &path, const VideoDecoder::Options &options,
                QObject *parent = nullptr);
    /// Stops the worker: requestInterruption(); wake; wait().
    ~FrameServer() override;

    /// The newest request wins. Thread-safe, never blocks.
    void request(std::int64_t index);
    /// Frames to decode ahead of each request, and the direction (+1 forward, −1 backward).
    void setPrefetch(int frames, int direction);
    FrameCache *cache() const { return m_cache.get(); }
    bool isOpen() const { return m_open.load(); }
    /// Valid after opened().
    StreamInfo info() const;
    FrameIndex frameIndex() const;

Q_SIGNALS:
    void opened();
    void failed(const QString &error);
    void frameReady(const vigie::media::VideoFrame &frame);
    void frameFailed(qint64 index, const QString &error);

private:
    void run();

    QString m_path;
    VideoDecoder::Options m_options;
    std::shared_ptr<FrameCache> m_cache;
    QThread *m_thread;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    std::atomic<std::int64_t> m_requested{-1};
    std::atomic<bool> m_newRequest{false};
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_open{false};
    std::atomic<int> m_prefetch{8};
    std::atomic<int> m_direction{1};
    StreamInfo m_info;
    FrameIndex m_index;
};

} // namespace vigie::media

Q_DECLARE_METATYPE(vigie::media::VideoFrame)
