#pragma once

// The WILDCAT proposer's jobs, one for `vigie-cli proposer train` / `vigie-cli propose` and
// Proposals › Train Proposer / Propose Boxes (docs/PROPOSER.md):
// - training: weak-label crops from each campaign (GPS says where the drone is), one network,
//   its weights in `<models>/<version>.wildcat` unless a path is given, registered in the
//   dataset with the campaigns it saw;
// - proposing: τ and the box scale learnt from the analysts' frames that hold one accepted box
//   (the defaults below five, or values the user fixed), then a box and its alternatives on
//   every frame where the target projects into view. Writing them is the caller's: the
//   workstation as one undoable command, the CLI in one transaction; both with history.

#include "app/jobs/job.h"
#include "inference/proposals.h"
#include "inference/wildcat.h"
#include "models/annotation/annotationmodel.h"

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace vigie {
class Campaign;
}

namespace vigie::jobs {

struct ProposerTrainingSource
{
    std::shared_ptr<const Campaign> campaign;
    QString manifestPath;
    int camera = -1;
};

struct ProposerTrainingSpec
{
    std::vector<ProposerTrainingSource> sources; ///< at least one; the first names the camera
    QString datasetPath;                         ///< the registry
    QString modelDir;                            ///< the weights, unless weightsPath
    QString weightsPath;                         ///< empty: modelDir/<version>.wildcat
    int steps = 400;
    std::uint64_t seed = 1;
    inference::WildcatConfig config;
};

struct ProposerTrainingResult
{
    QString version;
    QString weightsPath;
    double finalLoss = 0;
    int positives = 0, negatives = 0;
};

bool trainProposer(const ProposerTrainingSpec &spec, JobContext &context, ProposerTrainingResult *result, QString *error);

struct ProposeSpec
{
    std::shared_ptr<const Campaign> campaign;
    int camera = -1;
    std::int64_t frameCount = 0; ///< for the progress (0: unknown)
    QString weightsPath;
    QString version;
    /// The analysts' accepted boxes by frame (models/annotation/labels.h); the frames holding
    /// exactly one teach τ and the box scale.
    std::map<std::int64_t, std::vector<QRectF>> accepted;
    std::optional<double> tau, boxScale; ///< fixed by the user: not learnt
};

struct ProposeResult
{
    std::vector<Annotation> proposals;
    double tau = 0.5, boxScale = 1.0;
    int calibrationBoxes = 0; ///< the accepted boxes τ and the scale were learnt from (0: defaults)
};

bool proposeBoxes(const ProposeSpec &spec, JobContext &context, ProposeResult *result, QString *error);

} // namespace vigie::jobs
