#pragma once

// The simulated analyst of issue 16 (deliverable 6), shared by bench_analyst_antiuav (real IR
// footage) and bench_analyst_synth (both cameras of a synthetic campaign). An oracle that knows
// the ground truth drives what the keyboard drives: the AnnotationEditor (draw, correct, accept:
// each one command) and the tracking job of key K (app/jobs/propagation.h, its boxes landing
// through AnnotationEditor::replaceDerived as in the workstation). On one camera it works as a
// careful analyst would:
//   1. play to the first visible frame whose box is wrong (issue 16's criterion: centre within
//      3 px, IoU >= 0.3) or missing; there, accept the proposal on the frame if it is right (the
//      tracker's guess, or a box carried from the other camera), else move a box onto the drone
//      or draw one; press K from that keyframe;
//   2. repeat until the target share of the visible frames hold a right box.
// Every gesture counts as one action: a box drawn, moved or accepted, and each K. Looking at
// frames costs no action (the playback is the analyst's time, not a gesture).

#include "app/jobs/propagation.h"
#include "bench/antiuav.h"
#include "models/annotation/annotationeditor.h"

#include <cstdio>
#include <cstdlib>
#include <optional>

namespace vigie::bench {

/// The box of the target on a frame, decided or proposed, and whether it is right.
struct FrameCheck
{
    std::optional<Annotation> box;      ///< the decided box, else a proposal
    std::optional<Annotation> rightProposal; ///< a proposal on the frame that is right
    bool right = false;
};

inline FrameCheck checkFrame(const std::vector<Annotation> &boxes, const QRectF &truth, const QString &cls)
{
    FrameCheck out;
    for (const Annotation &a : boxes) {
        if (a.className != cls || a.state == db::BoxState::Rejected)
            continue;
        const bool decided = a.state == db::BoxState::Accepted || a.state == db::BoxState::Corrected;
        if (decided) {
            out.box = a;
            out.right = rightForAnalyst(a.rect, truth);
            return out;
        }
        if (!out.box)
            out.box = a;
        if (!out.rightProposal && rightForAnalyst(a.rect, truth))
            out.rightProposal = a;
    }
    return out; // proposals only: not right until accepted
}

struct AnalystResult
{
    std::int64_t boxActions = 0, kPresses = 0, right = 0, visible = 0;
    double trackerSeconds = 0;
    double atMilestone[2] = {-1, -1}; ///< actions per 100 frames when 90 % and 95 % were first right
};

/// Runs the analyst on one camera of `campaign` whose per-frame truth is `truth` (empty rect: no
/// visible drone) until `target` of the visible frames are right. `perFrames` is what actions
/// are counted per (100 × actions / perFrames, for the milestones).
inline AnalystResult runAnalyst(const std::shared_ptr<const Campaign> &campaign, int camera, const std::vector<QRectF> &truth,
                                AnnotationEditor &editor, const QString &cls, double target, std::int64_t perFrames)
{
    AnnotationModel &model = *editor.model();
    AnalystResult r;
    const std::int64_t n = std::int64_t(truth.size());
    for (const QRectF &t : truth)
        r.visible += !t.isEmpty();
    if (r.visible == 0)
        return r;
    auto rightCount = [&] {
        std::int64_t right = 0;
        for (std::int64_t f = 0; f < n; ++f)
            right += !truth[size_t(f)].isEmpty() && checkFrame(model.boxes(camera, f), truth[size_t(f)], cls).right;
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
        QString error;
        if (!jobs::propagateTrack(p, context, &result, &error)) {
            std::fprintf(stderr, "simulated analyst: %s\n", qPrintable(error));
            std::exit(1);
        }
        r.trackerSeconds += result.seconds;
        editor.replaceDerived(camera, cls, result.firstFrame, result.lastFrame, jobs::trackerBoxes(result), QStringLiteral("K"));
        ++r.kPresses;
    };
    std::int64_t cursor = 0; // the analyst plays forward; a fix can only break frames around it
    const double milestones[2] = {0.90, 0.95};
    for (;;) {
        const double share = double(rightCount()) / double(r.visible);
        for (int m = 0; m < 2; ++m)
            if (r.atMilestone[m] < 0 && share >= milestones[m])
                r.atMilestone[m] = 100.0 * double(r.boxActions + r.kPresses) / double(perFrames);
        if (share >= target)
            break;
        std::int64_t f = -1;
        for (std::int64_t g = cursor; g < n && f < 0; ++g)
            if (!truth[size_t(g)].isEmpty() && !checkFrame(model.boxes(camera, g), truth[size_t(g)], cls).right)
                f = g;
        if (f < 0) { // wrapped: something before the cursor went wrong again
            cursor = 0;
            continue;
        }
        cursor = f;
        // What the analyst draws: the truth, at least a pixel on each side (the editor refuses
        // less, as a hand on the screen cannot draw it).
        QRectF t = truth[size_t(f)];
        if (t.width() < 1)
            t = QRectF(t.center().x() - 0.5, t.y(), 1, t.height());
        if (t.height() < 1)
            t = QRectF(t.x(), t.center().y() - 0.5, t.width(), 1);
        const FrameCheck c = checkFrame(model.boxes(camera, f), truth[size_t(f)], cls);
        if (qEnvironmentVariableIsSet("VIGIE_ANALYST_VERBOSE")) {
            const QRectF b = c.box ? c.box->rect : QRectF();
            std::fprintf(stderr, "camera %d frame %lld: %s %s box %.1f,%.1f %.1fx%.1f truth %.1f,%.1f %.1fx%.1f\n", camera,
                         static_cast<long long>(f), c.box ? db::toString(c.box->source) : "-", c.box ? db::toString(c.box->state) : "-",
                         b.x(), b.y(), b.width(), b.height(), t.x(), t.y(), t.width(), t.height());
        }
        std::int64_t key = 0;
        if (!rightForAnalyst(t, truth[size_t(f)]))
            std::fprintf(stderr, "simulated analyst: the drawn box of frame %lld is not right\n", static_cast<long long>(f));
        if (c.rightProposal) {
            key = c.rightProposal->handle;
            editor.accept(key); // the proposal was right: confirm it
        } else if (c.box) {
            key = c.box->handle;
            editor.setRect(key, t); // onto the drone: corrected, a keyframe
        } else {
            key = editor.addBox(camera, f, t, cls);
        }
        ++r.boxActions;
        pressK(key);
    }
    r.right = rightCount();
    return r;
}

} // namespace vigie::bench
