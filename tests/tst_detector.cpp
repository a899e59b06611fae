// The embedded CenterNet detector: its radius, focal loss and peak extraction against the
// authors' formulas, model files, and a short training run that must find small bright targets
// in clutter it has never seen, scored with the COCO evaluation.

#include "models/heap.h"
#include "inference/cocoeval.h"
#include "inference/detector.h"
#include "inference/runtime.h"

#include <QFile>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace vigie::inference;

namespace {

/// A 96×96 crop of noisy, gently varying background with `n` warm blobs of 3 to 10 pixels.
DetectorSample blobs(std::mt19937_64 &rng, int n)
{
    DetectorSample s;
    s.crop = QImage(96, 96, QImage::Format_Grayscale8);
    std::normal_distribution<double> noise(0, 6);
    const double gx = std::uniform_real_distribution<double>(-0.5, 0.5)(rng);
    for (int y = 0; y < 96; ++y) {
        uchar *row = s.crop.scanLine(y);
        for (int x = 0; x < 96; ++x)
            row[x] = uchar(std::clamp(110 + gx * x + 20 * std::sin(y / 15.0) + noise(rng), 0.0, 255.0));
    }
    for (int i = 0; i < n; ++i) {
        const int w = std::uniform_int_distribution<int>(3, 10)(rng), h = std::uniform_int_distribution<int>(3, 8)(rng);
        const int x = std::uniform_int_distribution<int>(4, 92 - w)(rng), y = std::uniform_int_distribution<int>(4, 92 - h)(rng);
        for (int yy = y; yy < y + h; ++yy) {
            for (int xx = x; xx < x + w; ++xx)
                s.crop.scanLine(yy)[xx] = uchar(std::min(255, s.crop.scanLine(yy)[xx] + 90));
        }
        s.boxes.push_back(QRectF(x, y, w, h));
    }
    return s;
}

} // namespace

class TestDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // As vigie and vigie-cli run (models/heap.h): on glibc the setting must take.
        QVERIFY(vigie::keepLargeBlocksInHeap());
        configureThreads(2);
    }

    void radiusIsTheAuthors()
    {
        // gaussian_radius((10, 10), 0.7): the third root, (−2·0.7·20 + √(28² − 4·2.8·(−30))) / 2
        // with the authors' halving (not 2a).
        const double r3 = (-28.0 + std::sqrt(28.0 * 28.0 + 4 * 2.8 * 30.0)) / 2;
        QVERIFY(std::abs(gaussianRadius(10, 10) - r3) < 1e-12);
        QVERIFY(gaussianRadius(1, 1) < 1.0); // a drone of a few pixels: a single cell
        QCOMPARE(gaussianRadius(0, 0), 0.0);
    }

    void focalLossIsTheFormula()
    {
        const std::vector<float> p{0.9f, 0.2f, 0.1f, 0.6f}, y{1.0f, 0.5f, 0.0f, 0.8f};
        double expected = 0;
        for (size_t i = 0; i < p.size(); ++i) {
            if (y[i] == 1)
                expected -= std::pow(1 - p[i], 2) * std::log(p[i]);
            else
                expected -= std::pow(1 - y[i], 4) * std::pow(p[i], 2) * std::log(1 - p[i]);
        }
        QVERIFY2(std::abs(focalLoss(p, y) - expected) < 1e-5, qPrintable(QString::number(focalLoss(p, y))));
        // Two centres: divided by two.
        const std::vector<float> p2{0.9f, 0.9f}, y2{1.0f, 1.0f};
        QVERIFY(std::abs(focalLoss(p2, y2) - 0.01 * -std::log(0.9)) < 1e-5);
        // No centre: the negatives' sum alone.
        const std::vector<float> p3{0.3f}, y3{0.0f};
        QVERIFY(std::abs(focalLoss(p3, y3) - 0.09 * -std::log(0.7)) < 1e-5);
    }

    void peaksAreLocalMaxima()
    {
        // 5 × 4: two peaks (0.9 and 0.7), a shoulder (0.8 next to 0.9) that is not one.
        std::vector<float> heat(20, 0.01f);
        heat[1 * 5 + 1] = 0.9f;
        heat[1 * 5 + 2] = 0.8f;
        heat[3 * 5 + 4] = 0.7f;
        const auto peaks = heatmapPeaks(heat, 5, 4, 10, 0.05f);
        QCOMPARE(int(peaks.size()), 2);
        QCOMPARE(peaks[0].first, 6);
        QCOMPARE(peaks[1].first, 19);
        QVERIFY(heatmapPeaks(heat, 5, 4, 1, 0.05f).size() == 1);
    }

    void learnsSmallTargets()
    {
        std::mt19937_64 rng(7);
        std::vector<DetectorSample> train;
        for (int i = 0; i < 200; ++i)
            train.push_back(blobs(rng, i % 5 == 4 ? 0 : 1 + int(rng() % 2)));
        DetectorConfig config;
        config.width = 12;
        auto net = CenterNet::create(config, 3);
        const double before = net->loss(train);
        DetectorTrainOptions options;
        options.steps = 220;
        options.seed = 3;
        int calls = 0;
        options.progress = [&](int, double) { return ++calls > 0; };
        QString error;
        QVERIFY2(net->train(train, options, &error), qPrintable(error));
        QVERIFY(calls >= 20);
        QVERIFY2(net->loss(train) < 0.5 * before, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(net->loss(train))));

        // Held-out crops, scored as COCO would.
        coco::GroundTruthSet gt;
        gt.categoryIds = {1};
        std::vector<coco::Detection> dets;
        std::int64_t gtId = 1;
        for (int i = 0; i < 40; ++i) {
            const DetectorSample s = blobs(rng, i % 4 == 3 ? 0 : 1);
            gt.imageIds.push_back(i);
            for (const QRectF &b : s.boxes)
                gt.boxes.push_back({gtId++, i, 1, {b.x(), b.y(), b.width(), b.height()}, b.width() * b.height(), false});
            for (const Detection &d : net->detect(s.crop, 10, 0.05)) {
                const QRectF &b = d.box;
                dets.push_back({std::int64_t(dets.size()) + 1, i, 1, {b.x(), b.y(), b.width(), b.height()}, d.score,
                                b.width() * b.height()});
            }
        }
        const auto r = coco::evaluate(gt, dets);
        QVERIFY2(r.stats[1] >= 0.8, qPrintable(QStringLiteral("AP50 %1, AP %2").arg(r.stats[1]).arg(r.stats[0])));

        // Whole frames of any size, and tiled: the same target is found once.
        QImage frame(700, 530, QImage::Format_Grayscale8);
        frame.fill(110);
        {
            QPainter painter(&frame);
            painter.drawImage(600, 420, train[0].crop);
        }
        const QRectF where = train[0].boxes[0].translated(600, 420);
        const auto whole = net->detect(frame, 5, 0.3);
        QVERIFY(!whole.empty());
        QVERIFY2(coco::boxIou({whole[0].box.x(), whole[0].box.y(), whole[0].box.width(), whole[0].box.height()},
                              {where.x(), where.y(), where.width(), where.height()}) > 0.5,
                 qPrintable(QStringLiteral("%1,%2").arg(whole[0].box.x()).arg(whole[0].box.y())));
        const auto tiled = net->detectTiled(frame, 256, 64, 5, 0.3);
        QVERIFY(!tiled.empty());
        QVERIFY(coco::boxIou({tiled[0].box.x(), tiled[0].box.y(), tiled[0].box.width(), tiled[0].box.height()},
                             {where.x(), where.y(), where.width(), where.height()}) > 0.5);

        // Saved and loaded: the same detections.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("det.vigie"));
        QVERIFY2(net->save(path, &error), qPrintable(error));
        auto again = CenterNet::load(path, &error);
        QVERIFY2(again, qPrintable(error));
        const auto a = net->detect(train[1].crop, 3, 0.05), b = again->detect(train[1].crop, 3, 0.05);
        QCOMPARE(a.size(), b.size());
        for (size_t i = 0; i < a.size(); ++i)
            QCOMPARE(a[i].box, b[i].box);
    }

    void resumingFromACheckpointIsTrainingStraightThrough()
    {
        std::mt19937_64 rng(11);
        std::vector<DetectorSample> train;
        for (int i = 0; i < 40; ++i)
            train.push_back(blobs(rng, i % 4 == 3 ? 0 : 1));
        DetectorConfig config;
        config.width = 8;
        DetectorTrainOptions options;
        options.steps = 8;
        options.batch = 8;
        options.seed = 5;
        QString error;

        auto straight = CenterNet::create(config, 5);
        for (int epoch = 0; epoch < 2; ++epoch) {
            options.epoch = epoch;
            QVERIFY2(straight->train(train, options, &error), qPrintable(error));
        }

        QTemporaryDir dir;
        const QString checkpoint = dir.filePath(QStringLiteral("epoch.ckpt"));
        {
            auto first = CenterNet::create(config, 5);
            options.epoch = 0;
            QVERIFY(first->train(train, options, &error));
            QVERIFY2(first->saveCheckpoint(checkpoint, 1, &error), qPrintable(error));
        }
        int epochs = 0;
        auto resumed = CenterNet::loadCheckpoint(checkpoint, &epochs, &error);
        QVERIFY2(resumed, qPrintable(error));
        QCOMPARE(epochs, 1);
        options.epoch = 1;
        QVERIFY(resumed->train(train, options, &error));
        QCOMPARE(resumed->loss(train), straight->loss(train));
        QVERIFY(!CenterNet::loadCheckpoint(dir.filePath(QStringLiteral("none")), &epochs, &error));
    }

    void badModelFiles()
    {
        QTemporaryDir dir;
        QString error;
        const QString foreign = dir.filePath(QStringLiteral("foreign.bin"));
        {
            QFile f(foreign);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("VIGIE-WILDCAT 1\n{}\n");
        }
        QVERIFY(!CenterNet::load(foreign, &error));
        QVERIFY2(error.contains(foreign) && error.contains(QLatin1String("not a Vigie detector")), qPrintable(error));

        auto net = CenterNet::create({}, 1);
        const QString good = dir.filePath(QStringLiteral("good.vigie"));
        QVERIFY(net->save(good, &error));
        QFile f(good);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        f.close();
        const QString truncated = dir.filePath(QStringLiteral("truncated.vigie"));
        QFile t(truncated);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write(bytes.left(bytes.size() / 2));
        t.close();
        QVERIFY(!CenterNet::load(truncated, &error));
        QVERIFY2(error.contains(truncated) && error.contains(QLatin1String("weights")), qPrintable(error));
        QVERIFY(!CenterNet::load(dir.filePath(QStringLiteral("missing.vigie")), &error));
        QVERIFY(error.contains(QLatin1String("missing.vigie")));
    }
};

QTEST_GUILESS_MAIN(TestDetector)
#include "tst_detector.moc"
