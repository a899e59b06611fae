// The annotation model, the editing façade and its undo commands, with a sink that records
// what would be written to the dataset; geometric proposals and IR palettes.

#include "models/annotation/annotationeditor.h"
#include "models/annotation/geometricproposals.h"
#include "models/annotation/labels.h"
#include "models/campaign.h"
#include "models/imaging/palette.h"
#include "testcampaign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace vigie;

namespace {

struct RecordingSink : AnnotationSink
{
    struct Write
    {
        Op op;
        Annotation box;
    };
    std::vector<Write> writes;
    std::vector<std::pair<std::int64_t, db::FrameFlags>> flags;
    void writeBox(Op op, const Annotation &box) override { writes.push_back({op, box}); }
    void writeFlags(int, std::int64_t frame, const db::FrameFlags &f) override { flags.push_back({frame, f}); }
};

Annotation proposal(std::int64_t handle, std::int64_t frame)
{
    Annotation a;
    a.handle = handle;
    a.camera = 1;
    a.frame = frame;
    a.rect = QRectF(100, 100, 12, 8);
    a.className = QStringLiteral("quadcopter");
    a.source = db::BoxSource::Geometry;
    a.state = db::BoxState::Proposed;
    return a;
}

} // namespace

class TestAnnotations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labelsAreClassAware()
    {
        // The analyst labelled a bird beside the drone on frame 1, only a bird on frame 2, and
        // proposed, rejected and decided drones elsewhere.
        using db::BoxState;
        const std::vector<LabelBox> boxes{
            {1, QRectF(10, 10, 8, 6), QStringLiteral("drone"), BoxState::Accepted},
            {1, QRectF(40, 12, 9, 5), QStringLiteral("bird"), BoxState::Accepted},
            {2, QRectF(30, 30, 9, 5), QStringLiteral("bird"), BoxState::Corrected},
            {3, QRectF(5, 5, 8, 6), QStringLiteral("Drone"), BoxState::Corrected},
            {4, QRectF(5, 5, 8, 6), QStringLiteral("drone"), BoxState::Proposed},
            {5, QRectF(5, 5, 8, 6), QStringLiteral("drone"), BoxState::Rejected},
        };
        std::map<std::int64_t, db::FrameFlags> flags;
        flags[2].reviewed = true;   // reviewed, only a bird: no drone there
        flags[3].reviewed = true;   // reviewed with a drone: a drone frame
        flags[6].notVisible = true; // nothing visible
        flags[7].occluded = true;   // occluded alone says nothing
        const AnalystLabels labels = analystLabels(boxes, flags, QStringLiteral("drone"));
        QCOMPARE(labels.boxes.size(), size_t(2));
        QCOMPARE(labels.boxes.at(1), std::vector<QRectF>{QRectF(10, 10, 8, 6)}); // the bird is not a drone
        QCOMPARE(labels.boxes.at(3).size(), size_t(1));
        QCOMPARE(labels.noTarget, (std::set<std::int64_t>{2, 6}));
        QCOMPARE(labels.otherClassBoxes, 2);
        // Without a target class every decided box counts.
        QCOMPARE(analystLabels(boxes, flags, QString()).boxes.at(1).size(), size_t(2));
    }

    void createUndoRedoWritesInOrder()
    {
        AnnotationModel model;
        RecordingSink sink;
        model.setSink(&sink);
        model.reset({proposal(7, 3)}, {});
        QUndoStack stack;
        AnnotationEditor editor(&model, &stack);
        editor.setClasses({QStringLiteral("quadcopter"), QStringLiteral("bird")});

        QSignalSpy changed(&model, &AnnotationModel::frameChanged);
        const std::int64_t h = editor.addBox(1, 3, QRectF(10, 20, 30, 40), QString());
        QVERIFY(h < 0);
        QCOMPARE(model.box(h)->className, QStringLiteral("quadcopter"));
        QCOMPARE(model.boxes(1, 3).size(), size_t(2));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(1).toLongLong(), 3);

        stack.undo();
        QVERIFY(!model.box(h));
        stack.redo();
        QVERIFY(model.box(h));
        // The first appearance inserts a row; later ones bring the same row back.
        QCOMPARE(sink.writes.size(), size_t(3));
        QCOMPARE(sink.writes[0].op, AnnotationSink::Op::Create);
        QCOMPARE(sink.writes[1].op, AnnotationSink::Op::Delete);
        QCOMPARE(sink.writes[2].op, AnnotationSink::Op::Restore);
        QCOMPARE(sink.writes[2].box, sink.writes[0].box);

        // A deleted proposal comes back by undo as a restore, not a new row.
        QVERIFY(editor.remove(7));
        stack.undo();
        QCOMPARE(sink.writes.back().op, AnnotationSink::Op::Restore);
        QCOMPARE(sink.writes.back().box.handle, 7);
    }

    void proposalsStatesAndClasses()
    {
        AnnotationModel model;
        RecordingSink sink;
        model.setSink(&sink);
        model.reset({proposal(1, 0), proposal(2, 5)}, {});
        QUndoStack stack;
        AnnotationEditor editor(&model, &stack);
        editor.setClasses({QStringLiteral("quadcopter"), QStringLiteral("hexacopter"), QStringLiteral("bird")});
        QCOMPARE(model.frameState(1, 0), FrameAnnotationState::Proposed);

        QVERIFY(editor.accept(1));
        QCOMPARE(model.box(1)->state, db::BoxState::Accepted);
        QCOMPARE(model.frameState(1, 0), FrameAnnotationState::Accepted);
        QVERIFY(!editor.accept(1)); // nothing to do, no command
        QCOMPARE(stack.count(), 1);

        // Moving a proposal corrects it; moving a manual box keeps it accepted.
        QVERIFY(editor.setRect(2, QRectF(101, 99, 12, 8)));
        QCOMPARE(model.box(2)->state, db::BoxState::Corrected);
        QCOMPARE(stack.text(stack.count() - 1), QStringLiteral("Move box"));
        QVERIFY(editor.setRect(2, QRectF(101, 99, 20, 8)));
        QCOMPARE(stack.text(stack.count() - 1), QStringLiteral("Resize box"));
        QVERIFY(!editor.setRect(2, QRectF(0, 0, 0.5, 3))); // degenerate: refused

        QVERIFY(editor.cycleClass(2));
        QCOMPARE(model.box(2)->className, QStringLiteral("hexacopter"));
        QVERIFY(editor.cycleClass(2));
        QVERIFY(editor.cycleClass(2));
        QCOMPARE(model.box(2)->className, QStringLiteral("quadcopter"));
        QVERIFY(editor.reject(2));
        QCOMPARE(model.box(2)->state, db::BoxState::Rejected);

        // Undo everything: the proposals are back exactly as the proposer wrote them.
        while (stack.canUndo())
            stack.undo();
        QCOMPARE(*model.box(1), proposal(1, 0));
        QCOMPARE(*model.box(2), proposal(2, 5));
    }

    void frameFlags()
    {
        AnnotationModel model;
        RecordingSink sink;
        model.setSink(&sink);
        QUndoStack stack;
        AnnotationEditor editor(&model, &stack);
        db::FrameFlags f;
        f.reviewed = true;
        QVERIFY(editor.setFrameFlags(0, 9, f));
        QCOMPARE(model.frameState(0, 9), FrameAnnotationState::Accepted);
        QCOMPARE(model.flaggedFrames(0), std::vector<std::int64_t>{9});
        QVERIFY(!editor.setFrameFlags(0, 9, f));
        stack.undo();
        QVERIFY(model.flaggedFrames(0).empty());
        QCOMPARE(sink.flags.size(), size_t(2));
        QCOMPARE(sink.flags.back().second, db::FrameFlags{});
    }

    void geometricProposalsLandOnTheProjection()
    {
        const QString dir = QStringLiteral(VIGIE_TEST_OUTPUT_DIR "/annotations-campaign");
        const QString manifest = test::writeCampaign(dir);
        QString error;
        auto campaign = Campaign::open(manifest, &error);
        QVERIFY2(campaign, qPrintable(error));
        const int ir = campaign->manifest().cameraIndex(QStringLiteral("ir"));
        QVERIFY(ir >= 0);
        std::int64_t frames = 0;
        while (campaign->frameUtc(ir, frames))
            ++frames;
        QVERIFY(frames > 10);
        int calls = 0;
        const auto boxes = geometricProposals(
            *campaign, ir, frames, [&](std::int64_t i) { return *campaign->frameUtc(ir, i); },
            [&](std::int64_t, std::int64_t) {
                ++calls;
                return true;
            });
        QVERIFY(calls >= 2);
        QVERIFY(!boxes.empty());
        for (const Annotation &b : boxes) {
            const CameraProjection p = campaign->project(ir, *campaign->frameUtc(ir, b.frame));
            QVERIFY(p.projection.inFieldOfView);
            QVERIFY(b.rect.contains(QPointF(p.projection.x, p.projection.y)));
            QCOMPARE(b.source, db::BoxSource::Geometry);
            QCOMPARE(b.state, db::BoxState::Proposed);
            QCOMPARE(b.className, campaign->manifest().targetClass);
            QVERIFY(b.rect.width() >= 4 - 1e-9);
        }
        // Cancelled: nothing.
        QVERIFY(geometricProposals(*campaign, ir, frames, [&](std::int64_t i) { return *campaign->frameUtc(ir, i); },
                                   [](std::int64_t, std::int64_t) { return false; })
                    .empty());
    }

    void expectedBoxIsClippedAndHasAMinimumSize()
    {
        Projection p;
        p.inFront = true;
        p.x = 2;
        p.y = 50;
        p.expectedWidthPx = 1;
        p.expectedHeightPx = 10;
        const QRectF b = expectedBox(p, 640, 512);
        QCOMPARE(b, QRectF(0, 45, 4, 10));
        p.inFront = false;
        QVERIFY(expectedBox(p, 640, 512).isEmpty());
    }

    void palettes()
    {
        QImage grey(256, 1, QImage::Format_Grayscale8);
        for (int x = 0; x < 256; ++x)
            grey.bits()[x] = uchar(x);
        const QImage white = renderThermal(grey, ThermalPalette::WhiteHot, {});
        QCOMPARE(white.format(), QImage::Format_RGB32);
        QCOMPARE(white.pixel(0, 0), qRgb(0, 0, 0));
        QCOMPARE(white.pixel(255, 0), qRgb(255, 255, 255));
        const QImage black = renderThermal(grey, ThermalPalette::BlackHot, {});
        QCOMPARE(black.pixel(0, 0), qRgb(255, 255, 255));
        const QImage iron = renderThermal(grey, ThermalPalette::Ironbow, {});
        QCOMPARE(iron.pixel(255, 0), qRgb(255, 255, 255));
        const QColor mid = iron.pixelColor(140, 0);
        QVERIFY(mid.red() > mid.blue()); // warm, not grey

        // 16-bit: the automatic window stretches the used range; a manual one clips.
        QImage deep(100, 100, QImage::Format_Grayscale16);
        for (int y = 0; y < 100; ++y) {
            auto *row = reinterpret_cast<quint16 *>(deep.scanLine(y));
            for (int x = 0; x < 100; ++x)
                row[x] = quint16(20000 + 100 * x);
        }
        int low = 0, high = 0;
        const QImage autoImg = renderThermal(deep, ThermalPalette::WhiteHot, {}, &low, &high);
        QVERIFY(low >= 19900 && low <= 20200);
        QVERIFY(high >= 29600 && high <= 30000);
        QVERIFY(qGray(autoImg.pixel(0, 0)) < 10);
        QVERIFY(qGray(autoImg.pixel(99, 0)) > 245);
        const QImage manual = renderThermal(deep, ThermalPalette::WhiteHot, {false, 25000, 26000});
        QCOMPARE(qGray(manual.pixel(10, 0)), 0);
        QCOMPARE(qGray(manual.pixel(80, 0)), 255);
    }
};

QTEST_GUILESS_MAIN(TestAnnotations)
#include "tst_annotations.moc"
