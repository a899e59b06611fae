#include "models/media/framecache.h"

namespace vigie::media {

FrameCache::FrameCache(std::int64_t budgetBytes)
    : m_budget(budgetBytes)
{
}

std::int64_t FrameCache::costOf(const VideoFrame &frame)
{
    return std::int64_t(frame.image.sizeInBytes()) + std::int64_t(sizeof(VideoFrame)) + 64;
}

void FrameCache::setBudget(std::int64_t bytes)
{
    QMutexLocker lock(&m_mutex);
    m_budget = bytes;
    evictLocked();
}

std::int64_t FrameCache::budget() const
{
    QMutexLocker lock(&m_mutex);
    return m_budget;
}

std::int64_t FrameCache::bytesUsed() const
{
    QMutexLocker lock(&m_mutex);
    return m_used;
}

int FrameCache::count() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_map.size());
}

std::optional<VideoFrame> FrameCache::find(std::int64_t index)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_map.find(index);
    if (it == m_map.end())
        return std::nullopt;
    m_lru.splice(m_lru.begin(), m_lru, it->second);
    return *it->second;
}

bool FrameCache::contains(std::int64_t index) const
{
    QMutexLocker lock(&m_mutex);
    return m_map.count(index) != 0;
}

void FrameCache::insert(const VideoFrame &frame)
{
    if (!frame.isValid())
        return;
    QMutexLocker lock(&m_mutex);
    const std::int64_t cost = costOf(frame);
    if (cost > m_budget)
        return;
    const auto it = m_map.find(frame.index);
    if (it != m_map.end()) {
        m_used -= costOf(*it->second);
        m_lru.erase(it->second);
        m_map.erase(it);
    }
    m_lru.push_front(frame);
    m_map[frame.index] = m_lru.begin();
    m_used += cost;
    evictLocked();
}

void FrameCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_lru.clear();
    m_map.clear();
    m_used = 0;
}

void FrameCache::evictLocked()
{
    while (m_used > m_budget && !m_lru.empty()) {
        const VideoFrame &last = m_lru.back();
        m_used -= costOf(last);
        m_map.erase(last.index);
        m_lru.pop_back();
    }
}

} // namespace vigie::media
