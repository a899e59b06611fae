#pragma once

// The embedded detector: CenterNet (Zhou et al., "Objects as Points", 2019) over a small fully
// convolutional backbone, sized for drones of a few pixels to a few tens. Heads at stride 4: a
// heatmap per class (sigmoid; focal loss with α = 2, β = 4 on Gaussian-splatted centres), the
// box size in input pixels (L1, weight 0.1) and the centre's sub-cell offset (L1). Detections are
// the heatmap's 3×3 local maxima, the way the authors extract peaks.
//
// The public interface is torch-free: grey images in, boxes out.

#include <QImage>
#include <QJsonObject>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace vigie::inference {

struct DetectorConfig
{
    int classes = 1;
    int width = 16;      ///< channels of the first stage (×2 at stride 4, ×4 at stride 8)
    int cropSize = 96;   ///< training crops, pixels (a multiple of 8)
    double sizeWeight = 0.1;
    double offsetWeight = 1.0;
    /// Images are enlarged by this before the network (and boxes shrunk back): drones of a few
    /// pixels then span several heatmap cells. Training crops are cut at cropSize / inputScale
    /// pixels of the frame.
    double inputScale = 1.0;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, DetectorConfig *config, QString *error);
};

/// One training example: a grey crop and the boxes in it (crop pixels). No box: a negative.
struct DetectorSample
{
    QImage crop; ///< Grayscale8, cropSize²
    std::vector<QRectF> boxes;
    std::vector<int> classes; ///< per box; empty: class 0
};

struct DetectorTrainOptions
{
    int steps = 400;   ///< of this call (one epoch, when training epoch by epoch)
    int batch = 16;
    double learningRate = 2e-3;
    std::uint64_t seed = 1;
    /// Mixed into the seed: each epoch draws its own batches, so that resuming from epoch k's
    /// checkpoint gives the same weights as training straight through.
    int epoch = 0;
    /// Every few steps: (step, mean loss since the last call); false cancels.
    std::function<bool(int, double)> progress;
};

struct Detection
{
    QRectF box;      ///< image pixels
    double score = 0; ///< the heatmap's peak, in (0, 1)
    int classId = 0;
};

/// CenterNet's radius for a w × h box: the largest shift of its corners that keeps IoU ≥
/// minOverlap (the authors' gaussian_radius), at least 0.
double gaussianRadius(double height, double width, double minOverlap = 0.7);

/// The focal loss of a predicted heatmap (probabilities) against its Gaussian target, summed and
/// divided by the number of centres (cells where the target is 1), as the authors define it:
/// positives −(1 − p)^α log p, others −(1 − y)^β p^α log(1 − p). For tests against the formula.
double focalLoss(const std::vector<float> &predicted, const std::vector<float> &target, double alpha = 2,
                 double beta = 4);

/// Peaks of a heatmap (row-major w × h probabilities): cells equal to their 3×3 neighbourhood's
/// maximum, at least `minScore`, best first, at most `maxPeaks`. Returns (cell index, score).
std::vector<std::pair<int, float>> heatmapPeaks(const std::vector<float> &heat, int width, int height, int maxPeaks,
                                                float minScore);

/// A CenterNet detector. Not thread-safe: one thread at a time.
class CenterNet
{
public:
    static std::unique_ptr<CenterNet> create(const DetectorConfig &config, std::uint64_t seed);
    /// Loads weights saved by save(); a file that is not one gives a one-line reason.
    static std::unique_ptr<CenterNet> load(const QString &path, QString *error);
    ~CenterNet();

    bool save(const QString &path, QString *error) const;
    const DetectorConfig &config() const;

    /// Trains on the samples (augmented: flips, gain, offset, noise). The optimizer's state is
    /// kept between calls. Returns false with a reason when cancelled or on an error.
    bool train(const std::vector<DetectorSample> &samples, const DetectorTrainOptions &options, QString *error);

    /// A checkpoint: the weights, the optimizer's state and the number of epochs done.
    bool saveCheckpoint(const QString &path, int epochsDone, QString *error) const;
    /// Restores a checkpoint written by saveCheckpoint() for the same configuration.
    static std::unique_ptr<CenterNet> loadCheckpoint(const QString &path, int *epochsDone, QString *error);

    /// Detections in a grey image of any size (padded to a multiple of 8), best first.
    std::vector<Detection> detect(const QImage &grey, int maxDetections = 100, double minScore = 0.05) const;
    /// The same in tiles of `tile` pixels overlapping by `overlap`, for large frames (1080p):
    /// detections from the overlaps are merged by keeping the best of boxes with IoU > 0.5.
    std::vector<Detection> detectTiled(const QImage &grey, int tile = 512, int overlap = 64, int maxDetections = 100,
                                       double minScore = 0.05) const;

    /// The mean training loss of the samples, without augmentation (validation).
    double loss(const std::vector<DetectorSample> &samples) const;

private:
    CenterNet();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace vigie::inference
