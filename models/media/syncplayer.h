#pragma once

// The one clock.
//
// SyncPlayer owns the campaign's UTC playback time and pushes it to everything that shows time:
// each stream maps the clock to its frame (the last frame at or before the clock, through the
// frame's own UTC time, offset included), asks its FrameServer for it, and the views, overlays
// and plots follow timeChanged(). Stepping moves by the master stream's frames, so that every
// step shows a new master frame whatever the other streams' rates. GUI thread only; decoding
// happens in the FrameServers' workers.

#include "models/media/frameserver.h"
#include "models/utctime.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace vigie::media {

class SyncPlayer : public QObject
{
    Q_OBJECT

public:
    explicit SyncPlayer(QObject *parent = nullptr);

    /// Adds a stream whose frame i is at `frameUtc[i]` (before its offset). The server may be
    /// null (telemetry-only tests). Returns the stream's number.
    int addStream(const QString &name, FrameServer *server, std::vector<UtcTime> frameUtc);
    int streamCount() const { return int(m_streams.size()); }
    QString streamName(int stream) const { return m_streams[size_t(stream)].name; }

    void setMaster(int stream);
    int master() const { return m_master; }
    /// A stream's time offset in microseconds: its frame times move by it (live nudging).
    void setOffset(int stream, std::int64_t offsetUs);
    std::int64_t offset(int stream) const { return m_streams[size_t(stream)].offsetUs; }

    UtcTime time() const { return m_time; }
    UtcTime begin() const;
    UtcTime end() const;
    /// The stream's frame shown at `utc`: the last one at or before it, −1 before its first.
    std::int64_t frameAt(int stream, UtcTime utc) const;
    std::int64_t currentFrame(int stream) const { return m_streams[size_t(stream)].current; }
    /// UTC of a stream's frame, offset included.
    UtcTime frameTime(int stream, std::int64_t index) const;
    std::int64_t frameCount(int stream) const;

    bool isPlaying() const { return m_timer.isActive(); }
    double rate() const { return m_rate; }

public Q_SLOTS:
    void seek(vigie::UtcTime utc);
    /// Moves by `frames` master frames (negative: back).
    void step(int frames);
    void seekFrame(int stream, qint64 index);
    void play();
    void pause();
    void togglePlay();
    /// Playback speed: 1 = real time; 0.25 to 16.
    void setRate(double rate);

Q_SIGNALS:
    void timeChanged(vigie::UtcTime utc);
    void frameChanged(int stream, qint64 index);
    void playingChanged(bool playing);

private:
    void tick();
    void apply(UtcTime utc, bool fromPlayback);

    struct Stream
    {
        QString name;
        FrameServer *server = nullptr;
        std::vector<UtcTime> utc;
        std::int64_t offsetUs = 0;
        std::int64_t current = -2;
    };
    std::vector<Stream> m_streams;
    int m_master = 0;
    UtcTime m_time;
    double m_rate = 1.0;
    QTimer m_timer;
    QElapsedTimer m_clock;
    UtcTime m_playStart;
};

/// Frame UTC times from a video's own timestamps: frame i at `first` + its pts offset from
/// frame 0, which keeps variable-frame-rate timing exact.
std::vector<UtcTime> frameTimesFromIndex(const FrameIndex &index, UtcTime first);

} // namespace vigie::media

Q_DECLARE_METATYPE(vigie::UtcTime)
