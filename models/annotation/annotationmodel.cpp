#include "models/annotation/annotationmodel.h"

#include <algorithm>
#include <set>

namespace vigie {

AnnotationModel::AnnotationModel(QObject *parent)
    : QObject(parent)
{
}

void AnnotationModel::reset(std::vector<Annotation> boxes,
                            std::map<std::pair<int, std::int64_t>, db::FrameFlags> flags)
{
    m_boxes.clear();
    m_where.clear();
    for (Annotation &b : boxes) {
        const Key key{b.camera, b.frame};
        m_where[b.handle] = key;
        m_lastHandle = std::min(m_lastHandle, b.handle);
        m_boxes[key].push_back(std::move(b));
    }
    m_flags = std::move(flags);
    Q_EMIT modelReset();
}

void AnnotationModel::clear()
{
    reset({}, {});
}

std::vector<Annotation> AnnotationModel::boxes(int camera, std::int64_t frame) const
{
    const auto it = m_boxes.find({camera, frame});
    return it == m_boxes.end() ? std::vector<Annotation>{} : it->second;
}

std::optional<Annotation> AnnotationModel::box(std::int64_t handle) const
{
    const auto where = m_where.find(handle);
    if (where == m_where.end())
        return std::nullopt;
    for (const Annotation &b : m_boxes.at(where->second)) {
        if (b.handle == handle)
            return b;
    }
    return std::nullopt;
}

db::FrameFlags AnnotationModel::flags(int camera, std::int64_t frame) const
{
    const auto it = m_flags.find({camera, frame});
    return it == m_flags.end() ? db::FrameFlags{} : it->second;
}

FrameAnnotationState AnnotationModel::frameState(int camera, std::int64_t frame) const
{
    const db::FrameFlags f = flags(camera, frame);
    if (f.reviewed || f.outOfView || f.notVisible)
        return FrameAnnotationState::Accepted;
    const auto it = m_boxes.find({camera, frame});
    if (it == m_boxes.end())
        return FrameAnnotationState::None;
    bool proposed = false;
    for (const Annotation &b : it->second) {
        if (b.state == db::BoxState::Accepted || b.state == db::BoxState::Corrected)
            return FrameAnnotationState::Accepted;
        proposed = proposed || b.state == db::BoxState::Proposed;
    }
    return proposed ? FrameAnnotationState::Proposed : FrameAnnotationState::None;
}

std::vector<std::int64_t> AnnotationModel::annotatedFrames(int camera) const
{
    std::vector<std::int64_t> out;
    for (auto it = m_boxes.lower_bound({camera, 0}); it != m_boxes.end() && it->first.first == camera; ++it) {
        if (!it->second.empty())
            out.push_back(it->first.second);
    }
    for (auto it = m_flags.lower_bound({camera, 0}); it != m_flags.end() && it->first.first == camera; ++it)
        out.push_back(it->first.second);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::int64_t> AnnotationModel::flaggedFrames(int camera) const
{
    std::vector<std::int64_t> out;
    for (auto it = m_flags.lower_bound({camera, 0}); it != m_flags.end() && it->first.first == camera; ++it)
        out.push_back(it->first.second);
    return out;
}

void AnnotationModel::insert(const Annotation &box, AnnotationSink::Op op)
{
    const Key key{box.camera, box.frame};
    m_where[box.handle] = key;
    m_boxes[key].push_back(box);
    if (m_sink)
        m_sink->writeBox(op, box);
    Q_EMIT frameChanged(box.camera, box.frame);
}

void AnnotationModel::update(const Annotation &box)
{
    const auto where = m_where.find(box.handle);
    if (where == m_where.end())
        return;
    auto &list = m_boxes[where->second];
    for (Annotation &b : list) {
        if (b.handle == box.handle) {
            b = box;
            b.camera = where->second.first;
            b.frame = where->second.second;
            if (m_sink)
                m_sink->writeBox(AnnotationSink::Op::Update, b);
            Q_EMIT frameChanged(b.camera, b.frame);
            return;
        }
    }
}

std::optional<Annotation> AnnotationModel::take(std::int64_t handle)
{
    const auto where = m_where.find(handle);
    if (where == m_where.end())
        return std::nullopt;
    const Key key = where->second;
    m_where.erase(where);
    auto &list = m_boxes[key];
    const auto it = std::find_if(list.begin(), list.end(),
                                 [handle](const Annotation &b) { return b.handle == handle; });
    if (it == list.end())
        return std::nullopt;
    const Annotation removed = *it;
    list.erase(it);
    if (list.empty())
        m_boxes.erase(key);
    return removed;
}

void AnnotationModel::remove(std::int64_t handle)
{
    const auto removed = take(handle);
    if (!removed)
        return;
    if (m_sink)
        m_sink->writeBox(AnnotationSink::Op::Delete, *removed);
    Q_EMIT frameChanged(removed->camera, removed->frame);
}

std::vector<Annotation> AnnotationModel::takeMany(const std::vector<std::int64_t> &handles, std::set<Key> *touched)
{
    std::vector<Annotation> removed;
    for (std::int64_t handle : handles) {
        if (auto box = take(handle)) {
            touched->insert({box->camera, box->frame});
            removed.push_back(std::move(*box));
        }
    }
    return removed;
}

void AnnotationModel::putMany(const std::vector<Annotation> &boxes, std::set<Key> *touched)
{
    for (const Annotation &box : boxes) {
        const Key key{box.camera, box.frame};
        m_where[box.handle] = key;
        m_boxes[key].push_back(box);
        touched->insert(key);
    }
}

void AnnotationModel::emitChanged(const std::set<Key> &touched)
{
    for (const Key &key : touched)
        Q_EMIT frameChanged(key.first, key.second);
}

void AnnotationModel::insertMany(const std::vector<Annotation> &boxes, AnnotationSink::Op op)
{
    std::set<Key> touched;
    putMany(boxes, &touched);
    if (m_sink && !boxes.empty())
        m_sink->writeBoxes(op, boxes);
    emitChanged(touched);
}

void AnnotationModel::removeMany(const std::vector<std::int64_t> &handles)
{
    std::set<Key> touched;
    const std::vector<Annotation> removed = takeMany(handles, &touched);
    if (m_sink && !removed.empty())
        m_sink->writeBoxes(AnnotationSink::Op::Delete, removed);
    emitChanged(touched);
}

void AnnotationModel::replaceMany(const std::vector<std::int64_t> &handles, const std::vector<Annotation> &added,
                                  AnnotationSink::Op op)
{
    std::set<Key> touched;
    const std::vector<Annotation> removed = takeMany(handles, &touched);
    putMany(added, &touched);
    if (m_sink && (!removed.empty() || !added.empty()))
        m_sink->replaceBoxes(removed, op, added);
    emitChanged(touched);
}

void AnnotationModel::updateMany(const std::vector<Annotation> &boxes)
{
    std::set<Key> touched;
    std::vector<Annotation> written;
    for (const Annotation &box : boxes) {
        const auto where = m_where.find(box.handle);
        if (where == m_where.end())
            continue;
        for (Annotation &b : m_boxes[where->second]) {
            if (b.handle != box.handle)
                continue;
            b = box;
            b.camera = where->second.first;
            b.frame = where->second.second;
            written.push_back(b);
            touched.insert(where->second);
            break;
        }
    }
    if (m_sink && !written.empty())
        m_sink->writeBoxes(AnnotationSink::Op::Update, written);
    emitChanged(touched);
}

void AnnotationModel::setFlags(int camera, std::int64_t frame, const db::FrameFlags &flags)
{
    if (flags == db::FrameFlags{})
        m_flags.erase({camera, frame});
    else
        m_flags[{camera, frame}] = flags;
    if (m_sink)
        m_sink->writeFlags(camera, frame, flags);
    Q_EMIT frameChanged(camera, qint64(frame));
}

} // namespace vigie
