#pragma once

// The detector's training job, one for `vigie-cli detector train` and Detector › Train Detector
// (docs/DETECTOR.md):
// - labels: the analysts' decisions (models/annotation/labels.h) or a ground truth, per campaign;
// - validation: a held-out campaign's ground truth when one is given, else the last fifth in
//   time of the first campaign's labelled frames (never shuffled frames: neighbours are nearly
//   the same picture), always inside the geometric search region, as the detector runs;
// - the checkpoint: `<models>/centernet-<camera>.checkpoint` and its curve beside it
//   (`.json`), written after every epoch, so that a run started in the workstation resumes
//   from the CLI (`--resume`) and the reverse;
// - the weights: `<models>/<version>.centernet` unless a path is given, registered in the
//   dataset's model registry with the data snapshot and the curve.

#include "app/jobs/job.h"
#include "inference/detector.h"
#include "inference/detectorpipeline.h"

#include <QJsonArray>

#include <functional>
#include <memory>
#include <set>
#include <vector>

namespace vigie {
class Campaign;
}

namespace vigie::jobs {

struct DetectorTrainingSource
{
    std::shared_ptr<const Campaign> campaign;
    QString manifestPath;
    int camera = -1;
    inference::FrameBoxes boxes;       ///< target boxes by frame
    std::set<std::int64_t> noTarget;   ///< frames known to hold no target
    QString labels = QStringLiteral("db"); ///< where the labels came from: db or gt (for the record)
};

struct DetectorTrainingSpec
{
    std::vector<DetectorTrainingSource> sources; ///< at least one
    QString datasetPath;                         ///< the registry
    QString modelDir;                            ///< checkpoints, and the weights by default
    QString weightsPath;                         ///< empty: modelDir/<version>.centernet
    int epochs = 6;
    int stepsPerEpoch = 100;
    std::uint64_t seed = 1;
    bool resume = false;
    inference::DetectorConfig config; ///< for a new run (a resumed one keeps the checkpoint's)
    /// A held-out campaign and its ground truth; none: the first source's last fifth in time.
    std::shared_ptr<const Campaign> validationCampaign;
    int validationCamera = -1;
    inference::FrameBoxes validationBoxes;
    std::set<std::int64_t> validationNoTarget;
};

/// What the workstation's panel draws while the job runs.
struct DetectorTrainingTick
{
    int epoch = 0, epochs = 0; ///< 1-based; 0 while the crops are cut
    int step = 0, steps = 0;
    double loss = 0;
    double samplesPerSecond = 0;
    double secondsLeft = -1;
};

struct DetectorTrainingResult
{
    QString version;
    QString weightsPath;
    double finalLoss = 0;
    QJsonArray curve; ///< {epoch, loss, val_ap50, val_ap} per epoch, the resumed run's included
};

struct DetectorTrainingHooks
{
    std::function<void(const DetectorTrainingTick &)> tick;
    std::function<void(int epoch, double loss, double validationAp50)> epochFinished;
};

/// Where a camera's run keeps its checkpoint (the curve is beside it, `.json`).
QString detectorCheckpointPath(const QString &modelDir, const QString &cameraName);
/// The curve saved beside a camera's checkpoint.
QJsonArray savedDetectorCurve(const QString &modelDir, const QString &cameraName);

bool trainDetector(const DetectorTrainingSpec &spec, JobContext &context, const DetectorTrainingHooks &hooks,
                   DetectorTrainingResult *result, QString *error);

} // namespace vigie::jobs
