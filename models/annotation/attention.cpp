#include "models/annotation/attention.h"

#include "models/annotation/annotationeditor.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace vigie {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::Attention)
};

constexpr double kAgreeIou = 0.3;
constexpr double kConfident = 0.5;

double overlap(const QRectF &a, const QRectF &b)
{
    const QRectF i = a.intersected(b);
    const double inter = i.isEmpty() ? 0 : i.width() * i.height();
    const double uni = a.width() * a.height() + b.width() * b.height() - inter;
    return uni > 0 ? inter / uni : 0;
}

bool decided(const Annotation &a)
{
    return a.state == db::BoxState::Accepted || a.state == db::BoxState::Corrected;
}

/// A pending proposal of a learnt source (the proposer, the detector) that is sure of itself.
bool confidentProposal(const Annotation &a)
{
    return a.state == db::BoxState::Proposed && (a.source == db::BoxSource::Cam || a.source == db::BoxSource::Detector)
           && a.confidence.value_or(1.0) >= kConfident;
}

} // namespace

unsigned frameAttention(const std::vector<Annotation> &boxes, const db::FrameFlags &flags, const QString &className)
{
    if (flags.reviewed || flags.notVisible || flags.outOfView)
        return 0;
    unsigned reasons = 0;
    std::vector<const Annotation *> accepted, proposals;
    for (const Annotation &a : boxes) {
        if (a.className != className)
            continue;
        if (a.source == db::BoxSource::Tracker && a.state == db::BoxState::Proposed)
            reasons |= TrackerStopped;
        if (decided(a))
            accepted.push_back(&a);
        else if (confidentProposal(a))
            proposals.push_back(&a);
    }
    for (const Annotation *p : proposals) {
        if (!accepted.empty()) {
            // A confident proposal nowhere near the accepted box.
            const bool near = std::any_of(accepted.begin(), accepted.end(),
                                          [p](const Annotation *a) { return overlap(a->rect, p->rect) >= kAgreeIou; });
            if (!near)
                reasons |= SourcesDisagree;
        } else {
            // Nobody decided, and the proposer and the detector propose different places.
            for (const Annotation *q : proposals)
                if (q->source != p->source && overlap(p->rect, q->rect) < kAgreeIou)
                    reasons |= SourcesDisagree;
        }
    }
    return reasons;
}

std::map<std::int64_t, unsigned> framesNeedingAnalyst(const AnnotationModel &model, int camera, const QString &className,
                                                     const InterpolationGeometryFunction &geometry)
{
    std::map<std::int64_t, unsigned> out;
    // The keyframes of the target, to predict the frames between them from the geometry.
    std::vector<std::pair<std::int64_t, QRectF>> keyframes;
    const std::vector<std::int64_t> frames = model.annotatedFrames(camera);
    for (std::int64_t f : frames) {
        const std::vector<Annotation> boxes = model.boxes(camera, f);
        if (const unsigned r = frameAttention(boxes, model.flags(camera, f), className))
            out[f] |= r;
        for (const Annotation &a : boxes) {
            if (a.className == className && AnnotationEditor::isKeyframe(a)) {
                keyframes.emplace_back(f, a.rect);
                break;
            }
        }
    }
    if (!geometry)
        return out;
    for (std::size_t k = 0; k + 1 < keyframes.size(); ++k) {
        const auto &[fa, ra] = keyframes[k];
        const auto &[fb, rb] = keyframes[k + 1];
        if (fb - fa < 2)
            continue;
        // Only spans that hold tracked boxes are worth predicting.
        const auto first = std::upper_bound(frames.begin(), frames.end(), fa);
        const auto last = std::lower_bound(frames.begin(), frames.end(), fb);
        std::vector<std::pair<std::int64_t, QRectF>> tracked;
        for (auto it = first; it != last; ++it) {
            const db::FrameFlags flags = model.flags(camera, *it);
            if (flags.reviewed || flags.notVisible || flags.outOfView)
                continue;
            for (const Annotation &a : model.boxes(camera, *it))
                if (a.className == className && a.source == db::BoxSource::Tracker && a.state == db::BoxState::Accepted)
                    tracked.emplace_back(*it, a.rect);
        }
        if (tracked.empty())
            continue;
        const std::vector<QRectF> predicted = interpolateBoxes(fa, ra, fb, rb, geometry);
        for (const auto &[f, rect] : tracked) {
            if (!geometry(f).point) // without a projection the prediction is only linear: no evidence
                continue;
            const QRectF &p = predicted[size_t(f - fa - 1)];
            const QPointF d = rect.center() - p.center();
            if (std::hypot(d.x(), d.y()) > std::max({4.0, p.width(), p.height()}))
                out[f] |= OffGeometry;
        }
    }
    return out;
}

QString describeAttention(unsigned reasons)
{
    QStringList parts;
    if (reasons & TrackerStopped)
        parts << Tr::tr("the tracker stopped here");
    if (reasons & SourcesDisagree)
        parts << Tr::tr("the proposer, the detector and the accepted box disagree");
    if (reasons & OffGeometry)
        parts << Tr::tr("the tracked box strays from the geometry");
    return parts.join(QStringLiteral("; "));
}

} // namespace vigie
