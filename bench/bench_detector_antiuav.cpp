// The embedded detector on real turret IR footage (../shared/fixtures/anti-uav-ir): train on
// three sequences' ground-truth boxes, evaluate on the fourth, rotate. Reported per held-out
// sequence: COCO AP50 and AP on whole frames, and inside a simulated search region (a 60 px
// radius around the ground-truth centre plus 20 px Gaussian error, as for the proposer's
// benchmark), next to the detection rate by frame; and the temporal layer (Seq-NMS over the
// held-out sequence's whole-frame detections): AP50 and Anti-UAV state accuracy with and without
// it, and its cost per frame.
//
// Usage: bench_detector_antiuav [FIXTURES_DIR] [--epochs N] [--steps N] [--scale F] [--every N]
//                               [--only seqN]

#include "bench/antiuav.h"
#include "inference/detectorpipeline.h"
#include "inference/runtime.h"
#include "inference/temporal.h"
#include "inference/weaklabels.h"
#include "models/heap.h"
#include "models/media/videodecoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <random>

using namespace vigie;
using namespace vigie::inference;

namespace {

using Sequence = bench::AntiUavSequence;

} // namespace

int main(int argc, char **argv)
{
    keepLargeBlocksInHeap(); // as vigie and vigie-cli do (models/heap.h)
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QString dir = QStringLiteral(VIGIE_FIXTURES_DIR "/anti-uav-ir");
    int epochs = 6, steps = 100, every = 5;
    double scale = 2.0;
    QString only;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--epochs") && i + 1 < args.size())
            epochs = args[++i].toInt();
        else if (args[i] == QLatin1String("--steps") && i + 1 < args.size())
            steps = args[++i].toInt();
        else if (args[i] == QLatin1String("--scale") && i + 1 < args.size())
            scale = args[++i].toDouble();
        else if (args[i] == QLatin1String("--every") && i + 1 < args.size())
            every = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--only") && i + 1 < args.size())
            only = args[++i];
        else
            dir = args[i];
    }
    configureThreads(2);
    QTextStream out(stdout);
    std::vector<Sequence> seqs;
    for (const QString &name : {QStringLiteral("seq4"), QStringLiteral("seq5"), QStringLiteral("seq7"), QStringLiteral("seq18")}) {
        Sequence s;
        QString error;
        if (!bench::loadAntiUav(dir, name, &s, &error)) {
            out << error << '\n';
            return 1;
        }
        seqs.push_back(std::move(s));
    }
    out << QStringLiteral("held-out  frames  full: AP50    AP  detected | region: AP50    AP  detected | train s  detect fps\n");
    for (std::size_t held = 0; held < seqs.size(); ++held) {
        if (!only.isEmpty() && seqs[held].name != only)
            continue;
        DetectorConfig config;
        config.inputScale = scale;
        DetectorSampleOptions so;
        so.cropSize = int(std::lround(config.cropSize / scale));
        std::mt19937_64 rng(held + 1);
        std::vector<DetectorSample> samples;
        for (std::size_t s = 0; s < seqs.size(); ++s) {
            if (s == held)
                continue;
            for (std::size_t f = 0; f < seqs[s].frames.size(); f += 2) {
                const QRectF &b = seqs[s].truth[f];
                appendDetectorSamples(seqs[s].frames[f], b.isEmpty() ? std::vector<QRectF>{} : std::vector<QRectF>{b}, so,
                                      rng, &samples);
            }
        }
        auto net = CenterNet::create(config, held + 1);
        DetectorTrainOptions t;
        t.steps = steps;
        t.seed = held + 1;
        QElapsedTimer timer;
        timer.start();
        for (int e = 0; e < epochs; ++e) {
            t.epoch = e;
            QString error;
            if (!net->train(samples, t, &error)) {
                out << error << '\n';
                return 1;
            }
        }
        const double trainS = double(timer.elapsed()) / 1000.0;

        // Held-out: whole frames, and a simulated search region.
        const Sequence &h = seqs[held];
        FrameBoxes truth;
        CampaignDetections full, region;
        std::normal_distribution<double> err(0, 20);
        qint64 detectNs = 0;
        int detected = 0;
        for (std::size_t f = 0; f < h.frames.size(); f += std::size_t(every)) {
            const std::int64_t i = std::int64_t(f);
            if (!h.truth[f].isEmpty())
                truth[i] = {h.truth[f]};
            timer.restart();
            auto found = net->detect(h.frames[f], 20, 0.05);
            detectNs += timer.nsecsElapsed();
            const DetectOptions defaults;
            refineSmallBoxes(h.frames[f], &found, defaults.refineBelowPx, defaults.edgeFraction, defaults.refineReference);
            full.frames[i] = found;
            ++detected;
            std::vector<Detection> inRegion;
            if (!h.truth[f].isEmpty()) {
                const QPointF c = h.truth[f].center() + QPointF(err(rng), err(rng));
                const QRect r = QRect(int(c.x()) - 60, int(c.y()) - 60, 120, 120).intersected(h.frames[f].rect());
                for (Detection d : net->detect(h.frames[f].copy(r), 20, 0.05)) {
                    d.box.translate(r.topLeft());
                    inRegion.push_back(d);
                }
                refineSmallBoxes(h.frames[f], &inRegion, defaults.refineBelowPx, defaults.edgeFraction, defaults.refineReference);
            }
            region.frames[i] = inRegion;
        }
        const auto ef = evaluateDetections(truth, full), er = evaluateDetections(truth, region);
        // The temporal layer on the whole-frame detections (inference/temporal.h), timed.
        TemporalOptions temporal;
        temporal.maxGapFrames = every;
        CampaignDetections linked = full;
        timer.restart();
        linked.frames = seqNms(full.frames, temporal);
        const double linkMs = double(timer.nsecsElapsed()) / 1e6 / double(std::max<std::size_t>(1, full.frames.size()));
        const auto et = evaluateDetections(truth, linked);
        auto rate = [](const DetectorEvaluation &e) {
            int n = 0, hit = 0;
            for (const auto &m : e.coco.truths) {
                n += m.ignored ? 0 : 1;
                hit += (!m.ignored && m.detectionId != 0) ? 1 : 0;
            }
            return n ? double(hit) / n : 0.0;
        };
        out << QStringLiteral("%1 %2        %3 %4 %5   |        %6 %7 %8   | %9 %10\n")
                   .arg(h.name, -8)
                   .arg(truth.size(), 6)
                   .arg(ef.coco.stats[1], 6, 'f', 3)
                   .arg(ef.coco.stats[0], 5, 'f', 3)
                   .arg(rate(ef), 8, 'f', 3)
                   .arg(er.coco.stats[1], 6, 'f', 3)
                   .arg(er.coco.stats[0], 5, 'f', 3)
                   .arg(rate(er), 8, 'f', 3)
                   .arg(trainS, 7, 'f', 1)
                   .arg(detected / (double(detectNs) * 1e-9), 8, 'f', 1);
        out << QStringLiteral("          temporal layer (Seq-NMS, %1 ms/frame): AP50 %2 -> %3 (%4), state accuracy %5 -> %6 (%7)\n")
                   .arg(linkMs, 0, 'f', 3)
                   .arg(ef.coco.stats[1], 0, 'f', 3)
                   .arg(et.coco.stats[1], 0, 'f', 3)
                   .arg(et.coco.stats[1] - ef.coco.stats[1], 0, 'f', 3)
                   .arg(ef.state.accuracy, 0, 'f', 3)
                   .arg(et.state.accuracy, 0, 'f', 3)
                   .arg(et.state.accuracy - ef.state.accuracy, 0, 'f', 3);
        out.flush();
    }
    return 0;
}
