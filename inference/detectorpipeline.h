#pragma once

// The detector over campaigns: training crops from labelled frames, detections over a camera's
// frames (whole frames, tiles for large ones, or the geometric search region), and the
// evaluation with the breakdowns an analyst of a measurement campaign needs: by GPS range, by
// elevation, and (by running it per camera and per campaign) by modality and by sequence.

#include "inference/cocoeval.h"
#include "inference/detector.h"
#include "models/campaign.h"

#include <functional>
#include <map>
#include <random>
#include <set>

namespace vigie::inference {

using FrameBoxes = std::map<std::int64_t, std::vector<QRectF>>;

struct DetectorSampleOptions
{
    int cropSize = 96;
    int cropsPerBox = 2;       ///< crops around each labelled box, shifted at random
    int negativesPerFrame = 1; ///< crops away from every box (or anywhere on a "no target" frame)
};

/// Cuts the training crops of one labelled grey frame. `boxes` empty means the frame is known
/// to hold no target (only negatives). A crop keeps every box whose centre falls inside it.
void appendDetectorSamples(const QImage &grey, const std::vector<QRectF> &boxes, const DetectorSampleOptions &options,
                           std::mt19937_64 &rng, std::vector<DetectorSample> *samples);

struct DetectorSampleReport
{
    std::int64_t framesRead = 0, framesWithBoxes = 0, framesWithoutTarget = 0;
    std::int64_t positives = 0, negatives = 0;
};

/// Reads a camera of a campaign (grey, burned-in overlays suppressed) and cuts crops from the
/// frames that are labelled: those in `boxes`, and those in `noTarget`. Unlabelled frames are
/// never used. `progress(framesRead, frameCount)` may return false to cancel.
bool collectDetectorSamples(const Campaign &campaign, int camera, const FrameBoxes &boxes,
                            const std::set<std::int64_t> &noTarget, const DetectorSampleOptions &options,
                            std::uint64_t seed, std::vector<DetectorSample> *samples, DetectorSampleReport *report,
                            QString *error, const std::function<bool(std::int64_t, std::int64_t)> &progress = {});

struct DetectOptions
{
    int camera = -1;
    int every = 1;           ///< every n-th frame
    bool inRegion = false;   ///< only inside the geometric search region (frames without one: none)
    double minScore = 0.05;
    int maxDetections = 20;
    int tile = 640;          ///< frames larger than this are tiled
    double minRegionSide = 96;
    std::set<std::int64_t> only; ///< when not empty: just these frames (validation)
    /// Boxes of small drones (larger side up to `refineBelowPx`) shrink or grow to the drone's own
    /// pixels, as the proposer's do (refineBox): at 2 px tall, half a pixel of regressed height is
    /// the difference between IoU 0.7 and 0.4. 0 disables.
    double refineBelowPx = 16;
    double edgeFraction = 0.5;
    /// The edge is `edgeFraction` of this quantile of the drone's contrast above the noise
    /// (refineBox): at 0.5 a saturated engine no longer shrinks a fixed wing's box to itself
    /// (AP50 0.06 → 0.79 on the realistic campaign of seed 11; decision 22).
    double refineReference = 0.5;
};

/// Where the target was on each frame, from GPS and the turret: for the breakdowns.
struct FrameGeometry
{
    double rangeM = 0;
    double elevationDeg = 0;
    bool known = false;
};

struct CampaignDetections
{
    std::map<std::int64_t, std::vector<Detection>> frames; ///< every frame processed, even without detections
    std::map<std::int64_t, FrameGeometry> geometry;
    double framesPerSecond = 0; ///< detection alone (decoding excluded)
};

/// Fits the detections of small drones (larger side up to `belowPx`) to the drone's own pixels
/// in `grey` (refineBox, the background measured in a 24 px margin around each box).
void refineSmallBoxes(const QImage &grey, std::vector<Detection> *detections, double belowPx, double edgeFraction = 0.5,
                      double referenceQuantile = 1.0);

bool detectCampaign(const Campaign &campaign, const CenterNet &net, const DetectOptions &options, CampaignDetections *out,
                    QString *error, const std::function<bool(std::int64_t, std::int64_t)> &progress = {});

/// A COCO ground truth and result set of one sequence: image ids are frame numbers, one class.
void toCoco(const FrameBoxes &truth, const std::map<std::int64_t, std::vector<Detection>> &detections,
            coco::GroundTruthSet *gt, std::vector<coco::Detection> *dt);

struct BreakdownBin
{
    QString label;
    int frames = 0;
    int truths = 0;
    int detected = 0;   ///< ground-truth boxes matched at IoU 0.5
    double ap50 = -1;   ///< −1: no ground truth in the bin
    double detectionRate() const { return truths ? double(detected) / truths : 0.0; }
};

struct DetectorEvaluation
{
    coco::Result coco;
    double vocAp11 = 0, vocApAll = 0;
    coco::StateAccuracy state; ///< best detection per frame, above `stateThreshold`
    std::vector<BreakdownBin> byRange, byElevation;
    int frames = 0;
};

/// Evaluates detections on the frames they were computed for, against the ground truth of those
/// frames (frames without a box: the target is absent). Range bins are `rangeEdgesM` apart
/// (e.g. 0, 250, 500, 1000, 2000 m), elevation bins `elevationEdgesDeg`.
DetectorEvaluation evaluateDetections(const FrameBoxes &truth, const CampaignDetections &detections,
                                      double stateThreshold = 0.3,
                                      const std::vector<double> &rangeEdgesM = {0, 250, 500, 1000, 2000, 1e9},
                                      const std::vector<double> &elevationEdgesDeg = {-90, 5, 10, 20, 45, 90});

} // namespace vigie::inference
