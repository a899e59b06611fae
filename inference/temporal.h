#pragma once

// A temporal layer on the detector (issue 16, deliverable 5): Seq-NMS (Han et al., 2016, "Seq-NMS
// for video object detection"). A drone seen on one frame is seen on the next at nearly the same
// place; a bird or a glint flickers. Detections on neighbouring processed frames that overlap
// (IoU ≥ `linkIou`) are linked; the chain of links with the largest total score is found by
// dynamic programming, its members rescored to the chain's mean score (a weak detection in a
// strong chain rises, a strong lone glint does not), and the detections it overlaps on its frames
// suppressed; then the next chain, until none is left. Linear in the links per pass.

#include "inference/detector.h"

#include <cstdint>
#include <map>
#include <vector>

namespace vigie::inference {

struct TemporalOptions
{
    double linkIou = 0.3;         ///< detections on neighbouring frames link when they overlap this much
    double suppressIou = 0.3;     ///< a chain suppresses what overlaps its boxes this much on their frames
    std::int64_t maxGapFrames = 1; ///< neighbouring processed frames at most this far apart link (1: consecutive)
    double chainWeight = 1.0;     ///< rescored = chainWeight × chain mean + (1 − chainWeight) × own score
    bool keepSuppressed = false;  ///< keep suppressed detections with their score × 0.1 instead of dropping them
};

/// The detections of one clip, frame by frame, rescored and suppressed through time. Frames are
/// keys in presentation order; every frame of the input is in the output (maybe empty).
std::map<std::int64_t, std::vector<Detection>> seqNms(const std::map<std::int64_t, std::vector<Detection>> &frames,
                                                      const TemporalOptions &options = {});

} // namespace vigie::inference
