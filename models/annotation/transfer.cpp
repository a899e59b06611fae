#include "models/annotation/transfer.h"

#include "models/annotation/annotationeditor.h"
#include "models/campaign.h"

#include <QCryptographicHash>

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace vigie {

namespace {

std::optional<QPointF> carryPoint(const CameraModel &from, const CameraModel &to, double x, double y, double depthM)
{
    const auto r = from.ray(x, y);
    const auto p = to.projectCamera(cameraToCamera(from, to, {r[0] * depthM, r[1] * depthM, depthM}));
    if (!p)
        return std::nullopt;
    return QPointF((*p)[0], (*p)[1]);
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

CameraModel corrected(CameraModel to, const Attitude &c)
{
    to.boresight.panDeg += c.panDeg;
    to.boresight.tiltDeg += c.tiltDeg;
    to.boresight.rollDeg += c.rollDeg;
    return to;
}

/// What the fit adjusts: the receiving camera's boresight, and the clocks' disagreement (searched,
/// not differentiated: the motion track is piecewise linear).
struct Params
{
    Attitude boresight;
    double clockS = 0;
    double &operator[](int i) { return i == 0 ? boresight.panDeg : i == 1 ? boresight.tiltDeg : boresight.rollDeg; }
};

/// The residual (carried centre − observed centre) of one pair under a correction; nullopt when
/// the centre falls behind the camera.
std::optional<QPointF> residual(const MountingPair &p, const Params &c)
{
    const auto q = carryPoint(p.from, corrected(p.to, c.boresight), p.fromCentre.x(), p.fromCentre.y(), p.depthM);
    if (!q)
        return std::nullopt;
    return *q + p.motion.at(p.gapS + c.clockS) - p.toCentre;
}

double norm(const QPointF &p)
{
    return std::hypot(p.x(), p.y());
}

/// Gauss-Newton over the parameters listed in `active` (0 pan, 1 tilt, 2 roll), Jacobians by
/// central differences.
Params gaussNewton(const std::vector<const MountingPair *> &pairs, const std::vector<int> &active, double clockS = 0)
{
    Params c;
    c.clockS = clockS;
    const int n = int(active.size());
    for (int iteration = 0; iteration < 10; ++iteration) {
        cv::Mat jtj = cv::Mat::zeros(n, n, CV_64F), jtr = cv::Mat::zeros(n, 1, CV_64F);
        for (const MountingPair *p : pairs) {
            const auto r0 = residual(*p, c);
            if (!r0)
                continue;
            double j[2][3] = {};
            bool ok = true;
            for (int i = 0; i < n && ok; ++i) {
                const double h = 1e-5;
                Params plus = c, minus = c;
                plus[active[size_t(i)]] += h;
                minus[active[size_t(i)]] -= h;
                const auto a = residual(*p, plus), b = residual(*p, minus);
                ok = a && b;
                if (ok) {
                    j[0][i] = (a->x() - b->x()) / (2 * h);
                    j[1][i] = (a->y() - b->y()) / (2 * h);
                }
            }
            if (!ok)
                continue;
            const double r[2] = {r0->x(), r0->y()};
            for (int a = 0; a < n; ++a) {
                for (int b = 0; b < n; ++b)
                    jtj.at<double>(a, b) += j[0][a] * j[0][b] + j[1][a] * j[1][b];
                jtr.at<double>(a) += j[0][a] * r[0] + j[1][a] * r[1];
            }
        }
        cv::Mat step;
        if (!cv::solve(jtj, -jtr, step, cv::DECOMP_SVD))
            break;
        double largest = 0;
        for (int i = 0; i < n; ++i) {
            c[active[size_t(i)]] += step.at<double>(i);
            largest = std::max(largest, std::abs(step.at<double>(i)));
        }
        if (largest < 1e-7)
            break;
    }
    return c;
}

} // namespace

QPointF MotionTrack::at(double seconds) const
{
    if (samples.size() < 2)
        return {};
    // The segment holding `seconds`, or the first or last one beyond the ends.
    size_t i = 1;
    while (i + 1 < samples.size() && samples[i].first < seconds)
        ++i;
    const auto &[t0, p0] = samples[i - 1];
    const auto &[t1, p1] = samples[i];
    if (t1 <= t0)
        return p0;
    const double u = (seconds - t0) / (t1 - t0);
    return p0 + (p1 - p0) * u;
}

TransferPlacement placeTransfers(std::vector<Annotation> carried,
                                 const std::function<std::vector<Annotation>(int camera, std::int64_t frame)> &boxesOn)
{
    TransferPlacement out;
    std::set<std::pair<int, std::int64_t>> seen;
    for (Annotation &b : carried) {
        if (!seen.insert({b.camera, b.frame}).second)
            continue;
        bool blocked = false;
        std::vector<Annotation> replaced;
        for (const Annotation &x : boxesOn(b.camera, b.frame)) {
            if (x.className != b.className || x.state == db::BoxState::Rejected)
                continue;
            if (x.state != db::BoxState::Proposed)
                blocked = true;
            else if (x.source == db::BoxSource::Transfer)
                replaced.push_back(x);
        }
        if (blocked) {
            ++out.blocked;
            continue;
        }
        out.replaced.insert(out.replaced.end(), replaced.begin(), replaced.end());
        b.source = db::BoxSource::Transfer;
        b.state = db::BoxState::Proposed;
        out.added.push_back(std::move(b));
    }
    return out;
}

std::optional<QRectF> transferBox(const CameraModel &from, const CameraModel &to, const QRectF &box, double depthM,
                                  QPointF shiftPx)
{
    if (!(depthM > 0) || box.isEmpty())
        return std::nullopt;
    double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
    for (const QPointF &corner : {box.topLeft(), box.topRight(), box.bottomRight(), box.bottomLeft()}) {
        const auto p = carryPoint(from, to, corner.x(), corner.y(), depthM);
        if (!p)
            return std::nullopt;
        x0 = std::min(x0, p->x());
        y0 = std::min(y0, p->y());
        x1 = std::max(x1, p->x());
        y1 = std::max(y1, p->y());
    }
    return QRectF(QPointF(x0, y0), QPointF(x1, y1)).translated(shiftPx);
}

QString MountingFit::describe() const
{
    if (used == 0)
        return QStringLiteral("mounting=manifest");
    return QString::asprintf("mounting=pan%+.4f,tilt%+.4f,roll%+.3fdeg clock%+.1fms pairs=%d/%d median=%.2fpx",
                             correction.panDeg, correction.tiltDeg, correction.rollDeg, clockOffsetS * 1e3, used, pairs,
                             medianAfterPx);
}

MountingFit fitMounting(const std::vector<MountingPair> &pairs, int minPairs)
{
    MountingFit fit;
    fit.pairs = int(pairs.size());
    std::vector<double> before;
    for (const MountingPair &p : pairs) {
        if (const auto r = residual(p, Params{}))
            before.push_back(norm(*r));
    }
    fit.medianBeforePx = fit.medianAfterPx = median(before);
    if (fit.pairs < std::max(1, minPairs))
        return fit;

    // Roll only shows as a rotation about the image centre: the centres must spread for it.
    double lo[2] = {1e18, 1e18}, hi[2] = {-1e18, -1e18};
    for (const MountingPair &p : pairs) {
        lo[0] = std::min(lo[0], p.toCentre.x());
        hi[0] = std::max(hi[0], p.toCentre.x());
        lo[1] = std::min(lo[1], p.toCentre.y());
        hi[1] = std::max(hi[1], p.toCentre.y());
    }
    const Intrinsics &k = pairs.front().to.intrinsics;
    fit.rollFitted = hi[0] - lo[0] >= k.width / 4.0 || hi[1] - lo[1] >= k.height / 4.0;
    std::vector<int> n{0, 1};
    if (fit.rollFitted)
        n.push_back(2);

    std::vector<const MountingPair *> used;
    for (const MountingPair &p : pairs)
        used.push_back(&p);
    double clockS = 0;
    // The clocks: a search over ±0.3 s in 2 ms steps, then 0.25 ms around the best, on at most
    // 100 pairs spread over the track; each candidate gets its own boresight.
    const auto tracked = std::count_if(pairs.begin(), pairs.end(), [](const MountingPair &p) { return !p.motion.samples.empty(); });
    fit.clockFitted = tracked >= 2;
    if (fit.clockFitted) {
        std::vector<const MountingPair *> sample;
        const size_t step = std::max<size_t>(1, used.size() / 100);
        for (size_t i = 0; i < used.size(); i += step)
            sample.push_back(used[i]);
        auto cost = [&](double candidate) {
            const Params p = gaussNewton(sample, n, candidate);
            double sum = 0;
            for (const MountingPair *m : sample) {
                const auto r = residual(*m, p);
                sum += r ? std::min(QPointF::dotProduct(*r, *r), 9.0) : 9.0;
            }
            // A weak pull toward the manifest's clocks: 0.25 px² per pair at 0.1 s.
            return sum + double(sample.size()) * 0.25 * (candidate / 0.1) * (candidate / 0.1);
        };
        double bestCost = cost(0);
        auto search = [&](double from, double to, double stride) {
            for (double candidate = from; candidate <= to + 1e-9; candidate += stride) {
                const double v = cost(candidate);
                if (v < bestCost)
                    clockS = candidate, bestCost = v;
            }
        };
        search(-0.3, 0.3, 0.002);
        const double coarse = clockS;
        search(coarse - 0.002, coarse + 0.002, 0.00025);
    }
    Params c = gaussNewton(used, n, clockS);
    // One pass of outlier rejection: a box drawn on the wrong blob, or a frame the clocks put
    // apart, must not drag the mounting.
    std::vector<double> after;
    for (const MountingPair *p : used) {
        const auto r = residual(*p, c);
        after.push_back(r ? norm(*r) : 1e18);
    }
    const double limit = std::max(3.0, 3.0 * median(after));
    std::vector<const MountingPair *> kept;
    for (size_t i = 0; i < used.size(); ++i) {
        if (after[i] <= limit)
            kept.push_back(used[i]);
    }
    // Too few left to drop any: the fit over all of them stands.
    if (int(kept.size()) < std::max(1, minPairs))
        kept = used;
    else if (kept.size() != used.size())
        c = gaussNewton(kept, n, c.clockS);
    after.clear();
    for (const MountingPair *p : kept) {
        if (const auto r = residual(*p, c))
            after.push_back(norm(*r));
    }
    fit.correction = c.boresight;
    fit.clockOffsetS = c.clockS;
    fit.used = int(kept.size());
    fit.medianAfterPx = median(after);
    return fit;
}

BoxTransfer::BoxTransfer(const Campaign &campaign, int from, int to, std::int64_t fromFrames, std::int64_t toFrames,
                         TransferOptions options)
    : m_campaign(campaign), m_from(from), m_to(to), m_fromFrames(fromFrames), m_toFrames(toFrames), m_options(options)
{
}

std::optional<double> BoxTransfer::seconds(int camera, std::int64_t frame) const
{
    const std::int64_t count = camera == m_from ? m_fromFrames : m_toFrames;
    if (frame < 0 || frame >= count)
        return std::nullopt;
    const auto utc = m_campaign.frameUtc(camera, frame);
    if (!utc)
        return std::nullopt;
    return double(utc->microseconds()) * 1e-6;
}

std::optional<std::int64_t> BoxTransfer::counterpart(std::int64_t fromFrame) const
{
    const auto t = seconds(m_from, fromFrame);
    if (!t || m_toFrames <= 0)
        return std::nullopt;
    // The first frame at or after t, by bisection on the (increasing) frame times.
    std::int64_t lo = 0, hi = m_toFrames;
    while (lo < hi) {
        const std::int64_t mid = lo + (hi - lo) / 2;
        const auto tm = seconds(m_to, mid);
        if (!tm)
            return std::nullopt;
        if (*tm < *t)
            lo = mid + 1;
        else
            hi = mid;
    }
    std::optional<std::int64_t> best;
    double bestGap = 1e18, period = 0;
    for (std::int64_t j : {lo - 1, lo}) {
        const auto tj = seconds(m_to, j);
        if (!tj)
            continue;
        if (std::abs(*tj - *t) < bestGap) {
            bestGap = std::abs(*tj - *t);
            best = j;
        }
    }
    if (!best)
        return std::nullopt;
    const auto here = seconds(m_to, *best);
    for (std::int64_t j : {*best - 1, *best + 1}) {
        if (const auto tj = seconds(m_to, j))
            period = std::max(period, std::abs(*tj - *here));
    }
    if (period <= 0 || bestGap > period / 2 + 1e-6)
        return std::nullopt;
    return best;
}

std::optional<BoxTransfer::Instant> BoxTransfer::instant(const Annotation &box) const
{
    const auto toFrame = counterpart(box.frame);
    const auto tFrom = seconds(m_from, box.frame);
    if (!toFrame || !tFrom)
        return std::nullopt;
    const double tTo = *seconds(m_to, *toFrame);
    const UtcTime utcFrom = *m_campaign.frameUtc(m_from, box.frame);
    Instant out;
    out.toFrame = *toFrame;
    out.gapS = tTo - *tFrom;
    const CameraProjection projection = m_campaign.project(m_from, utcFrom);
    out.from = projection.ok ? projection.model : m_campaign.cameraModel(m_from, utcFrom);
    out.to = m_campaign.cameraModel(m_to, *m_campaign.frameUtc(m_to, *toFrame));
    if (projection.ok && projection.projection.inFront) {
        out.depthM = projection.projection.depthM;
    } else {
        // No fix: the depth at which the target's span fills the box's width.
        const double span = m_campaign.manifest().targetSizeM;
        if (!(box.rect.width() > 0) || !(span > 0))
            return std::nullopt;
        out.depthM = out.from.intrinsics.fx * span / box.rect.width();
    }
    // The target's motion in the image around the frame, from its boxes on the frames up to
    // `span` either side (±0.4 s at 25 frames/s, beyond what the clock search spans).
    constexpr std::int64_t span = 10;
    const double sx = out.to.intrinsics.fx / out.from.intrinsics.fx;
    const double sy = out.to.intrinsics.fy / out.from.intrinsics.fy;
    for (std::int64_t f = box.frame - span; f <= box.frame + span; ++f) {
        if (f == box.frame) {
            out.motion.samples.push_back({0.0, QPointF()});
            continue;
        }
        const auto it = m_sending.find({f, box.className});
        const auto t = seconds(m_from, f);
        if (it != m_sending.end() && t) {
            const QPointF d = it->second.rect.center() - box.rect.center();
            out.motion.samples.push_back({*t - *tFrom, QPointF(d.x() * sx, d.y() * sy)});
        }
    }
    if (out.motion.samples.size() < 2)
        out.motion.samples.clear();
    return out;
}

std::vector<Annotation> BoxTransfer::carryAll(const std::vector<Annotation> &boxes) const
{
    std::vector<Annotation> out;
    for (const Annotation &box : boxes) {
        if (!carriesOver(box))
            continue;
        if (auto carried = carry(box))
            out.push_back(std::move(*carried));
    }
    return out;
}

bool BoxTransfer::carriesOver(const Annotation &box)
{
    if (box.state != db::BoxState::Accepted && box.state != db::BoxState::Corrected)
        return false;
    return box.source != db::BoxSource::Transfer || box.state == db::BoxState::Corrected;
}

void BoxTransfer::setSendingBoxes(const std::vector<Annotation> &boxes)
{
    m_sending.clear();
    for (const Annotation &a : boxes) {
        if (a.camera == m_from && (a.state == db::BoxState::Accepted || a.state == db::BoxState::Corrected)
            && !a.rect.isEmpty())
            m_sending.emplace(std::pair{a.frame, a.className}, a);
    }
}

namespace {

bool isEvidence(const Annotation &a)
{
    return AnnotationEditor::isKeyframe(a) && (a.source != db::BoxSource::Transfer || a.state == db::BoxState::Corrected);
}

} // namespace

QByteArray BoxTransfer::digest(const std::vector<MountingPair> &pairs)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    auto add = [&](std::initializer_list<double> values) {
        for (double v : values)
            hash.addData(QByteArrayView(reinterpret_cast<const char *>(&v), sizeof v));
    };
    for (const MountingPair &p : pairs) {
        for (const CameraModel *m : {&p.from, &p.to})
            add({m->intrinsics.fx, m->intrinsics.fy, m->intrinsics.cx, m->intrinsics.cy});
        add({p.fromCentre.x(), p.fromCentre.y(), p.toCentre.x(), p.toCentre.y(), p.depthM, p.gapS});
        for (const auto &[t, d] : p.motion.samples)
            add({t, d.x(), d.y()});
    }
    return hash.result();
}

const MountingFit &BoxTransfer::fit(const std::vector<Annotation> &toBoxes)
{
    m_fit = fitMounting(pairsFor(toBoxes), m_options.minPairs);
    return m_fit;
}

std::vector<MountingPair> BoxTransfer::pairsFor(const std::vector<Annotation> &toBoxes) const
{
    // The receiving camera's analyst boxes by frame and class.
    std::vector<const Annotation *> evidence;
    for (const Annotation &b : toBoxes) {
        if (b.camera == m_to && isEvidence(b))
            evidence.push_back(&b);
    }
    std::sort(evidence.begin(), evidence.end(), [](const Annotation *a, const Annotation *b) { return a->frame < b->frame; });
    std::vector<MountingPair> pairs;
    for (const auto &[key, a] : m_sending) {
        if (!isEvidence(a))
            continue;
        const auto toFrame = counterpart(a.frame);
        if (!toFrame)
            continue;
        auto it = std::lower_bound(evidence.begin(), evidence.end(), *toFrame,
                                   [](const Annotation *b, std::int64_t f) { return b->frame < f; });
        for (; it != evidence.end() && (*it)->frame == *toFrame; ++it) {
            if ((*it)->className != a.className)
                continue;
            if (const auto at = instant(a))
                pairs.push_back({at->from, at->to, a.rect.center(), (*it)->rect.center(), at->depthM, at->motion, at->gapS});
            break;
        }
    }
    return pairs;
}

std::optional<Annotation> BoxTransfer::carry(const Annotation &box) const
{
    if (box.camera != m_from)
        return std::nullopt;
    const auto at = instant(box);
    if (!at)
        return std::nullopt;
    const auto rect = transferBox(at->from, corrected(at->to, m_fit.correction), box.rect, at->depthM,
                                  at->motion.at(at->gapS + m_fit.clockOffsetS));
    if (!rect)
        return std::nullopt;
    const QRectF image(0, 0, at->to.intrinsics.width, at->to.intrinsics.height);
    const QRectF clipped = rect->intersected(image);
    if (clipped.isEmpty())
        return std::nullopt;
    Annotation out;
    out.camera = m_to;
    out.frame = at->toFrame;
    out.rect = clipped;
    out.className = box.className;
    out.source = db::BoxSource::Transfer;
    out.state = db::BoxState::Proposed;
    out.confidence = box.confidence;
    out.modelVersion = QStringLiteral("from=%1 %2")
                           .arg(m_campaign.manifest().cameras[size_t(m_from)].name, m_fit.describe());
    return out;
}

} // namespace vigie
