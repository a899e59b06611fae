// The WILDCAT proposer: the pooling as its authors define it, the network's own pooling against
// the reference, model files (good, foreign, truncated), box extraction and refinement, the
// metrics, and a tiny training run on a generated campaign that must find the drone.

#include "models/heap.h"
#include "inference/proposals.h"
#include "inference/proposer.h"
#include "inference/runtime.h"
#include "inference/weaklabels.h"
#include "inference/wildcat.h"
#include "models/campaign.h"
#include "models/synth/generator.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace vigie;
using namespace vigie::inference;

namespace {
const QString outDir = QStringLiteral(VIGIE_TEST_OUTPUT_DIR);
}

class TestProposer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // As vigie and vigie-cli run (models/heap.h): on glibc the setting must take.
        QVERIFY(vigie::keepLargeBlocksInHeap());
        configureThreads(2);
    }

    void poolingTestVector()
    {
        // The vector: the 3×3 map 1…9, k = 0.2, α = 0.7 → 4.775.
        const std::vector<double> map{1, 2, 3, 4, 5, 6, 7, 8, 9};
        QCOMPARE(positiveK(0.2, 9), 2); // round(1.8)
        QVERIFY(std::abs(wildcatPool(map, 0.2, -1, 0.7) - 4.775) < 1e-12);
        // Special cases: max pooling, global average pooling, WELDON, no /2 when α = 0 or k⁻ = 0.
        QCOMPARE(wildcatPool(map, 1, 0, 0), 9.0);
        QCOMPARE(wildcatPool(map, 1.0 - 1e-12, 0, 0), 5.0); // k < 1: round(0.999… × 9) = 9 cells
        QCOMPARE(wildcatPool(map, 2, 2, 1.0), (8.5 + 1.5) / 2);
        QCOMPARE(wildcatPool(map, 2, 0, 0.7), 8.5);
        QCOMPARE(wildcatPool(map, 2, 2, 0.0), 8.5);
        // Python's round is half to even: round(0.5 × 9) = round(4.5) = 4, round(2.5) = 2.
        QCOMPARE(positiveK(0.5, 9), 4);
        QCOMPARE(positiveK(0.5, 5), 2);
        QCOMPARE(positiveK(12, 9), 9);
        QCOMPARE(positiveK(0, 9), 0);
    }

    void networkPoolingMatchesTheReference()
    {
        WildcatConfig c;
        c.kMax = 0.2;
        c.alpha = 0.7;
        auto net = WildcatNet::create(c, 3);
        QVERIFY(std::abs(net->pool({1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3) - 4.775) < 1e-6); // float32 maps
        c.kMax = 3;
        c.kMin = 2;
        c.alpha = 1.0;
        auto weldon = WildcatNet::create(c, 3);
        const std::vector<float> cells{0.5f, -1, 4, 2, 9, 0, 3, 3, -2, 7, 1, 1};
        std::vector<double> d(cells.begin(), cells.end());
        QVERIFY(std::abs(weldon->pool(cells, 4, 3) - wildcatPool(d, 3, 2, 1.0)) < 1e-6);
    }

    void modelFiles()
    {
        WildcatConfig c;
        c.width = 8;
        auto net = WildcatNet::create(c, 7);
        QImage probe(64, 48, QImage::Format_Grayscale8);
        for (int y = 0; y < probe.height(); ++y)
            for (int x = 0; x < probe.width(); ++x)
                probe.scanLine(y)[x] = uchar((x * 7 + y * 3) % 251);
        const QString path = outDir + QStringLiteral("/model.wildcat");
        QString error;
        QVERIFY2(net->save(path, &error), qPrintable(error));
        auto back = WildcatNet::load(path, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->config().width, 8);
        QCOMPARE(back->score(probe), net->score(probe));
        int w = 0, h = 0;
        QCOMPARE(net->classMap(probe, &w, &h).size(), size_t(16 * 12));
        QCOMPARE(w, 16);
        QCOMPARE(h, 12);

        // A foreign file, a truncated one, a missing one: one clear line each, no crash.
        QFile foreign(outDir + QStringLiteral("/foreign.wildcat"));
        QVERIFY(foreign.open(QIODevice::WriteOnly));
        foreign.write("PK\x03\x04 not a model");
        foreign.close();
        QVERIFY(!WildcatNet::load(foreign.fileName(), &error));
        QVERIFY2(error.contains(QStringLiteral("not a Vigie WILDCAT model")), qPrintable(error));
        QFile whole(path);
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();
        QFile cut(outDir + QStringLiteral("/truncated.wildcat"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(bytes.left(bytes.size() / 2));
        cut.close();
        QVERIFY(!WildcatNet::load(cut.fileName(), &error));
        QVERIFY2(error.contains(QStringLiteral("truncated.wildcat")), qPrintable(error));
        QVERIFY(!WildcatNet::load(outDir + QStringLiteral("/missing.wildcat"), &error));
        QVERIFY(error.contains(QStringLiteral("missing.wildcat")));
    }

    void boxesFromAMap()
    {
        // A 40×30 region with two blobs: the stronger one ranks first.
        std::vector<float> cells(40 * 30, 0.0f);
        auto blob = [&](int cx, int cy, float v) {
            for (int y = cy - 2; y <= cy + 2; ++y)
                for (int x = cx - 3; x <= cx + 3; ++x)
                    cells[size_t(y * 40 + x)] = v;
        };
        blob(10, 10, 2.0f);
        blob(30, 20, 5.0f);
        const ScoreMap map = scoreMap(cells, QRect(100, 200, 40, 30), std::nullopt);
        const auto boxes = boxesAt(map, 0.3, 5);
        QCOMPARE(boxes.size(), size_t(2));
        QCOMPARE(boxes[0].box, QRectF(127, 218, 7, 5));
        QCOMPARE(boxes[1].box, QRectF(107, 208, 7, 5));
        QVERIFY(boxes[0].confidence > boxes[1].confidence);
        // Above the weaker blob's normalised value only the strong one remains.
        QCOMPARE(boxesAt(map, 0.5, 5).size(), size_t(1));
        // A mask (ellipse around the weak blob) hides the strong one.
        PixelEllipse e;
        e.centerX = 110;
        e.centerY = 210;
        e.semiMajor = 8;
        e.semiMinor = 6;
        const ScoreMap masked = scoreMap(cells, QRect(100, 200, 40, 30), e);
        const auto inside = boxesAt(masked, 0.3, 5);
        QCOMPARE(inside.size(), size_t(1));
        QCOMPARE(inside[0].box, QRectF(107, 208, 7, 5));

        // Refinement: a bright 6×2 drone inside a loose box.
        QImage grey(40, 30, QImage::Format_Grayscale8);
        grey.fill(90);
        for (int y = 14; y < 16; ++y)
            for (int x = 20; x < 26; ++x)
                grey.scanLine(y)[x] = 200;
        QCOMPARE(refineBox(grey, QPoint(100, 200), QRectF(115, 209, 16, 12)), QRectF(120, 214, 6, 2));
        // Nothing stands out: the box is kept.
        QImage flat(40, 30, QImage::Format_Grayscale8);
        flat.fill(90);
        QCOMPARE(refineBox(flat, QPoint(100, 200), QRectF(115, 209, 16, 12)), QRectF(115, 209, 16, 12));
        // A fixed wing seen in IR (as in the realistic campaigns): 11×2 px of body 40 grey levels
        // over the sky, with a saturated engine of 2×2 px. Half the peak keeps the engine alone;
        // half the median contrast above the noise keeps the whole aircraft.
        QImage wing(40, 30, QImage::Format_Grayscale8);
        wing.fill(125);
        for (int y = 14; y < 16; ++y) {
            for (int x = 15; x < 26; ++x)
                wing.scanLine(y)[x] = 165;
            wing.scanLine(y)[20] = wing.scanLine(y)[21] = 255;
        }
        QCOMPARE(refineBox(wing, QPoint(100, 200), QRectF(113, 211, 16, 8)), QRectF(120, 214, 2, 2));
        QCOMPARE(refineBox(wing, QPoint(100, 200), QRectF(113, 211, 16, 8), 0.5, 3, 0.5), QRectF(115, 214, 11, 2));
    }

    void metrics()
    {
        QCOMPARE(iou(QRectF(0, 0, 10, 10), QRectF(5, 0, 10, 10)), 50.0 / 150.0);
        QCOMPARE(iou(QRectF(0, 0, 10, 10), QRectF(20, 0, 10, 10)), 0.0);
        const auto s = evaluateBoxes({QRectF(0, 0, 10, 10), QRectF(0, 0, 10, 10), QRectF(50, 50, 2, 2)},
                                     {QRectF(0, 0, 10, 10), QRectF(2, 0, 10, 10), QRectF(0, 0, 10, 10)});
        QCOMPARE(s.frames, 3);
        QCOMPARE(s.corLoc, 2.0 / 3.0);
        // IoU 1, 0.667, 0: δ 0.3 → 2, 0.5 → 2, 0.7 → 1.
        QVERIFY(std::abs(s.maxBoxAccV2 - 5.0 / 9.0) < 1e-12);
        QVERIFY(std::abs(s.meanIou - (1.0 + 80.0 / 120.0) / 3.0) < 1e-12);
    }

    void calibratesThresholdAndBoxConvention()
    {
        // Maps with a 6×4 blob over a weaker 20×16 halo; the accepted boxes are 12×8 around the
        // blob (drawn looser than its pixels, as the Anti-UAV annotations are): the calibration
        // learns both the threshold that isolates the blob and the scale 2.
        std::vector<ScoreMap> maps;
        std::vector<QRectF> accepted;
        for (int i = 0; i < 6; ++i) {
            std::vector<float> cells(60 * 50, 0.0f);
            const int cx = 20 + 3 * i, cy = 20 + i;
            for (int y = cy - 8; y < cy + 8; ++y)
                for (int x = cx - 10; x < cx + 10; ++x)
                    cells[size_t(y * 60 + x)] = 1.0f;
            for (int y = cy - 2; y < cy + 2; ++y)
                for (int x = cx - 3; x < cx + 3; ++x)
                    cells[size_t(y * 60 + x)] = 3.0f;
            maps.push_back(scoreMap(cells, QRect(0, 0, 60, 50), std::nullopt));
            accepted.emplace_back(cx - 6, cy - 4, 12, 8);
        }
        const BoxCalibration c = calibrate(maps, accepted);
        QCOMPARE(c.boxes, 6);
        QCOMPARE(c.boxScale, 2.0);
        QVERIFY2(c.tau >= 1.0 / 3.0 - 1e-9, qPrintable(QString::number(c.tau)));
        const auto s = evaluateMaps(maps, accepted, c.tau, c.boxScale);
        QCOMPARE(s.corLoc, 1.0);
        QCOMPARE(s.boxScale, 2.0);
        // Boxes as the blob's pixels, unscaled, match none of them.
        QCOMPARE(evaluateMaps(maps, accepted, c.tau, 1.0).corLoc, 0.0);
        const auto boxes = boxesAt(maps[0], c.tau, 1, c.boxScale);
        QCOMPARE(boxes.size(), size_t(1));
        QCOMPARE(boxes[0].box, QRectF(14, 16, 12, 8));
    }

    void trainsOnACampaignAndFindsTheDrone()
    {
        // A short easy campaign: the weak labels come from its manifest, the check from its
        // ground truth.
        const QString dir = outDir + QStringLiteral("/proposer-campaign");
        QDir(dir).removeRecursively();
        synth::Config config = synth::Config::forPreset(synth::Preset::Easy, 4, 6.0);
        QString error;
        QVERIFY2(synth::generate(config, dir, {}, &error), qPrintable(error));
        auto campaign = Campaign::open(dir + QStringLiteral("/campaign.json"), &error);
        QVERIFY2(campaign, qPrintable(error));
        const int ir = campaign->manifest().cameraIndex(QStringLiteral("ir"));

        WeakLabelOptions o;
        o.camera = ir;
        std::vector<WeakSample> samples;
        WeakLabelReport report;
        QVERIFY2(collectWeakSamples(*campaign, o, &samples, &report, &error), qPrintable(error));
        QVERIFY(report.positives > 20);
        QVERIFY(report.negatives >= report.positives);
        QCOMPARE(std::int64_t(samples.size()), report.positives + report.negatives);

        WildcatConfig c;
        auto net = WildcatNet::create(c, 1);
        TrainOptions t;
        t.steps = 150;
        t.batch = 16;
        int calls = 0;
        double first = -1, last = -1;
        t.progress = [&](int, double loss) {
            ++calls;
            if (first < 0)
                first = loss;
            last = loss;
            return true;
        };
        QVERIFY2(net->train(samples, t, &error), qPrintable(error));
        QVERIFY(calls >= 10);
        QVERIFY2(last < first, qPrintable(QStringLiteral("loss %1 → %2").arg(first).arg(last)));

        ProposerOptions po;
        po.camera = ir;
        po.wholeFrame = false;
        ProposerEvaluation r;
        QVERIFY2(evaluateProposer(*campaign, dir + QStringLiteral("/ground_truth.json"), ir, *net, po, &r, &error),
                 qPrintable(error));
        QVERIFY(r.region.frames > 50);
        // A few steps on a few seconds: not the shipped figures, but clearly better than chance
        // and than the geometric box alone on this campaign.
        QVERIFY2(r.region.corLoc >= 0.5, qPrintable(QStringLiteral("CorLoc %1").arg(r.region.corLoc)));
        QVERIFY(r.region.corLoc > r.geometry.corLoc);

        // Proposals: source cam, state proposed, at most 3 per frame, none where geometry is absent.
        std::vector<Annotation> boxes;
        po.tau = r.calibrationRegion.tau;
        po.boxScale = r.calibrationRegion.boxScale;
        QVERIFY2(proposeCampaign(*campaign, *net, po, QStringLiteral("test"), &boxes, &error), qPrintable(error));
        QVERIFY(!boxes.empty());
        for (const Annotation &a : boxes) {
            QCOMPARE(a.source, db::BoxSource::Cam);
            QCOMPARE(a.state, db::BoxState::Proposed);
            QVERIFY(a.confidence && *a.confidence > 0 && *a.confidence <= 1);
        }

        // A training set without negatives is refused with a reason.
        std::vector<WeakSample> onlyPositive;
        for (const WeakSample &s : samples)
            if (s.label > 0.5f)
                onlyPositive.push_back(s);
        QVERIFY(!net->train(onlyPositive, t, &error));
        QVERIFY(error.contains(QStringLiteral("negative")));
    }

    void groundTruthErrors()
    {
        std::map<std::int64_t, QRectF> boxes;
        QString error;
        QVERIFY(!readGroundTruth(outDir + QStringLiteral("/nope.json"), QStringLiteral("ir"), &boxes, &error));
        QVERIFY(error.contains(QStringLiteral("nope.json")));
        QFile f(outDir + QStringLiteral("/gt-bad.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"frames\": {\"rgb\": []}}");
        f.close();
        QVERIFY(!readGroundTruth(f.fileName(), QStringLiteral("ir"), &boxes, &error));
        QVERIFY2(error.contains(QStringLiteral("no frames for camera 'ir'")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestProposer)
#include "tst_proposer.moc"
