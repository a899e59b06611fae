// The simulated analyst (bench/analyst.h) on both cameras of a synthetic campaign (issue 16,
// deliverable 6): IR first, as the workstation's analyst would (the drone is a bright point
// there), then key B carries every accepted IR box to RGB as proposals (one action), and the same
// analyst works RGB, accepting a carried box where it is right. Every gesture carries its box to
// the other camera as the workstation does (Edit › Carry Accepted Boxes, on by default). Printed
// per camera and for the whole clip: actions per 100 frames, the share of visible frames right,
// and the baselines on the same truth: every box drawn by hand, and linear interpolation with
// keyframes placed with hindsight (bench/keyframes.h).
//
//   bench_analyst_synth [--campaign DIR | --seed N --preset realistic --duration S] [--target 0.98]

#include "bench/analyst.h"
#include "bench/keyframes.h"
#include "models/annotation/transfer.h"
#include "models/heap.h"
#include "models/media/campaignvideo.h"
#include "bench/synthcampaign.h"
#include "tests/synthtruth.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>
#include <QUndoStack>

#include <cstdio>

using namespace vigie;

namespace {

/// Every box of a camera in the model.
std::vector<Annotation> cameraBoxes(const AnnotationModel &model, int camera)
{
    std::vector<Annotation> out;
    for (const std::int64_t f : model.annotatedFrames(camera)) {
        const auto boxes = model.boxes(camera, f);
        out.insert(out.end(), boxes.begin(), boxes.end());
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    keepLargeBlocksInHeap();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    bench::addSynthOptions(parser, "47");
    parser.addOption({QStringLiteral("target"), QStringLiteral("Share of visible frames right (default 0.98)."),
                      QStringLiteral("share"), QStringLiteral("0.98")});
    parser.process(app);
    const double target = parser.value(QStringLiteral("target")).toDouble();

    QTemporaryDir temp;
    const QString dir = bench::synthCampaignDir(parser, temp);
    if (dir.isEmpty())
        return 1;
    QString error;
    auto opened = media::openCampaign(QDir(dir).filePath(QStringLiteral("campaign.json")), &error);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const std::shared_ptr<const Campaign> campaign(std::move(opened));
    const auto truthFrames = test::readSynthTruth(dir);
    const int ir = campaign->manifest().cameraIndex(QStringLiteral("ir"));
    const int rgb = campaign->manifest().cameraIndex(QStringLiteral("rgb"));
    if (ir < 0 || rgb < 0 || !truthFrames.count(QStringLiteral("ir")) || !truthFrames.count(QStringLiteral("rgb"))) {
        std::fprintf(stderr, "%s: needs an IR and an RGB camera with ground truth\n", qPrintable(dir));
        return 1;
    }
    auto boxesOf = [&](const QString &name) {
        std::vector<QRectF> out;
        for (const test::TruthFrame &f : truthFrames.at(name))
            out.push_back(f.visible ? f.box : QRectF());
        return out;
    };
    const std::vector<QRectF> truth[2] = {boxesOf(QStringLiteral("ir")), boxesOf(QStringLiteral("rgb"))};
    const int cameras[2] = {ir, rgb};
    const std::int64_t frames[2] = {std::int64_t(truth[0].size()), std::int64_t(truth[1].size())};
    const QString cls = campaign->manifest().targetClass;

    AnnotationModel model;
    model.reset({}, {});
    QUndoStack stack;
    AnnotationEditor editor(&model, &stack);
    editor.setClasses({cls});
    auto transferTo = [&](int from, int to) {
        auto t = std::make_unique<BoxTransfer>(*campaign, from, to, frames[from == ir ? 0 : 1], frames[to == ir ? 0 : 1]);
        t->setSendingBoxes(cameraBoxes(model, from));
        t->fit(cameraBoxes(model, to));
        return t;
    };
    // As the workstation: each gesture brings its box to the other camera.
    editor.setCompanion([&](const Annotation &box) {
        std::vector<Annotation> out;
        if (auto carried = transferTo(box.camera, box.camera == ir ? rgb : ir)->carry(box))
            out.push_back(*carried);
        return out;
    });

    std::printf("simulated analyst on %s: IR, then B (carry to RGB), then RGB, until %.0f %% of the visible frames are right\n",
                qPrintable(campaign->manifest().name), 100 * target);
    std::printf("camera  frames  visible  actions/100  (boxes  K  B)  right   tracker s  at 90 %%  at 95 %%  | by hand  linear ideal  ratio\n");
    std::int64_t allActions = 0, allFrames = 0, allLinear = 0, allVisible = 0, allRight = 0;
    for (int i = 0; i < 2; ++i) {
        std::int64_t bPresses = 0;
        if (i == 1) {
            // B: every accepted IR box carried to RGB, one command.
            editor.addTransfers(transferTo(ir, rgb)->carryAll(cameraBoxes(model, ir)), QStringLiteral("B"));
            bPresses = 1;
        }
        const bench::AnalystResult r = bench::runAnalyst(campaign, cameras[i], truth[i], editor, cls, target, frames[i]);
        const InterpolationGeometryFunction none = [&](std::int64_t f) {
            InterpolationGeometry g;
            g.seconds = double(f) / 30.0;
            return g;
        };
        const int linear = bench::keyframesIdeal(truth[i], none);
        const std::int64_t actions = r.boxActions + r.kPresses + bPresses;
        const double per = 100.0 / double(frames[i]);
        std::printf("%-6s  %6lld  %7lld  %11.2f  (%5lld %3lld %2lld)  %5.3f  %9.1f  %6.2f  %6.2f  | %7.2f  %12.2f  %5.1f\n",
                    i == 0 ? "ir" : "rgb", static_cast<long long>(frames[i]), static_cast<long long>(r.visible),
                    double(actions) * per, static_cast<long long>(r.boxActions), static_cast<long long>(r.kPresses),
                    static_cast<long long>(bPresses), double(r.right) / double(std::max<std::int64_t>(1, r.visible)),
                    r.trackerSeconds, r.atMilestone[0], r.atMilestone[1], double(r.visible) * per, double(linear) * per,
                    actions > 0 ? double(linear) / double(actions) : 0.0);
        std::fflush(stdout);
        allActions += actions, allFrames += frames[i], allLinear += linear, allVisible += r.visible, allRight += r.right;
    }
    const double per = 100.0 / double(std::max<std::int64_t>(1, allFrames));
    std::printf("both    %6lld  %7lld  %11.2f                 %5.3f                                | %7.2f  %12.2f  %5.1f\n",
                static_cast<long long>(allFrames), static_cast<long long>(allVisible), double(allActions) * per,
                double(allRight) / double(std::max<std::int64_t>(1, allVisible)), double(allVisible) * per,
                double(allLinear) * per, allActions > 0 ? double(allLinear) / double(allActions) : 0.0);
    return 0;
}
