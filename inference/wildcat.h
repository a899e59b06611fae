#pragma once

// WILDCAT (Durand et al., CVPR 2017) as its authors' code defines it, over a small fully
// convolutional backbone sized for drones of a few pixels: the backbone (stride 4), a 1×1
// transfer layer to C×M maps, the class-wise mean over the M maps of each class, and the
// spatial pooling s = (mean of the top k⁺ + α · mean of the bottom k⁻) / 2, where k < 1 is a
// fraction of the map's cells (rounded half to even, as Python's round) and k ≥ 1 a count; k⁻
// defaults to k⁺; the /2 is dropped when α = 0 or k⁻ = 0. WELDON is α = 1, max pooling
// k⁺ = 1 and α = 0, global average pooling k⁺ = 1.0 (every cell) and α = 0.
//
// The public interface is torch-free: images in, maps and scores out.

#include <QImage>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace vigie::inference {

struct WildcatConfig
{
    int classes = 1;       ///< C: the drone (one class; the score is the drone's presence)
    int mapsPerClass = 4;  ///< M
    double kMax = 3;       ///< k⁺: a fraction of the cells (< 1) or a count (≥ 1)
    double kMin = -1;      ///< k⁻; negative: the same as k⁺
    double alpha = 0.7;
    int cropSize = 64;     ///< training crops, pixels
    int width = 16;        ///< backbone channels of the first stage
    /// The class maps pass through a softplus before pooling (evidence is never negative). The
    /// authors' maps are unconstrained; on drones of a few pixels an unconstrained map learns a
    /// bright/dark dipole around the drone whose lobes the box extraction cannot tell apart. (A
    /// ReLU dies: every map zero, no gradient.)
    bool positiveMaps = true;
    /// Batch normalisation after each backbone convolution. Without it some trainings never left
    /// the loss of chance (ln 2) on real footage. Files written before it have none.
    bool batchNorm = true;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, WildcatConfig *config, QString *error);
    double effectiveKMin() const { return kMin < 0 ? kMax : kMin; }
};

/// The number of cells k selects among n (the authors' get_positive_k).
int positiveK(double k, int n);
/// The pooling of one map, in plain C++ (the reference the network's pooling is tested against).
double wildcatPool(std::vector<double> values, double kMax, double kMin, double alpha);

/// One training example: a grey crop (Grayscale8, cropSize²) and its image-level label.
struct WeakSample
{
    QImage crop;
    float label = 0; ///< 1: the drone is in the crop; 0: it is not
};

struct TrainOptions
{
    int steps = 300;
    int batch = 32;
    double learningRate = 2e-3;
    std::uint64_t seed = 1;
    /// Called every few steps with (step, mean loss since the last call); false cancels.
    std::function<bool(int, double)> progress;
};

/// A WILDCAT network. Not thread-safe: one thread at a time.
class WildcatNet
{
public:
    static std::unique_ptr<WildcatNet> create(const WildcatConfig &config, std::uint64_t seed);
    /// Loads weights saved by save(); a file that is not one gives a one-line reason.
    static std::unique_ptr<WildcatNet> load(const QString &path, QString *error);
    ~WildcatNet();

    bool save(const QString &path, QString *error) const;
    const WildcatConfig &config() const;

    /// Trains on the samples (augmented: flips, gain, offset, noise). Returns false with a reason
    /// when cancelled or on an error.
    bool train(const std::vector<WeakSample> &samples, const TrainOptions &options, QString *error);

    /// The drone class's map (after the class-wise mean, before pooling) for a grey image of
    /// any size: row-major, (height / 4) × (width / 4) cells, each covering 4×4 pixels.
    std::vector<float> classMap(const QImage &grey, int *mapWidth, int *mapHeight) const;
    /// The pooled score (logit) of one image.
    double score(const QImage &grey) const;
    /// Pools a map with this network's k⁺, k⁻, α (the network's own pooling, for tests).
    double pool(const std::vector<float> &map, int mapWidth, int mapHeight) const;

private:
    WildcatNet();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace vigie::inference
