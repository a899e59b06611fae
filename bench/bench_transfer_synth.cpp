// Boxes carried between the cameras of a synthetic campaign (issue 16, deliverable 3): the truth
// boxes of one camera play the analyst's, a few instants hold boxes on both cameras (the
// mounting is fitted from them), and every box is carried to the other camera and scored against
// that camera's truth at the counterpart frame: median IoU and centre error per range bin, with
// the manifest's mounting and with the fitted one, IR to RGB and RGB to IR.
//
//   bench_transfer_synth [--campaign DIR | --seed N --preset realistic --duration S] [--pairs 5]
//
// Without --campaign it generates the campaign into a temporary folder first.

#include "models/annotation/transfer.h"
#include "models/campaign.h"
#include "bench/synthcampaign.h"
#include "tests/synthtruth.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

using namespace vigie;
using test::TruthFrame;

namespace {

double median(std::vector<double> v)
{
    if (v.empty())
        return std::nan("");
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

const double binEdges[] = {0, 100, 200, 400, 800, 1e9};
constexpr int binCount = 5;

int binOf(double range)
{
    for (int i = 0; i < binCount; ++i) {
        if (range < binEdges[i + 1])
            return i;
    }
    return binCount - 1;
}

struct Scores
{
    std::vector<double> iou[binCount], footprint[binCount], error[binCount], height[binCount];
    std::vector<double> all;
};

/// The pixels a box touches: what a box drawn on the image can be at the least.
QRectF footprint(const QRectF &r)
{
    return QRectF(QPointF(std::floor(r.left()), std::floor(r.top())), QPointF(std::ceil(r.right()), std::ceil(r.bottom())));
}

/// Carries every visible box of `from` to `to` and scores it; `pairs` instants of both cameras'
/// truth (spread evenly over the frames where both see the drone) fit the mounting first.
Scores run(const Campaign &campaign, int from, int to, const std::vector<TruthFrame> &a, const std::vector<TruthFrame> &b,
           int pairs, bool motion, MountingFit *fitOut)
{
    BoxTransfer transfer(campaign, from, to, std::int64_t(a.size()), std::int64_t(b.size()));
    const QString cls = campaign.manifest().targetClass;
    auto box = [&](int camera, std::int64_t frame, const QRectF &rect) {
        Annotation x;
        x.camera = camera;
        x.frame = frame;
        x.rect = rect;
        x.className = cls;
        x.source = db::BoxSource::Manual;
        x.state = db::BoxState::Accepted;
        return x;
    };
    std::vector<Annotation> fromBoxes;
    std::vector<std::int64_t> both;
    for (std::int64_t f = 0; f < std::int64_t(a.size()); ++f) {
        if (!a[size_t(f)].visible)
            continue;
        fromBoxes.push_back(box(from, f, a[size_t(f)].box));
        if (const auto g = transfer.counterpart(f); g && b[size_t(*g)].visible)
            both.push_back(f);
    }
    std::vector<Annotation> fitFrom, fitTo;
    for (int k = 0; k < pairs && !both.empty(); ++k) {
        const std::int64_t f = both[size_t((2 * k + 1) * both.size() / size_t(2 * pairs))];
        const std::int64_t g = *transfer.counterpart(f);
        fitFrom.push_back(box(from, f, a[size_t(f)].box));
        fitTo.push_back(box(to, g, b[size_t(g)].box));
    }
    // The analyst's boxes on both cameras at `pairs` instants; the sending camera's other boxes
    // (tracked) give the motion across the gap when `motion` is set.
    std::vector<Annotation> sending = fitFrom;
    if (motion) {
        for (Annotation x : fromBoxes) {
            if (std::none_of(fitFrom.begin(), fitFrom.end(), [&](const Annotation &k) { return k.frame == x.frame; })) {
                x.source = db::BoxSource::Tracker;
                sending.push_back(x);
            }
        }
    }
    transfer.setSendingBoxes(sending);
    if (pairs > 0)
        *fitOut = transfer.fit(fitTo);
    Scores s;
    for (const Annotation &x : fromBoxes) {
        const auto g = transfer.counterpart(x.frame);
        if (!g || !b[size_t(*g)].visible)
            continue;
        const auto carried = transfer.carry(x);
        const QRectF truth = b[size_t(*g)].box;
        const double v = carried ? test::boxIou(carried->rect, truth) : 0.0;
        const double e = carried ? std::hypot(carried->rect.center().x() - truth.center().x(),
                                              carried->rect.center().y() - truth.center().y())
                                 : 1e9;
        const int bin = binOf(a[size_t(x.frame)].rangeM);
        s.iou[bin].push_back(v);
        s.footprint[bin].push_back(carried ? test::boxIou(footprint(carried->rect), footprint(truth)) : 0.0);
        s.height[bin].push_back(std::min(truth.width(), truth.height()));
        s.error[bin].push_back(e);
        s.all.push_back(v);
    }
    return s;
}

void print(const char *label, const Scores &s)
{
    std::printf("  %-28s all: median IoU %.3f (n=%zu)", label, median(s.all), s.all.size());
    std::printf("\n");
    for (int i = 0; i < binCount; ++i) {
        if (s.iou[i].empty())
            continue;
        std::printf("    range %4.0f-%-5.0f m  n=%4zu  median IoU %.3f  of pixel footprints %.3f  centre error %.2f px  "
                    "truth's smaller side %.2f px\n",
                    binEdges[i], std::min(binEdges[i + 1], 9999.0), s.iou[i].size(), median(s.iou[i]), median(s.footprint[i]),
                    median(s.error[i]), median(s.height[i]));
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    bench::addSynthOptions(parser, "45");
    parser.addOption({QStringLiteral("pairs"), QStringLiteral("Instants with boxes on both cameras (default 5)."),
                      QStringLiteral("n"), QStringLiteral("5")});
    parser.process(app);

    QTemporaryDir temp;
    const QString dir = bench::synthCampaignDir(parser, temp);
    if (dir.isEmpty())
        return 1;
    QString error;
    const auto campaign = Campaign::open(QDir(dir).filePath(QStringLiteral("campaign.json")), &error);
    if (!campaign) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const auto truth = test::readSynthTruth(dir);
    if (!truth.count(QStringLiteral("rgb")) || !truth.count(QStringLiteral("ir"))) {
        std::fprintf(stderr, "%s: no ground truth for both cameras\n", qPrintable(dir));
        return 1;
    }
    const int rgb = campaign->manifest().cameraIndex(QStringLiteral("rgb"));
    const int ir = campaign->manifest().cameraIndex(QStringLiteral("ir"));
    const auto &rgbTruth = truth.at(QStringLiteral("rgb")), &irTruth = truth.at(QStringLiteral("ir"));
    const int pairs = parser.value(QStringLiteral("pairs")).toInt();
    std::printf("transfer between cameras: %s, %zu RGB and %zu IR frames; fit from %d instants holding boxes on both\n",
                qPrintable(campaign->manifest().name), rgbTruth.size(), irTruth.size(), pairs);
    for (const auto &[name, from, to, a, b] :
         {std::tuple{"IR -> RGB", ir, rgb, &irTruth, &rgbTruth}, std::tuple{"RGB -> IR", rgb, ir, &rgbTruth, &irTruth}}) {
        std::printf("%s\n", name);
        MountingFit none, fit;
        print("manifest mounting", run(*campaign, from, to, *a, *b, 0, true, &none));
        const Scores still = run(*campaign, from, to, *a, *b, pairs, false, &fit);
        const Scores fitted = run(*campaign, from, to, *a, *b, pairs, true, &fit);
        std::printf("  fitted: %s (median residual %.2f px before)\n", qPrintable(fit.describe()), fit.medianBeforePx);
        print("fitted, no motion across gap", still);
        print("fitted mounting", fitted);
    }
    return 0;
}
