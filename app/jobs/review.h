#pragma once

// A detector's review, one for the workstation's review panel and `vigie-cli detector review`:
// one model's boxes against the analysts' labels (models/annotation/labels.h) on the labelled
// frames only, as the COCO pair `vigie-cli detector evaluate` writes (every labelled frame an
// image, one class), with COCOeval's figures, the precision–recall curve at IoU 0.5, and the
// frames where the model made an error.

#include "inference/detectorpipeline.h"
#include "models/annotation/annotationmodel.h"
#include "models/presentation.h"

#include <map>
#include <set>
#include <vector>

namespace vigie::jobs {

/// `truth`: the target's boxes by frame; `labelled`: every frame with a decision (the truth's
/// and the frames known to hold no target); `boxes`: the model's boxes by frame. An empty
/// `version` gives an empty summary. `frames` (optional) receives the frames with an error.
ReviewSummary reviewDetections(const inference::FrameBoxes &truth, const std::set<std::int64_t> &labelled,
                               const std::map<qint64, std::vector<Annotation>> &boxes, const QString &version,
                               std::vector<ReviewFrameErrors> *frames);

} // namespace vigie::jobs
