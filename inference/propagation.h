#pragma once

// A box carried through time (issue 16, deliverable 2). From one of the analyst's boxes, the
// small-target tracker (inference/tracking.h) runs forward and backward; between two keyframes
// both passes run and are blended, each weighted by how near its keyframe the frame is. Every box
// keeps a confidence, and a pass stops where the tracker loses the target: the frame where it
// stopped becomes a flagged proposal for the analyst instead of a drift. Where the two passes
// disagree, the frames between the first and last disagreement get nothing but two flagged
// proposals. CVAT's browser tracker, by contrast, runs one way and skips its failures silently.

#include "inference/tracking.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace vigie::inference {

struct PropagationOptions
{
    TrackerOptions tracker;
    double agreeIou = 0.3;         ///< the passes agree on a frame when their boxes overlap this much
    std::int64_t maxFrames = 1500; ///< a pass with no keyframe ahead stops after this many frames
    std::int64_t overlap = 10;     ///< the two passes of a span overlap by this many frames (MeetingPoint)
};

/// What the boxes record as their model version: the tracker and its parameters
/// ("csrt-enlarged side=32 scale<=4 min=0.30 window=12x>=640").
QString trackerSignature(const PropagationOptions &options);

/// Frame `frame`'s grey pixels (Format_Grayscale8). False when there is none (the video's end, a
/// frame without time, a frame the analyst marked without target): the pass stops there quietly.
using GreyFrameReader = std::function<bool(std::int64_t frame, QImage *grey)>;

struct TrackedFrame
{
    std::int64_t frame = 0;
    TrackedBox tracked;
};

/// One pass: the tracker starts on `box` of frame `start` and steps by `step` (+1 or −1) until
/// `stop` (excluded), the end of the frames, `maxSteps` frames, or the first frame where it is
/// lost (kept, flagged lost, at the last good box when the tracker gave none). `stepped` is
/// called after each frame; `cancelled` is polled before each.
std::vector<TrackedFrame> trackPass(const GreyFrameReader &read, std::int64_t start, const QRectF &box, int step,
                                    std::int64_t stop, std::int64_t maxSteps, const TrackerOptions &options,
                                    const std::function<bool()> &cancelled = {},
                                    const std::function<void()> &stepped = {},
                                    const std::function<bool(std::int64_t frame)> &keepGoing = {});

/// Where the two passes of one span between keyframes a < b meet, when they run at once on two
/// threads. Each tracks its half and `overlap` frames beyond the middle, where the two are
/// compared and blended; a pass that reaches that point waits to learn how the other ended, and
/// goes on only if the other was lost before reaching it, to `overlap` frames past the other's
/// last good frame. Every frame is tracked about once instead of twice, and the frames each pass
/// tracks depend only on where the passes are lost, never on timing: the same boxes on every run.
class MeetingPoint
{
public:
    MeetingPoint(std::int64_t a, std::int64_t b, std::int64_t overlap);
    ~MeetingPoint();
    MeetingPoint(const MeetingPoint &) = delete;
    MeetingPoint &operator=(const MeetingPoint &) = delete;

    /// Whether the pass going `step` (+1: forward from a, −1: backward from b) tracks frame `f`.
    /// May wait for the other pass.
    bool keepGoing(int step, std::int64_t f);
    /// The pass going `step` ended; `lastGood` is the last frame it holds the target on (its
    /// keyframe when none). Every pass must say so, however it ended.
    void ended(int step, std::int64_t lastGood);
    /// Wakes and stops a waiting pass.
    void cancel();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

struct PropagatedBox
{
    std::int64_t frame = 0;
    QRectF box;
    double confidence = 0;
    bool flagged = false; ///< the tracker stopped here, or the passes disagree: the analyst's turn
};

/// Between keyframes a < b: the forward pass from a and the backward pass from b, blended where
/// they agree, in frame order. Frames a and b themselves never appear.
std::vector<PropagatedBox> blendPasses(std::int64_t a, std::int64_t b, const std::vector<TrackedFrame> &forward,
                                       const std::vector<TrackedFrame> &backward, double agreeIou);

/// One pass with no keyframe at its far end: every frame it held, the lost one flagged.
std::vector<PropagatedBox> singlePass(const std::vector<TrackedFrame> &pass);

} // namespace vigie::inference
