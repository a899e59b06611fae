#include "app/jobs/propagation.h"

#include "inference/weaklabels.h"
#include "models/campaign.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <algorithm>
#include <atomic>
#include <future>
#include <map>

namespace vigie::jobs {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::jobs::Propagation)
};

/// A camera's grey frames for one thread, read forward or backward. Backward, frames are decoded
/// in chunks read forward (a decoder steps back only by seeking), newest last.
class FrameReader
{
public:
    FrameReader(std::unique_ptr<inference::GreyFrames> frames, const std::set<std::int64_t> &stops)
        : m_frames(std::move(frames))
        , m_stops(stops)
    {
    }

    bool read(std::int64_t frame, QImage *grey)
    {
        if (frame < 0 || frame >= m_frames->frameCount() || m_stops.count(frame))
            return false;
        if (const auto it = m_chunk.find(frame); it != m_chunk.end()) {
            *grey = it->second;
            return true;
        }
        // A frame just behind the last one asked for means a backward pass: decode its chunk.
        const bool backward = m_last >= 0 && frame < m_last;
        m_last = frame;
        if (!backward)
            return at(frame, grey);
        m_chunk.clear();
        for (std::int64_t f = std::max<std::int64_t>(0, frame - kChunk + 1); f <= frame; ++f) {
            QImage g;
            if (at(f, &g))
                m_chunk.emplace(f, g);
        }
        const auto it = m_chunk.find(frame);
        if (it == m_chunk.end())
            return false;
        *grey = it->second;
        return true;
    }
    /// Why the last pass could not read a frame it asked for (empty: it could); a pass ends
    /// there, and the job says so in its log.
    QString stopReason() const { return m_stopReason; }
    void clearStopReason() { m_stopReason.clear(); }

private:
    bool at(std::int64_t frame, QImage *grey)
    {
        CameraProjection projection;
        QString why;
        if (m_frames->at(frame, grey, &projection, &why))
            return true;
        m_stopReason = why;
        return false;
    }

    static constexpr std::int64_t kChunk = 48;
    std::unique_ptr<inference::GreyFrames> m_frames;
    const std::set<std::int64_t> &m_stops;
    std::map<std::int64_t, QImage> m_chunk;
    std::int64_t m_last = -1;
    QString m_stopReason;
};

struct Pass
{
    Keyframe start;
    int step = 1;
    std::int64_t stop = 0;                      ///< excluded
    inference::MeetingPoint *meeting = nullptr; ///< shared with the span's other pass
    std::vector<inference::TrackedFrame> frames;
};

} // namespace

int PropagationResult::flagged() const
{
    return int(std::count_if(boxes.begin(), boxes.end(), [](const inference::PropagatedBox &b) { return b.flagged; }));
}

bool propagateTrack(const PropagationSpec &spec, JobContext &context, PropagationResult *result, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    const Campaign &campaign = *spec.campaign;
    if (spec.camera < 0 || spec.camera >= int(campaign.manifest().cameras.size())) {
        *error = Tr::tr("No camera %1 in the campaign").arg(spec.camera);
        return false;
    }
    if (spec.from.box.isEmpty()) {
        *error = Tr::tr("Frame %1: the box to track from is empty").arg(spec.from.frame);
        return false;
    }
    // One reader per thread: FFmpeg's contexts are not shared.
    std::unique_ptr<inference::GreyFrames> frames[2];
    context.progress(Tr::tr("Tracking: opening the video"), 0, 0);
    frames[0] = inference::GreyFrames::open(campaign, spec.camera, error);
    if (!frames[0])
        return false;
    const QImage overlay = frames[0]->overlay(); // found once
    frames[1] = inference::GreyFrames::open(campaign, spec.camera, error, &overlay);
    if (!frames[1])
        return false;
    const std::int64_t count = frames[0]->frameCount();
    const std::int64_t limit = spec.options.maxFrames;

    // The spans between two keyframes, each tracked from both ends at once (forward passes on
    // thread 0, backward ones on thread 1, in the same order so that partners run together and
    // meet: inference::MeetingPoint), then the open-ended passes.
    struct Span
    {
        Keyframe a, b;
        std::unique_ptr<inference::MeetingPoint> meeting;
    };
    if (!spec.backward && !spec.forward) {
        *error = Tr::tr("Neither side of frame %1 to track").arg(spec.from.frame);
        return false;
    }
    // A side not asked for is a span already done: nothing of it is computed or replaced.
    const std::optional<Keyframe> previous = spec.backward ? spec.previous : std::nullopt;
    const std::optional<Keyframe> next = spec.forward ? spec.next : std::nullopt;
    std::vector<Span> spans;
    if (previous)
        spans.push_back({*previous, spec.from, {}});
    if (next)
        spans.push_back({spec.from, *next, {}});
    std::vector<Pass> forward, backward;
    for (Span &span : spans) {
        span.meeting = std::make_unique<inference::MeetingPoint>(span.a.frame, span.b.frame, spec.options.overlap);
        forward.push_back({span.a, +1, span.b.frame, span.meeting.get(), {}});
        backward.push_back({span.b, -1, span.a.frame, span.meeting.get(), {}});
    }
    if (spec.backward && !previous)
        backward.push_back({spec.from, -1, -1, nullptr, {}});
    if (spec.forward && !next)
        forward.push_back({spec.from, +1, count, nullptr, {}});
    double total = 0;
    for (const Span &span : spans)
        total += double(span.b.frame - span.a.frame - 1 + 2 * spec.options.overlap);
    total += double(std::min(limit, spec.from.frame) * (spec.backward && !previous)
                    + std::min(limit, count - 1 - spec.from.frame) * (spec.forward && !next));

    std::atomic<std::int64_t> done{0};
    std::atomic<bool> cancel{false};
    auto run = [&](std::vector<Pass> *passes, std::unique_ptr<inference::GreyFrames> *source, QStringList *notes) {
        FrameReader reader(std::move(*source), spec.stops);
        for (Pass &p : *passes) {
            reader.clearStopReason();
            inference::MeetingPoint *meeting = p.meeting;
            const int step = p.step;
            p.frames = inference::trackPass(
                [&reader](std::int64_t f, QImage *g) { return reader.read(f, g); }, p.start.frame, p.start.box, p.step, p.stop,
                limit, spec.options.tracker, [&cancel] { return cancel.load(); }, [&done] { ++done; },
                [meeting, step](std::int64_t f) { return !meeting || meeting->keepGoing(step, f); });
            if (meeting) {
                std::int64_t lastGood = p.start.frame;
                for (const inference::TrackedFrame &t : p.frames)
                    if (!t.tracked.lost)
                        lastGood = t.frame;
                meeting->ended(step, lastGood);
            }
            if (!reader.stopReason().isEmpty())
                *notes << Tr::tr("The pass from frame %1 stopped: %2").arg(p.start.frame).arg(reader.stopReason());
        }
    };
    QStringList notes[2];
    auto second = std::async(std::launch::async, run, &backward, &frames[1], &notes[1]);
    auto first = std::async(std::launch::async, run, &forward, &frames[0], &notes[0]);
    while (first.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready
           || second.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready) {
        context.progress(Tr::tr("Tracking"), double(done.load()), total);
        if (context.cancelled() && !cancel) {
            cancel = true;
            for (Span &span : spans)
                span.meeting->cancel();
        }
    }
    first.get();
    second.get();
    if (cancel) {
        *error = Tr::tr("Tracking cancelled");
        return false;
    }
    for (const QStringList &n : notes)
        for (const QString &line : n)
            context.log(line);

    result->boxes.clear();
    auto add = [result](const std::vector<inference::PropagatedBox> &boxes) {
        result->boxes.insert(result->boxes.end(), boxes.begin(), boxes.end());
    };
    std::size_t fw = 0, bw = 0;
    if (previous)
        add(inference::blendPasses(previous->frame, spec.from.frame, forward[fw++].frames, backward[bw++].frames,
                                   spec.options.agreeIou));
    if (next)
        add(inference::blendPasses(spec.from.frame, next->frame, forward[fw++].frames, backward[bw++].frames,
                                   spec.options.agreeIou));
    if (spec.backward && !previous)
        add(inference::singlePass(backward[bw++].frames));
    if (spec.forward && !next)
        add(inference::singlePass(forward[fw++].frames));
    std::sort(result->boxes.begin(), result->boxes.end(),
              [](const inference::PropagatedBox &x, const inference::PropagatedBox &y) { return x.frame < y.frame; });
    result->firstFrame = !spec.backward ? spec.from.frame + 1 : previous ? previous->frame + 1 : 0;
    result->lastFrame = !spec.forward ? spec.from.frame - 1 : next ? next->frame - 1 : count - 1;
    result->framesTracked = done.load();
    result->seconds = double(timer.nsecsElapsed()) / 1e9;
    result->trackerVersion = inference::trackerSignature(spec.options);
    context.log(Tr::tr("Tracked from frame %1 of %2: %3 boxes, %4 flagged for the analyst (%5 frames/s)")
                    .arg(spec.from.frame)
                    .arg(campaign.manifest().cameras.at(size_t(spec.camera)).name)
                    .arg(result->boxes.size())
                    .arg(result->flagged())
                    .arg(result->seconds > 0 ? double(result->framesTracked) / result->seconds : 0.0, 0, 'f', 1));
    return true;
}

std::vector<Annotation> trackerBoxes(const PropagationResult &result)
{
    std::vector<Annotation> boxes;
    boxes.reserve(result.boxes.size());
    for (const inference::PropagatedBox &p : result.boxes) {
        Annotation a;
        a.frame = p.frame;
        a.rect = p.box;
        a.source = db::BoxSource::Tracker;
        a.state = p.flagged ? db::BoxState::Proposed : db::BoxState::Accepted;
        a.confidence = p.confidence;
        a.modelVersion = result.trackerVersion;
        boxes.push_back(a);
    }
    return boxes;
}

} // namespace vigie::jobs
