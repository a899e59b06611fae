#include "app/jobs/proposerjobs.h"

#include "app/modelregistry.h"
#include "inference/proposer.h"
#include "inference/weaklabels.h"
#include "models/campaign.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>

namespace vigie::jobs {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::jobs::ProposerJobs)
};
} // namespace

bool trainProposer(const ProposerTrainingSpec &spec, JobContext &context, ProposerTrainingResult *result, QString *error)
{
    if (spec.sources.empty()) {
        *error = Tr::tr("No campaign to train the proposer on");
        return false;
    }
    const auto cancelled = [&] {
        *error = Tr::tr("Proposer training cancelled");
        return false;
    };
    const QString cameraName = spec.sources.front().campaign->manifest().cameras.at(size_t(spec.sources.front().camera)).name;
    std::vector<inference::WeakSample> samples;
    QJsonArray snapshot;
    for (std::size_t i = 0; i < spec.sources.size(); ++i) {
        const ProposerTrainingSource &source = spec.sources[i];
        const Campaign &campaign = *source.campaign;
        const QString name = campaign.manifest().cameras.at(size_t(source.camera)).name;
        if (campaign.targetLog().fixes.empty()) {
            *error = Tr::tr("%1: the campaign has no GPS fix, so no weak label: the proposer cannot be trained").arg(source.manifestPath);
            return false;
        }
        inference::WeakLabelOptions o;
        o.camera = source.camera;
        o.cropSize = spec.config.cropSize;
        o.seed = spec.seed + i;
        inference::WeakLabelReport report;
        const QString phase = Tr::tr("Proposer: cutting weak-label crops of %1").arg(name);
        if (!inference::collectWeakSamples(campaign, o, &samples, &report, error, [&](std::int64_t read, std::int64_t) {
                context.progress(phase, double(read * o.frameStep), 0);
                return !context.cancelled();
            }))
            return context.cancelled() ? cancelled() : (*error = Tr::tr("%1: %2").arg(source.manifestPath, *error), false);
        context.log(Tr::tr("%1: %2 frames of %3, %4 crops with the drone and %5 without, %6 frames without a projection")
                        .arg(source.manifestPath)
                        .arg(report.framesRead)
                        .arg(name)
                        .arg(report.positives)
                        .arg(report.negatives)
                        .arg(report.noProjection));
        if (report.positives == 0) {
            *error = Tr::tr("%1: the target never projects into %2's view: no weak label to learn from").arg(source.manifestPath, name);
            return false;
        }
        result->positives += report.positives;
        result->negatives += report.negatives;
        snapshot.append(weakLabelSnapshot(source.manifestPath, name, report));
    }

    auto net = inference::WildcatNet::create(spec.config, spec.seed);
    inference::TrainOptions t;
    t.steps = spec.steps;
    t.seed = spec.seed;
    double lastLoss = 0;
    QElapsedTimer timer;
    timer.start();
    t.progress = [&](int step, double loss) {
        lastLoss = loss;
        context.progress(Tr::tr("Proposer: step %1 of %2, loss %3").arg(step).arg(spec.steps).arg(loss, 0, 'f', 3), step, spec.steps);
        if (step % 50 == 0 || step == spec.steps)
            context.log(Tr::tr("step %1/%2  loss %3  %4 samples/s")
                            .arg(step)
                            .arg(spec.steps)
                            .arg(loss, 0, 'f', 4)
                            .arg(double(step) * t.batch / std::max(1e-3, double(timer.elapsed()) / 1000.0), 0, 'f', 0));
        return !context.cancelled();
    };
    if (!net->train(samples, t, error))
        return context.cancelled() ? cancelled() : false;

    const QString version = modelVersion(QStringLiteral("wildcat"), cameraName);
    QString weights = spec.weightsPath;
    if (weights.isEmpty()) {
        QDir().mkpath(spec.modelDir);
        weights = QDir(spec.modelDir).filePath(version + QStringLiteral(".wildcat"));
    }
    if (!net->save(weights, error))
        return false;
    const TrainedModel record =
        proposerRecord(cameraName, version, weights, spec.config, t, snapshot, lastLoss, double(timer.elapsed()) / 1000.0);
    if (!registerTrainedModel(spec.datasetPath, record, error))
        return false;
    result->version = version;
    result->weightsPath = record.weightsPath;
    result->finalLoss = lastLoss;
    return true;
}

bool proposeBoxes(const ProposeSpec &spec, JobContext &context, ProposeResult *result, QString *error)
{
    const Campaign &campaign = *spec.campaign;
    if (campaign.targetLog().fixes.empty()) {
        *error = Tr::tr("The campaign has no GPS fix: no search region, no proposal");
        return false;
    }
    const auto cancelled = [&] {
        *error = Tr::tr("Proposals cancelled");
        return false;
    };
    auto net = inference::WildcatNet::load(spec.weightsPath, error);
    if (!net)
        return false;
    inference::ProposerOptions options;
    options.camera = spec.camera;
    options.tau = spec.tau.value_or(options.tau);
    options.boxScale = spec.boxScale.value_or(options.boxScale);
    result->calibrationBoxes = 0;
    if (!spec.tau || !spec.boxScale) {
        std::map<std::int64_t, QRectF> single; // frames with one accepted box: the drone's
        for (const auto &[frame, boxes] : spec.accepted) {
            if (boxes.size() == 1)
                single[frame] = boxes.front();
        }
        inference::BoxCalibration calibration;
        const QString phase = Tr::tr("Proposer: learning τ from accepted boxes");
        if (!inference::calibrateOnBoxes(campaign, *net, options, single, &calibration, error, 5,
                                         [&](std::int64_t frame, std::int64_t last) {
                                             context.progress(phase, double(frame), double(last));
                                             return !context.cancelled();
                                         }))
            return context.cancelled() ? cancelled() : false;
        if (calibration.boxes > 0) {
            options.tau = spec.tau.value_or(calibration.tau);
            options.boxScale = spec.boxScale.value_or(calibration.boxScale);
        }
        result->calibrationBoxes = calibration.boxes;
    }
    result->tau = options.tau;
    result->boxScale = options.boxScale;
    const QString name = campaign.manifest().cameras.at(size_t(spec.camera)).name;
    context.log(result->calibrationBoxes > 0 ? Tr::tr("τ %1 and box scale %2 learnt from %3 accepted boxes")
                                                   .arg(options.tau, 0, 'f', 2)
                                                   .arg(options.boxScale, 0, 'f', 2)
                                                   .arg(result->calibrationBoxes)
                                             : Tr::tr("τ %1 and box scale %2 (%3: fewer than 5 accepted boxes to learn them from, or set)")
                                                   .arg(options.tau, 0, 'f', 2)
                                                   .arg(options.boxScale, 0, 'f', 2)
                                                   .arg(name));
    if (!inference::proposeCampaign(campaign, *net, options, spec.version, &result->proposals, error,
                                    [&](std::int64_t frame, std::int64_t) {
                                        context.progress(Tr::tr("Proposer: frame %1").arg(frame), double(frame), double(spec.frameCount));
                                        return !context.cancelled();
                                    }))
        return context.cancelled() ? cancelled() : false;
    return true;
}

} // namespace vigie::jobs
