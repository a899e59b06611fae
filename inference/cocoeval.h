#pragma once

// Detection metrics that match the reference implementations number for number. Torch-free.
//
// COCO: the algorithm of pycocotools' COCOeval for boxes (iouType "bbox"), step for step:
// detections sorted by score with a stable sort and cut at the largest maxDets; crowd ground
// truth matched by intersection over the detection's area and never used up; ground truth
// outside an area range ignored, and unmatched detections outside it too; precision made
// monotone from the right and sampled at the 101 recall thresholds with a left binary search;
// every summary the mean of the cells that are not −1. Ids are the files' own; a detection's
// match is "a non-zero ground-truth id", as in pycocotools.
//
// Also the PASCAL VOC average precision (11-point and all-point) and the Anti-UAV challenge's
// state accuracy.

#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace vigie::inference::coco {

struct Box
{
    double x = 0, y = 0, w = 0, h = 0; ///< COCO's [x, y, width, height], pixels
};

/// Intersection over union, or intersection over the detection's area against a crowd box.
double boxIou(const Box &detection, const Box &truth, bool crowd = false);

struct GroundTruth
{
    std::int64_t id = 0;
    std::int64_t imageId = 0;
    std::int64_t categoryId = 1;
    Box box;
    double area = 0; ///< the file's "area" (w × h when it has none)
    bool crowd = false;
};

struct Detection
{
    std::int64_t id = 0; ///< 1, 2, … in file order, as pycocotools' loadRes numbers them
    std::int64_t imageId = 0;
    std::int64_t categoryId = 1;
    Box box;
    double score = 0;
    double area = 0; ///< w × h
};

struct GroundTruthSet
{
    std::vector<std::int64_t> imageIds;    ///< every image evaluated, with or without boxes
    std::vector<std::int64_t> categoryIds;
    std::vector<GroundTruth> boxes;
};

struct Params
{
    std::vector<double> iouThresholds;    ///< 0.50:0.05:0.95 as numpy.linspace makes them
    std::vector<double> recallThresholds; ///< 0:0.01:1
    std::vector<int> maxDets{1, 10, 100};
    /// all, small, medium, large: [0, 1e10], [0, 32²], [32², 96²], [96², 1e10]
    std::vector<std::pair<double, double>> areaRanges;
    bool useCategories = true;
    static Params defaults();
};

/// pycocotools' numpy.linspace(start, stop, num).
std::vector<double> linspace(double start, double stop, int num);

struct Result
{
    /// AP, AP50, AP75, AP small/medium/large, AR@1, AR@10, AR@100, AR small/medium/large.
    std::array<double, 12> stats{};
    Params params;
    int T = 0, R = 0, K = 0, A = 0, M = 0;
    std::vector<double> precision; ///< [T][R][K][A][M], −1 where nothing was evaluated
    std::vector<double> recall;    ///< [T][K][A][M]
    double precisionAt(int t, int r, int k, int a, int m) const;
    double recallAt(int t, int k, int a, int m) const;

    /// At IoU 0.5, all areas, 100 detections: the ground-truth id each detection matched (0 for
    /// none) and whether it was ignored (matched a crowd box), and the detection each ground
    /// truth matched (0 for none). The review panel's true and false positives and misses.
    struct Match
    {
        std::int64_t detectionId = 0;
        std::int64_t truthId = 0;
        bool ignored = false;
    };
    std::vector<Match> detections;
    std::vector<Match> truths; ///< detectionId 0: missed (ignored: a crowd box)
};

/// COCOeval.evaluate(), accumulate() and summarize() for boxes.
Result evaluate(const GroundTruthSet &truth, const std::vector<Detection> &detections,
                const Params &params = Params::defaults());

/// The twelve summary names, in Result::stats order.
QStringList statNames();

/// A COCO ground-truth file: "images", "annotations" (bbox, category_id, image_id, id, area,
/// iscrowd), "categories". nullopt with an error naming the file and the faulty entry.
std::optional<GroundTruthSet> loadGroundTruth(const QString &path, QString *error);
/// A COCO result file (a list of {image_id, category_id, bbox, score}); every image must be in
/// the ground truth, as pycocotools requires.
std::optional<std::vector<Detection>> loadDetections(const QString &path, const GroundTruthSet &truth,
                                                      QString *error);

/// PASCAL VOC: precision/recall of one class at an IoU threshold (greedy by score, each
/// ground-truth box matched once, crowd boxes as VOC's "difficult": neither hit nor miss), and
/// the average precision over it.
struct VocCurve
{
    std::vector<double> recall, precision;
    int positives = 0;
};
VocCurve vocCurve(const GroundTruthSet &truth, const std::vector<Detection> &detections,
                  std::int64_t categoryId, double iouThreshold = 0.5);
/// VOC2007's 11-point interpolated AP (elevenPoint) or VOC2010's area under the monotone curve.
double vocAveragePrecision(const VocCurve &curve, bool elevenPoint);

/// Anti-UAV's state accuracy over a sequence: the mean over frames of the IoU where the target
/// exists and of "predicted absent" where it does not; `penalized` subtracts the 2021 challenge's
/// 0.2 × (share of frames where the target exists but no box touches it)^0.3.
struct FrameState
{
    bool exists = false;
    Box truth;
    std::optional<Box> predicted;
};
struct StateAccuracy
{
    double accuracy = 0;
    double penalized = 0;
    int frames = 0;
};
StateAccuracy stateAccuracy(const std::vector<FrameState> &frames);

} // namespace vigie::inference::coco
