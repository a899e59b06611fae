#pragma once

#include "models/media/videoframe.h"

#include <QMutex>

#include <list>
#include <memory>
#include <optional>
#include <unordered_map>

namespace vigie::media {

class RawPicture;

/// Decoded frames of one video, least recently used out first, within a memory budget in bytes.
/// A frame is kept either as display pixels or, when it was only decoded on the way to another
/// frame, as the decoder's raw picture; find() converts a raw one on the caller's thread the
/// first time it is asked for and keeps the result. Thread-safe: the prefetch worker fills it
/// while the GUI thread reads it.
class FrameCache
{
public:
    explicit FrameCache(std::int64_t budgetBytes = 512ll << 20);

    void setBudget(std::int64_t bytes);
    std::int64_t budget() const;
    std::int64_t bytesUsed() const;
    int count() const;

    /// The frame in display pixels, converting a raw picture when needed.
    std::optional<VideoFrame> find(std::int64_t index);
    /// The frame only if it is already held in display pixels: what the GUI thread asks, leaving
    /// conversions to the decoding worker.
    std::optional<VideoFrame> findConverted(std::int64_t index);
    /// Whether the frame is held at all (raw or converted).
    bool contains(std::int64_t index) const;
    /// Whether the frame is held in display pixels (find() will not convert).
    bool containsConverted(std::int64_t index) const;
    void insert(const VideoFrame &frame);
    /// Keeps a frame as the decoder's picture; `frame` gives its number and times. Does not
    /// replace a frame already held in display pixels.
    void insertRaw(const VideoFrame &frame, std::shared_ptr<const RawPicture> picture);
    void clear();

    /// What one frame costs in the cache in display pixels (its pixel buffer and bookkeeping).
    static std::int64_t costOf(const VideoFrame &frame);
    /// What one frame costs in the cache as a raw picture.
    static std::int64_t costOf(const RawPicture &picture);

private:
    struct Entry
    {
        VideoFrame frame;                        ///< image null while raw
        std::shared_ptr<const RawPicture> raw;   ///< null once converted
        std::int64_t cost = 0;
    };
    void putLocked(Entry entry);
    void evictLocked();

    mutable QMutex m_mutex;
    std::int64_t m_budget;
    std::int64_t m_used = 0;
    std::list<Entry> m_lru; ///< most recent first
    std::unordered_map<std::int64_t, std::list<Entry>::iterator> m_map;
};

} // namespace vigie::media
