#include "app/jobs/detectortraining.h"

#include "app/modelregistry.h"
#include "models/campaign.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>
#include <limits>

namespace vigie::jobs {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::jobs::DetectorTraining)
};

/// At most ~100 validation frames, spread over the held-out stretch.
std::set<std::int64_t> thinned(const std::set<std::int64_t> &frames)
{
    if (frames.size() <= 100)
        return frames;
    std::set<std::int64_t> out;
    const std::size_t step = (frames.size() + 99) / 100;
    std::size_t i = 0;
    for (std::int64_t f : frames) {
        if (i++ % step == 0)
            out.insert(f);
    }
    return out;
}

} // namespace

QString detectorCheckpointPath(const QString &modelDir, const QString &cameraName)
{
    return QDir(modelDir).filePath(QStringLiteral("centernet-%1.checkpoint").arg(cameraName));
}

QJsonArray savedDetectorCurve(const QString &modelDir, const QString &cameraName)
{
    QFile f(detectorCheckpointPath(modelDir, cameraName) + QStringLiteral(".json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("curve")).toArray();
}

bool trainDetector(const DetectorTrainingSpec &spec, JobContext &context, const DetectorTrainingHooks &hooks,
                   DetectorTrainingResult *result, QString *error)
{
    if (spec.sources.empty()) {
        *error = Tr::tr("no campaign to train on");
        return false;
    }
    std::vector<DetectorTrainingSource> sources = spec.sources;
    DetectorTrainingSource &first = sources.front();
    const QString cameraName = first.campaign->manifest().cameras.at(size_t(first.camera)).name;

    // Validation: a held-out campaign, else the last fifth in time of the first campaign's
    // labelled frames, which then do not train.
    const Campaign *valCampaign = spec.validationCampaign ? spec.validationCampaign.get() : first.campaign.get();
    const int valCamera = spec.validationCampaign ? spec.validationCamera : first.camera;
    inference::FrameBoxes valBoxes;
    std::set<std::int64_t> valFrames;
    std::int64_t cut = -1;
    if (spec.validationCampaign) {
        valBoxes = spec.validationBoxes;
        valFrames = spec.validationNoTarget;
    } else {
        std::vector<std::int64_t> labelled;
        for (const auto &[frame, _] : first.boxes)
            labelled.push_back(frame);
        labelled.insert(labelled.end(), first.noTarget.begin(), first.noTarget.end());
        std::sort(labelled.begin(), labelled.end());
        if (labelled.size() >= 10) {
            cut = labelled[labelled.size() * 4 / 5];
            for (auto it = first.boxes.begin(); it != first.boxes.end();) {
                if (it->first >= cut) {
                    valBoxes.insert(*it);
                    it = first.boxes.erase(it);
                } else {
                    ++it;
                }
            }
            for (auto it = first.noTarget.begin(); it != first.noTarget.end();) {
                if (*it >= cut) {
                    valFrames.insert(*it);
                    it = first.noTarget.erase(it);
                } else {
                    ++it;
                }
            }
        }
    }
    for (const auto &[frame, _] : valBoxes)
        valFrames.insert(frame);
    valFrames = thinned(valFrames);
    std::size_t framesWithBoxes = 0;
    for (const DetectorTrainingSource &s : sources)
        framesWithBoxes += s.boxes.size();
    if (framesWithBoxes == 0) {
        *error = Tr::tr("No accepted or corrected box on this camera yet: accept or draw some boxes first");
        return false;
    }

    // The network first: a resumed run keeps its checkpoint's configuration, crops included.
    QDir().mkpath(spec.modelDir);
    const QString checkpoint = detectorCheckpointPath(spec.modelDir, cameraName);
    QJsonArray curve;
    int firstEpoch = 0;
    std::unique_ptr<inference::CenterNet> net;
    if (spec.resume) {
        net = inference::CenterNet::loadCheckpoint(checkpoint, &firstEpoch, error);
        if (!net)
            return false;
        curve = savedDetectorCurve(spec.modelDir, cameraName);
        if (firstEpoch >= spec.epochs) {
            *error = Tr::tr("The checkpoint already has %1 epochs: ask for more").arg(firstEpoch);
            return false;
        }
        context.log(Tr::tr("Resuming after epoch %1 from %2").arg(firstEpoch).arg(checkpoint));
    } else {
        net = inference::CenterNet::create(spec.config, spec.seed);
    }
    const inference::DetectorConfig &config = net->config();

    context.log(Tr::tr("Training on %1 labelled frames of %2, validating on %3 frames%4")
                    .arg(framesWithBoxes + first.noTarget.size())
                    .arg(cameraName)
                    .arg(valFrames.size())
                    .arg(spec.validationCampaign ? Tr::tr(" of %1").arg(valCampaign->manifest().name)
                         : cut >= 0              ? Tr::tr(" from frame %1 on").arg(cut)
                                                 : QString()));

    std::vector<inference::DetectorSample> samples;
    inference::DetectorSampleOptions sampleOptions;
    sampleOptions.cropSize = std::max(8, int(std::lround(config.cropSize / config.inputScale)));
    QJsonArray snapshot;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const DetectorTrainingSource &s = sources[i];
        const QString phase = Tr::tr("Cutting crops from %1").arg(QFileInfo(s.manifestPath).dir().dirName());
        inference::DetectorSampleReport report;
        const bool collected = inference::collectDetectorSamples(
            *s.campaign, s.camera, s.boxes, s.noTarget, sampleOptions, spec.seed + std::uint64_t(i), &samples, &report, error,
            [&](std::int64_t done, std::int64_t total) {
                context.progress(phase, double(done), double(total));
                if (hooks.tick)
                    hooks.tick({0, spec.epochs, int(done), int(std::max<std::int64_t>(1, total)), 0, 0, -1});
                return !context.cancelled();
            });
        if (!collected) {
            if (context.cancelled())
                *error = Tr::tr("Training cancelled");
            else
                *error = Tr::tr("%1: %2").arg(s.manifestPath, *error);
            return false;
        }
        context.log(Tr::tr("%1: %2 frames with boxes, %3 without target: %4 crops with a drone, %5 without")
                        .arg(s.manifestPath)
                        .arg(report.framesWithBoxes)
                        .arg(report.framesWithoutTarget)
                        .arg(report.positives)
                        .arg(report.negatives));
        QJsonObject entry{{QStringLiteral("campaign"), QFileInfo(s.manifestPath).absoluteFilePath()},
                          {QStringLiteral("camera"), s.campaign->manifest().cameras.at(size_t(s.camera)).name},
                          {QStringLiteral("boxes"), s.labels},
                          {QStringLiteral("frames_with_boxes"), qint64(report.framesWithBoxes)},
                          {QStringLiteral("frames_without_target"), qint64(report.framesWithoutTarget)},
                          {QStringLiteral("crops_positive"), qint64(report.positives)},
                          {QStringLiteral("crops_negative"), qint64(report.negatives)}};
        if (i == 0 && cut >= 0)
            entry.insert(QStringLiteral("validation_from_frame"), qint64(cut));
        snapshot.append(entry);
    }

    inference::DetectorTrainOptions t;
    t.steps = spec.stepsPerEpoch;
    t.seed = spec.seed;
    QElapsedTimer timer;
    timer.start();
    std::int64_t stepsDone = 0;
    const std::int64_t stepsTotal = std::int64_t(spec.epochs - firstEpoch) * spec.stepsPerEpoch;
    double lastLoss = 0;
    for (int epoch = firstEpoch; epoch < spec.epochs; ++epoch) {
        t.epoch = epoch;
        double sum = 0;
        int calls = 0;
        int lastStep = 0;
        const QString phase = Tr::tr("Epoch %1/%2").arg(epoch + 1).arg(spec.epochs);
        t.progress = [&](int step, double loss) {
            sum += loss;
            ++calls;
            stepsDone += step - lastStep;
            lastStep = step;
            const double seconds = double(timer.elapsed()) / 1000.0;
            const double perStep = stepsDone > 0 ? seconds / double(stepsDone) : 0;
            context.progress(phase, step, spec.stepsPerEpoch);
            if (hooks.tick)
                hooks.tick({epoch + 1, spec.epochs, step, spec.stepsPerEpoch, loss, perStep > 0 ? t.batch / perStep : 0,
                            perStep * double(stepsTotal - stepsDone)});
            return !context.cancelled();
        };
        if (!net->train(samples, t, error)) {
            if (context.cancelled())
                *error = Tr::tr("Training cancelled during epoch %1; the checkpoint of epoch %2 is kept").arg(epoch + 1).arg(epoch);
            return false;
        }
        lastLoss = calls ? sum / calls : 0;
        QJsonObject point{{QStringLiteral("epoch"), epoch + 1}, {QStringLiteral("loss"), lastLoss}};
        double ap50 = -1;
        if (!valBoxes.empty()) {
            inference::DetectOptions d;
            d.camera = valCamera;
            d.only = valFrames;
            // As the detector runs in the workstation: inside the search region. Whole frames at
            // 2× input cost seconds each on 2 cores, and an epoch's validation must not take
            // longer than its training.
            d.inRegion = true;
            inference::CampaignDetections found;
            if (!inference::detectCampaign(*valCampaign, *net, d, &found, error,
                                           [&](std::int64_t, std::int64_t) { return !context.cancelled(); })) {
                if (context.cancelled())
                    *error = Tr::tr("Training cancelled");
                return false;
            }
            const auto e = inference::evaluateDetections(valBoxes, found);
            ap50 = e.coco.stats[1];
            point.insert(QStringLiteral("val_ap"), e.coco.stats[0]);
        }
        point.insert(QStringLiteral("val_ap50"), ap50);
        if (!net->saveCheckpoint(checkpoint, epoch + 1, error))
            return false;
        curve.append(point);
        QSaveFile side(checkpoint + QStringLiteral(".json"));
        if (side.open(QIODevice::WriteOnly)) {
            side.write(QJsonDocument(QJsonObject{{QStringLiteral("curve"), curve}}).toJson(QJsonDocument::Compact));
            side.commit();
        }
        const double trainSeconds = double(timer.elapsed()) / 1000.0;
        context.log(Tr::tr("epoch %1/%2  loss %3  %4 samples/s%5")
                        .arg(epoch + 1)
                        .arg(spec.epochs)
                        .arg(lastLoss, 0, 'f', 4)
                        .arg(double(stepsDone) * t.batch / std::max(1e-3, trainSeconds), 0, 'f', 0)
                        .arg(ap50 >= 0 ? Tr::tr("  val AP50 %1").arg(ap50, 0, 'f', 3) : QString()));
        if (hooks.epochFinished)
            hooks.epochFinished(epoch + 1, lastLoss, ap50);
    }

    // Weights, then the registry.
    const QString version = modelVersion(QStringLiteral("centernet"), cameraName);
    const QString weights =
        spec.weightsPath.isEmpty() ? QDir(spec.modelDir).filePath(version + QStringLiteral(".centernet")) : spec.weightsPath;
    if (!net->save(weights, error))
        return false;
    const TrainedModel record = detectorRecord(cameraName, version, weights, config.toJson(), spec.epochs, t,
                                               QJsonObject{{QStringLiteral("campaigns"), snapshot},
                                                           {QStringLiteral("validation_frames"), qint64(valFrames.size())}},
                                               lastLoss, curve, double(timer.elapsed()) / 1000.0);
    if (!registerTrainedModel(spec.datasetPath, record, error))
        return false;
    result->version = version;
    result->weightsPath = record.weightsPath;
    result->finalLoss = lastLoss;
    result->curve = curve;
    return true;
}

} // namespace vigie::jobs
