#include "app/jobs/review.h"

#include "inference/cocoeval.h"

namespace vigie::jobs {

ReviewSummary reviewDetections(const inference::FrameBoxes &truth, const std::set<std::int64_t> &labelled,
                               const std::map<qint64, std::vector<Annotation>> &boxes, const QString &version,
                               std::vector<ReviewFrameErrors> *frames)
{
    ReviewSummary s;
    s.model = version;
    if (version.isEmpty())
        return s;
    std::map<std::int64_t, std::vector<inference::Detection>> found;
    for (qint64 frame : labelled) {
        auto &list = found[frame];
        if (const auto it = boxes.find(frame); it != boxes.end()) {
            for (const Annotation &a : it->second)
                list.push_back({a.rect, a.confidence.value_or(0.5), 0});
        }
    }
    inference::coco::GroundTruthSet gt;
    std::vector<inference::coco::Detection> dt;
    inference::toCoco(truth, found, &gt, &dt);
    s.frames = int(labelled.size());
    if (gt.imageIds.empty())
        return s;
    const auto e = inference::coco::evaluate(gt, dt);
    s.ap = e.stats[0];
    s.ap50 = e.stats[1];
    s.ap75 = e.stats[2];
    s.ar100 = e.stats[8];
    for (int i = 0; i < e.R; ++i)
        s.precisionAt50.push_back(e.precisionAt(0, i, 0, 0, e.M - 1));
    std::map<std::int64_t, std::int64_t> frameOfDet, frameOfTruth;
    for (const auto &d : dt)
        frameOfDet[d.id] = d.imageId;
    for (const auto &g : gt.boxes)
        frameOfTruth[g.id] = g.imageId;
    std::map<qint64, ReviewFrameErrors> perFrame;
    for (const auto &m : e.detections) {
        if (m.ignored)
            continue;
        auto &f = perFrame[frameOfDet[m.detectionId]];
        f.frame = frameOfDet[m.detectionId];
        (m.truthId != 0 ? f.truePositives : f.falsePositives) += 1;
        (m.truthId != 0 ? s.truePositives : s.falsePositives) += 1;
    }
    for (const auto &m : e.truths) {
        if (m.ignored || m.detectionId != 0)
            continue;
        auto &f = perFrame[frameOfTruth[m.truthId]];
        f.frame = frameOfTruth[m.truthId];
        ++f.misses;
        ++s.misses;
    }
    if (frames) {
        for (const auto &[_, f] : perFrame)
            frames->push_back(f);
    }
    return s;
}

} // namespace vigie::jobs
