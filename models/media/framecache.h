#pragma once

#include "models/media/videoframe.h"

#include <QMutex>

#include <list>
#include <optional>
#include <unordered_map>

namespace vigie::media {

/// Decoded frames of one video, least recently used out first, within a memory budget in bytes.
/// Thread-safe: the prefetch worker fills it while the GUI thread reads it.
class FrameCache
{
public:
    explicit FrameCache(std::int64_t budgetBytes = 512ll << 20);

    void setBudget(std::int64_t bytes);
    std::int64_t budget() const;
    std::int64_t bytesUsed() const;
    int count() const;

    std::optional<VideoFrame> find(std::int64_t index);
    bool contains(std::int64_t index) const;
    void insert(const VideoFrame &frame);
    void clear();

    /// What one frame costs in the cache (its pixel buffer and bookkeeping).
    static std::int64_t costOf(const VideoFrame &frame);

private:
    void evictLocked();

    mutable QMutex m_mutex;
    std::int64_t m_budget;
    std::int64_t m_used = 0;
    std::list<VideoFrame> m_lru; ///< most recent first
    std::unordered_map<std::int64_t, std::list<VideoFrame>::iterator> m_map;
};

} // namespace vigie::media
