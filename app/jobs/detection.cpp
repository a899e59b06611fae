#include "app/jobs/detection.h"

#include "inference/detector.h"
#include "inference/temporal.h"
#include "models/campaign.h"

#include <QCoreApplication>

#include <algorithm>

namespace vigie::jobs {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::jobs::Detection)
};
} // namespace

bool detectBoxes(const DetectSpec &spec, JobContext &context, DetectResult *result, QString *error)
{
    auto net = inference::CenterNet::load(spec.weightsPath, error);
    if (!net)
        return false;
    const Campaign &campaign = *spec.campaign;
    if (spec.options.camera < 0 || spec.options.camera >= int(campaign.manifest().cameras.size())) {
        *error = Tr::tr("No camera %1 in the campaign").arg(spec.options.camera);
        return false;
    }
    // Through time, weak detections that chain with strong ones rise: the detector runs down to
    // the evaluation floor, and the caller's threshold applies after the rescoring.
    inference::DetectOptions options = spec.options;
    if (spec.temporal)
        options.minScore = std::min(options.minScore, inference::DetectOptions{}.minScore);
    if (!inference::detectCampaign(campaign, *net, options, &result->detections, error,
                                   [&](std::int64_t frame, std::int64_t) {
                                       context.progress(Tr::tr("Detecting: frame %1").arg(frame), double(frame), double(spec.frameCount));
                                       return !context.cancelled();
                                   })) {
        if (context.cancelled())
            *error = Tr::tr("Detection cancelled");
        return false;
    }
    if (spec.temporal) {
        inference::TemporalOptions temporal;
        temporal.maxGapFrames = std::max(1, spec.options.every);
        result->detections.frames = inference::seqNms(result->detections.frames, temporal);
        for (auto &[frame, list] : result->detections.frames)
            std::erase_if(list, [&](const inference::Detection &d) { return d.score < spec.options.minScore; });
    }
    result->boxes.clear();
    for (const auto &[frame, list] : result->detections.frames) {
        for (const inference::Detection &d : list) {
            Annotation a;
            a.camera = spec.options.camera;
            a.frame = frame;
            a.rect = d.box;
            a.className = campaign.manifest().targetClass;
            a.source = db::BoxSource::Detector;
            a.state = db::BoxState::Proposed;
            a.confidence = d.score;
            a.modelVersion = spec.version;
            result->boxes.push_back(a);
        }
    }
    context.log(Tr::tr("%1: %2 detections on %3 frames of %4 (%5 frames/s)")
                    .arg(spec.version)
                    .arg(result->boxes.size())
                    .arg(result->detections.frames.size())
                    .arg(campaign.manifest().cameras.at(size_t(spec.options.camera)).name)
                    .arg(result->detections.framesPerSecond, 0, 'f', 1));
    return true;
}

} // namespace vigie::jobs
