// A simulated analyst on the real Anti-UAV IR footage (../shared/fixtures/anti-uav-ir; issue 16,
// deliverable 6). An oracle that knows the ground truth drives what the keyboard drives: the
// AnnotationEditor (draw, correct, accept: each one command) and the tracking job of key K
// (app/jobs/propagation.h, its boxes landing through AnnotationEditor::replaceDerived as in the
// workstation). It works as a careful analyst would with Vigie:
//   1. draw the drone's box on the first frame and press K;
//   2. play on to the first frame whose box is wrong (issue 16's criterion: centre within 3 px,
//      IoU >= 0.3) or missing; there, accept the tracker's proposal if it is right, else draw or
//      move the box to the truth; press K from that keyframe;
//   3. repeat until at least 98 % of the visible frames hold a right box.
// Every gesture counts as one action: a box drawn, moved or accepted, and each K. Looking at frames
// costs no action (the playback is the analyst's time, not a gesture). Printed per sequence:
// actions per 100 frames (box gestures + K presses), the share of frames right at the end, the
// seconds the tracker took, and the actions per 100 frames it had taken when 90 % and 95 % of the
// frames were first right. Issue 16's baselines on the same footage: every box drawn by hand
// 100 per 100 frames; linear interpolation with keyframes placed with hindsight 6.95
// (bench_interpolation_antiuav); CSRT restarted by hand on each failure 7.20
// (bench_tracking_antiuav).
//
// Usage: bench_analyst_antiuav [FIXTURES_DIR] [--only seqN] [--target 0.98]

#include "bench/analyst.h"
#include "models/heap.h"

#include <QCoreApplication>
#include <QUndoStack>

#include <cstdio>

using namespace vigie;

namespace {

const QString kDrone = QStringLiteral("quadcopter");

} // namespace

int main(int argc, char **argv)
{
    keepLargeBlocksInHeap();
    QCoreApplication app(argc, argv);
    QString dir = QStringLiteral(VIGIE_FIXTURES_DIR "/anti-uav-ir"), only;
    double target = 0.98;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--only") && i + 1 < args.size())
            only = args[++i];
        else if (args[i] == QLatin1String("--target") && i + 1 < args.size())
            target = args[++i].toDouble();
        else
            dir = args[i];
    }
    std::printf("simulated analyst with Vigie (draw or correct, accept, track with K) until %.0f %% of the visible frames are right\n",
                100 * target);
    std::printf("sequence  frames  actions/100  (boxes  K)  right   tracker s    at 90 %%  at 95 %%\n");
    std::int64_t allFrames = 0, allBoxes = 0, allK = 0, allRight = 0, allVisible = 0;
    for (const QString &name : {QStringLiteral("seq4"), QStringLiteral("seq5"), QStringLiteral("seq7"), QStringLiteral("seq18")}) {
        if (!only.isEmpty() && name != only)
            continue;
        bench::AntiUavSequence s;
        QString error;
        QTemporaryDir work;
        const std::shared_ptr<const Campaign> campaign = bench::loadAntiUavCampaign(dir, name, &s, work, &error);
        if (!campaign) {
            std::fprintf(stderr, "bench_analyst_antiuav: %s\n", qPrintable(error));
            return 1;
        }
        const int camera = 1;
        const std::int64_t n = std::int64_t(s.truth.size());
        AnnotationModel model;
        model.reset({}, {});
        QUndoStack stack;
        AnnotationEditor editor(&model, &stack);
        editor.setClasses({kDrone});
        const bench::AnalystResult r = bench::runAnalyst(campaign, camera, s.truth, editor, kDrone, target, n);
        const std::int64_t boxActions = r.boxActions, kPresses = r.kPresses, visible = r.visible;
        const double trackerSeconds = r.trackerSeconds;
        const double *atMilestone = r.atMilestone;
        const std::int64_t right = r.right;
        std::printf("%-8s  %6lld  %11.2f  (%5lld %3lld)  %5.3f  %9.1f    %6.2f  %6.2f\n", qPrintable(name), static_cast<long long>(n),
                    100.0 * double(boxActions + kPresses) / double(n), static_cast<long long>(boxActions),
                    static_cast<long long>(kPresses), double(right) / double(visible), trackerSeconds, atMilestone[0],
                    atMilestone[1]);
        std::fflush(stdout);
        allFrames += n, allBoxes += boxActions, allK += kPresses, allRight += right, allVisible += visible;
    }
    std::printf("all       %6lld  %11.2f  (%5lld %3lld)  %5.3f\n", static_cast<long long>(allFrames),
                100.0 * double(allBoxes + allK) / double(std::max<std::int64_t>(1, allFrames)), static_cast<long long>(allBoxes),
                static_cast<long long>(allK), double(allRight) / double(std::max<std::int64_t>(1, allVisible)));
    return 0;
}
