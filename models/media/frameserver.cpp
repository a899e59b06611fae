#include "models/media/frameserver.h"

namespace vigie::media {

FrameServer::FrameServer(const QString &path, const VideoDecoder::Options &options, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_options(options)
    , m_cache(options.cache ? options.cache : std::make_shared<FrameCache>())
    , m_thread(QThread::create([this] { run(); }))
{
    qRegisterMetaType<vigie::media::VideoFrame>();
    m_options.cache = m_cache;
    m_thread->setObjectName(QStringLiteral("FrameServer"));
    m_thread->start();
}

FrameServer::~FrameServer()
{
    m_thread->requestInterruption();
    {
        QMutexLocker lock(&m_mutex);
        m_stop = true;
        m_newRequest = true; // interrupts a decode in progress
        m_wake.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
}

void FrameServer::request(std::int64_t index)
{
    QMutexLocker lock(&m_mutex);
    m_requested = index;
    m_newRequest = true;
    m_wake.wakeAll();
}

void FrameServer::setPrefetch(int frames, int direction)
{
    m_prefetch = std::max(0, frames);
    m_direction = direction < 0 ? -1 : 1;
}

StreamInfo FrameServer::info() const
{
    QMutexLocker lock(&m_mutex);
    return m_info;
}

FrameIndex FrameServer::frameIndex() const
{
    QMutexLocker lock(&m_mutex);
    return m_index;
}

void FrameServer::run()
{
    QString error;
    std::unique_ptr<VideoDecoder> decoder = VideoDecoder::open(m_path, m_options, &error);
    // opened() and failed() are posted to this object's own thread rather than emitted from the
    // worker: the worker starts in the constructor, and a fast open (a cached index, a missing
    // file) would otherwise signal before the owner had a chance to connect.
    if (!decoder) {
        QMetaObject::invokeMethod(this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
        return;
    }
    decoder->setInterruptFlag(&m_newRequest);
    {
        QMutexLocker lock(&m_mutex);
        m_info = decoder->info();
        m_index = decoder->index();
    }
    m_open = true;
    QMetaObject::invokeMethod(this, [this] { Q_EMIT opened(); }, Qt::QueuedConnection);

    std::int64_t served = -1;
    int ahead = 0;
    while (!m_stop) {
        std::int64_t target = -1;
        {
            QMutexLocker lock(&m_mutex);
            if (!m_newRequest && (served < 0 || ahead >= m_prefetch.load()))
                m_wake.wait(&m_mutex);
            if (m_stop)
                break;
            if (m_newRequest) {
                m_newRequest = false;
                target = m_requested;
                ahead = 0;
                served = -1;
            }
        }
        if (target >= 0) {
            QString why;
            const auto frame = decoder->frame(target, &why);
            if (frame) {
                served = target;
                Q_EMIT frameReady(*frame);
            } else if (!m_newRequest) {
                Q_EMIT frameFailed(qint64(target), why);
            }
            continue;
        }
        // Idle: decode ahead into the cache until a request arrives.
        if (served >= 0 && ahead < m_prefetch.load()) {
            ++ahead;
            const std::int64_t next = served + std::int64_t(ahead) * m_direction.load();
            if (next < 0 || next >= decoder->index().count()) {
                ahead = m_prefetch.load();
                continue;
            }
            // A frame cached raw (decoded on the way to another) is converted here, off the GUI
            // thread, since it is about to be shown.
            if (!m_cache->containsConverted(next))
                decoder->frame(next);
        }
    }
}

} // namespace vigie::media
