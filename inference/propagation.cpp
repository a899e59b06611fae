#include "inference/propagation.h"

#include "inference/proposals.h"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>

namespace vigie::inference {

QString trackerSignature(const PropagationOptions &options)
{
    return QStringLiteral("csrt-enlarged side=%1 scale<=%2 min=%3 window=%4x>=%5")
        .arg(options.tracker.targetSidePx, 0, 'g', 4)
        .arg(options.tracker.maxScale, 0, 'g', 4)
        .arg(options.tracker.minConfidence, 0, 'f', 2)
        .arg(options.tracker.windowSides, 0, 'g', 4)
        .arg(options.tracker.minWindowPx, 0, 'g', 4);
}

std::vector<TrackedFrame> trackPass(const GreyFrameReader &read, std::int64_t start, const QRectF &box, int step,
                                    std::int64_t stop, std::int64_t maxSteps, const TrackerOptions &options,
                                    const std::function<bool()> &cancelled, const std::function<void()> &stepped,
                                    const std::function<bool(std::int64_t frame)> &keepGoing)
{
    std::vector<TrackedFrame> out;
    QImage grey;
    if (step == 0 || !read(start, &grey))
        return out;
    SmallTargetTracker tracker(options);
    if (!tracker.init(grey, box))
        return out;
    QRectF last = box;
    for (std::int64_t f = start + step; f != stop && std::int64_t(out.size()) < maxSteps; f += step) {
        if ((cancelled && cancelled()) || (keepGoing && !keepGoing(f)))
            break;
        if (!read(f, &grey))
            break;
        TrackedFrame t{f, tracker.update(grey)};
        if (t.tracked.box.isEmpty() || !QRectF(grey.rect()).intersects(t.tracked.box))
            t.tracked.box = last, t.tracked.lost = true;
        out.push_back(t);
        if (stepped)
            stepped();
        if (t.tracked.lost)
            break;
        last = t.tracked.box;
    }
    return out;
}

struct MeetingPoint::Impl
{
    std::int64_t overlap = 0, middle = 0;
    std::mutex mutex;
    std::condition_variable changed;
    /// Per direction (0 forward, 1 backward): past its half, or ended with its last good frame.
    bool pastHalf[2] = {false, false};
    std::optional<std::int64_t> lastGood[2];
    bool cancelled = false;
};

MeetingPoint::MeetingPoint(std::int64_t a, std::int64_t b, std::int64_t overlap)
    : d(std::make_unique<Impl>())
{
    d->overlap = std::max<std::int64_t>(1, overlap), d->middle = (a + b) / 2;
}

MeetingPoint::~MeetingPoint() = default;

bool MeetingPoint::keepGoing(int step, std::int64_t f)
{
    const int me = step > 0 ? 0 : 1, other = 1 - me;
    // Inside its own half and the overlap: always.
    if (step > 0 ? f <= d->middle + d->overlap : f >= d->middle - d->overlap)
        return true;
    std::unique_lock lock(d->mutex);
    if (!d->pastHalf[me]) {
        d->pastHalf[me] = true;
        d->changed.notify_all();
    }
    d->changed.wait(lock, [&] { return d->cancelled || d->pastHalf[other] || d->lastGood[other]; });
    if (d->cancelled || d->pastHalf[other])
        return false;
    // The other was lost before the middle: go on until the overlap with its good frames.
    const std::int64_t g = *d->lastGood[other];
    return step > 0 ? f < g + d->overlap : f > g - d->overlap;
}

void MeetingPoint::ended(int step, std::int64_t lastGood)
{
    std::lock_guard lock(d->mutex);
    d->lastGood[step > 0 ? 0 : 1] = lastGood;
    d->changed.notify_all();
}

void MeetingPoint::cancel()
{
    std::lock_guard lock(d->mutex);
    d->cancelled = true;
    d->changed.notify_all();
}

namespace {

QRectF mix(const QRectF &a, double wa, const QRectF &b, double wb)
{
    const double s = wa + wb;
    return QRectF((a.x() * wa + b.x() * wb) / s, (a.y() * wa + b.y() * wb) / s, (a.width() * wa + b.width() * wb) / s,
                  (a.height() * wa + b.height() * wb) / s);
}

} // namespace

std::vector<PropagatedBox> blendPasses(std::int64_t a, std::int64_t b, const std::vector<TrackedFrame> &forward,
                                       const std::vector<TrackedFrame> &backward, double agreeIou)
{
    std::map<std::int64_t, const TrackedBox *> fwd, bwd;
    for (const TrackedFrame &t : forward)
        if (t.frame > a && t.frame < b)
            fwd[t.frame] = &t.tracked;
    for (const TrackedFrame &t : backward)
        if (t.frame > a && t.frame < b)
            bwd[t.frame] = &t.tracked;
    auto good = [](const std::map<std::int64_t, const TrackedBox *> &m, std::int64_t f) -> const TrackedBox * {
        const auto it = m.find(f);
        return it != m.end() && !it->second->lost ? it->second : nullptr;
    };
    // A frame is trouble when neither pass holds the target there, or both do at different places.
    std::int64_t first = -1, last = -1;
    for (std::int64_t f = a + 1; f < b; ++f) {
        const TrackedBox *F = good(fwd, f), *B = good(bwd, f);
        if ((!F && !B) || (F && B && iou(F->box, B->box) < agreeIou)) {
            if (first < 0)
                first = f;
            last = f;
        }
    }
    std::vector<PropagatedBox> out;
    for (std::int64_t f = a + 1; f < b; ++f) {
        if (first >= 0 && f >= first && f <= last) {
            // The analyst's turn: where the forward pass stopped being trustworthy, and where the
            // backward one did, each pass's own guess, flagged.
            const auto flag = [&](const std::map<std::int64_t, const TrackedBox *> &m) {
                const auto it = m.find(f);
                if (it != m.end())
                    out.push_back({f, it->second->box, it->second->confidence, true});
                return it != m.end();
            };
            if (f == first && f == last) {
                const auto F = fwd.find(f), B = bwd.find(f);
                if (F != fwd.end() && (B == bwd.end() || F->second->confidence >= B->second->confidence))
                    flag(fwd);
                else
                    flag(bwd);
            } else if (f == first) {
                flag(fwd);
            } else if (f == last) {
                flag(bwd);
            }
            continue;
        }
        const TrackedBox *F = good(fwd, f), *B = good(bwd, f);
        if (F && B) {
            // Each pass counts for what its keyframe is near and what it is sure of.
            const double wf = double(b - f) / double(b - a) * std::max(F->confidence, 1e-3);
            const double wb = double(f - a) / double(b - a) * std::max(B->confidence, 1e-3);
            out.push_back({f, mix(F->box, wf, B->box, wb), (wf * F->confidence + wb * B->confidence) / (wf + wb), false});
        } else if (F) {
            out.push_back({f, F->box, F->confidence, false});
        } else if (B) {
            out.push_back({f, B->box, B->confidence, false});
        }
    }
    return out;
}

std::vector<PropagatedBox> singlePass(const std::vector<TrackedFrame> &pass)
{
    std::vector<PropagatedBox> out;
    out.reserve(pass.size());
    for (const TrackedFrame &t : pass)
        out.push_back({t.frame, t.tracked.box, t.tracked.confidence, t.tracked.lost});
    std::sort(out.begin(), out.end(), [](const PropagatedBox &x, const PropagatedBox &y) { return x.frame < y.frame; });
    return out;
}

} // namespace vigie::inference
