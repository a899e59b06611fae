#include "inference/proposals.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>

namespace vigie::inference {

SearchRegion searchRegion(const Projection &p, int imageWidth, int imageHeight, double minSidePx)
{
    SearchRegion r;
    if (!p.inFront)
        return r;
    const PixelEllipse &e = p.ellipse;
    // Half extents of the rotated ellipse's bounding box.
    const double a = std::max(e.semiMajor, minSidePx / 2), b = std::max(e.semiMinor, minSidePx / 2);
    const double t = e.angleDeg * M_PI / 180.0;
    const double hx = std::sqrt(a * a * std::cos(t) * std::cos(t) + b * b * std::sin(t) * std::sin(t));
    const double hy = std::sqrt(a * a * std::sin(t) * std::sin(t) + b * b * std::cos(t) * std::cos(t));
    const QRect box(int(std::floor(p.x - hx)), int(std::floor(p.y - hy)), int(std::ceil(2 * hx)), int(std::ceil(2 * hy)));
    r.rect = box.intersected(QRect(0, 0, imageWidth, imageHeight));
    PixelEllipse mask = e;
    mask.centerX = p.x;
    mask.centerY = p.y;
    mask.semiMajor = a;
    mask.semiMinor = b;
    r.ellipse = mask;
    r.expectedSidePx = std::max(p.expectedWidthPx, p.expectedHeightPx);
    return r;
}

ScoreMap scoreMap(const std::vector<float> &pixels, const QRect &region, const std::optional<PixelEllipse> &mask)
{
    ScoreMap out;
    out.origin = region.topLeft();
    out.width = region.width();
    out.height = region.height();
    const size_t n = size_t(std::max(0, out.width)) * size_t(std::max(0, out.height));
    if (n == 0 || pixels.size() != n)
        return out;
    out.raw = pixels;
    out.values.assign(n, -1.0f);
    std::vector<bool> inside(n, true);
    if (mask) {
        const double t = mask->angleDeg * M_PI / 180.0, c = std::cos(t), s = std::sin(t);
        for (int y = 0; y < out.height; ++y) {
            for (int x = 0; x < out.width; ++x) {
                const double dx = out.origin.x() + x + 0.5 - mask->centerX, dy = out.origin.y() + y + 0.5 - mask->centerY;
                const double u = (dx * c + dy * s) / mask->semiMajor, v = (-dx * s + dy * c) / mask->semiMinor;
                inside[size_t(y) * size_t(out.width) + size_t(x)] = u * u + v * v <= 1.0;
            }
        }
    }
    float lo = std::numeric_limits<float>::max(), hi = std::numeric_limits<float>::lowest();
    for (size_t i = 0; i < n; ++i) {
        if (inside[i]) {
            lo = std::min(lo, out.raw[i]);
            hi = std::max(hi, out.raw[i]);
        }
    }
    if (hi < lo)
        return out;
    const float span = std::max(hi - lo, 1e-6f);
    for (size_t i = 0; i < n; ++i) {
        if (inside[i])
            out.values[i] = (out.raw[i] - lo) / span;
    }
    return out;
}

namespace {
std::pair<int, double> background(const QImage &grey)
{
    std::vector<int> values;
    values.reserve(size_t(grey.width()) * size_t(grey.height()));
    for (int y = 0; y < grey.height(); ++y) {
        const uchar *row = grey.constScanLine(y);
        values.insert(values.end(), row, row + grey.width());
    }
    if (values.empty())
        return {0, 0};
    auto mid = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    const int median = *mid;
    for (int &v : values)
        v = std::abs(v - median);
    std::nth_element(values.begin(), mid, values.end());
    return {median, 1.4826 * *mid};
}
} // namespace

void ScoreMap::setGrey(const QImage &regionGrey, double fraction)
{
    grey = regionGrey;
    edgeFraction = fraction;
    const auto [m, s] = background(grey);
    backgroundMedian = m;
    backgroundSigma = s;
}

QRectF refineBox(const QImage &grey, const QPoint &origin, const QRectF &box, double edgeFraction, int growPx,
                 double referenceQuantile)
{
    if (grey.isNull() || grey.format() != QImage::Format_Grayscale8)
        return box;
    const auto [median, sigma] = background(grey);
    return refineBox(grey, origin, box, median, sigma, edgeFraction, growPx, referenceQuantile);
}

QRectF refineBox(const QImage &grey, const QPoint &origin, const QRectF &box, int median, double sigma,
                 double edgeFraction, int growPx, double referenceQuantile)
{
    if (grey.isNull() || grey.format() != QImage::Format_Grayscale8)
        return box;
    const double noise = std::max(6.0, 4.0 * sigma);
    const QRect local = box.toAlignedRect().adjusted(-growPx, -growPx, growPx, growPx).translated(-origin).intersected(grey.rect());
    // The drone's own edge is blurred by optics, motion and compression: keep the pixels above
    // a fraction of its contrast (full width at a fraction of maximum). The reference contrast is
    // the strongest (quantile 1) or a quantile of the pixels above the noise: a saturated engine
    // or battery of two pixels would otherwise hide the wings around it.
    std::vector<int> contrasts;
    for (int y = local.top(); y <= local.bottom(); ++y) {
        const uchar *row = grey.constScanLine(y);
        for (int x = local.left(); x <= local.right(); ++x) {
            const int c = std::abs(int(row[x]) - median);
            if (c > noise || referenceQuantile >= 1.0)
                contrasts.push_back(c);
        }
    }
    double reference = 0;
    if (!contrasts.empty()) {
        const auto k = std::min(contrasts.size() - 1, std::size_t(std::clamp(referenceQuantile, 0.0, 1.0) * double(contrasts.size() - 1) + 0.5));
        std::nth_element(contrasts.begin(), contrasts.begin() + std::ptrdiff_t(k), contrasts.end());
        reference = contrasts[k];
    }
    const double threshold = std::max(noise, edgeFraction * reference);
    int x0 = INT_MAX, y0 = INT_MAX, x1 = -1, y1 = -1, count = 0;
    for (int y = local.top(); y <= local.bottom(); ++y) {
        const uchar *row = grey.constScanLine(y);
        for (int x = local.left(); x <= local.right(); ++x) {
            if (std::abs(int(row[x]) - median) > threshold) {
                x0 = std::min(x0, x);
                y0 = std::min(y0, y);
                x1 = std::max(x1, x);
                y1 = std::max(y1, y);
                ++count;
            }
        }
    }
    if (count < 2)
        return box;
    return QRectF(origin.x() + x0, origin.y() + y0, x1 - x0 + 1, y1 - y0 + 1);
}

namespace {

struct Component
{
    QRectF box;
    double rawPeak;
    double peak;
    int area;
};

std::vector<Component> components(const ScoreMap &map, double tau)
{
    std::vector<Component> out;
    if (map.values.empty())
        return out;
    cv::Mat binary(map.height, map.width, CV_8U);
    for (int y = 0; y < map.height; ++y) {
        uchar *row = binary.ptr<uchar>(y);
        for (int x = 0; x < map.width; ++x) {
            const float v = map.values[size_t(y) * size_t(map.width) + size_t(x)];
            row[x] = v >= 0 && v > tau ? 255 : 0;
        }
    }
    // Parts of one drone (two motors, a wing tip and a tail) light up separately: gaps of up to
    // a few pixels are closed before the components are counted.
    if (map.closePx > 1)
        cv::morphologyEx(binary, binary, cv::MORPH_CLOSE,
                         cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(map.closePx, map.closePx)));
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(binary, labels, stats, centroids, 8, CV_32S);
    out.resize(size_t(std::max(0, n - 1)), Component{{}, std::numeric_limits<double>::lowest(), 0, 0});
    for (int i = 1; i < n; ++i) {
        out[size_t(i - 1)].box = QRectF(map.origin.x() + stats.at<int>(i, cv::CC_STAT_LEFT),
                                        map.origin.y() + stats.at<int>(i, cv::CC_STAT_TOP),
                                        stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
        out[size_t(i - 1)].area = stats.at<int>(i, cv::CC_STAT_AREA);
        if (!map.grey.isNull())
            out[size_t(i - 1)].box = refineBox(map.grey, map.origin, out[size_t(i - 1)].box, map.backgroundMedian,
                                               map.backgroundSigma, map.edgeFraction, 3, map.refineReference);
    }
    for (int y = 0; y < map.height; ++y) {
        const int *row = labels.ptr<int>(y);
        for (int x = 0; x < map.width; ++x) {
            if (row[x] <= 0)
                continue;
            Component &c = out[size_t(row[x] - 1)];
            const size_t i = size_t(y) * size_t(map.width) + size_t(x);
            if (map.raw[i] > c.rawPeak) {
                c.rawPeak = map.raw[i];
                c.peak = map.values[i];
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const Component &a, const Component &b) { return a.rawPeak > b.rawPeak; });
    return out;
}

} // namespace

namespace {
QRectF scaled(const QRectF &box, double factor)
{
    if (factor == 1.0)
        return box;
    QRectF out(0, 0, box.width() * factor, box.height() * factor);
    out.moveCenter(box.center());
    return out;
}
} // namespace

std::vector<ProposedBox> boxesAt(const ScoreMap &map, double tau, int maxBoxes, double boxScale)
{
    std::vector<ProposedBox> out;
    for (const Component &c : components(map, tau)) {
        if (int(out.size()) >= maxBoxes)
            break;
        out.push_back({scaled(c.box, boxScale), 1.0 / (1.0 + std::exp(-c.rawPeak)), c.peak});
    }
    return out;
}

double iou(const QRectF &a, const QRectF &b)
{
    const QRectF i = a.intersected(b);
    if (i.isEmpty())
        return 0;
    const double inter = i.width() * i.height();
    return inter / (a.width() * a.height() + b.width() * b.height() - inter);
}

std::vector<double> tauGrid()
{
    std::vector<double> out;
    for (int i = 0; i < 100; ++i)
        out.push_back(i / 100.0);
    return out;
}

std::vector<double> boxScaleGrid()
{
    return {0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0};
}

namespace {

/// Per τ: the count of maps whose largest component (v1) or any component (v2, per δ) matches,
/// with boxes scaled by each of `scales`.
struct Sweep
{
    std::vector<std::vector<int>> v1;               ///< [scale][τ]
    std::vector<std::vector<double>> iouSum;        ///< [scale][τ]: of the largest component (ties)
    std::vector<std::vector<std::array<int, 3>>> v2; ///< [scale][τ][δ]
};

Sweep sweep(const std::vector<ScoreMap> &maps, const std::vector<QRectF> &truths, const std::vector<double> &scales)
{
    const auto grid = tauGrid();
    Sweep s{std::vector<std::vector<int>>(scales.size(), std::vector<int>(grid.size(), 0)),
            std::vector<std::vector<double>>(scales.size(), std::vector<double>(grid.size(), 0.0)),
            std::vector<std::vector<std::array<int, 3>>>(scales.size(),
                                                         std::vector<std::array<int, 3>>(grid.size(), {0, 0, 0}))};
    const double deltas[3] = {0.3, 0.5, 0.7};
    for (size_t m = 0; m < maps.size(); ++m) {
        for (size_t t = 0; t < grid.size(); ++t) {
            const auto comps = components(maps[m], grid[t]);
            if (comps.empty())
                continue;
            const auto largest = std::max_element(comps.begin(), comps.end(),
                                                  [](const Component &a, const Component &b) { return a.area < b.area; });
            for (size_t k = 0; k < scales.size(); ++k) {
                const double v = iou(scaled(largest->box, scales[k]), truths[m]);
                s.v1[k][t] += v >= 0.5 ? 1 : 0;
                s.iouSum[k][t] += v;
                double best = 0;
                for (const Component &c : comps)
                    best = std::max(best, iou(scaled(c.box, scales[k]), truths[m]));
                for (int d = 0; d < 3; ++d)
                    s.v2[k][t][size_t(d)] += best >= deltas[d] ? 1 : 0;
            }
        }
    }
    return s;
}

} // namespace

CalibrationSplit calibrationSplit(std::size_t frames)
{
    CalibrationSplit split;
    if (frames < 3) {
        split.calibrationEnd = frames > 0 ? 1 : 0;
        split.testBegin = split.calibrationEnd;
        return split;
    }
    split.calibrationEnd = std::max<std::size_t>(1, (frames + 2) / 5);
    split.testBegin = std::min(frames - 1, split.calibrationEnd + std::max<std::size_t>(1, frames / 20));
    return split;
}

BoxCalibration calibrate(const std::vector<ScoreMap> &maps, const std::vector<QRectF> &truths)
{
    const auto grid = tauGrid();
    const auto scales = boxScaleGrid();
    const Sweep s = sweep(maps, truths, scales);
    size_t bestK = 0, bestT = 0;
    for (size_t k = 0; k < scales.size(); ++k) {
        for (size_t t = 0; t < grid.size(); ++t) {
            if (s.v1[k][t] > s.v1[bestK][bestT]
                || (s.v1[k][t] == s.v1[bestK][bestT] && s.iouSum[k][t] > s.iouSum[bestK][bestT] + 1e-9)) {
                bestK = k;
                bestT = t;
            }
        }
    }
    return {grid[bestT], scales[bestK], int(maps.size())};
}

LocalizationScores evaluateMaps(const std::vector<ScoreMap> &maps, const std::vector<QRectF> &truths, double tau,
                                double boxScale)
{
    LocalizationScores r;
    r.frames = int(maps.size());
    r.tau = tau;
    r.boxScale = boxScale;
    if (maps.empty())
        return r;
    const Sweep s = sweep(maps, truths, {boxScale});
    const double n = double(maps.size());
    r.maxBoxAcc = *std::max_element(s.v1[0].begin(), s.v1[0].end()) / n;
    double v2 = 0;
    for (int d = 0; d < 3; ++d) {
        int best = 0;
        for (const auto &counts : s.v2[0])
            best = std::max(best, counts[size_t(d)]);
        v2 += best / n;
    }
    r.maxBoxAccV2 = v2 / 3;
    int hits = 0;
    double sum = 0;
    for (size_t m = 0; m < maps.size(); ++m) {
        const auto boxes = boxesAt(maps[m], tau, 1, boxScale);
        const double v = boxes.empty() ? 0.0 : iou(boxes.front().box, truths[m]);
        hits += v >= 0.5 ? 1 : 0;
        sum += v;
    }
    r.corLoc = hits / n;
    r.meanIou = sum / n;
    return r;
}

LocalizationScores evaluateBoxes(const std::vector<QRectF> &boxes, const std::vector<QRectF> &truths)
{
    LocalizationScores r;
    r.frames = int(boxes.size());
    if (boxes.empty())
        return r;
    const double n = double(boxes.size());
    int at3 = 0, at5 = 0, at7 = 0;
    double sum = 0;
    for (size_t i = 0; i < boxes.size(); ++i) {
        const double v = iou(boxes[i], truths[i]);
        at3 += v >= 0.3 ? 1 : 0;
        at5 += v >= 0.5 ? 1 : 0;
        at7 += v >= 0.7 ? 1 : 0;
        sum += v;
    }
    r.corLoc = r.maxBoxAcc = at5 / n;
    r.maxBoxAccV2 = (at3 + at5 + at7) / (3 * n);
    r.meanIou = sum / n;
    return r;
}

} // namespace vigie::inference
