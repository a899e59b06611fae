#include "inference/detectorpipeline.h"

#include "inference/proposals.h"
#include "inference/runtime.h"
#include "inference/weaklabels.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace vigie::inference {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::inference::DetectorPipeline)
};

bool intersectsAny(const QRectF &crop, const std::vector<QRectF> &boxes)
{
    for (const QRectF &b : boxes) {
        if (crop.intersects(b.adjusted(-2, -2, 2, 2)))
            return true;
    }
    return false;
}

} // namespace

void appendDetectorSamples(const QImage &grey, const std::vector<QRectF> &boxes, const DetectorSampleOptions &options,
                           std::mt19937_64 &rng, std::vector<DetectorSample> *samples)
{
    const int side = options.cropSize;
    auto crop = [&](int x0, int y0) {
        // cropAround replicates the border outside the image; it takes the centre.
        DetectorSample s;
        s.crop = cropAround(grey, x0 + side / 2, y0 + side / 2, side);
        const QRectF window(x0, y0, side, side);
        for (const QRectF &b : boxes) {
            if (window.contains(b.center()))
                s.boxes.push_back(b.translated(-x0, -y0).intersected(QRectF(0, 0, side, side)));
        }
        return s;
    };
    for (const QRectF &b : boxes) {
        // The box anywhere in the crop, with a margin of 4 pixels when it fits.
        const double slackX = std::max(0.0, (side - b.width()) / 2 - 4), slackY = std::max(0.0, (side - b.height()) / 2 - 4);
        for (int i = 0; i < options.cropsPerBox; ++i) {
            const double dx = std::uniform_real_distribution<double>(-slackX, slackX)(rng);
            const double dy = std::uniform_real_distribution<double>(-slackY, slackY)(rng);
            samples->push_back(crop(int(std::lround(b.center().x() + dx - side / 2.0)),
                                    int(std::lround(b.center().y() + dy - side / 2.0))));
        }
    }
    const int maxX = std::max(0, grey.width() - side), maxY = std::max(0, grey.height() - side);
    for (int n = 0; n < options.negativesPerFrame; ++n) {
        for (int attempt = 0; attempt < 20; ++attempt) {
            const int x0 = std::uniform_int_distribution<int>(0, maxX)(rng);
            const int y0 = std::uniform_int_distribution<int>(0, maxY)(rng);
            if (intersectsAny(QRectF(x0, y0, side, side), boxes))
                continue;
            samples->push_back(crop(x0, y0));
            break;
        }
    }
}

bool collectDetectorSamples(const Campaign &campaign, int camera, const FrameBoxes &boxes,
                            const std::set<std::int64_t> &noTarget, const DetectorSampleOptions &options,
                            std::uint64_t seed, std::vector<DetectorSample> *samples, DetectorSampleReport *report,
                            QString *error, const std::function<bool(std::int64_t, std::int64_t)> &progress)
{
    std::mt19937_64 rng(seed);
    std::int64_t last = -1;
    if (!boxes.empty())
        last = boxes.rbegin()->first;
    if (!noTarget.empty())
        last = std::max(last, *noTarget.rbegin());
    if (last < 0) {
        *error = Tr::tr("no labelled frame: accept or correct boxes, or mark frames as having no target");
        return false;
    }
    bool cancelled = false;
    const bool ok = forEachFrame(
        campaign, camera,
        [&](std::int64_t index, const QImage &grey, const CameraProjection &) {
            ++report->framesRead;
            if (progress && index % 25 == 0 && !progress(index, last + 1)) {
                cancelled = true;
                return false;
            }
            const std::size_t before = samples->size();
            if (const auto it = boxes.find(index); it != boxes.end() && !it->second.empty()) {
                ++report->framesWithBoxes;
                appendDetectorSamples(grey, it->second, options, rng, samples);
            } else if (noTarget.count(index)) {
                ++report->framesWithoutTarget;
                appendDetectorSamples(grey, {}, options, rng, samples);
            }
            for (std::size_t i = before; i < samples->size(); ++i)
                ((*samples)[i].boxes.empty() ? report->negatives : report->positives) += 1;
            return index < last;
        },
        error);
    if (cancelled) {
        *error = Tr::tr("cancelled");
        return false;
    }
    return ok;
}

void refineSmallBoxes(const QImage &grey, std::vector<Detection> *detections, double belowPx, double edgeFraction,
                      double referenceQuantile)
{
    for (Detection &det : *detections) {
        if (std::max(det.box.width(), det.box.height()) > belowPx)
            continue;
        // The background is measured around the box, the way the proposer measures its region.
        const QRect window = det.box.toAlignedRect().adjusted(-24, -24, 24, 24).intersected(grey.rect());
        det.box = refineBox(grey.copy(window), window.topLeft(), det.box, edgeFraction, 3, referenceQuantile);
    }
}

bool detectCampaign(const Campaign &campaign, const CenterNet &net, const DetectOptions &options, CampaignDetections *out,
                    QString *error, const std::function<bool(std::int64_t, std::int64_t)> &progress)
{
    TorchJob job; // one share of the cores for the whole run (decision 26)
    const auto &cameras = campaign.manifest().cameras;
    if (options.camera < 0 || options.camera >= int(cameras.size())) {
        *error = Tr::tr("no camera %1 in the campaign").arg(options.camera);
        return false;
    }
    const int every = std::max(1, options.every);
    std::int64_t done = 0;
    qint64 detectNs = 0;
    QElapsedTimer timer;
    bool cancelled = false;
    const bool ok = forEachFrame(
        campaign, options.camera,
        [&](std::int64_t index, const QImage &grey, const CameraProjection &p) {
            if (!options.only.empty()) {
                if (index > *options.only.rbegin())
                    return false;
                if (!options.only.count(index))
                    return true;
            } else if (index % every != 0) {
                return true;
            }
            if (progress && done % 25 == 0 && !progress(index, -1)) {
                cancelled = true;
                return false;
            }
            FrameGeometry g;
            if (p.ok) {
                g = {p.projection.look.rangeM, p.projection.look.elevationDeg, true};
            }
            out->geometry[index] = g;
            std::vector<Detection> found;
            timer.start();
            if (options.inRegion) {
                // Only where geometry says the drone can be; no projection: nothing (never invented).
                if (p.ok && p.projection.inFront) {
                    const SearchRegion region = searchRegion(p.projection, grey.width(), grey.height(), options.minRegionSide);
                    if (!region.rect.isEmpty()) {
                        const QImage part = grey.copy(region.rect);
                        for (Detection d : net.detect(part, options.maxDetections, options.minScore)) {
                            d.box.translate(region.rect.topLeft());
                            found.push_back(d);
                        }
                    }
                }
            } else if (grey.width() > options.tile || grey.height() > options.tile) {
                found = net.detectTiled(grey, options.tile, 64, options.maxDetections, options.minScore);
            } else {
                found = net.detect(grey, options.maxDetections, options.minScore);
            }
            refineSmallBoxes(grey, &found, options.refineBelowPx, options.edgeFraction, options.refineReference);
            detectNs += timer.nsecsElapsed();
            out->frames[index] = std::move(found);
            ++done;
            return true;
        },
        error);
    if (cancelled) {
        *error = Tr::tr("cancelled");
        return false;
    }
    out->framesPerSecond = detectNs > 0 ? double(done) / (double(detectNs) * 1e-9) : 0.0;
    if (ok && done == 0) {
        *error = Tr::tr("no frame was processed");
        return false;
    }
    return ok;
}

void toCoco(const FrameBoxes &truth, const std::map<std::int64_t, std::vector<Detection>> &detections,
            coco::GroundTruthSet *gt, std::vector<coco::Detection> *dt)
{
    gt->categoryIds = {1};
    std::int64_t id = 1;
    for (const auto &[frame, found] : detections) {
        gt->imageIds.push_back(frame);
        if (const auto it = truth.find(frame); it != truth.end()) {
            for (const QRectF &b : it->second)
                gt->boxes.push_back({id++, frame, 1, {b.x(), b.y(), b.width(), b.height()}, b.width() * b.height(), false});
        }
        for (const Detection &d : found) {
            const QRectF &b = d.box;
            dt->push_back({std::int64_t(dt->size()) + 1, frame, 1, {b.x(), b.y(), b.width(), b.height()}, d.score,
                           b.width() * b.height()});
        }
    }
}

DetectorEvaluation evaluateDetections(const FrameBoxes &truth, const CampaignDetections &detections,
                                      double stateThreshold, const std::vector<double> &rangeEdgesM,
                                      const std::vector<double> &elevationEdgesDeg)
{
    DetectorEvaluation r;
    coco::GroundTruthSet gt;
    std::vector<coco::Detection> dt;
    toCoco(truth, detections.frames, &gt, &dt);
    r.frames = int(gt.imageIds.size());
    r.coco = coco::evaluate(gt, dt);
    const auto curve = coco::vocCurve(gt, dt, 1, 0.5);
    r.vocAp11 = coco::vocAveragePrecision(curve, true);
    r.vocApAll = coco::vocAveragePrecision(curve, false);

    std::vector<coco::FrameState> states;
    for (const auto &[frame, found] : detections.frames) {
        coco::FrameState s;
        if (const auto it = truth.find(frame); it != truth.end() && !it->second.empty()) {
            s.exists = true;
            const QRectF &b = it->second.front();
            s.truth = {b.x(), b.y(), b.width(), b.height()};
        }
        if (!found.empty() && found.front().score >= stateThreshold) {
            const QRectF &b = found.front().box;
            s.predicted = coco::Box{b.x(), b.y(), b.width(), b.height()};
        }
        states.push_back(s);
    }
    r.state = coco::stateAccuracy(states);

    // Breakdowns: each bin is its own COCO evaluation over the frames in it.
    auto breakdown = [&](const std::vector<double> &edges, bool byRange, const char *unit) {
        std::vector<BreakdownBin> bins;
        for (std::size_t b = 0; b + 1 < edges.size(); ++b) {
            CampaignDetections subset;
            for (const auto &[frame, found] : detections.frames) {
                const auto g = detections.geometry.find(frame);
                if (g == detections.geometry.end() || !g->second.known)
                    continue;
                const double v = byRange ? g->second.rangeM : g->second.elevationDeg;
                if (v >= edges[b] && v < edges[b + 1])
                    subset.frames[frame] = found;
            }
            BreakdownBin bin;
            const bool open = edges[b + 1] >= 1e8 || (!byRange && edges[b + 1] >= 90);
            bin.label = open ? QStringLiteral("≥ %1 %2").arg(edges[b]).arg(QString::fromUtf8(unit))
                             : QStringLiteral("%1–%2 %3").arg(edges[b]).arg(edges[b + 1]).arg(QString::fromUtf8(unit));
            bin.frames = int(subset.frames.size());
            if (bin.frames > 0) {
                coco::GroundTruthSet sg;
                std::vector<coco::Detection> sd;
                toCoco(truth, subset.frames, &sg, &sd);
                const coco::Result sr = coco::evaluate(sg, sd);
                bin.ap50 = sr.stats[1];
                for (const auto &m : sr.truths) {
                    if (m.ignored)
                        continue;
                    ++bin.truths;
                    bin.detected += m.detectionId != 0 ? 1 : 0;
                }
            }
            bins.push_back(bin);
        }
        return bins;
    };
    r.byRange = breakdown(rangeEdgesM, true, "m");
    r.byElevation = breakdown(elevationEdgesDeg, false, "°");
    return r;
}

} // namespace vigie::inference
