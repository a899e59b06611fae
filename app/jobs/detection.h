#pragma once

// The detector's run over a campaign, one for `vigie-cli detector detect|evaluate` and
// Detector › Run Detector: the weights loaded from the registry or a file, the frames of one
// camera (inside the geometric search region when asked: the workstation always asks), and the
// detections as proposal boxes of the campaign's class with the model's version. Writing them is
// the caller's: the workstation as one undoable command, the CLI in one transaction; both
// leave a frame alone that already holds this version's boxes, and both write a history row.
// The temporal layer (Seq-NMS) rescores the detections through time unless the spec says not to.

#include "app/jobs/job.h"
#include "inference/detectorpipeline.h"
#include "models/annotation/annotationmodel.h"

#include <memory>
#include <vector>

namespace vigie {
class Campaign;
}

namespace vigie::jobs {

struct DetectSpec
{
    std::shared_ptr<const Campaign> campaign;
    QString weightsPath;
    QString version;
    inference::DetectOptions options; ///< options.camera: the camera
    std::int64_t frameCount = 0;      ///< for the progress (0: unknown)
    /// Seq-NMS through time (inference/temporal.h) before the boxes are made: the detector runs
    /// down to the evaluation floor, chains are rescored, then options.minScore applies.
    bool temporal = true;
};

struct DetectResult
{
    inference::CampaignDetections detections; ///< every frame processed, for an evaluation
    std::vector<Annotation> boxes;            ///< the same as proposals, best first per frame
};

bool detectBoxes(const DetectSpec &spec, JobContext &context, DetectResult *result, QString *error);

} // namespace vigie::jobs
