#include "models/media/frameindex.h"

#include <QDataStream>
#include <QFile>
#include <QSaveFile>

#include <algorithm>
#include <limits>

namespace vigie::media {

namespace {
constexpr quint32 magic = 0x56464931; // "VFI1"
constexpr quint32 version = 1;
} // namespace

double FrameIndex::secondsOf(std::int64_t index) const
{
    if (frames.empty() || index < 0 || index >= count())
        return 0.0;
    return double(frames[size_t(index)].pts - frames.front().pts) * timeBaseNum / timeBaseDen;
}

std::int64_t FrameIndex::indexOfPts(std::int64_t pts) const
{
    const auto it = std::lower_bound(frames.begin(), frames.end(), pts,
                                     [](const Entry &e, std::int64_t p) { return e.pts < p; });
    if (it == frames.end() || it->pts != pts)
        return -1;
    return std::int64_t(it - frames.begin());
}

void FrameIndex::finalize()
{
    keyframes.clear();
    for (std::int64_t i = 0; i < count(); ++i) {
        if (frames[size_t(i)].key)
            keyframes.emplace_back(frames[size_t(i)].decodeOrder, i);
    }
    std::sort(keyframes.begin(), keyframes.end());
}

std::int64_t FrameIndex::seekFrameFor(std::int64_t index, int back) const
{
    if (index < 0 || index >= count())
        return -1;
    if (keyframes.empty())
        return 0; // no keyframe flags at all: decode from the start
    // Decoding frame `index` needs every packet from the last keyframe before it in decode
    // order (closed GOP). An open GOP's leading frames also need the keyframe before that one:
    // the caller asks again with back = 1.
    const std::int64_t order = frames[size_t(index)].decodeOrder;
    auto it = std::upper_bound(keyframes.begin(), keyframes.end(),
                               std::make_pair(order, std::numeric_limits<std::int64_t>::max()));
    if (it == keyframes.begin())
        return 0; // before the first indexed keyframe (an edit list discarded it): the start
    --it;
    for (int b = 0; b < back && it != keyframes.begin(); ++b)
        --it;
    return it->second;
}

double FrameIndex::meanKeyframeInterval() const
{
    const auto keys = std::count_if(frames.begin(), frames.end(), [](const Entry &e) { return e.key; });
    return keys ? double(frames.size()) / double(keys) : double(frames.size());
}

bool FrameIndex::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_0);
    out << magic << version << qint64(fileSize) << qint64(fileModifiedMs) << qint32(timeBaseNum)
        << qint32(timeBaseDen) << synthesized << quint64(frames.size());
    for (const Entry &e : frames)
        out << qint64(e.pts) << qint64(e.dts) << qint64(e.position) << qint64(e.decodeOrder) << e.key;
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

std::optional<FrameIndex> FrameIndex::load(const QString &path, std::int64_t size,
                                           std::int64_t modifiedMs)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_0);
    quint32 m = 0, v = 0;
    qint64 s = 0, t = 0;
    qint32 num = 0, den = 0;
    quint64 n = 0;
    FrameIndex index;
    in >> m >> v >> s >> t >> num >> den >> index.synthesized >> n;
    if (in.status() != QDataStream::Ok || m != magic || v != version || s != size || t != modifiedMs
        || num <= 0 || den <= 0 || n > quint64(file.size() / 33 + 1))
        return std::nullopt;
    index.fileSize = s;
    index.fileModifiedMs = t;
    index.timeBaseNum = num;
    index.timeBaseDen = den;
    index.frames.resize(size_t(n));
    for (Entry &e : index.frames) {
        qint64 pts, dts, pos, order;
        in >> pts >> dts >> pos >> order >> e.key;
        e.pts = pts;
        e.dts = dts;
        e.position = pos;
        e.decodeOrder = order;
    }
    if (in.status() != QDataStream::Ok)
        return std::nullopt;
    index.finalize();
    for (size_t i = 1; i < index.frames.size(); ++i) {
        if (index.frames[i].pts <= index.frames[i - 1].pts)
            return std::nullopt;
    }
    return index;
}

} // namespace vigie::media
