#pragma once

// The frames that need the analyst (issue 16, deliverable 4): where Vigie's sources of boxes do
// not agree, so that the analyst goes from one doubt to the next instead of through every frame.
// A frame the analyst marked reviewed or without target never needs them again.
// - TrackerStopped: the tracker lost the target there and left its last guess as a proposal;
// - SourcesDisagree: a confident proposal of the proposer or the detector lies elsewhere than the
//   frame's accepted box, or the two propose different places on a frame nobody decided;
// - OffGeometry: a tracked box strays from where the geometry puts the target between the two
//   keyframes around it (the keyframes' offset from the GPS projection, interpolated: the same
//   prediction as interpolation.h) by more than the drone's own size.
// The first two are read off one frame's boxes (the timeline's box band shows them); the third
// needs the keyframes around the frame, so only the queue computes it.

#include "models/annotation/annotationmodel.h"
#include "models/annotation/interpolation.h"

#include <map>

namespace vigie {

enum AttentionReason : unsigned {
    TrackerStopped = 1u,
    SourcesDisagree = 2u,
    OffGeometry = 4u,
};

/// What one frame's boxes and flags say (TrackerStopped, SourcesDisagree), for `className`.
unsigned frameAttention(const std::vector<Annotation> &boxes, const db::FrameFlags &flags, const QString &className);

/// Every frame of a camera that needs the analyst, with its reasons, in frame order.
std::map<std::int64_t, unsigned> framesNeedingAnalyst(const AnnotationModel &model, int camera, const QString &className,
                                                     const InterpolationGeometryFunction &geometry);

/// "the tracker stopped; the proposer and the detector disagree" (translated).
QString describeAttention(unsigned reasons);

} // namespace vigie
