#pragma once

// Tracking both ways from one of the analyst's boxes (issue 16, deliverable 2), for Edit ›
// Track from Keyframe (key T) and `vigie-cli track`. Around the keyframe K, each side runs to the
// neighbouring keyframe of the same target when there is one (both passes, blended: inference/
// propagation.h) or, when there is none, one pass to the end of the video, the first frame the
// analyst marked without target, or the tracker's loss. Forward passes and backward passes run in
// two threads, each with its own decoder (2 cores: one each). Writing the boxes is the caller's:
// confident boxes as accepted tracker boxes, the frames where it stopped as tracker proposals,
// replacing the derived boxes (tracker, interpolated) of that target between the neighbouring
// keyframes, in one command.

#include "app/jobs/job.h"
#include "inference/propagation.h"
#include "models/annotation/annotationmodel.h"

#include <QRectF>

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace vigie {
class Campaign;
}

namespace vigie::jobs {

struct Keyframe
{
    std::int64_t frame = 0;
    QRectF box;
};

struct PropagationSpec
{
    std::shared_ptr<const Campaign> campaign;
    int camera = -1;
    Keyframe from;                        ///< the box propagated
    std::optional<Keyframe> previous, next; ///< the same target's neighbouring keyframes
    std::set<std::int64_t> stops;         ///< frames marked without target: no pass enters them
    bool backward = true, forward = true; ///< the sides of `from` to track (a run over many keyframes skips spans done)
    inference::PropagationOptions options;
};

struct PropagationResult
{
    /// In frame order; never on a keyframe. Flagged boxes are where the tracker stopped.
    std::vector<inference::PropagatedBox> boxes;
    /// The frames the run speaks for (keyframes excluded): derived boxes of the target inside
    /// are replaced by `boxes`.
    std::int64_t firstFrame = 0, lastFrame = -1;
    std::int64_t framesTracked = 0; ///< tracker updates, both passes counted
    double seconds = 0;
    QString trackerVersion; ///< inference::trackerSignature
    int flagged() const;
};

bool propagateTrack(const PropagationSpec &spec, JobContext &context, PropagationResult *result, QString *error);

/// A run's boxes as the dataset stores them: source tracker, accepted (proposed where flagged),
/// the confidence, the tracker as model version; camera and class are the writer's to set
/// (AnnotationEditor::replaceDerived does).
std::vector<Annotation> trackerBoxes(const PropagationResult &result);

} // namespace vigie::jobs
