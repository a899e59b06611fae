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

#include "app/jobs/propagation.h"
#include "bench/antiuav.h"
#include "models/annotation/annotationeditor.h"
#include "models/heap.h"

#include <QCoreApplication>
#include <QUndoStack>

#include <cstdio>
#include <optional>

using namespace vigie;

namespace {

const QString kDrone = QStringLiteral("quadcopter");

/// The box of the target on a frame, decided or proposed, and whether it is right.
struct FrameCheck
{
    std::optional<Annotation> box; ///< the decided box, else the tracker's proposal
    bool right = false;
};

FrameCheck check(const std::vector<Annotation> &boxes, const QRectF &truth)
{
    FrameCheck out;
    for (const Annotation &a : boxes) {
        if (a.className != kDrone || a.state == db::BoxState::Rejected)
            continue;
        const bool decided = a.state == db::BoxState::Accepted || a.state == db::BoxState::Corrected;
        if (decided || !out.box)
            out.box = a;
        if (decided) {
            out.right = bench::rightForAnalyst(a.rect, truth);
            return out;
        }
    }
    return out; // a proposal only: not right until accepted
}

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
        std::int64_t visible = 0;
        for (const QRectF &t : s.truth)
            visible += !t.isEmpty();

        AnnotationModel model;
        model.reset({}, {});
        QUndoStack stack;
        AnnotationEditor editor(&model, &stack);
        editor.setClasses({kDrone});
        std::int64_t boxActions = 0, kPresses = 0;
        double trackerSeconds = 0;
        auto rightCount = [&] {
            std::int64_t right = 0;
            for (std::int64_t f = 0; f < n; ++f)
                right += !s.truth[size_t(f)].isEmpty() && check(model.boxes(camera, f), s.truth[size_t(f)]).right;
            return right;
        };
        auto pressK = [&](std::int64_t handle) {
            const auto key = model.box(handle);
            jobs::PropagationSpec p;
            p.campaign = campaign;
            p.camera = camera;
            p.from = {key->frame, key->rect};
            if (const auto previous = editor.previousKeyframe(handle))
                p.previous = jobs::Keyframe{previous->frame, previous->rect};
            if (const auto next = editor.nextKeyframe(handle))
                p.next = jobs::Keyframe{next->frame, next->rect};
            jobs::CallbackJob context;
            jobs::PropagationResult result;
            if (!jobs::propagateTrack(p, context, &result, &error)) {
                std::fprintf(stderr, "bench_analyst_antiuav: %s: %s\n", qPrintable(name), qPrintable(error));
                std::exit(1);
            }
            trackerSeconds += result.seconds;
            editor.replaceDerived(camera, kDrone, result.firstFrame, result.lastFrame, jobs::trackerBoxes(result), QStringLiteral("K"));
            ++kPresses;
        };
        std::int64_t cursor = 0; // the analyst plays forward; a fix can only break frames around it
        // The actions it took to first reach 90 % and 95 % right, on the way to the target.
        const double milestones[2] = {0.90, 0.95};
        double atMilestone[2] = {-1, -1};
        for (;;) {
            const double share = double(rightCount()) / double(visible);
            for (int m = 0; m < 2; ++m)
                if (atMilestone[m] < 0 && share >= milestones[m])
                    atMilestone[m] = 100.0 * double(boxActions + kPresses) / double(n);
            if (share >= target)
                break;
            std::int64_t f = -1;
            for (std::int64_t g = cursor; g < n && f < 0; ++g)
                if (!s.truth[size_t(g)].isEmpty() && !check(model.boxes(camera, g), s.truth[size_t(g)]).right)
                    f = g;
            if (f < 0) { // wrapped: something before the cursor went wrong again
                cursor = 0;
                continue;
            }
            cursor = f;
            const QRectF &truth = s.truth[size_t(f)];
            const FrameCheck c = check(model.boxes(camera, f), truth);
            std::int64_t key = 0;
            if (c.box && c.box->state == db::BoxState::Proposed && bench::rightForAnalyst(c.box->rect, truth)) {
                key = c.box->handle;
                editor.accept(key); // the tracker's guess was right: confirm it
            } else if (c.box) {
                key = c.box->handle;
                editor.setRect(key, truth); // onto the drone: corrected, a keyframe
            } else {
                key = editor.addBox(camera, f, truth, kDrone);
            }
            ++boxActions;
            pressK(key);
        }
        const std::int64_t right = rightCount();
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
