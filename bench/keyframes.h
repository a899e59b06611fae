#pragma once

// Keyframes an analyst places when the boxes between them are interpolated: the greedy analyst
// (first wrong frame becomes a keyframe, again and again) and the fewest keyframes placed with
// hindsight (issue 16's "ideally placed" baseline). Truth-only: nothing is decoded. Used by
// bench_interpolation_antiuav and bench_analyst_synth.

#include "bench/antiuav.h"
#include "models/annotation/interpolation.h"

#include <functional>
#include <vector>

namespace vigie::bench {

inline void forEachVisibleRun(const std::vector<QRectF> &truth, const std::function<void(int, int)> &run)
{
    const int n = int(truth.size());
    for (int start = 0; start < n;) {
        if (truth[size_t(start)].isEmpty()) {
            ++start;
            continue;
        }
        int end = start;
        while (end + 1 < n && !truth[size_t(end + 1)].isEmpty())
            ++end;
        run(start, end);
        start = end + 1;
    }
}

/// The first frame strictly between two keyframes whose interpolated box is wrong, or −1.
inline int firstWrong(const std::vector<QRectF> &truth, int a, int b, const InterpolationGeometryFunction &geometry)
{
    const std::vector<QRectF> boxes = interpolateBoxes(a, truth[size_t(a)], b, truth[size_t(b)], geometry);
    for (size_t j = 0; j < boxes.size(); ++j) {
        if (!rightForAnalyst(boxes[j], truth[size_t(a + 1) + j]))
            return a + 1 + int(j);
    }
    return -1;
}

/// Keyframes the greedy analyst places on the visible frames of one sequence: the run's ends
/// are keyframes, then the first wrong frame becomes a keyframe, again and again. A new keyframe
/// changes the span before it too, so that span is checked again; the spans before it are not
/// touched and stay right.
inline int keyframesNeeded(const std::vector<QRectF> &truth, const InterpolationGeometryFunction &geometry, int *visible)
{
    int keys = 0;
    forEachVisibleRun(truth, [&](int start, int end) {
        *visible += end - start + 1;
        std::vector<int> k{start};
        if (end > start)
            k.push_back(end);
        for (size_t i = 0; i + 1 < k.size();) {
            const int wrong = firstWrong(truth, k[i], k[i + 1], geometry);
            if (wrong < 0)
                ++i;
            else
                k.insert(k.begin() + std::ptrdiff_t(i + 1), wrong);
        }
        keys += int(k.size());
    });
    return keys;
}

/// The fewest keyframes that make every visible frame right (keyframes placed with hindsight,
/// as the "ideally placed" baseline): a shortest path over the frames, spans of up to
/// `maxSpan` frames.
inline int keyframesIdeal(const std::vector<QRectF> &truth, const InterpolationGeometryFunction &geometry, int maxSpan = 400)
{
    int keys = 0;
    forEachVisibleRun(truth, [&](int start, int end) {
        const int len = end - start + 1;
        std::vector<int> best(size_t(len), 1 << 30);
        best[0] = 1;
        for (int i = 0; i < len; ++i) {
            if (best[size_t(i)] >= (1 << 30))
                continue;
            for (int j = i + 1; j < len && j - i <= maxSpan; ++j) {
                if (firstWrong(truth, start + i, start + j, geometry) < 0)
                    best[size_t(j)] = std::min(best[size_t(j)], best[size_t(i)] + 1);
            }
        }
        keys += best[size_t(len - 1)];
    });
    return keys;
}

} // namespace vigie::bench
