#pragma once

// The proposal pipeline over a campaign, and its evaluation against a synthetic ground truth.

#include "inference/proposals.h"
#include "inference/wildcat.h"
#include "models/annotation/annotationmodel.h"
#include "models/campaign.h"

#include <functional>
#include <map>

namespace vigie::inference {

struct ProposerOptions
{
    int camera = -1;
    double tau = 0.5;      ///< threshold on the normalised map
    double boxScale = 1.0; ///< boxes scaled about their centre (the analysts' convention, BoxCalibration)
    int maxBoxes = 3;      ///< the best box and its alternatives
    double minSidePx = 64; ///< the search region's smallest side
    int upsample = 2;      ///< the enlargement before the network when the drone's expected size is unknown
    /// The enlargement of a region stops when the network would see more pixels than this
    /// (0: no limit). Bounds the cost of wide regions around small drones.
    double maxNetworkPixels = 512.0 * 512.0;
    double closeFactor = 0.75; ///< map gaps up to this × the expected drone size are closed
    bool refine = true;        ///< boxes shrink to the drone's own pixels (refineBox)
    double edgeFraction = 0.5;
    /// The box edge is `edgeFraction` of this quantile of the drone's contrast above the noise
    /// (refineBox), as for the detector (decision 22): at 1, half the peak, a fixed wing's
    /// saturated engine became the whole box.
    double refineReference = 0.5;
    bool wholeFrame = true;    ///< evaluation: also run method (b), the map over the whole frame (slow)
    int every = 1;             ///< evaluation: every n-th frame with a visible drone
};

/// The class map of one search region of a grey frame, as a ScoreMap in image pixels.
ScoreMap regionMap(const WildcatNet &net, const QImage &grey, const SearchRegion &region, const ProposerOptions &options);
/// The class map of a whole frame, normalised over the frame (no geometry).
ScoreMap frameMap(const WildcatNet &net, const QImage &grey, const ProposerOptions &options);

/// τ and the box scale learnt from boxes known to be right (the analysts' accepted and corrected
/// boxes, one per frame): the maps of those frames are measured against them (MaxBoxAcc@0.5,
/// BoxCalibration). With fewer than `minimumBoxes`, `result` keeps the options' τ and scale and
/// its `boxes` stays 0.
bool calibrateOnBoxes(const Campaign &campaign, const WildcatNet &net, const ProposerOptions &options,
                      const std::map<std::int64_t, QRectF> &accepted, BoxCalibration *result, QString *error,
                      int minimumBoxes = 5, const std::function<bool(std::int64_t, std::int64_t)> &progress = {});

/// Proposals for every frame of a camera where the target projects into view: source cam, state
/// proposed, confidence from the map. Frames without a projection get none (nothing invented).
bool proposeCampaign(const Campaign &campaign, const WildcatNet &net, const ProposerOptions &options,
                     const QString &modelVersion, std::vector<Annotation> *out, QString *error,
                     const std::function<bool(std::int64_t, std::int64_t)> &progress = {});

/// A synthetic campaign's ground truth for one camera: the box of every frame where the drone
/// is visible.
bool readGroundTruth(const QString &path, const QString &camera, std::map<std::int64_t, QRectF> *boxes,
                     QString *error);

struct ProposerEvaluation
{
    LocalizationScores geometry;   ///< (a) the geometric box
    LocalizationScores wholeFrame; ///< (b) the class map over the whole frame
    LocalizationScores region;     ///< (c) the class map inside the geometric region
    BoxCalibration calibrationRegion, calibrationFrame; ///< τ and box scale of (c) and (b)
    int calibrationFrames = 0; ///< the first block in time (calibrationSplit)
    int gapFrames = 0;         ///< left out between the calibration block and the test frames
    double proposalFps = 0;        ///< regions per second through the network and the post-processing
};

/// Evaluates the three methods on the frames of `camera` with a visible ground-truth box.
/// τ and the box scale are calibrated (MaxBoxAcc@0.5) on the first fifth of the evaluated frames
/// in time, standing in for the analyst's first accepted boxes; after a gap, every method is
/// measured on the rest (calibrationSplit).
bool evaluateProposer(const Campaign &campaign, const QString &groundTruthPath, int camera, const WildcatNet &net,
                      const ProposerOptions &options, ProposerEvaluation *result, QString *error,
                      const std::function<bool(std::int64_t, std::int64_t)> &progress = {});

} // namespace vigie::inference
