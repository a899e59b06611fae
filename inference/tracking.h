#pragma once

// A tracker for small targets (issue 16, deliverable 2): OpenCV contrib's CSRT on an enlarged
// view. A drone of 6–15 px gives CSRT's correlation filters almost nothing to hold on to at its
// native size; enlarged so that its larger side is about `targetSidePx`, the same filters lock
// on. Only a window around the target is enlarged (`windowSides` target sides, at least
// `minWindowPx`: a whole 640×512 IR frame), so that a full-HD frame costs about what an IR one
// does; when the target leaves the window's middle half, the window is centred on it again and
// CSRT restarted there (a restart costs accuracy: a window of 128 px, restarted often, needed 10.2
// corrections per 100 frames on Anti-UAV seq4 where the whole frame needs 3.8). Every step
// gets a confidence (CSRT's own lost flag, and the normalised cross-correlation of the tracked
// patch with the patch it started from); below `minConfidence` the caller stops and flags the
// frame instead of drifting.

#include <QImage>
#include <QRectF>

#include <memory>

namespace vigie::inference {

struct TrackerOptions
{
    double targetSidePx = 32;   ///< the target is enlarged to about this size (never shrunk)
    double maxScale = 4;        ///< … by at most this much
    double minConfidence = 0.3; ///< below: lost
    double windowSides = 12;    ///< the window CSRT sees, in target sides …
    double minWindowPx = 640;   ///< … and at least this wide (frame pixels; a 640×512 IR frame is seen whole)
};

struct TrackedBox
{
    QRectF box;            ///< in the frame's pixels
    double confidence = 0; ///< 0–1: the tracked patch's correlation with the first one
    bool lost = false;     ///< CSRT lost it, or the confidence fell below the threshold
};

class SmallTargetTracker
{
public:
    explicit SmallTargetTracker(const TrackerOptions &options = {});
    ~SmallTargetTracker();
    SmallTargetTracker(const SmallTargetTracker &) = delete;
    SmallTargetTracker &operator=(const SmallTargetTracker &) = delete;

    /// Starts on `box` of a greyscale frame (Format_Grayscale8). False if the box is empty or
    /// outside the frame.
    bool init(const QImage &grey, const QRectF &box);
    /// The target on the next frame.
    TrackedBox update(const QImage &grey);
    double scale() const; ///< how much the frames are enlarged

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace vigie::inference
