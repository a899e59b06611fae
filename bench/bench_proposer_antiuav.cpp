// The WILDCAT proposer on real turret IR footage (../shared/fixtures/anti-uav-ir): leave one
// sequence out. For each held-out sequence, a network is trained on the other three with weak
// labels only (crops around the ground-truth centre moved by 20 px Gaussian noise, as a GPS
// projection would be; negatives outside a 60 px radius), then proposes on the held-out one
// inside a simulated search region: a 60 px circle around the ground-truth centre plus 20 px
// Gaussian error. τ is calibrated on every fifth frame; CorLoc@0.5 is measured on the others,
// next to the simulated geometric box (the region's centre with the ground truth's size).
//
// τ and the box scale are learnt together on those calibration frames (decision 25). The
// pointing column is the share of test frames whose top box's centre falls on the drone.
//
// Usage: bench_proposer_antiuav [FIXTURES_DIR] [--steps N] [--signed-maps] [--no-batch-norm]
//                               [--crop N] [--only seqN]
// VIGIE_DIAG=1 also prints the mean box and truth sizes and CorLoc with fixed box scales.

#include "inference/proposals.h"
#include "inference/proposer.h"
#include "inference/runtime.h"
#include "inference/weaklabels.h"
#include "inference/wildcat.h"
#include "models/heap.h"
#include "models/media/videodecoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <cstdio>
#include <random>

using namespace vigie;
using namespace vigie::inference;

namespace {

struct Sequence
{
    QString name;
    std::vector<QImage> frames; // grey, overlays suppressed
    std::vector<QRectF> truth;
};

bool load(const QString &dir, const QString &name, Sequence *seq, QString *error)
{
    seq->name = name;
    QFile gt(dir + QLatin1Char('/') + name + QStringLiteral(".gt.txt"));
    if (!gt.open(QIODevice::ReadOnly)) {
        *error = gt.fileName() + QStringLiteral(": ") + gt.errorString();
        return false;
    }
    QTextStream in(&gt);
    while (!in.atEnd()) {
        const QStringList f = in.readLine().split(QLatin1Char('\t'), Qt::SkipEmptyParts);
        if (f.size() == 4)
            seq->truth.emplace_back(f[0].toDouble(), f[1].toDouble(), f[2].toDouble(), f[3].toDouble());
    }
    const QString video = dir + QLatin1Char('/') + name + QStringLiteral(".avi");
    const QImage overlay = staticOverlayMask(video, true, error);
    media::VideoDecoder::Options o;
    o.output = media::PixelOutput::Thermal;
    auto decoder = media::VideoDecoder::open(video, o, error);
    if (!decoder)
        return false;
    while (auto f = decoder->next(error)) {
        QImage g = f->image.convertToFormat(QImage::Format_Grayscale8);
        suppressOverlay(&g, overlay);
        seq->frames.push_back(g);
    }
    seq->truth.resize(std::min(seq->truth.size(), seq->frames.size()));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    keepLargeBlocksInHeap(); // as vigie and vigie-cli do (models/heap.h)
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QString dir = QStringLiteral(VIGIE_FIXTURES_DIR "/anti-uav-ir");
    int steps = 600;
    bool signedMaps = false;
    bool batchNorm = true;
    int cropSize = 64;
    QString only;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--steps") && i + 1 < args.size())
            steps = args[++i].toInt();
        else if (args[i] == QLatin1String("--signed-maps"))
            signedMaps = true;
        else if (args[i] == QLatin1String("--no-batch-norm"))
            batchNorm = false;
        else if (args[i] == QLatin1String("--crop") && i + 1 < args.size())
            cropSize = args[++i].toInt();
        else if (args[i] == QLatin1String("--only") && i + 1 < args.size())
            only = args[++i];
        else
            dir = args[i];
    }
    configureThreads(0);
    const QStringList names{QStringLiteral("seq4"), QStringLiteral("seq5"), QStringLiteral("seq7"), QStringLiteral("seq18")};
    std::vector<Sequence> seqs(size_t(names.size()));
    for (int i = 0; i < names.size(); ++i) {
        QString error;
        if (!load(dir, names[i], &seqs[size_t(i)], &error)) {
            std::fprintf(stderr, "bench_proposer_antiuav: %s\n", qPrintable(error));
            return 1;
        }
    }
    const double noisePx = 20, radiusPx = 60;
    std::printf("held-out  frames  CorLoc@0.5 (c)  MaxBoxAccV2 (c)  mean IoU (c)  CorLoc geometric box  pointing (c)  scale  regions/s  final loss\n");
    double sumCorLoc = 0;
    for (size_t held = 0; held < seqs.size(); ++held) {
        if (!only.isEmpty() && seqs[held].name != only)
            continue;
        std::mt19937_64 rng(1000 + held);
        std::normal_distribution<double> noise(0.0, noisePx);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        // Weak labels from the three others.
        std::vector<WeakSample> samples;
        for (size_t s = 0; s < seqs.size(); ++s) {
            if (s == held)
                continue;
            for (size_t f = 0; f < seqs[s].frames.size(); f += 2) {
                const QImage &g = seqs[s].frames[f];
                const QRectF gt = seqs[s].truth[f];
                const QPointF c = gt.center() + QPointF(noise(rng), noise(rng));
                // Crops at the scale the proposer uses: the expected drone at ~16 network pixels.
                const int side = std::max(8, int(std::lround(cropSize / networkScale(std::max(gt.width(), gt.height())))));
                auto cut = [&](double x, double y) {
                    return cropAround(g, int(x), int(y), side).scaled(cropSize, cropSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
                };
                samples.push_back({cut(c.x(), c.y()), 1.0f});
                for (int n = 0, attempts = 0; n < 2 && attempts < 20; ++attempts) {
                    const int x = side / 2 + int(unit(rng) * (g.width() - side)), y = side / 2 + int(unit(rng) * (g.height() - side));
                    if (std::hypot(x - c.x(), y - c.y()) < radiusPx + side * 0.75)
                        continue;
                    samples.push_back({cut(x, y), 0.0f});
                    ++n;
                }
            }
        }
        WildcatConfig config;
        config.positiveMaps = !signedMaps;
        config.batchNorm = batchNorm;
        config.cropSize = cropSize;
        auto net = WildcatNet::create(config, 7 + held);
        TrainOptions t;
        t.steps = steps;
        t.seed = 7 + held;
        double lastLoss = 0;
        t.progress = [&](int, double loss) {
            lastLoss = loss;
            return true;
        };
        QString error;
        if (!net->train(samples, t, &error)) {
            std::fprintf(stderr, "bench_proposer_antiuav: %s\n", qPrintable(error));
            return 1;
        }
        // Propose on the held-out sequence.
        ProposerOptions po;
        std::vector<ScoreMap> cal, test;
        std::vector<QRectF> calTruth, testTruth, geo, geoTruth;
        double ms = 0;
        const Sequence &h = seqs[held];
        for (size_t f = 0; f < h.frames.size(); ++f) {
            const QRectF gt = h.truth[f];
            const QPointF c = gt.center() + QPointF(noise(rng), noise(rng));
            SearchRegion region;
            PixelEllipse e;
            e.centerX = c.x();
            e.centerY = c.y();
            e.semiMajor = e.semiMinor = radiusPx;
            region.ellipse = e;
            region.rect = QRect(int(c.x() - radiusPx), int(c.y() - radiusPx), int(2 * radiusPx), int(2 * radiusPx))
                              .intersected(h.frames[f].rect());
            region.expectedSidePx = std::max(gt.width(), gt.height()); // the GPS range and the drone's size
            QElapsedTimer timer;
            timer.start();
            ScoreMap m = regionMap(*net, h.frames[f], region, po);
            ms += double(timer.nsecsElapsed()) / 1e6;
            (f % 5 == 0 ? cal : test).push_back(std::move(m));
            (f % 5 == 0 ? calTruth : testTruth).push_back(gt);
            geo.push_back(QRectF(c.x() - gt.width() / 2, c.y() - gt.height() / 2, gt.width(), gt.height()));
            geoTruth.push_back(gt);
        }
        const BoxCalibration calibration = calibrate(cal, calTruth);
        const double tau = calibration.tau;
        const LocalizationScores s = evaluateMaps(test, testTruth, tau, calibration.boxScale);
        const LocalizationScores g = evaluateBoxes(geo, geoTruth);
        // Pointing: the top box's centre falls on the drone (its box grown by 2 px).
        int pointed = 0;
        for (size_t m = 0; m < test.size(); ++m) {
            const auto top = boxesAt(test[m], tau, 1, calibration.boxScale);
            pointed += !top.empty() && testTruth[m].adjusted(-2, -2, 2, 2).contains(top.front().box.center()) ? 1 : 0;
        }
        if (qEnvironmentVariableIsSet("VIGIE_DIAG")) {
            const double scales[] = {1.0, 1.25, 1.5, 2.0, 2.5};
            int hitScaled[5] = {0}, hitExpected = 0;
            double sumW = 0, sumH = 0, sumGW = 0, sumGH = 0;
            for (size_t m = 0; m < test.size(); ++m) {
                const auto top = boxesAt(test[m], tau, 1);
                if (top.empty())
                    continue;
                const QRectF r = top.front().box, truthBox = testTruth[m];
                sumW += r.width(); sumH += r.height(); sumGW += truthBox.width(); sumGH += truthBox.height();
                for (int k = 0; k < 5; ++k) {
                    QRectF b(0, 0, r.width() * scales[k], r.height() * scales[k]);
                    b.moveCenter(r.center());
                    hitScaled[k] += iou(b, truthBox) >= 0.5;
                }
                QRectF e(0, 0, truthBox.width(), truthBox.height());
                e.moveCenter(r.center());
                hitExpected += iou(e, truthBox) >= 0.5;
            }
            const double n = double(test.size());
            std::printf("  diag: mean box %.1fx%.1f vs truth %.1fx%.1f; CorLoc scaled x1 %.3f x1.25 %.3f x1.5 %.3f x2 %.3f x2.5 %.3f; truth size at centre %.3f\n",
                        sumW / n, sumH / n, sumGW / n, sumGH / n, hitScaled[0] / n, hitScaled[1] / n, hitScaled[2] / n,
                        hitScaled[3] / n, hitScaled[4] / n, hitExpected / n);
        }
        sumCorLoc += s.corLoc;
        std::printf("%-8s  %6d  %14.3f  %15.3f  %12.3f  %20.3f  %12.3f  %5.2f  %9.1f  %10.3f\n", qPrintable(h.name), s.frames,
                    s.corLoc, s.maxBoxAccV2, s.meanIou, g.corLoc, double(pointed) / std::max<size_t>(1, test.size()), s.boxScale,
                    double(h.frames.size()) / (ms / 1000.0), lastLoss);
        std::fflush(stdout);
    }
    std::printf("mean CorLoc@0.5 over held-out sequences: %.3f\n", sumCorLoc / double(seqs.size()));
    return 0;
}
