// Trackers on the real Anti-UAV IR footage (../shared/fixtures/anti-uav-ir), as an analyst uses
// them: start on the first frame's true box, track forward, and whenever the box is wrong (its
// centre more than 3 px from the truth's, or IoU < 0.3: issue 16's criterion) or the tracker says
// it lost the target, the analyst corrects it (one action) and the tracker restarts there.
// Printed per sequence: corrections per 100 frames and frames per second of the tracker alone
// (decoding excluded), for
// - copying the previous box (no tracker),
// - OpenCV's MIL on native frames (CVAT's browser tracker),
// - OpenCV contrib's CSRT on native frames,
// - Vigie's SmallTargetTracker: CSRT on frames enlarged so that the drone is ~32 px, with a
//   correlation confidence that stops it instead of drifting (inference/tracking.h).
// Burned-in overlays are suppressed first, as for the networks.
//
// Usage: bench_tracking_antiuav [FIXTURES_DIR] [--only seqN] [--vigie-only] [--window PX]
// (--window: Vigie's TrackerOptions::minWindowPx, to measure what a smaller window costs)

#include "bench/antiuav.h"
#include "inference/tracking.h"
#include "models/heap.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <opencv2/core.hpp>
#include <opencv2/tracking.hpp>
#include <opencv2/video/tracking.hpp>

#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>

using namespace vigie;
using namespace vigie::inference;

namespace {

/// A tracker as the loop sees it: start on a box, then the next frame's box and whether it is lost.
struct Tracker
{
    std::function<void(const QImage &, const QRectF &)> init;
    std::function<std::pair<QRectF, bool>(const QImage &)> update;
};

cv::Mat wrap(const QImage &g)
{
    return cv::Mat(g.height(), g.width(), CV_8UC1, const_cast<uchar *>(g.constBits()), size_t(g.bytesPerLine()));
}

cv::Rect toCv(const QRectF &r)
{
    return cv::Rect(int(std::lround(r.x())), int(std::lround(r.y())), std::max(2, int(std::lround(r.width()))),
                    std::max(2, int(std::lround(r.height()))));
}

Tracker openCv(std::function<cv::Ptr<cv::Tracker>()> make)
{
    auto tracker = std::make_shared<cv::Ptr<cv::Tracker>>();
    auto bgr = std::make_shared<cv::Mat>();
    auto colour = [bgr](const QImage &g) -> const cv::Mat & {
        cv::cvtColor(wrap(g), *bgr, cv::COLOR_GRAY2BGR); // MIL and CSRT's defaults want three channels
        return *bgr;
    };
    return {[tracker, make, colour](const QImage &g, const QRectF &b) {
                *tracker = make();
                (*tracker)->init(colour(g), toCv(b));
            },
            [tracker, colour](const QImage &g) {
                cv::Rect r;
                const bool ok = (*tracker)->update(colour(g), r);
                return std::pair{QRectF(r.x, r.y, r.width, r.height), !ok};
            }};
}

struct Result
{
    int corrections = 0;
    double ms = 0;
    int updates = 0;
};

Result run(const bench::AntiUavSequence &s, const Tracker &t)
{
    Result r;
    bool started = false;
    for (size_t f = 0; f < s.frames.size(); ++f) {
        const QRectF &truth = s.truth[f];
        if (truth.isEmpty()) {
            started = false;
            continue;
        }
        if (!started) {
            t.init(s.frames[f], truth);
            started = true;
            ++r.corrections; // the analyst draws the first box
            continue;
        }
        QElapsedTimer timer;
        timer.start();
        const auto [box, lost] = t.update(s.frames[f]);
        r.ms += double(timer.nsecsElapsed()) / 1e6;
        ++r.updates;
        if (lost || !bench::rightForAnalyst(box, truth)) {
            ++r.corrections;
            t.init(s.frames[f], truth);
        }
    }
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    keepLargeBlocksInHeap();
    QCoreApplication app(argc, argv);
    QString dir = QStringLiteral(VIGIE_FIXTURES_DIR "/anti-uav-ir"), only;
    bool vigieOnly = false;
    TrackerOptions options;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--only") && i + 1 < args.size())
            only = args[++i];
        else if (args[i] == QLatin1String("--vigie-only"))
            vigieOnly = true;
        else if (args[i] == QLatin1String("--window") && i + 1 < args.size())
            options.minWindowPx = args[++i].toDouble();
        else
            dir = args[i];
    }
    cv::setNumThreads(1);
    std::printf("corrections per 100 frames (frames/s of the tracker alone); right = centre <= 3 px and IoU >= 0.3\n");
    std::printf("sequence  frames  copy previous      MIL (native)     CSRT (native)     Vigie (CSRT enlarged)\n");
    double sums[4] = {0, 0, 0, 0};
    int frames = 0;
    for (const QString &name : {QStringLiteral("seq4"), QStringLiteral("seq5"), QStringLiteral("seq7"), QStringLiteral("seq18")}) {
        if (!only.isEmpty() && name != only)
            continue;
        bench::AntiUavSequence s;
        QString error;
        if (!bench::loadAntiUav(dir, name, &s, &error)) {
            std::fprintf(stderr, "bench_tracking_antiuav: %s\n", qPrintable(error));
            return 1;
        }
        auto last = std::make_shared<QRectF>();
        const Tracker copy{[last](const QImage &, const QRectF &b) { *last = b; },
                           [last](const QImage &) { return std::pair{*last, false}; }};
        const Tracker mil = openCv([] { return cv::Ptr<cv::Tracker>(cv::TrackerMIL::create()); });
        const Tracker csrt = openCv([] { return cv::Ptr<cv::Tracker>(cv::TrackerCSRT::create()); });
        auto small = std::make_shared<std::unique_ptr<SmallTargetTracker>>();
        const Tracker vigie{[small, options](const QImage &g, const QRectF &b) {
                                *small = std::make_unique<SmallTargetTracker>(options);
                                (*small)->init(g, b);
                            },
                            [small](const QImage &g) {
                                const TrackedBox t = (*small)->update(g);
                                return std::pair{t.box, t.lost};
                            }};
        const Tracker *trackers[4] = {&copy, &mil, &csrt, &vigie};
        std::printf("%-8s  %6zu", qPrintable(name), s.frames.size());
        for (int k = 0; k < 4; ++k) {
            if (vigieOnly && k < 3) {
                std::printf("  %6s (%6s/s)", "-", "-");
                continue;
            }
            const Result r = run(s, *trackers[k]);
            const double per = 100.0 * r.corrections / double(s.frames.size());
            sums[k] += r.corrections;
            std::printf("  %6.2f (%6.0f/s)", per, r.ms > 0 ? r.updates / (r.ms / 1000.0) : 0.0);
            std::fflush(stdout);
        }
        std::printf("\n");
        frames += int(s.frames.size());
    }
    std::printf("all       %6d", frames);
    for (double c : sums)
        std::printf("  %6.2f          ", 100.0 * c / std::max(1, frames));
    std::printf("\n");
    return 0;
}
