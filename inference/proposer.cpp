#include "inference/proposer.h"

#include "inference/runtime.h"
#include "inference/weaklabels.h"
#include "models/annotation/geometricproposals.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <iterator>
#include <set>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace vigie::inference {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::inference::Proposer)
};
constexpr int stride = 4;

} // namespace

ScoreMap regionMap(const WildcatNet &net, const QImage &grey, const SearchRegion &region, const ProposerOptions &options)
{
    if (region.rect.isEmpty())
        return {};
    // The network sees a margin of context around the region, so that its zero padding does
    // not put artificial extremes on the region's border (they would dominate the min–max
    // normalisation); the map is cut back to the region afterwards.
    const int margin = 16;
    const QRect context = region.rect.adjusted(-margin, -margin, margin, margin).intersected(grey.rect());
    // The network sees the drone at the size it learned (networkScale) when geometry knows the
    // expected size; else the region is enlarged by `upsample`.
    double scale = region.expectedSidePx > 0 ? networkScale(region.expectedSidePx) : double(std::max(1, options.upsample));
    // A wide region around a small drone would cost seconds (a 350 px region at ×4 is 1.9 million
    // network pixels): the enlargement stops at the budget, the drone then looks smaller.
    const double area = double(context.width()) * double(context.height()) * scale * scale;
    if (options.maxNetworkPixels > 0 && scale > 1 && area > options.maxNetworkPixels)
        scale = std::max(1.0, scale * std::sqrt(options.maxNetworkPixels / area));
    QImage crop = grey.copy(context);
    const int sw = std::max(8, int(std::lround(crop.width() * scale))), sh = std::max(8, int(std::lround(crop.height() * scale)));
    if (sw != crop.width() || sh != crop.height())
        crop = crop.scaled(sw, sh, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    int w = 0, h = 0;
    const std::vector<float> cells = net.classMap(crop, &w, &h);
    // The cells cover the context: resize them onto its pixels, then cut the region out.
    std::vector<float> contextCells(size_t(context.width()) * size_t(context.height()));
    {
        const cv::Mat small(h, w, CV_32F, const_cast<float *>(cells.data()));
        cv::Mat big(context.height(), context.width(), CV_32F, contextCells.data());
        // Cell (i, j) covers network pixels [4i, 4i + 4): resize the map to 4× first, then to the
        // context, so that cell centres land where they belong.
        cv::Mat up;
        cv::resize(small, up, cv::Size(w * stride, h * stride), 0, 0, cv::INTER_LINEAR);
        const cv::Rect valid(0, 0, std::min(up.cols, sw), std::min(up.rows, sh));
        cv::Mat fitted = cv::Mat::zeros(sh, sw, CV_32F);
        up(valid).copyTo(fitted(valid));
        cv::resize(fitted, big, big.size(), 0, 0, cv::INTER_LINEAR);
    }
    std::vector<float> regionCells(size_t(region.rect.width()) * size_t(region.rect.height()));
    for (int y = 0; y < region.rect.height(); ++y) {
        for (int x = 0; x < region.rect.width(); ++x) {
            const int fx = region.rect.x() - context.x() + x, fy = region.rect.y() - context.y() + y;
            regionCells[size_t(y) * size_t(region.rect.width()) + size_t(x)] =
                contextCells[size_t(fy) * size_t(context.width()) + size_t(fx)];
        }
    }
    ScoreMap out = scoreMap(regionCells, region.rect, region.ellipse);
    // Parts of one drone closer than its expected size are one drone.
    // Without geometry, those of a 12-pixel drone.
    const double expected = region.expectedSidePx > 0 ? region.expectedSidePx : 12.0;
    out.closePx = std::max(3, int(std::lround(options.closeFactor * expected)));
    if (options.refine)
        out.setGrey(grey.copy(region.rect), options.edgeFraction);
    out.refineReference = options.refineReference;
    return out;
}

ScoreMap frameMap(const WildcatNet &net, const QImage &grey, const ProposerOptions &options)
{
    // Without geometry there is no expected size either: the frame is not enlarged (it is the
    // whole frame).
    SearchRegion all;
    all.rect = QRect(0, 0, grey.width(), grey.height());
    ProposerOptions o = options;
    o.upsample = 1;
    return regionMap(net, grey, all, o);
}

bool calibrateOnBoxes(const Campaign &campaign, const WildcatNet &net, const ProposerOptions &options,
                      const std::map<std::int64_t, QRectF> &accepted, BoxCalibration *result, QString *error,
                      int minimumBoxes, const std::function<bool(std::int64_t, std::int64_t)> &progress)
{
    TorchJob job; // one share of the cores for the whole run (decision 26)
    result->tau = options.tau;
    result->boxScale = options.boxScale;
    result->boxes = 0;
    if (int(accepted.size()) < minimumBoxes)
        return true;
    // At most 200 frames, spread over the campaign: enough for a threshold and a scale.
    std::set<std::int64_t> chosen;
    const std::size_t step = (accepted.size() + 199) / 200;
    std::size_t i = 0;
    for (const auto &[frame, _] : accepted) {
        if (i++ % step == 0)
            chosen.insert(frame);
    }
    const std::int64_t last = *chosen.rbegin();
    std::vector<ScoreMap> maps;
    std::vector<QRectF> truths;
    bool cancelled = false;
    const bool ok = forEachFrame(
        campaign, options.camera,
        [&](std::int64_t index, const QImage &grey, const CameraProjection &p) {
            if (progress && index % 25 == 0 && !progress(index, last)) {
                cancelled = true;
                return false;
            }
            if (!chosen.count(index))
                return index < last;
            if (p.ok && p.projection.inFront) {
                maps.push_back(regionMap(net, grey, searchRegion(p.projection, grey.width(), grey.height(), options.minSidePx),
                                         options));
                truths.push_back(accepted.at(index));
            }
            return index < last;
        },
        error);
    if (cancelled) {
        *error = Tr::tr("cancelled");
        return false;
    }
    if (!ok)
        return false;
    if (int(maps.size()) >= minimumBoxes)
        *result = calibrate(maps, truths);
    return true;
}

bool proposeCampaign(const Campaign &campaign, const WildcatNet &net, const ProposerOptions &options,
                     const QString &modelVersion, std::vector<Annotation> *out, QString *error,
                     const std::function<bool(std::int64_t, std::int64_t)> &progress)
{
    TorchJob job; // one share of the cores for the whole run (decision 26)
    bool cancelled = false;
    const bool ok = forEachFrame(
        campaign, options.camera,
        [&](std::int64_t index, const QImage &grey, const CameraProjection &p) {
            if (progress && index % 25 == 0 && !progress(index, 0)) {
                cancelled = true;
                return false;
            }
            if (!p.ok || !p.projection.inFieldOfView)
                return true;
            const SearchRegion region = searchRegion(p.projection, grey.width(), grey.height(), options.minSidePx);
            const ScoreMap map = regionMap(net, grey, region, options);
            for (const ProposedBox &b : boxesAt(map, options.tau, options.maxBoxes, options.boxScale)) {
                Annotation a;
                a.camera = options.camera;
                a.frame = index;
                a.rect = b.box;
                a.className = campaign.manifest().targetClass;
                a.source = db::BoxSource::Cam;
                a.state = db::BoxState::Proposed;
                a.confidence = b.confidence;
                a.modelVersion = modelVersion;
                out->push_back(a);
            }
            return true;
        },
        error);
    if (cancelled) {
        *error = Tr::tr("cancelled");
        return false;
    }
    return ok;
}

bool readGroundTruth(const QString &path, const QString &camera, std::map<std::int64_t, QRectF> *boxes, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("%1: %2").arg(path, f.errorString());
        return false;
    }
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = Tr::tr("%1: invalid JSON at byte %2: %3").arg(path).arg(pe.offset).arg(pe.errorString());
        return false;
    }
    const QJsonValue frames = doc.object().value(QStringLiteral("frames")).toObject().value(camera);
    if (!frames.isArray()) {
        *error = Tr::tr("%1: no frames for camera '%2' (is it a Vigie ground truth?)").arg(path, camera);
        return false;
    }
    const QJsonArray list = frames.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list[i].toObject();
        if (o.value(QStringLiteral("state")).toString() != QLatin1String("visible"))
            continue;
        const QJsonArray b = o.value(QStringLiteral("box")).toArray();
        if (b.size() != 4) {
            *error = Tr::tr("%1: %2 frame %3: a visible frame without a box").arg(path, camera).arg(i);
            return false;
        }
        boxes->emplace(std::int64_t(i), QRectF(b[0].toDouble(), b[1].toDouble(), b[2].toDouble(), b[3].toDouble()));
    }
    return true;
}

bool evaluateProposer(const Campaign &campaign, const QString &groundTruthPath, int camera, const WildcatNet &net,
                      const ProposerOptions &options, ProposerEvaluation *result, QString *error,
                      const std::function<bool(std::int64_t, std::int64_t)> &progress)
{
    TorchJob job; // one share of the cores for the whole run (decision 26)
    const CameraSpec &spec = campaign.manifest().cameras.at(size_t(camera));
    std::map<std::int64_t, QRectF> truth;
    if (!readGroundTruth(groundTruthPath, spec.name, &truth, error))
        return false;
    // Every evaluated frame in time order; split afterwards (calibrationSplit).
    std::vector<QRectF> geoBoxes, truths;
    std::vector<ScoreMap> regionMaps, frameMaps;
    std::int64_t visible = 0;
    double networkMs = 0;
    int regions = 0;
    bool cancelled = false;
    const bool ok = forEachFrame(
        campaign, camera,
        [&](std::int64_t index, const QImage &grey, const CameraProjection &p) {
            if (progress && index % 25 == 0 && !progress(index, std::int64_t(truth.size())) ) {
                cancelled = true;
                return false;
            }
            const auto t = truth.find(index);
            if (t == truth.end())
                return true;
            if (visible++ % std::max(1, options.every) != 0)
                return true;
            // (a) the geometric box; a frame without a projection has none, which counts as a miss.
            QRectF geo;
            if (p.ok && p.projection.inFront)
                geo = expectedBox(p.projection, grey.width(), grey.height());
            geoBoxes.push_back(geo);
            // (c) inside the region; (b) over the whole frame.
            ScoreMap region;
            if (p.ok && p.projection.inFront) {
                QElapsedTimer timer;
                timer.start();
                region = regionMap(net, grey, searchRegion(p.projection, grey.width(), grey.height(), options.minSidePx),
                                   options);
                networkMs += double(timer.nsecsElapsed()) / 1e6;
                ++regions;
            }
            frameMaps.push_back(options.wholeFrame ? frameMap(net, grey, options) : ScoreMap{});
            regionMaps.push_back(std::move(region));
            truths.push_back(t->second);
            return true;
        },
        error);
    if (cancelled) {
        *error = Tr::tr("cancelled");
        return false;
    }
    if (!ok)
        return false;
    const CalibrationSplit split = calibrationSplit(truths.size());
    if (split.testBegin >= truths.size()) {
        *error = Tr::tr("%1: too few frames of camera %2 with a visible drone to calibrate and test (%3)")
                     .arg(groundTruthPath, spec.name)
                     .arg(truths.size());
        return false;
    }
    const auto part = [](std::vector<ScoreMap> &all, std::size_t from, std::size_t to) {
        return std::vector<ScoreMap>(std::make_move_iterator(all.begin() + std::ptrdiff_t(from)),
                                     std::make_move_iterator(all.begin() + std::ptrdiff_t(to)));
    };
    const std::size_t n = truths.size();
    const std::vector<QRectF> calTruth(truths.begin(), truths.begin() + std::ptrdiff_t(split.calibrationEnd));
    const std::vector<QRectF> testTruth(truths.begin() + std::ptrdiff_t(split.testBegin), truths.end());
    const std::vector<ScoreMap> regionCal = part(regionMaps, 0, split.calibrationEnd), regionTest = part(regionMaps, split.testBegin, n);
    const std::vector<ScoreMap> frameCal = part(frameMaps, 0, split.calibrationEnd), frameTest = part(frameMaps, split.testBegin, n);
    const std::vector<QRectF> geoTest(geoBoxes.begin() + std::ptrdiff_t(split.testBegin), geoBoxes.end());
    result->calibrationFrames = int(calTruth.size());
    result->gapFrames = int(split.testBegin - split.calibrationEnd);
    result->calibrationRegion = calibrate(regionCal, calTruth);
    result->calibrationFrame = calibrate(frameCal, calTruth);
    result->region = evaluateMaps(regionTest, testTruth, result->calibrationRegion.tau, result->calibrationRegion.boxScale);
    result->wholeFrame = evaluateMaps(frameTest, testTruth, result->calibrationFrame.tau, result->calibrationFrame.boxScale);
    result->geometry = evaluateBoxes(geoTest, testTruth);
    result->proposalFps = networkMs > 0 ? regions / (networkMs / 1000.0) : 0;
    return true;
}

} // namespace vigie::inference
