// The annotation model, the editing façade and its undo commands, with a sink that records
// what would be written to the dataset; geometric proposals and IR palettes.

#include "models/annotation/annotationeditor.h"
#include "models/annotation/attention.h"
#include "models/annotation/geometricproposals.h"
#include "models/annotation/labels.h"
#include "models/campaign.h"
#include "models/imaging/palette.h"
#include "testcampaign.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <cmath>

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
    int replaces = 0; ///< replacements handed over as one write (one transaction in the dataset)
    void replaceBoxes(const std::vector<Annotation> &removed, Op op, const std::vector<Annotation> &added) override
    {
        ++replaces;
        AnnotationSink::replaceBoxes(removed, op, added);
    }
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

    void interpolationFollowsTheGeometry()
    {
        // Keyframes at frames 0 and 10, the box 5 px right of and 3 px above the projected
        // point, 12×8 px at 100 m. Between them the turret slews (the point runs along a curve)
        // and the drone goes out to 200 m and back.
        auto point = [](std::int64_t f) { return QPointF(100 + 4.0 * double(f * f), 200 - 3.0 * double(f)); };
        auto range = [](std::int64_t f) { return 200 - std::abs(double(f) - 5) * 20; };
        const InterpolationGeometryFunction geometry = [&](std::int64_t f) {
            InterpolationGeometry g;
            g.seconds = 0.04 * double(f);
            g.point = point(f);
            g.rangeM = range(f);
            return g;
        };
        auto keyAt = [&](std::int64_t f) {
            const double s = 100.0 / range(f);
            return QRectF(point(f).x() + 5 - 6 * s, point(f).y() - 3 - 4 * s, 12 * s, 8 * s);
        };
        int followed = 0;
        const std::vector<QRectF> boxes = interpolateBoxes(0, keyAt(0), 10, keyAt(10), geometry, &followed);
        QCOMPARE(int(boxes.size()), 9);
        QCOMPARE(followed, 9);
        for (int i = 0; i < 9; ++i) {
            const QRectF want = keyAt(i + 1);
            QVERIFY2(std::abs(boxes[size_t(i)].center().x() - want.center().x()) < 1e-9
                         && std::abs(boxes[size_t(i)].width() - want.width()) < 1e-9,
                     qPrintable(QStringLiteral("frame %1").arg(i + 1)));
        }
        // At the far point the box is half the keyframes' size; corners in pixels would keep it.
        QCOMPARE(boxes[4].width(), 6.0);

        // Without a fix: linear in pixels, weighted by time (below, frame 1 is late: 3/4 of the way).
        const InterpolationGeometryFunction noFix = [](std::int64_t f) {
            InterpolationGeometry g;
            g.seconds = 0.5 * double(f);
            return g;
        };
        const std::vector<QRectF> linear = interpolateBoxes(0, QRectF(0, 0, 10, 10), 2, QRectF(40, 0, 10, 10), noFix, &followed);
        QCOMPARE(int(linear.size()), 1);
        QCOMPARE(followed, 0);
        QCOMPARE(linear[0].center().x(), 5.0 + 40 * 0.5);
        const InterpolationGeometryFunction uneven = [](std::int64_t f) {
            InterpolationGeometry g;
            g.seconds = f == 1 ? 0.75 : 0.5 * double(f);
            return g;
        };
        QCOMPARE(interpolateBoxes(0, QRectF(0, 0, 10, 10), 2, QRectF(40, 0, 10, 10), uneven).front().center().x(), 5.0 + 40 * 0.75);
    }

    void interpolationIsOneCommandAndSparesKeyframes()
    {
        AnnotationModel model;
        RecordingSink sink;
        model.setSink(&sink);
        model.reset({}, {});
        QUndoStack stack;
        AnnotationEditor editor(&model, &stack);
        editor.setClasses({QStringLiteral("quadcopter")});
        const InterpolationGeometryFunction none = [](std::int64_t f) {
            InterpolationGeometry g;
            g.seconds = double(f);
            return g;
        };
        const std::int64_t a = editor.addBox(1, 10, QRectF(0, 0, 10, 10), {});
        const std::int64_t b = editor.addBox(1, 20, QRectF(90, 0, 10, 10), {});
        const std::int64_t middle = editor.addBox(1, 15, QRectF(45, 50, 10, 10), QStringLiteral("bird")); // another class
        QCOMPARE(editor.previousKeyframe(b)->handle, a); // the bird in between is not this target's
        const int before = stack.count();
        QCOMPARE(editor.interpolate(a, b, none), 9);
        QCOMPARE(stack.count(), before + 1);
        QCOMPARE(model.boxes(1, 15).size(), size_t(2)); // the bird stays
        for (std::int64_t f = 11; f < 20; ++f) {
            bool found = false;
            for (const Annotation &x : model.boxes(1, f))
                found = found || (x.source == db::BoxSource::Interpolated && x.state == db::BoxState::Accepted);
            QVERIFY(found);
        }
        // The analyst moves the end keyframe and interpolates again: the interpolated boxes are
        // replaced, the keyframes and the bird never.
        QVERIFY(editor.setRect(b, QRectF(180, 0, 10, 10)));
        QCOMPARE(editor.interpolate(a, b, none), 9);
        std::size_t total = 0;
        for (std::int64_t f = 10; f <= 20; ++f)
            total += model.boxes(1, f).size();
        QCOMPARE(total, size_t(12)); // two keyframes, nine interpolated, one bird
        QVERIFY(model.box(a) && model.box(b) && model.box(middle));
        QCOMPARE(model.boxes(1, 19).front().rect.center().x(), 5.0 + 180 * 0.9);
        // One undo gives the first interpolation back, another removes it.
        stack.undo();
        QCOMPARE(model.boxes(1, 19).front().rect.center().x(), 5.0 + 90 * 0.9);
        stack.undo(); // the keyframe's move
        stack.undo(); // the first interpolation
        total = 0;
        for (std::int64_t f = 10; f <= 20; ++f)
            total += model.boxes(1, f).size();
        QCOMPARE(total, size_t(3));
        // Adjacent or mixed-up keyframes: nothing to do.
        QCOMPARE(editor.interpolate(a, a, none), 0);
        QCOMPARE(editor.interpolate(a, middle, none), 0); // a bird is not the drone's keyframe
    }

    void framesThatNeedTheAnalyst()
    {
        const QString drone = QStringLiteral("quadcopter");
        auto box = [&](db::BoxSource source, db::BoxState state, const QRectF &r, std::optional<double> confidence = {}) {
            Annotation a;
            a.rect = r;
            a.className = drone;
            a.source = source;
            a.state = state;
            a.confidence = confidence;
            return a;
        };
        const QRectF here(100, 100, 10, 10), there(200, 100, 10, 10);
        using S = db::BoxSource;
        using B = db::BoxState;
        // Agreement, or a timid proposal elsewhere, or the geometric guess elsewhere: nothing to do.
        QCOMPARE(frameAttention({box(S::Manual, B::Accepted, here), box(S::Cam, B::Proposed, here.translated(2, 0), 0.9)}, {}, drone), 0u);
        QCOMPARE(frameAttention({box(S::Manual, B::Accepted, here), box(S::Detector, B::Proposed, there, 0.2)}, {}, drone), 0u);
        QCOMPARE(frameAttention({box(S::Tracker, B::Accepted, here), box(S::Geometry, B::Proposed, there)}, {}, drone), 0u);
        // A confident detection elsewhere than the accepted box; the proposer and the detector apart.
        QCOMPARE(frameAttention({box(S::Tracker, B::Accepted, here), box(S::Detector, B::Proposed, there, 0.8)}, {}, drone),
                 unsigned(SourcesDisagree));
        QCOMPARE(frameAttention({box(S::Cam, B::Proposed, here, 0.7), box(S::Detector, B::Proposed, there, 0.8)}, {}, drone),
                 unsigned(SourcesDisagree));
        // Where the tracker stopped; unless the analyst marked the frame reviewed.
        QCOMPARE(frameAttention({box(S::Tracker, B::Proposed, here, 0.1)}, {}, drone), unsigned(TrackerStopped));
        db::FrameFlags reviewed;
        reviewed.reviewed = true;
        QCOMPARE(frameAttention({box(S::Tracker, B::Proposed, here, 0.1)}, reviewed, drone), 0u);
        // Another class's doubts are not the drone's.
        Annotation bird = box(S::Tracker, B::Proposed, here, 0.1);
        bird.className = QStringLiteral("bird");
        QCOMPARE(frameAttention({bird}, {}, drone), 0u);

        // The queue: keyframes at 0 and 10, the geometry puts the target 10 px further right each
        // frame; tracked boxes follow it but for frame 6, which stays behind.
        AnnotationModel model;
        model.reset({}, {});
        QUndoStack stack;
        AnnotationEditor editor(&model, &stack);
        editor.setClasses({drone});
        const InterpolationGeometryFunction geometry = [](std::int64_t f) {
            InterpolationGeometry g;
            g.seconds = double(f);
            g.point = QPointF(105 + 10.0 * double(f), 105);
            g.rangeM = 500;
            return g;
        };
        editor.addBox(0, 0, QRectF(100, 100, 10, 10), drone);
        editor.addBox(0, 10, QRectF(200, 100, 10, 10), drone);
        std::vector<Annotation> run;
        for (std::int64_t f = 1; f < 10; ++f) {
            Annotation t = box(S::Tracker, f == 8 ? B::Proposed : B::Accepted, QRectF(100 + 10.0 * double(f), 100, 10, 10), 0.9);
            t.frame = f;
            if (f == 6)
                t.rect.moveLeft(130);
            run.push_back(t);
        }
        editor.replaceDerived(0, drone, 1, 9, run, QStringLiteral("track"));
        const auto queue = framesNeedingAnalyst(model, 0, drone, geometry);
        QCOMPARE(queue.size(), size_t(2));
        QCOMPARE(queue.at(6), unsigned(OffGeometry));
        QCOMPARE(queue.at(8), unsigned(TrackerStopped));
        QVERIFY(describeAttention(queue.at(6)).contains(QStringLiteral("geometry")));
        // Without geometry, only what the frames say.
        QCOMPARE(framesNeedingAnalyst(model, 0, drone, {}).size(), size_t(1));
    }

    void derivedBoxesGiveWayToTheAnalyst()
    {
        AnnotationModel model;
        RecordingSink sink;
        model.setSink(&sink);
        model.reset({}, {});
        QUndoStack stack;
        AnnotationEditor editor(&model, &stack);
        editor.setClasses({QStringLiteral("quadcopter")});
        const InterpolationGeometryFunction none = [](std::int64_t f) {
            InterpolationGeometry g;
            g.seconds = double(f);
            return g;
        };
        const std::int64_t a = editor.addBox(0, 0, QRectF(0, 0, 10, 10), {});
        const std::int64_t b = editor.addBox(0, 10, QRectF(100, 0, 10, 10), {});
        QCOMPARE(editor.interpolate(a, b, none), 9);
        // The analyst moves the interpolated box of frame 5: it becomes a keyframe, and the next
        // interpolation between a and b leaves it where the analyst put it.
        const Annotation five = model.boxes(0, 5).front();
        QVERIFY(!AnnotationEditor::isKeyframe(five));
        QVERIFY(editor.setRect(five.handle, QRectF(50, 40, 10, 10)));
        QVERIFY(AnnotationEditor::isKeyframe(*model.box(five.handle)));
        QCOMPARE(editor.previousKeyframe(b)->handle, five.handle);
        QCOMPARE(editor.interpolate(a, b, none), 8);
        QCOMPARE(model.boxes(0, 5).size(), size_t(1));
        QCOMPARE(model.boxes(0, 5).front().rect, QRectF(50, 40, 10, 10));
        // A tracker's run: a confident box and a flagged proposal, replacing the interpolation
        // around frame 5 and never adding a box where a keyframe is.
        std::vector<Annotation> run;
        for (std::int64_t f = 1; f < 10; ++f) {
            Annotation t;
            t.frame = f;
            t.rect = QRectF(double(f) * 10, 1, 10, 10);
            t.source = db::BoxSource::Tracker;
            t.state = f == 9 ? db::BoxState::Proposed : db::BoxState::Accepted;
            t.confidence = f == 9 ? 0.1 : 0.9;
            t.modelVersion = QStringLiteral("csrt-enlarged side=32 scale<=4 min=0.30");
            run.push_back(t);
        }
        const int replacesBefore = sink.replaces;
        QCOMPARE(editor.replaceDerived(0, QStringLiteral("quadcopter"), 1, 9, run, QStringLiteral("Track")), 8);
        QCOMPARE(sink.replaces, replacesBefore + 1); // what goes and what comes: one write
        for (std::int64_t f = 1; f < 10; ++f) {
            QCOMPARE(model.boxes(0, f).size(), size_t(1));
            QCOMPARE(model.boxes(0, f).front().source, f == 5 ? db::BoxSource::Interpolated : db::BoxSource::Tracker);
        }
        // Confirming the flagged proposal makes it the analyst's: a keyframe, corrected.
        const Annotation flagged = model.boxes(0, 9).front();
        QCOMPARE(flagged.state, db::BoxState::Proposed);
        QVERIFY(editor.accept(flagged.handle));
        QCOMPARE(model.box(flagged.handle)->state, db::BoxState::Corrected);
        QVERIFY(AnnotationEditor::isKeyframe(*model.box(flagged.handle)));
        // One undo each: the confirmation, then the whole run, which brings the interpolation back.
        stack.undo();
        stack.undo();
        for (std::int64_t f = 1; f < 10; ++f)
            QCOMPARE(model.boxes(0, f).front().source, db::BoxSource::Interpolated);
        stack.redo();
        QCOMPARE(model.boxes(0, 3).front().source, db::BoxSource::Tracker);
        QCOMPARE(model.boxes(0, 3).front().modelVersion, QStringLiteral("csrt-enlarged side=32 scale<=4 min=0.30"));
    }

    void boxesCarriedToTheOtherCameraUndoWithTheGesture()
    {
        AnnotationModel model;
        RecordingSink sink;
        model.setSink(&sink);
        model.reset({}, {});
        QUndoStack stack;
        AnnotationEditor editor(&model, &stack);
        editor.setClasses({QStringLiteral("quadcopter")});
        // The companion plays the transfer: camera 0's box, shifted, on camera 1's frame × 2.
        int calls = 0;
        editor.setCompanion([&](const Annotation &box) {
            ++calls;
            Annotation c = box;
            c.camera = 1;
            c.frame = box.frame * 2;
            c.rect = box.rect.translated(100, 0);
            c.source = db::BoxSource::Transfer;
            c.state = db::BoxState::Proposed;
            c.modelVersion = QStringLiteral("from=ir mounting=manifest");
            return std::vector<Annotation>{c};
        });
        // Drawing a box carries it: one undo step takes both away, one redo brings both back.
        const std::int64_t drawn = editor.addBox(0, 3, QRectF(10, 10, 8, 6), {});
        QCOMPARE(calls, 1);
        QCOMPARE(model.boxes(1, 6).size(), size_t(1));
        const Annotation carried = model.boxes(1, 6).front();
        QCOMPARE(carried.source, db::BoxSource::Transfer);
        QCOMPARE(carried.state, db::BoxState::Proposed);
        QCOMPARE(carried.rect, QRectF(110, 10, 8, 6));
        QVERIFY(carried.handle != drawn);
        QCOMPARE(stack.count(), 1);
        QVERIFY(stack.text(0).contains(QLatin1String("carried")));
        stack.undo();
        QVERIFY(model.boxes(0, 3).empty() && model.boxes(1, 6).empty());
        stack.redo();
        QCOMPARE(model.boxes(0, 3).size(), size_t(1));
        QCOMPARE(model.boxes(1, 6).size(), size_t(1));
        // Moving the box carries it again: the earlier transfer proposal gives way.
        QVERIFY(editor.setRect(drawn, QRectF(20, 10, 8, 6)));
        QCOMPARE(model.boxes(1, 6).size(), size_t(1));
        QCOMPARE(model.boxes(1, 6).front().rect, QRectF(120, 10, 8, 6));
        // A class change, a rejection or a flag is no reason to carry anything.
        const int before = calls;
        QVERIFY(editor.setClass(drawn, QStringLiteral("bird")));
        QVERIFY(editor.reject(drawn));
        QVERIFY(editor.setFrameFlags(0, 3, db::FrameFlags{false, false, false, true}));
        QCOMPARE(calls, before);
        // A frame of the other camera holding a box of the analyst's gets nothing, and a
        // proposal of another source there stays.
        const std::int64_t theirs = editor.addBox(1, 8, QRectF(300, 300, 10, 10), QStringLiteral("quadcopter"));
        Annotation geo = proposal(0, 10);
        geo.camera = 1;
        QCOMPARE(editor.addBoxes({geo}, QStringLiteral("proposals")), 1);
        Annotation p4 = proposal(0, 4);
        p4.camera = 0;
        Annotation p5 = proposal(0, 5);
        p5.camera = 0;
        QCOMPARE(editor.addBoxes({p4, p5}, QStringLiteral("proposals")), 2);
        const std::int64_t h4 = model.boxes(0, 4).front().handle, h5 = model.boxes(0, 5).front().handle;
        QVERIFY(editor.accept(h4)); // → camera 1, frame 8: the analyst's box is there
        QCOMPARE(model.boxes(1, 8).size(), size_t(1));
        QCOMPARE(model.boxes(1, 8).front().handle, theirs);
        QVERIFY(editor.accept(h5)); // → camera 1, frame 10: beside the geometric proposal
        QCOMPARE(model.boxes(1, 10).size(), size_t(2));
        // A transfer box the analyst accepts is not carried back.
        const std::vector<Annotation> ten = model.boxes(1, 10);
        const auto carriedToTen = std::find_if(ten.begin(), ten.end(), [](const Annotation &x) { return x.source == db::BoxSource::Transfer; });
        QVERIFY(carriedToTen != ten.end());
        const Annotation onTen = *carriedToTen;
        const int callsBefore = calls;
        QVERIFY(editor.accept(onTen.handle));
        QCOMPARE(calls, callsBefore);
        QCOMPARE(model.box(onTen.handle)->state, db::BoxState::Accepted);
        QVERIFY(AnnotationEditor::isKeyframe(*model.box(onTen.handle)));
        // addTransfers as one command: replaces transfer proposals, spares the analyst's frames.
        Annotation again = carried;
        again.rect = QRectF(130, 12, 8, 6);
        Annotation blocked = carried;
        blocked.frame = 8;
        const int steps = stack.count();
        QCOMPARE(editor.addTransfers({again, blocked}, QStringLiteral("Carry")), 1);
        QCOMPARE(stack.count(), steps + 1);
        QCOMPARE(model.boxes(1, 6).size(), size_t(1));
        QCOMPARE(model.boxes(1, 6).front().rect, QRectF(130, 12, 8, 6));
        stack.undo();
        QCOMPARE(model.boxes(1, 6).front().rect, QRectF(120, 10, 8, 6));
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
