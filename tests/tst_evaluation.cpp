// Detection metrics against their references: the issue's COCO vector (pycocotools' own
// figures), two cases worked out by hand, PASCAL VOC's two APs, Anti-UAV's state accuracy, and
// the files' errors. And the temporal layer's Seq-NMS rescoring, worked out by hand.

#include "inference/cocoeval.h"
#include "inference/temporal.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace vigie::inference::coco;

namespace {

GroundTruthSet truthOf(std::vector<std::int64_t> images, std::vector<GroundTruth> boxes)
{
    GroundTruthSet set;
    set.imageIds = std::move(images);
    set.categoryIds = {1};
    for (GroundTruth &g : boxes) {
        if (g.area == 0)
            g.area = g.box.w * g.box.h;
    }
    set.boxes = std::move(boxes);
    return set;
}

std::vector<Detection> numbered(std::vector<Detection> dets)
{
    for (std::size_t i = 0; i < dets.size(); ++i) {
        dets[i].id = std::int64_t(i) + 1;
        dets[i].area = dets[i].box.w * dets[i].box.h;
    }
    return dets;
}

void compareStats(const Result &r, const std::array<double, 12> &expected)
{
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QVERIFY2(std::abs(r.stats[i] - expected[i]) < 1e-6,
                 qPrintable(QStringLiteral("%1: %2, expected %3")
                                .arg(statNames()[int(i)])
                                .arg(r.stats[i], 0, 'f', 6)
                                .arg(expected[i], 0, 'f', 6)));
    }
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestEvaluation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seqNmsRescoresChainsAndSuppresses()
    {
        // A drone moving 2 px per frame, seen weakly on ten frames and strongly on one; a second,
        // overlapping guess on frame 3; a glint on frame 5 far away.
        using vigie::inference::Detection;
        std::map<std::int64_t, std::vector<Detection>> frames;
        for (std::int64_t f = 0; f < 10; ++f)
            frames[f].push_back({QRectF(100 + 2.0 * double(f), 50, 10, 10), f == 7 ? 0.9 : 0.3, 0});
        frames[3].push_back({QRectF(107, 52, 10, 10), 0.35, 0});
        frames[5].push_back({QRectF(300, 200, 6, 6), 0.6, 0});
        frames[12]; // a frame processed without detections
        const auto out = vigie::inference::seqNms(frames);
        QCOMPARE(out.size(), frames.size());
        QVERIFY(out.at(12).empty());
        // The best chain goes through frame 3's better-scored guess; the other is suppressed.
        const double mean = (8 * 0.3 + 0.35 + 0.9) / 10;
        QCOMPARE(out.at(3).size(), size_t(1));
        QCOMPARE(out.at(3).front().box.x(), 107.0);
        for (std::int64_t f = 0; f < 10; ++f) {
            const auto &list = out.at(f);
            QCOMPARE(list.size(), size_t(f == 5 ? 2 : 1));
            const auto drone = std::find_if(list.begin(), list.end(), [](const Detection &d) { return d.box.x() < 200; });
            QVERIFY(drone != list.end());
            QVERIFY(std::abs(drone->score - mean) < 1e-9); // the chain's mean
        }
        QCOMPARE(out.at(5).front().score, 0.6); // alone, it keeps its score (best first)

        // A gap of two frames with links only between consecutive frames: two chains, each its mean.
        std::map<std::int64_t, std::vector<Detection>> gapped;
        for (std::int64_t f : {0, 1, 2, 5, 6})
            gapped[f].push_back({QRectF(10, 10, 10, 10), f < 3 ? 0.2 : 0.8, 0});
        const auto split = vigie::inference::seqNms(gapped);
        QCOMPARE(split.at(1).front().score, 0.2);
        QCOMPARE(split.at(5).front().score, 0.8);
        vigie::inference::TemporalOptions wide;
        wide.maxGapFrames = 3;
        QVERIFY(std::abs(vigie::inference::seqNms(gapped, wide).at(1).front().score - (3 * 0.2 + 2 * 0.8) / 5) < 1e-9);
    }

    void thresholdsAreNumpys()
    {
        const Params p = Params::defaults();
        QCOMPARE(int(p.iouThresholds.size()), 10);
        QCOMPARE(int(p.recallThresholds.size()), 101);
        QCOMPARE(p.iouThresholds[0], 0.5);
        QCOMPARE(p.iouThresholds[5], 0.75); // summarize() finds AP75 by equality
        QCOMPARE(p.recallThresholds[50], 0.5);
        QCOMPARE(p.iouThresholds.back(), 0.95);
    }

    void issueVector()
    {
        // One class; image 3's ground truth is a crowd box.
        const GroundTruthSet gt = truthOf({1, 2, 3}, {{1, 1, 1, {100, 100, 20, 10}, 0, false},
                                                      {2, 2, 1, {300, 200, 40, 40}, 0, false},
                                                      {3, 2, 1, {10, 10, 120, 100}, 0, false},
                                                      {4, 3, 1, {50, 50, 30, 30}, 0, true}});
        const auto dt = numbered({{0, 1, 1, {102, 101, 20, 10}, 0.9, 0},
                                  {0, 1, 1, {400, 400, 20, 10}, 0.8, 0},
                                  {0, 2, 1, {305, 205, 40, 40}, 0.7, 0},
                                  {0, 2, 1, {12, 12, 110, 100}, 0.6, 0},
                                  {0, 3, 1, {55, 55, 10, 10}, 0.95, 0},
                                  {0, 3, 1, {200, 200, 10, 10}, 0.3, 0}});
        const Result r = evaluate(gt, dt);
        compareStats(r, {0.333911, 0.834158, 0.084158, 0.4, 0.3, 0.8, 0.233333, 0.5, 0.5, 0.4, 0.3, 0.8});

        // Review at IoU 0.5: the crowd-box hit is ignored, two false positives, nothing missed.
        int tp = 0, fp = 0, ignored = 0;
        for (const auto &m : r.detections) {
            if (m.ignored)
                ++ignored;
            else if (m.truthId != 0)
                ++tp;
            else
                ++fp;
        }
        QCOMPARE(tp, 3);
        QCOMPARE(fp, 2);
        QCOMPARE(ignored, 1);
        for (const auto &m : r.truths)
            QVERIFY(m.detectionId != 0 || m.ignored);
    }

    void handCaseFalsePositiveBetweenHits()
    {
        // Two small boxes, found exactly, with a false positive ranked between them:
        // recall 0.5, 0.5, 1 and precision 1, 0.5, 2/3. The 51 recall thresholds up to 0.5 see
        // precision 1, the 50 above see 2/3: AP = (51 + 50 × 2/3) / 101 at every IoU.
        const GroundTruthSet gt = truthOf({7}, {{1, 7, 1, {0, 0, 10, 10}, 0, false}, {2, 7, 1, {50, 50, 10, 10}, 0, false}});
        const auto dt = numbered({{0, 7, 1, {0, 0, 10, 10}, 0.9, 0},
                                  {0, 7, 1, {200, 200, 10, 10}, 0.8, 0},
                                  {0, 7, 1, {50, 50, 10, 10}, 0.7, 0}});
        const double ap = (51.0 + 50.0 * 2.0 / 3.0) / 101.0;
        compareStats(evaluate(gt, dt), {ap, ap, ap, ap, -1, -1, 0.5, 1, 1, 1, -1, -1});

        // VOC on the same curve: 11-point (6 points at precision 1, 5 at 2/3) and all-point.
        const VocCurve curve = vocCurve(gt, dt, 1, 0.5);
        QCOMPARE(curve.positives, 2);
        QVERIFY(std::abs(vocAveragePrecision(curve, true) - (6.0 + 5.0 * 2.0 / 3.0) / 11.0) < 1e-12);
        QVERIFY(std::abs(vocAveragePrecision(curve, false) - (0.5 + 0.5 * 2.0 / 3.0)) < 1e-12);
    }

    void handCaseIouThresholds()
    {
        // A large box found 10 px off: IoU 9000 / 11000 = 0.818, a hit at the thresholds 0.50
        // to 0.80 (7 of 10) and a miss above. Small and medium have no box: −1.
        const GroundTruthSet gt = truthOf({1}, {{1, 1, 1, {0, 0, 100, 100}, 0, false}});
        const auto dt = numbered({{0, 1, 1, {10, 0, 100, 100}, 0.9, 0}});
        compareStats(evaluate(gt, dt), {0.7, 1, 1, -1, -1, 0.7, 0.7, 0.7, 0.7, -1, -1, 0.7});
        QVERIFY(std::abs(boxIou({10, 0, 100, 100}, {0, 0, 100, 100}) - 9000.0 / 11000.0) < 1e-15);
        QCOMPARE(boxIou({55, 55, 10, 10}, {50, 50, 30, 30}, true), 1.0); // crowd: over the detection
    }

    void noDetections()
    {
        const GroundTruthSet gt = truthOf({1}, {{1, 1, 1, {0, 0, 10, 10}, 0, false}});
        const Result r = evaluate(gt, {});
        QCOMPARE(r.stats[0], 0.0);
        QCOMPARE(r.stats[8], 0.0);
        QCOMPARE(r.stats[4], -1.0);
        QCOMPARE(int(r.truths.size()), 1);
        QCOMPARE(r.truths[0].detectionId, std::int64_t(0));
    }

    void antiUavStateAccuracy()
    {
        // Exists and found at IoU 0.5; exists and missed; absent and nothing predicted; absent
        // and something predicted: (0.5 + 0 + 1 + 0) / 4, penalised by 0.2 × (1/4)^0.3.
        const Box truth{0, 0, 10, 10};
        const std::vector<FrameState> frames{{true, truth, Box{0, 0, 10, 20}}, // IoU 100 / 200
                                             {true, truth, std::nullopt},
                                             {false, {}, std::nullopt},
                                             {false, {}, Box{3, 3, 4, 4}}};
        const StateAccuracy s = stateAccuracy(frames);
        QCOMPARE(s.frames, 4);
        QVERIFY(std::abs(s.accuracy - 0.375) < 1e-12);
        QVERIFY(std::abs(s.penalized - (0.375 - 0.2 * std::pow(0.25, 0.3))) < 1e-12);
    }

    void files()
    {
        QTemporaryDir dir;
        const QString gtPath = dir.filePath(QStringLiteral("gt.json"));
        const QString dtPath = dir.filePath(QStringLiteral("dt.json"));
        write(gtPath, R"({"images":[{"id":1},{"id":2},{"id":3}],
            "annotations":[{"id":1,"image_id":1,"category_id":1,"bbox":[100,100,20,10],"area":200,"iscrowd":0},
                           {"id":2,"image_id":2,"category_id":1,"bbox":[300,200,40,40],"area":1600,"iscrowd":0},
                           {"id":3,"image_id":2,"category_id":1,"bbox":[10,10,120,100],"area":12000,"iscrowd":0},
                           {"id":4,"image_id":3,"category_id":1,"bbox":[50,50,30,30],"area":900,"iscrowd":1}],
            "categories":[{"id":1,"name":"drone"}]})");
        write(dtPath, R"([{"image_id":1,"category_id":1,"bbox":[102,101,20,10],"score":0.9},
            {"image_id":1,"category_id":1,"bbox":[400,400,20,10],"score":0.8},
            {"image_id":2,"category_id":1,"bbox":[305,205,40,40],"score":0.7},
            {"image_id":2,"category_id":1,"bbox":[12,12,110,100],"score":0.6},
            {"image_id":3,"category_id":1,"bbox":[55,55,10,10],"score":0.95},
            {"image_id":3,"category_id":1,"bbox":[200,200,10,10],"score":0.3}])");
        QString error;
        const auto gt = loadGroundTruth(gtPath, &error);
        QVERIFY2(gt, qPrintable(error));
        const auto dt = loadDetections(dtPath, *gt, &error);
        QVERIFY2(dt, qPrintable(error));
        compareStats(evaluate(*gt, *dt), {0.333911, 0.834158, 0.084158, 0.4, 0.3, 0.8, 0.233333, 0.5, 0.5, 0.4, 0.3, 0.8});

        // Errors name the file and the entry.
        write(dtPath, "[{\"image_id\":9,\"category_id\":1,\"bbox\":[0,0,1,1],\"score\":0.5}]");
        QVERIFY(!loadDetections(dtPath, *gt, &error));
        QVERIFY2(error.contains(dtPath) && error.contains(QLatin1String("entry 0")) && error.contains(QLatin1String("image 9")),
                 qPrintable(error));
        write(dtPath, "[{\"image_id\":1,\"category_id\":1,\"bbox\":[0,0,1],\"score\":0.5}]");
        QVERIFY(!loadDetections(dtPath, *gt, &error));
        QVERIFY2(error.contains(QLatin1String("bbox")), qPrintable(error));
        write(gtPath, "{\"images\": [{\"id\": 1}],\n \"annotations\": [\n  {\"id\": 1,, }]}");
        QVERIFY(!loadGroundTruth(gtPath, &error));
        QVERIFY2(error.contains(gtPath + QStringLiteral(":3")), qPrintable(error));
        QVERIFY(!loadGroundTruth(dir.filePath(QStringLiteral("missing.json")), &error));
        QVERIFY2(error.contains(QLatin1String("missing.json")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestEvaluation)
#include "tst_evaluation.moc"
