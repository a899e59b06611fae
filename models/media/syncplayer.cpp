#include "models/media/syncplayer.h"

#include <algorithm>
#include <cmath>

namespace vigie::media {

std::vector<UtcTime> frameTimesFromIndex(const FrameIndex &index, UtcTime first)
{
    std::vector<UtcTime> times;
    times.reserve(size_t(index.count()));
    if (index.frames.empty())
        return times;
    const std::int64_t pts0 = index.frames.front().pts;
    for (const auto &e : index.frames) {
        // Exact rational arithmetic: (pts − pts0) · num / den seconds, in microseconds.
        const long double us = (long double)(e.pts - pts0) * index.timeBaseNum * 1e6L / index.timeBaseDen;
        times.push_back(first + std::int64_t(std::llround(double(us))));
    }
    return times;
}

SyncPlayer::SyncPlayer(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<vigie::UtcTime>();
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SyncPlayer::tick);
}

int SyncPlayer::addStream(const QString &name, FrameServer *server, std::vector<UtcTime> frameUtc)
{
    m_streams.push_back({name, server, std::move(frameUtc), 0, -2});
    if (m_streams.size() == 1 && !m_streams.front().utc.empty())
        m_time = m_streams.front().utc.front();
    return int(m_streams.size()) - 1;
}

void SyncPlayer::setMaster(int stream)
{
    if (stream >= 0 && stream < streamCount())
        m_master = stream;
}

void SyncPlayer::setOffset(int stream, std::int64_t offsetUs)
{
    if (stream < 0 || stream >= streamCount())
        return;
    m_streams[size_t(stream)].offsetUs = offsetUs;
    apply(m_time, false);
}

UtcTime SyncPlayer::frameTime(int stream, std::int64_t index) const
{
    const Stream &s = m_streams[size_t(stream)];
    if (index < 0 || index >= std::int64_t(s.utc.size()))
        return {};
    return s.utc[size_t(index)] + s.offsetUs;
}

std::int64_t SyncPlayer::frameCount(int stream) const
{
    return std::int64_t(m_streams[size_t(stream)].utc.size());
}

UtcTime SyncPlayer::begin() const
{
    bool any = false;
    UtcTime t;
    for (int i = 0; i < streamCount(); ++i) {
        if (frameCount(i) == 0)
            continue;
        const UtcTime b = frameTime(i, 0);
        t = any ? std::min(t, b) : b;
        any = true;
    }
    return t;
}

UtcTime SyncPlayer::end() const
{
    bool any = false;
    UtcTime t;
    for (int i = 0; i < streamCount(); ++i) {
        if (frameCount(i) == 0)
            continue;
        const UtcTime e = frameTime(i, frameCount(i) - 1);
        t = any ? std::max(t, e) : e;
        any = true;
    }
    return t;
}

std::int64_t SyncPlayer::frameAt(int stream, UtcTime utc) const
{
    const Stream &s = m_streams[size_t(stream)];
    const UtcTime local = utc - s.offsetUs;
    const auto it = std::upper_bound(s.utc.begin(), s.utc.end(), local);
    return std::int64_t(it - s.utc.begin()) - 1;
}

void SyncPlayer::seek(UtcTime utc)
{
    apply(std::clamp(utc, begin(), end()), false);
}

void SyncPlayer::seekFrame(int stream, qint64 index)
{
    if (stream < 0 || stream >= streamCount() || frameCount(stream) == 0)
        return;
    index = std::clamp<qint64>(index, 0, frameCount(stream) - 1);
    apply(frameTime(stream, index), false);
}

void SyncPlayer::step(int frames)
{
    if (m_streams.empty() || frameCount(m_master) == 0)
        return;
    pause();
    std::int64_t current = frameAt(m_master, m_time);
    if (current < 0 && frames > 0)
        current = -1;
    const std::int64_t target = std::clamp<std::int64_t>(current + frames, 0, frameCount(m_master) - 1);
    // Direction hint for the prefetchers.
    for (Stream &s : m_streams) {
        if (s.server)
            s.server->setPrefetch(8, frames >= 0 ? 1 : -1);
    }
    apply(frameTime(m_master, target), false);
}

void SyncPlayer::play()
{
    if (isPlaying() || m_streams.empty())
        return;
    if (m_time >= end())
        m_time = begin();
    m_playStart = m_time;
    m_clock.start();
    for (Stream &s : m_streams) {
        if (s.server)
            s.server->setPrefetch(12, 1);
    }
    m_timer.start(10);
    Q_EMIT playingChanged(true);
}

void SyncPlayer::pause()
{
    if (!isPlaying())
        return;
    m_timer.stop();
    Q_EMIT playingChanged(false);
}

void SyncPlayer::togglePlay()
{
    isPlaying() ? pause() : play();
}

void SyncPlayer::setRate(double rate)
{
    const double clamped = std::clamp(rate, 0.25, 16.0);
    if (isPlaying()) {
        m_playStart = m_time;
        m_clock.restart();
    }
    m_rate = clamped;
}

void SyncPlayer::tick()
{
    const std::int64_t elapsedUs = std::int64_t(double(m_clock.nsecsElapsed()) / 1000.0 * m_rate);
    const UtcTime t = m_playStart + elapsedUs;
    if (t >= end()) {
        apply(end(), true);
        pause();
        return;
    }
    apply(t, true);
}

void SyncPlayer::apply(UtcTime utc, bool fromPlayback)
{
    Q_UNUSED(fromPlayback)
    const bool moved = utc != m_time;
    m_time = utc;
    for (int i = 0; i < streamCount(); ++i) {
        Stream &s = m_streams[size_t(i)];
        const std::int64_t frame = frameAt(i, utc);
        if (frame == s.current)
            continue;
        s.current = frame;
        if (s.server && frame >= 0)
            s.server->request(frame);
        Q_EMIT frameChanged(i, qint64(frame));
    }
    if (moved || !fromPlayback)
        Q_EMIT timeChanged(utc);
}

} // namespace vigie::media
