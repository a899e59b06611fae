#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace vigie::media {

/// Where every frame of a video stream is, found by demuxing alone (no decoding).
///
/// Frames are numbered in presentation order: frame i has the i-th smallest timestamp among the
/// stream's packets that the demuxer does not mark as discarded (MP4 edit lists). A packet
/// without a pts takes its dts; a stream without either gets timestamps from the packet order
/// (`synthesized`). Numbering by timestamps, not by decode counts, is what makes frame N the
/// same frame whatever the seek path, and keeps the numbers of the frames after a corrupt one.
struct FrameIndex
{
    struct Entry
    {
        std::int64_t pts = 0;      ///< presentation timestamp, stream time base
        std::int64_t dts = 0;      ///< decode timestamp (== pts when absent)
        std::int64_t position = -1; ///< byte offset in the file, -1 if unknown
        std::int64_t decodeOrder = 0; ///< packet order in the file
        bool key = false;
    };

    std::vector<Entry> frames; ///< presentation order
    int timeBaseNum = 1, timeBaseDen = 1;
    bool synthesized = false;   ///< no timestamps in the file: pts = packet order
    std::int64_t fileSize = 0;
    std::int64_t fileModifiedMs = 0;
    std::vector<std::pair<std::int64_t, std::int64_t>> keyframes; ///< (decodeOrder, index), sorted

    std::int64_t count() const { return std::int64_t(frames.size()); }
    double secondsOf(std::int64_t index) const;
    /// The frame whose pts is exactly `pts`, or -1.
    std::int64_t indexOfPts(std::int64_t pts) const;
    /// The frame to seek to in order to decode frame `index`: the keyframe, in decode order,
    /// nearest before every packet frame `index` needs. `back` steps further back by that many
    /// keyframes (for open GOPs whose leading frames need the previous one).
    std::int64_t seekFrameFor(std::int64_t index, int back = 0) const;
    /// Mean distance between keyframes, in frames.
    double meanKeyframeInterval() const;

    /// Builds the keyframe table seekFrameFor() uses; call after filling `frames`.
    void finalize();

    /// The index file beside a video is valid only for the same size and modification time.
    bool save(const QString &path, QString *error = nullptr) const;
    static std::optional<FrameIndex> load(const QString &path, std::int64_t fileSize,
                                          std::int64_t fileModifiedMs);
};

} // namespace vigie::media
