#include "models/media/framecache.h"
#include "models/media/rawpicture.h"

namespace vigie::media {

namespace {
constexpr std::int64_t bookkeeping = std::int64_t(sizeof(VideoFrame)) + 64;
}

FrameCache::FrameCache(std::int64_t budgetBytes)
    : m_budget(budgetBytes)
{
}

std::int64_t FrameCache::costOf(const VideoFrame &frame)
{
    return std::int64_t(frame.image.sizeInBytes()) + bookkeeping;
}

std::int64_t FrameCache::costOf(const RawPicture &picture)
{
    return picture.bytes() + bookkeeping;
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
    std::shared_ptr<const RawPicture> raw;
    VideoFrame frame;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_map.find(index);
        if (it == m_map.end())
            return std::nullopt;
        m_lru.splice(m_lru.begin(), m_lru, it->second);
        if (!it->second->raw)
            return it->second->frame;
        raw = it->second->raw;
        frame = it->second->frame;
    }
    // Convert outside the lock (a few milliseconds at 1080p); two threads converting the same
    // picture at once both get a correct image, and the first one back is kept.
    frame.image = raw->toImage();
    if (frame.image.isNull())
        return std::nullopt;
    QMutexLocker lock(&m_mutex);
    const auto it = m_map.find(index);
    if (it != m_map.end() && it->second->raw == raw) {
        Entry entry{frame, nullptr, costOf(frame)};
        m_used -= it->second->cost;
        m_lru.erase(it->second);
        m_map.erase(it);
        putLocked(std::move(entry));
    }
    return frame;
}

std::optional<VideoFrame> FrameCache::findConverted(std::int64_t index)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_map.find(index);
    if (it == m_map.end() || it->second->raw)
        return std::nullopt;
    m_lru.splice(m_lru.begin(), m_lru, it->second);
    return it->second->frame;
}

bool FrameCache::contains(std::int64_t index) const
{
    QMutexLocker lock(&m_mutex);
    return m_map.count(index) != 0;
}

bool FrameCache::containsConverted(std::int64_t index) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_map.find(index);
    return it != m_map.end() && !it->second->raw;
}

void FrameCache::insert(const VideoFrame &frame)
{
    if (!frame.isValid())
        return;
    QMutexLocker lock(&m_mutex);
    putLocked(Entry{frame, nullptr, costOf(frame)});
}

void FrameCache::insertRaw(const VideoFrame &frame, std::shared_ptr<const RawPicture> picture)
{
    if (frame.index < 0 || !picture)
        return;
    QMutexLocker lock(&m_mutex);
    const auto it = m_map.find(frame.index);
    if (it != m_map.end() && !it->second->raw)
        return; // already converted: keep the pixels
    VideoFrame meta = frame;
    meta.image = QImage();
    const std::int64_t cost = costOf(*picture);
    putLocked(Entry{meta, std::move(picture), cost});
}

void FrameCache::putLocked(Entry entry)
{
    if (entry.cost > m_budget)
        return;
    const auto it = m_map.find(entry.frame.index);
    if (it != m_map.end()) {
        m_used -= it->second->cost;
        m_lru.erase(it->second);
        m_map.erase(it);
    }
    m_used += entry.cost;
    const std::int64_t index = entry.frame.index;
    m_lru.push_front(std::move(entry));
    m_map[index] = m_lru.begin();
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
        const Entry &last = m_lru.back();
        m_used -= last.cost;
        m_map.erase(last.frame.index);
        m_lru.pop_back();
    }
}

} // namespace vigie::media
