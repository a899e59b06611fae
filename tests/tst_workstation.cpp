// The workstation driven like an analyst would: a generated campaign opened in the main window,
// frames stepped with the keyboard, boxes drawn, resized and accepted with the mouse and keys,
// undo and redo, and the dataset on disk checked afterwards. Offscreen; screenshots of the main
// states land in the test output folder.

#include "models/heap.h"
#include "app/annotationcontroller.h"
#include "models/annotation/attention.h"
#include "models/campaign.h"
#include "app/campaignsession.h"
#include "app/detectorcontroller.h"
#include "app/detectortrainer.h"
#include "app/proposerworker.h"
#include "app/mainwindow.h"
#include "database/dataset.h"
#include "database/datasetsession.h"
#include "models/media/syncplayer.h"
#include "models/synth/generator.h"
#include "synthtruth.h"
#include "testcampaign.h"
#include "widgets/frameview.h"
#include "widgets/shortcuteditor.h"
#include "widgets/telemetrypanel.h"
#include "widgets/timeline.h"
#include "widgets/trainingpanel.h"
#include "widgets/reviewpanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QTableWidget>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QProcess>
#include <QJsonArray>
#include <QUrl>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QStatusBar>
#include <QUndoStack>

using namespace vigie;

namespace {

const QString campaignDir = QStringLiteral(VIGIE_TEST_OUTPUT_DIR "/workstation-campaign");
const QString shots = QStringLiteral(VIGIE_TEST_OUTPUT_DIR);

QString freshDataset(const QString &name)
{
    const QString path = QStringLiteral(VIGIE_TEST_OUTPUT_DIR "/") + name;
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    return path;
}

bool openAndWait(MainWindow &window, const QString &dataset)
{
    QSignalSpy opened(&window, &MainWindow::campaignOpened);
    QSignalSpy failed(&window, &MainWindow::campaignFailed);
    window.openCampaign(campaignDir + QStringLiteral("/campaign.json"), dataset);
    if (!opened.wait(60000)) {
        qWarning() << "not opened:" << failed;
        return false;
    }
    // Both views get their first frame.
    return QTest::qWaitFor([&] { return window.rgbView()->frame() >= 0 && window.irView()->frame() >= 0; }, 20000);
}

QPoint widgetPoint(const FrameView *view, const QPointF &imagePoint)
{
    return view->imageToWidget(imagePoint).toPoint();
}

void drag(FrameView *view, const QPoint &from, const QPoint &to)
{
    QTest::mousePress(view, Qt::LeftButton, {}, from);
    const int steps = 5;
    for (int i = 1; i <= steps; ++i)
        QTest::mouseMove(view, from + (to - from) * i / steps);
    QTest::mouseRelease(view, Qt::LeftButton, {}, to);
}

} // namespace

class TestWorkstation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(keepLargeBlocksInHeap()); // as vigie's main() does
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("VigieTest"));
        QApplication::setApplicationName(QStringLiteral("tst_workstation"));
        QSettings().clear();
        // A short easy campaign: the drone in view most of the time, no offsets.
        synth::Config config = synth::Config::forPreset(synth::Preset::Easy, 11, 4.0);
        QString error;
        QDir(campaignDir).removeRecursively();
        QVERIFY2(synth::generate(config, campaignDir, {}, &error), qPrintable(error));
    }

    void session()
    {
        const QString dbPath = freshDataset(QStringLiteral("workstation.sqlite"));
        MainWindow window;
        window.resize(1500, 900);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(openAndWait(window, dbPath));
        CampaignSession *s = window.session();
        QVERIFY(s);
        auto *player = s->player();
        const int master = player->master();
        const int ir = s->cameraOf(QStringLiteral("ir"));
        const int rgb = s->cameraOf(QStringLiteral("rgb"));
        QCOMPARE(master, rgb);
        QVERIFY(ir >= 0);
        QVERIFY(window.grab().save(shots + QStringLiteral("/workstation-opened.png")));

        // Geometric proposals were written for the frames with the target in view.
        const std::size_t proposals = s->annotations()->boxCount();
        QVERIFY(proposals > 50);

        // Step with the keyboard: Right three times, Shift+Right once, Left once.
        const qint64 start = player->currentFrame(master);
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(&window, Qt::Key_Right);
        QTest::keyClick(&window, Qt::Key_Right, Qt::ShiftModifier);
        QTest::keyClick(&window, Qt::Key_Left);
        QCOMPARE(player->currentFrame(master), start + 12);
        QTRY_COMPARE(window.rgbView()->frame(), start + 12);
        QCOMPARE(window.timeline()->currentFrame(), start + 12);
        const qint64 irFrame = player->currentFrame(ir);
        QTRY_COMPARE(window.irView()->frame(), irFrame);

        // Draw a box on the IR view, away from the proposal.
        FrameView *irView = window.irView();
        irView->fitToView();
        QTest::qWait(50);
        const QPoint a = widgetPoint(irView, QPointF(40, 40));
        const QPoint b = widgetPoint(irView, QPointF(100, 90));
        drag(irView, a, b);
        QCOMPARE(window.activeView(), irView);
        std::vector<Annotation> manual;
        for (const Annotation &x : s->annotations()->boxes(ir, irFrame)) {
            if (x.source == db::BoxSource::Manual)
                manual.push_back(x);
        }
        QCOMPARE(manual.size(), size_t(1));
        const Annotation drawn = manual.front();
        QCOMPARE(irView->selectedBox(), drawn.handle);
        QVERIFY(std::abs(drawn.rect.left() - 40) < 2 && std::abs(drawn.rect.top() - 40) < 2);
        QVERIFY(std::abs(drawn.rect.right() - 100) < 2 && std::abs(drawn.rect.bottom() - 90) < 2);

        // Resize it by its bottom-right handle.
        drag(irView, irView->imageToWidget(drawn.rect.bottomRight()).toPoint(), widgetPoint(irView, QPointF(130, 120)));
        const Annotation resized = *s->annotations()->box(drawn.handle);
        QVERIFY2(std::abs(resized.rect.right() - 130) < 2 && std::abs(resized.rect.bottom() - 120) < 2,
                 qPrintable(QStringLiteral("%1 %2").arg(resized.rect.right()).arg(resized.rect.bottom())));
        QCOMPARE(resized.rect.topLeft(), drawn.rect.topLeft());

        // Accept the proposal of this IR frame with the keyboard.
        irView->selectBox(0);
        std::int64_t proposal = 0;
        for (const Annotation &x : s->annotations()->boxes(ir, irFrame)) {
            if (x.state == db::BoxState::Proposed)
                proposal = x.handle;
        }
        QVERIFY2(proposal != 0, "the stepped-to IR frame has a geometric proposal");
        QTest::keyClick(&window, Qt::Key_A);
        QCOMPARE(s->annotations()->box(proposal)->state, db::BoxState::Accepted);
        QCOMPARE(window.undoStack()->count(), 3);
        QVERIFY(window.grab().save(shots + QStringLiteral("/workstation-edited.png")));

        // Undo twice (the accept, the resize), redo once (the resize).
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(s->annotations()->box(proposal)->state, db::BoxState::Proposed);
        QCOMPARE(s->annotations()->box(drawn.handle)->rect, drawn.rect);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(s->annotations()->box(drawn.handle)->rect, resized.rect);
        QCOMPARE(s->annotations()->box(proposal)->state, db::BoxState::Proposed);

        const QRectF finalRect = resized.rect;
        const std::int64_t frameIr = irFrame;
        window.closeCampaign(); // commits everything queued

        // The dataset holds exactly: every proposal still proposed, plus the drawn box, resized,
        // and its transfer to RGB (the resize's, which replaced the drawing's).
        QString error;
        auto dataset = db::Dataset::open(dbPath, db::Dataset::OpenMode::MustExist, &error);
        QVERIFY2(dataset, qPrintable(error));
        const auto boxes = dataset->allBoxes();
        QCOMPARE(boxes.size(), proposals + 2);
        int manualRows = 0, proposed = 0, transfers = 0;
        for (const db::BoxRecord &r : boxes) {
            if (r.source == db::BoxSource::Manual) {
                ++manualRows;
                QCOMPARE(QRectF(r.x, r.y, r.w, r.h), finalRect);
                QCOMPARE(r.state, db::BoxState::Accepted);
                const auto frame = dataset->frame(r.frameId);
                QVERIFY(frame);
                QCOMPARE(frame->index, frameIr);
                // create, update (resize), update (undo), update (redo)
                QCOMPARE(dataset->history(r.id).size(), size_t(4));
            } else if (r.source == db::BoxSource::Transfer) {
                ++transfers;
                QCOMPARE(r.state, db::BoxState::Proposed);
                QVERIFY(r.modelVersion.startsWith(QStringLiteral("from=ir")));
            } else {
                QCOMPARE(r.source, db::BoxSource::Geometry);
                proposed += r.state == db::BoxState::Proposed ? 1 : 0;
            }
        }
        QCOMPARE(manualRows, 1);
        QCOMPARE(transfers, 1);
        QCOMPARE(size_t(proposed), proposals);
    }

    void carriesBoxesToTheOtherCamera()
    {
        // A box drawn on IR appears on RGB at the same instant as a transfer proposal, in the same
        // undo step; with Edit › Carry Accepted Boxes off it does not; B carries every accepted
        // IR box at once, as one command.
        const QString dbPath = freshDataset(QStringLiteral("transfer.sqlite"));
        MainWindow window;
        window.resize(1500, 900);
        window.show();
        QVERIFY(openAndWait(window, dbPath));
        CampaignSession *s = window.session();
        const int ir = s->cameraOf(QStringLiteral("ir")), rgb = s->cameraOf(QStringLiteral("rgb"));
        const auto truth = test::readSynthTruth(campaignDir);
        const auto &irTruth = truth.at(QStringLiteral("ir")), &rgbTruth = truth.at(QStringLiteral("rgb"));
        BoxTransfer pairing(*s->campaign(), ir, rgb, s->frameCount(ir), s->frameCount(rgb));
        std::vector<std::int64_t> frames; // IR frames where both cameras see the drone
        for (std::int64_t f = 0; f < std::int64_t(irTruth.size()); ++f) {
            const auto g = pairing.counterpart(f);
            if (irTruth[size_t(f)].visible && g && rgbTruth[size_t(*g)].visible)
                frames.push_back(f);
        }
        QVERIFY(frames.size() > 20);
        auto transfersOn = [&](std::int64_t g) {
            std::vector<Annotation> out;
            for (const Annotation &a : s->annotations()->boxes(rgb, g))
                if (a.source == db::BoxSource::Transfer)
                    out.push_back(a);
            return out;
        };
        const QString cls = s->campaign()->manifest().targetClass;
        const std::int64_t f0 = frames[frames.size() / 2];
        const std::int64_t g0 = *pairing.counterpart(f0);
        const int steps = window.undoStack()->count();
        const std::int64_t drawn = s->editor()->addBox(ir, f0, irTruth[size_t(f0)].box, cls);
        QVERIFY(drawn != 0);
        QCOMPARE(window.undoStack()->count(), steps + 1);
        QCOMPARE(transfersOn(g0).size(), size_t(1));
        const Annotation carried = transfersOn(g0).front();
        QCOMPARE(carried.state, db::BoxState::Proposed);
        // The easy preset's mounting is as the manifest says: the box lands on the drone (its
        // centre within 1.5 px of the truth's; the drone is a few pixels wide).
        const QRectF expected = rgbTruth[size_t(g0)].box;
        const QPointF miss = carried.rect.center() - expected.center();
        QVERIFY2(std::hypot(miss.x(), miss.y()) < 1.5 && test::boxIou(carried.rect, expected) > 0.3,
                 qPrintable(QStringLiteral("carried %1,%2 %3x%4, truth %5,%6 %7x%8")
                                .arg(carried.rect.x()).arg(carried.rect.y()).arg(carried.rect.width()).arg(carried.rect.height())
                                .arg(expected.x()).arg(expected.y()).arg(expected.width()).arg(expected.height())));
        window.setActiveView(window.rgbView());
        s->player()->seekFrame(rgb, g0);
        QTRY_COMPARE(window.rgbView()->frame(), g0);
        // Lockstep shows the IR frame current at the RGB frame's time, the transfer pairs the
        // nearest in time: the same frame, or the one before.
        QTRY_VERIFY(window.irView()->frame() == f0 || window.irView()->frame() == f0 - 1);
        window.rgbView()->selectBox(carried.handle);
        QVERIFY(window.grab().save(shots + QStringLiteral("/workstation-transfer.png")));
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!s->annotations()->box(drawn));
        QVERIFY(transfersOn(g0).empty());

        // Off: the analyst's boxes stay on their camera.
        auto *carryOnAccept = window.findChild<QAction *>(QStringLiteral("actionCarryOnAccept"));
        QVERIFY(carryOnAccept && carryOnAccept->isCheckable() && carryOnAccept->isChecked());
        carryOnAccept->setChecked(false);
        QVERIFY(!window.annotationController()->carriesOnAccept());
        std::vector<std::int64_t> picked;
        for (int k = 1; k <= 3; ++k) {
            const std::int64_t f = frames[size_t(k) * frames.size() / 4];
            QVERIFY(s->editor()->addBox(ir, f, irTruth[size_t(f)].box, cls) != 0);
            QVERIFY(transfersOn(*pairing.counterpart(f)).empty());
            picked.push_back(f);
        }
        // B, from the IR view: all three at once, one command.
        window.setActiveView(window.irView());
        const int before = window.undoStack()->count();
        QTest::keyClick(&window, Qt::Key_B);
        QCOMPARE(window.undoStack()->count(), before + 1);
        for (std::int64_t f : picked)
            QCOMPARE(transfersOn(*pairing.counterpart(f)).size(), size_t(1));
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("3 boxes carried")),
                 qPrintable(window.statusBar()->currentMessage()));
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        for (std::int64_t f : picked)
            QVERIFY(transfersOn(*pairing.counterpart(f)).empty());
        carryOnAccept->setChecked(true);
        window.closeCampaign();
    }

    void reopeningShowsTheSavedWorkAndFrame()
    {
        const QString dbPath = freshDataset(QStringLiteral("reopen.sqlite"));
        qint64 frame = 0;
        std::int64_t handle = 0;
        {
            MainWindow window;
            window.show();
            QVERIFY(openAndWait(window, dbPath));
            auto *s = window.session();
            s->player()->seekFrame(s->masterCamera(), 40);
            frame = s->player()->currentFrame(s->masterCamera());
            QTRY_COMPARE(window.rgbView()->frame(), frame);
            handle = s->editor()->addBox(s->masterCamera(), frame, QRectF(10, 10, 30, 20), QStringLiteral("bird"));
            QVERIFY(handle < 0);
            window.close();
        }
        MainWindow again;
        again.show();
        QVERIFY(openAndWait(again, dbPath));
        auto *s = again.session();
        QTRY_COMPARE(s->player()->currentFrame(s->masterCamera()), frame);
        bool found = false;
        for (const Annotation &a : s->annotations()->boxes(s->masterCamera(), frame))
            found = found || (a.className == QStringLiteral("bird") && a.rect == QRectF(10, 10, 30, 20));
        QVERIFY(found);
        // Geometric proposals are not added twice.
        QString error;
        auto dataset = db::Dataset::open(dbPath, db::Dataset::OpenMode::MustExist, &error);
        QCOMPARE(dataset->allBoxes().size(), s->annotations()->boxCount());
    }

    void offsetsMoveTheOverlayAndAreSaved()
    {
        const QString manifest = campaignDir + QStringLiteral("/campaign.json");
        QFile original(manifest);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray before = original.readAll();
        original.close();
        {
            MainWindow window;
            window.show();
            QVERIFY(openAndWait(window, freshDataset(QStringLiteral("offsets.sqlite"))));
            auto *s = window.session();
            const int ir = s->cameraOf(QStringLiteral("ir"));
            QTRY_VERIFY(window.irView()->overlay().valid);
            const FrameOverlay base = s->overlayAt(ir, window.irView()->frame());
            QVERIFY(base.projection.inFront);
            // Turret stream: +200 ms moves where the turret pointed, so the point moves.
            QSpinBox *turret = window.telemetry()->offsetBox(s->cameraCount());
            turret->setValue(200);
            const FrameOverlay moved = window.irView()->overlay();
            QVERIFY2(std::hypot(moved.projection.x - base.projection.x, moved.projection.y - base.projection.y) > 0.5,
                     "the overlay follows the offset");
            window.closeCampaign(); // saves pending offsets
        }
        QFile saved(manifest);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(saved.readAll()).object();
        saved.close();
        QCOMPARE(json.value(QStringLiteral("turret")).toObject().value(QStringLiteral("time_offset_s")).toDouble(), 0.2);
        // Put the campaign back as it was.
        QVERIFY(saved.open(QIODevice::WriteOnly | QIODevice::Truncate));
        saved.write(before);
    }

    void palettesAndFollowTarget()
    {
        MainWindow window;
        window.resize(1500, 900);
        window.show();
        QVERIFY(openAndWait(window, freshDataset(QStringLiteral("palette.sqlite"))));
        FrameView *ir = window.irView();
        const QImage whiteHot = ir->image();
        window.findChild<QAction *>(QStringLiteral("actionPaletteIronbow"))->trigger();
        QTRY_VERIFY(ir->image() != whiteHot);
        // Ironbow colours are not grey.
        const QImage iron = ir->image();
        int coloured = 0;
        for (int y = 0; y < iron.height(); y += 16) {
            for (int x = 0; x < iron.width(); x += 16) {
                const QColor c = iron.pixelColor(x, y);
                coloured += (c.red() != c.green() || c.green() != c.blue()) ? 1 : 0;
            }
        }
        QVERIFY(coloured > 10);
        window.findChild<QAction *>(QStringLiteral("actionFollowTarget"))->setChecked(true);
        QTest::keyClick(&window, Qt::Key_Right);
        QTRY_VERIFY(ir->overlay().valid && ir->overlay().projection.inFieldOfView);
        QTRY_COMPARE(ir->zoom(), 4.0);
        const QPointF c = ir->center();
        QVERIFY(std::hypot(c.x() - ir->overlay().projection.x, c.y() - ir->overlay().projection.y) < 1.0);
        QVERIFY(window.grab().save(shots + QStringLiteral("/workstation-follow-ironbow.png")));
        window.findChild<QAction *>(QStringLiteral("actionFollowTarget"))->setChecked(false);
        window.findChild<QAction *>(QStringLiteral("actionPaletteWhiteHot"))->trigger();
    }

    void timelineSeeksAndShortcutsRebind()
    {
        MainWindow window;
        window.resize(1500, 900);
        window.show();
        QVERIFY(openAndWait(window, freshDataset(QStringLiteral("timeline.sqlite"))));
        auto *s = window.session();
        TimelineWidget *timeline = window.timeline();
        QVERIFY(timeline->bandCount() == 1 + 2 * s->cameraCount());
        const double x = timeline->xOfFrame(60);
        QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(int(x), timeline->height() / 2));
        QCOMPARE(s->player()->currentFrame(s->masterCamera()), 60);

        // Rebind "step forward" to D.
        ShortcutEditor editor(window.actions());
        const int row = editor.rowOf(QStringLiteral("actionStepForward"));
        QVERIFY(row >= 0);
        QVERIFY(!editor.setSequence(row, QKeySequence(Qt::Key_A))); // taken by Accept
        QVERIFY(editor.setSequence(row, QKeySequence(Qt::Key_D)));
        QCOMPARE(editor.changes().value(QStringLiteral("actionStepForward")), QKeySequence(Qt::Key_D));
        window.findChild<QAction *>(QStringLiteral("actionStepForward"))->setShortcut(QKeySequence(Qt::Key_D));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_D);
        QCOMPARE(s->player()->currentFrame(s->masterCamera()), 61);
        window.findChild<QAction *>(QStringLiteral("actionStepForward"))->setShortcut(QKeySequence(Qt::Key_Right));

        // Next unreviewed frame skips reviewed ones.
        window.setActiveView(window.rgbView());
        const qint64 here = s->player()->currentFrame(s->masterCamera());
        // Frame commands act on the frame on screen: wait for it.
        QTRY_COMPARE(window.rgbView()->frame(), here);
        QTest::keyClick(&window, Qt::Key_V); // mark this frame reviewed
        QVERIFY(s->annotations()->flags(s->masterCamera(), here).reviewed);
        s->player()->step(-1);
        QTest::keyClick(&window, Qt::Key_N);
        QCOMPARE(s->player()->currentFrame(s->masterCamera()), here + 1);
    }

    void moveDeleteClassAndRejectFromTheKeyboard()
    {
        // A drop opens the campaign with its default dataset, beside the manifest.
        const QString dbPath = campaignDir + QStringLiteral("/annotations.sqlite");
        test::removeDataset(dbPath);
        MainWindow window;
        window.resize(1500, 900);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        // Opened by dropping campaign.json on the window.
        QSignalSpy opened(&window, &MainWindow::campaignOpened);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(campaignDir + QStringLiteral("/campaign.json"))});
        QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(opened.wait(60000));
        QTRY_VERIFY(window.rgbView()->frame() >= 0);
        CampaignSession *s = window.session();
        FrameView *view = window.rgbView();
        window.setActiveView(view);
        view->fitToView();
        const int camera = view->camera();
        const qint64 frame = view->frame();

        // Draw, then move by dragging the box's inside.
        drag(view, widgetPoint(view, QPointF(100, 100)), widgetPoint(view, QPointF(200, 160)));
        const std::int64_t h = view->selectedBox();
        QVERIFY(h < 0);
        const QRectF drawn = s->annotations()->box(h)->rect;
        drag(view, widgetPoint(view, drawn.center()), widgetPoint(view, drawn.center() + QPointF(50, 30)));
        const QRectF moved = s->annotations()->box(h)->rect;
        QVERIFY(std::abs(moved.left() - drawn.left() - 50) < 3 && std::abs(moved.top() - drawn.top() - 30) < 3);
        QCOMPARE(moved.size(), drawn.size());

        // C cycles the class, X rejects, Delete deletes; each one undoable.
        const QString before = s->annotations()->box(h)->className;
        QTest::keyClick(&window, Qt::Key_C);
        QVERIFY(s->annotations()->box(h)->className != before);
        QTest::keyClick(&window, Qt::Key_X);
        QCOMPARE(s->annotations()->box(h)->state, db::BoxState::Rejected);
        QTest::keyClick(&window, Qt::Key_Delete);
        QVERIFY(!s->annotations()->box(h));
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(s->annotations()->box(h)->state, db::BoxState::Rejected);

        // Tab selects this frame's proposal; a moved proposal becomes corrected.
        view->selectBox(0);
        QTest::keyClick(&window, Qt::Key_Tab);
        const std::int64_t p = view->selectedBox();
        QVERIFY(p > 0);
        QCOMPARE(s->annotations()->box(p)->state, db::BoxState::Proposed);
        QVERIFY(s->editor()->setRect(p, s->annotations()->box(p)->rect.translated(2, 1)));
        QCOMPARE(s->annotations()->box(p)->state, db::BoxState::Corrected);
        QCOMPARE(s->annotations()->boxes(camera, frame).size(), size_t(2));

        // Ctrl+Shift+X rejects the frame's remaining proposals at once; one Ctrl+Z brings them back.
        const std::int64_t later = frame + 6;
        s->player()->seekFrame(camera, later);
        QTRY_COMPARE(view->frame(), later);
        auto proposalsOn = [&](std::int64_t f) {
            int n = 0;
            for (const Annotation &a : s->annotations()->boxes(camera, f))
                n += a.state == db::BoxState::Proposed;
            return n;
        };
        QVERIFY(proposalsOn(later) > 0);
        QTest::keyClick(&window, Qt::Key_X, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(proposalsOn(later), 0);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(proposalsOn(later) > 0);

        // I interpolates from the previous keyframe to the selected one: one command, the
        // boxes between follow the projection.
        const int beforeKey = window.undoStack()->index();
        const std::int64_t key = s->editor()->addBox(camera, later, QRectF(300, 200, 20, 12), {});
        s->editor()->setClass(key, s->annotations()->box(p)->className);
        view->selectBox(key);
        const int commands = window.undoStack()->count();
        QTest::keyClick(&window, Qt::Key_I);
        QCOMPARE(window.undoStack()->count(), commands + 1);
        int interpolated = 0;
        for (std::int64_t f = frame + 1; f < later; ++f)
            for (const Annotation &a : s->annotations()->boxes(camera, f))
                interpolated += a.source == db::BoxSource::Interpolated;
        QCOMPARE(interpolated, int(later - frame - 1));
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("following the GPS projection")),
                 qPrintable(window.statusBar()->currentMessage()));
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        interpolated = 0;
        for (std::int64_t f = frame + 1; f < later; ++f)
            for (const Annotation &a : s->annotations()->boxes(camera, f))
                interpolated += a.source == db::BoxSource::Interpolated;
        QCOMPARE(interpolated, 0);

        // K tracks from the selected keyframe both ways, in the background; its boxes land as
        // one command (source tracker, the tracker recorded), and one Ctrl+Z takes them away.
        QSignalSpy done(window.annotationController(), &AnnotationController::trackingDone);
        const int beforeTrack = window.undoStack()->index();
        QTest::keyClick(&window, Qt::Key_K);
        QVERIFY(window.annotationController()->isTracking() || done.count() == 1);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        QVERIFY(done.first().first().toInt() > 0);
        QCOMPARE(window.undoStack()->index(), beforeTrack + 1);
        auto trackedBoxes = [&] {
            int n = 0;
            for (std::int64_t f : s->annotations()->annotatedFrames(camera))
                for (const Annotation &a : s->annotations()->boxes(camera, f))
                    if (a.source == db::BoxSource::Tracker) {
                        ++n;
                        if (!a.modelVersion.startsWith(QStringLiteral("csrt-enlarged")) || !a.confidence)
                            return -1;
                    }
            return n;
        };
        QCOMPARE(trackedBoxes(), done.first().first().toInt());
        QVERIFY(s->annotations()->box(key) && s->annotations()->box(p)); // keyframes untouched
        s->player()->seekFrame(camera, (frame + later) / 2);
        QTRY_COMPARE(view->frame(), (frame + later) / 2);
        QVERIFY(window.grab().save(shots + QStringLiteral("/workstation-tracked.png")));

        // J goes to the next frame that needs the analyst, and says why; with nothing left in
        // that direction it says so and stays.
        const auto queue = framesNeedingAnalyst(*s->annotations(), camera, s->campaign()->manifest().targetClass,
                                                s->interpolationGeometry(camera));
        s->player()->seekFrame(camera, 0);
        QTRY_COMPARE(view->frame(), std::int64_t(0));
        QTest::keyClick(&window, Qt::Key_J);
        if (queue.empty() || (queue.begin()->first == 0 && queue.size() == 1)) {
            QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("No frame needs you")),
                     qPrintable(window.statusBar()->currentMessage()));
        } else {
            const auto next = queue.upper_bound(0);
            QTRY_COMPARE(view->frame(), next->first);
            QVERIFY2(window.statusBar()->currentMessage().contains(describeAttention(next->second)),
                     qPrintable(window.statusBar()->currentMessage()));
        }
        // A flagged frame: its box band says "needs you" (3).
        for (const auto &[f, reasons] : queue)
            if (reasons & (TrackerStopped | SourcesDisagree))
                QCOMPARE(s->annotationBandValue(camera, f), std::uint8_t(3));
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(trackedBoxes(), 0);
        while (window.undoStack()->index() > beforeKey) // the key itself
            QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!s->annotations()->box(key));
        window.closeCampaign();

        QString error;
        auto dataset = db::Dataset::open(dbPath, db::Dataset::OpenMode::MustExist, &error);
        QVERIFY(dataset);
        int manual = 0, corrected = 0;
        for (const db::BoxRecord &r : dataset->allBoxes()) {
            if (r.source == db::BoxSource::Manual) {
                ++manual;
                QCOMPARE(r.state, db::BoxState::Rejected);
            }
            corrected += r.state == db::BoxState::Corrected ? 1 : 0;
        }
        QCOMPARE(manual, 1);   // deleted, then restored by undo
        QCOMPARE(corrected, 1);
    }

    void trainsTheProposerAndShowsItsClassMap()
    {
        const QString dbPath = freshDataset(QStringLiteral("proposer.sqlite"));
        QSettings().setValue(QStringLiteral("proposer/steps"), 40); // Edit › Preferences; a short run here
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(openAndWait(window, dbPath));
        CampaignSession *s = window.session();
        const int ir = s->cameraOf(QStringLiteral("ir"));

        // The proposer works on the active view's camera: the IR one here.
        window.setActiveView(window.irView());
        // Nothing trained yet: proposing and the class map say so, and invent nothing.
        auto *propose = window.findChild<QAction *>(QStringLiteral("actionPropose"));
        auto *classMap = window.findChild<QAction *>(QStringLiteral("actionShowClassMap"));
        QVERIFY(propose && propose->isEnabled() && classMap);
        // (The registry is read off the GUI thread: the answer comes a moment later.)
        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("No proposer trained")),
                     qPrintable(window.statusBar()->currentMessage()));
        QTest::keyClick(&window, Qt::Key_H);
        QTRY_VERIFY(!classMap->isChecked());

        // Proposals › Train Proposer (Ctrl+Shift+W): weak labels from GPS, in the background.
        // A long run first, cancelled once it trains: nothing is registered.
        auto *trainer = window.findChild<ProposerTrainer *>();
        QVERIFY(trainer);
        auto *cancel = window.findChild<QAction *>(QStringLiteral("actionCancelProposer"));
        QSettings().setValue(QStringLiteral("proposer/steps"), 20000);
        QSignalSpy progress(trainer, &ProposerTrainer::progress);
        QSignalSpy cancelled(trainer, &ProposerTrainer::failed);
        QTest::keyClick(&window, Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).toString().contains(QStringLiteral("step")), 60000);
        QVERIFY(cancel->isEnabled());
        cancel->trigger();
        QVERIFY(cancelled.wait(30000));
        QVERIFY2(cancelled.at(0).at(0).toString().contains(QStringLiteral("cancelled")), qPrintable(cancelled.at(0).at(0).toString()));
        QTRY_VERIFY(!cancel->isEnabled());
        QSettings().setValue(QStringLiteral("proposer/steps"), 40);

        QSignalSpy trained(trainer, &ProposerTrainer::finished);
        QSignalSpy trainFailed(trainer, &ProposerTrainer::failed);
        QTest::keyClick(&window, Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(cancel->isEnabled());
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("actionTrainProposer"))->isEnabled());
        QVERIFY2(trained.wait(120000), qPrintable(trainFailed.isEmpty() ? QString() : trainFailed.at(0).at(0).toString()));
        QTRY_VERIFY(!cancel->isEnabled());
        const QString version = trained.at(0).at(0).toString();
        QVERIFY(version.startsWith(QStringLiteral("wildcat-ir-")));
        {
            QString error;
            auto dataset = db::Dataset::open(dbPath, db::Dataset::OpenMode::MustExist, &error);
            QVERIFY2(dataset, qPrintable(error));
            const auto record = dataset->modelByVersion(version);
            QVERIFY(record && QFile::exists(record->weightsPath));
            QVERIFY(record->dataSnapshotJson.contains(QStringLiteral("positives")));
            int proposers = 0;
            for (const db::ModelRecord &m : dataset->models())
                proposers += m.name == QLatin1String("wildcat-ir") ? 1 : 0;
            QCOMPARE(proposers, 1); // the cancelled run registered nothing
        }

        // H shows the class map over the search region of the IR frame, and follows the frames.
        QTest::keyClick(&window, Qt::Key_H);
        QVERIFY(classMap->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(window.irView()->hasHeatMap(), 20000);
        const qint64 before = window.irView()->frame();
        QTest::keyClick(&window, Qt::Key_Right, Qt::ShiftModifier); // ten master frames
        QTRY_VERIFY(window.irView()->frame() > before);
        QTRY_VERIFY_WITH_TIMEOUT(window.irView()->hasHeatMap(), 20000);
        window.irView()->setFollowTarget(true, 6.0); // close up on the drone, as F does
        QTRY_VERIFY_WITH_TIMEOUT(window.irView()->hasHeatMap(), 20000);
        QVERIFY(window.grab().save(shots + QStringLiteral("/workstation-class-map.png")));
        window.irView()->setFollowTarget(false);
        QTest::keyClick(&window, Qt::Key_H);
        QVERIFY(!classMap->isChecked() && !window.irView()->hasHeatMap());

        // The analyst accepts the geometric boxes of some frames: τ and the box scale are learnt
        // from them, then every frame where the target projects into view gets proposals.
        int accepted = 0;
        for (std::int64_t frame : s->annotations()->annotatedFrames(ir)) {
            for (const Annotation &a : s->annotations()->boxes(ir, frame)) {
                if (accepted < 20 && a.state == db::BoxState::Proposed && s->editor()->accept(a.handle))
                    ++accepted;
            }
        }
        QCOMPARE(accepted, 20);
        auto *runner = window.findChild<ProposerRunner *>();
        QVERIFY(runner);
        QSignalSpy ran(runner, &ProposerRunner::finished);
        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(ran.wait(120000));
        QCOMPARE(ran.at(0).at(0).toString(), version);
        QCOMPARE(ran.at(0).at(3).toInt(), 20); // learnt from the 20 accepted boxes
        auto proposalsOf = [&] {
            std::vector<Annotation> out;
            for (std::int64_t frame = 0; frame < s->frameCount(ir); ++frame) {
                for (const Annotation &a : s->annotations()->boxes(ir, frame)) {
                    if (a.source == db::BoxSource::Cam)
                        out.push_back(a);
                }
            }
            return out;
        };
        const auto cam = proposalsOf();
        QVERIFY(cam.size() > 20);
        for (const Annotation &a : cam) {
            QCOMPARE(a.state, db::BoxState::Proposed);
            QCOMPARE(a.modelVersion, version);
            QVERIFY(a.confidence && *a.confidence > 0);
            const auto utc = s->campaign()->frameUtc(ir, a.frame);
            QVERIFY(utc && s->campaign()->project(ir, *utc).projection.inFieldOfView); // none invented
        }
        // A second run of the same model adds nothing.
        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(ran.wait(120000));
        QCOMPARE(proposalsOf().size(), cam.size());
        // With the RGB view active, the commands are about RGB, which has no proposer yet.
        window.setActiveView(window.rgbView());
        QTest::keyClick(&window, Qt::Key_H);
        QTRY_VERIFY(!classMap->isChecked());
        QTRY_VERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("No proposer trained for rgb")),
                     qPrintable(window.statusBar()->currentMessage()));
        // Closing the campaign turns the map off.
        window.setActiveView(window.irView());
        QTest::keyClick(&window, Qt::Key_H);
        QVERIFY(classMap->isChecked());
        window.closeCampaign();
        QVERIFY(!classMap->isChecked() && !window.irView()->hasHeatMap());
        QSettings().remove(QStringLiteral("proposer/steps"));
    }

    void trainsTheDetectorInTheBackground()
    {
        const QString dbPath = freshDataset(QStringLiteral("training.sqlite"));
        QDir(QFileInfo(dbPath).dir().filePath(QStringLiteral("models"))).removeRecursively();
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(openAndWait(window, dbPath));
        CampaignSession *s = window.session();
        const int ir = s->cameraOf(QStringLiteral("ir"));

        // Training with nothing accepted is refused with a reason.
        auto *panel = window.findChild<TrainingPanel *>(QStringLiteral("trainingPanel"));
        QVERIFY(panel);
        auto *train = window.findChild<QAction *>(QStringLiteral("actionTrainDetector"));
        QVERIFY(train && train->isEnabled());
        train->trigger();
        auto *message = panel->findChild<QLabel *>(QStringLiteral("trainingMessage"));
        QTRY_VERIFY2(message->text().contains(QStringLiteral("No accepted")), qPrintable(message->text()));

        // The analyst accepts the geometric boxes of the IR frames, as they would with A.
        int accepted = 0;
        for (std::int64_t frame : s->annotations()->annotatedFrames(ir)) {
            for (const Annotation &a : s->annotations()->boxes(ir, frame)) {
                if (a.state == db::BoxState::Proposed && s->editor()->accept(a.handle))
                    ++accepted;
            }
        }
        QVERIFY(accepted > 30);

        panel->findChild<QSpinBox *>(QStringLiteral("trainingEpochs"))->setValue(2);
        panel->findChild<QSpinBox *>(QStringLiteral("trainingSteps"))->setValue(30);
        auto *trainer = window.findChild<DetectorTrainer *>();
        QVERIFY(trainer);
        QSignalSpy started(trainer, &DetectorTrainer::started);
        QSignalSpy finished(trainer, &DetectorTrainer::finished);
        auto *cancel = window.findChild<QAction *>(QStringLiteral("actionCancelTraining"));
        QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(started.count(), 1);
        QVERIFY(cancel->isEnabled() && !train->isEnabled());

        // The GUI keeps stepping while it trains.
        const qint64 before = s->player()->currentFrame(s->masterCamera());
        QTest::keyClick(&window, Qt::Key_Right);
        QTRY_COMPARE(window.rgbView()->frame(), before + 1);

        QVERIFY2(finished.count() == 1 || finished.wait(240000), qPrintable(message->text()));
        QTRY_VERIFY(!cancel->isEnabled());
        QVERIFY2(message->text().contains(QStringLiteral("registered")), qPrintable(message->text()));
        QCOMPARE(panel->lossPointCount(), 2);
        QCOMPARE(panel->apPointCount(), 2); // the last fifth of the frames validates
        QVERIFY(window.grab().save(shots + QStringLiteral("/workstation-training.png")));

        QString error;
        auto dataset = db::Dataset::open(dbPath, db::Dataset::OpenMode::MustExist, &error);
        QVERIFY2(dataset, qPrintable(error));
        bool registered = false;
        for (const db::ModelRecord &m : dataset->models()) {
            if (m.architecture == QLatin1String("centernet-small-s4")) {
                registered = QFile::exists(m.weightsPath) && m.metricsJson.contains(QStringLiteral("curve"));
            }
        }
        QVERIFY(registered);
        QVERIFY(window.findChild<QAction *>(QStringLiteral("actionResumeTraining"))->isEnabled());

        // Run it over the campaign (Ctrl+Shift+D): detections come back as proposals with source
        // detector, and the review compares them with the accepted boxes, frame by frame.
        auto *runner = window.findChild<DetectorRunner *>();
        QVERIFY(runner);
        QSignalSpy ran(runner, &DetectorRunner::finished);
        QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY2(ran.wait(120000), qPrintable(panel->findChild<QLabel *>(QStringLiteral("trainingMessage"))->text()));
        auto *review = window.findChild<ReviewPanel *>(QStringLiteral("reviewPanel"));
        QVERIFY(review);
        // The review is computed off the GUI thread: it shows the run once it is current.
        auto *detector = window.findChild<DetectorController *>();
        QVERIFY(detector);
        QTRY_VERIFY(detector->reviewIsCurrent());
        QCOMPARE(review->model(), ran.at(0).at(0).toString());
        auto *summary = review->findChild<QLabel *>(QStringLiteral("reviewSummary"));
        const int irFrames = int(s->frameCount(ir));
        QVERIFY2(summary->text().startsWith(QStringLiteral("%1 labelled frames").arg(irFrames)), qPrintable(summary->text()));
        std::vector<Annotation> detections;
        for (std::int64_t frame = 0; frame < irFrames; ++frame) {
            for (const Annotation &a : s->annotations()->boxes(ir, frame)) {
                if (a.source == db::BoxSource::Detector) {
                    QCOMPARE(a.state, db::BoxState::Proposed);
                    QVERIFY(a.confidence && *a.confidence >= 0.3);
                    detections.push_back(a);
                }
            }
        }
        // A detector trained for 60 steps still errs somewhere: E goes to the first error after
        // the current frame, Shift+E back to the one before.
        QVERIFY(!detections.empty());
        QVERIFY(review->errorFrameCount() > 1 && review->errorFrameCount() <= irFrames);
        const qint64 firstError = review->errorFrame(0), secondError = review->errorFrame(1);
        QVERIFY(firstError < secondError);
        s->player()->seekFrame(ir, firstError);
        QTRY_COMPARE(s->currentFrame(ir), firstError);
        QTest::keyClick(&window, Qt::Key_E);
        QTRY_COMPARE(s->currentFrame(ir), secondError);
        QTest::keyClick(&window, Qt::Key_E, Qt::ShiftModifier);
        QTRY_COMPARE(s->currentFrame(ir), firstError);
        // The CLI's review of the same dataset is the panel's: one job, the same frames in error.
        {
            s->dataset()->flush();
            QProcess cliReview;
            cliReview.start(QStringLiteral(VIGIE_CLI), {QStringLiteral("detector"), QStringLiteral("review"), s->manifestPath(),
                                                        QStringLiteral("--db"), dbPath, QStringLiteral("--camera"), s->cameraName(ir),
                                                        QStringLiteral("--model"), ran.at(0).at(0).toString(), QStringLiteral("--json")});
            QVERIFY(cliReview.waitForFinished(60000));
            QVERIFY2(cliReview.exitCode() == 0, cliReview.readAllStandardError().constData());
            const QJsonObject r = QJsonDocument::fromJson(cliReview.readAllStandardOutput()).object();
            QCOMPARE(r.value(QStringLiteral("labelled_frames")).toInt(), irFrames);
            const QJsonArray errors = r.value(QStringLiteral("error_frames")).toArray();
            QCOMPARE(errors.size(), review->errorFrameCount());
            for (int row = 0; row < errors.size(); ++row)
                QCOMPARE(errors[row].toObject().value(QStringLiteral("frame")).toInteger(), review->errorFrame(row));
        }
        // Accepting a detection makes it a box of the dataset, still saying where it came from.
        QVERIFY(s->editor()->accept(detections.front().handle));
        const auto kept = s->annotations()->box(detections.front().handle);
        QVERIFY(kept && kept->state == db::BoxState::Accepted && kept->source == db::BoxSource::Detector);
        QVERIFY(window.grab().save(shots + QStringLiteral("/workstation-review.png")));

        // Resume asks for more epochs than the checkpoint has: one more runs, the curve goes on.
        panel->findChild<QSpinBox *>(QStringLiteral("trainingEpochs"))->setValue(3);
        window.findChild<QAction *>(QStringLiteral("actionResumeTraining"))->trigger();
        QCOMPARE(started.count(), 2);
        QVERIFY2(finished.count() == 2 || finished.wait(240000), qPrintable(message->text()));
        QCOMPARE(panel->lossPointCount(), 3);

        // The resumed model runs too; the review compares the two on the same labelled frames.
        const QString firstModel = review->model();
        QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(ran.wait(120000));
        const QString secondModel = ran.at(1).at(0).toString();
        QVERIFY(secondModel != firstModel);
        auto *compare = review->findChild<QComboBox *>(QStringLiteral("reviewCompare"));
        auto *models = review->findChild<QComboBox *>(QStringLiteral("reviewModel"));
        QVERIFY(compare && models);
        models->setCurrentText(secondModel);
        compare->setCurrentText(firstModel);
        auto *comparison = review->findChild<QTableWidget *>(QStringLiteral("reviewComparison"));
        QTRY_COMPARE(comparison->rowCount(), 7);
        QVERIFY(comparison->isVisible());
        QCOMPARE(comparison->horizontalHeaderItem(1)->toolTip(), secondModel);
        QCOMPARE(comparison->horizontalHeaderItem(2)->toolTip(), firstModel);
        QCOMPARE(comparison->item(0, 0)->text(), QStringLiteral("AP"));
        QVERIFY(window.grab().save(shots + QStringLiteral("/workstation-review-compare.png")));
        compare->setCurrentIndex(0);
        QTRY_VERIFY(!comparison->isVisible());

        // One job, one checkpoint: the CLI resumes the run the workstation started (epoch 4 of
        // 4), and the workstation then resumes the CLI's (epoch 5), its curve going on.
        QProcess cli;
        cli.start(QStringLiteral(VIGIE_CLI), {QStringLiteral("detector"), QStringLiteral("train"), s->manifestPath(),
                                              QStringLiteral("--db"), dbPath, QStringLiteral("--camera"), s->cameraName(ir),
                                              QStringLiteral("--epochs"), QStringLiteral("4"), QStringLiteral("--steps"),
                                              QStringLiteral("30"), QStringLiteral("--resume"), QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(240000));
        const QString cliErr = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(cli.exitCode() == 0, qPrintable(cliErr));
        QVERIFY2(cliErr.contains(QStringLiteral("Resuming after epoch 3")), qPrintable(cliErr));
        const QJsonObject cliRun = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QCOMPARE(cliRun.value(QStringLiteral("curve")).toArray().size(), 4);
        panel->findChild<QSpinBox *>(QStringLiteral("trainingEpochs"))->setValue(5);
        window.findChild<QAction *>(QStringLiteral("actionResumeTraining"))->trigger();
        QCOMPARE(started.count(), 3);
        QVERIFY2(finished.count() == 3 || finished.wait(240000), qPrintable(message->text()));
        QCOMPARE(panel->lossPointCount(), 5);

        // Cancel: a run stops with its reason, the last checkpoint kept.
        panel->findChild<QSpinBox *>(QStringLiteral("trainingEpochs"))->setValue(50);
        panel->findChild<QSpinBox *>(QStringLiteral("trainingSteps"))->setValue(1000);
        train->trigger();
        QCOMPARE(started.count(), 4);
        cancel->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!cancel->isEnabled(), 60000);
        QVERIFY2(message->text().contains(QStringLiteral("cancelled")), qPrintable(message->text()));
    }

    void brokenCampaignGivesAClearError()
    {
        const QString dir = QStringLiteral(VIGIE_TEST_OUTPUT_DIR "/broken-campaign");
        QDir(dir).removeRecursively();
        QVERIFY(QDir().mkpath(dir));
        QFile f(dir + QStringLiteral("/campaign.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ \"format_version\": 1, \"name\": ");
        f.close();
        MainWindow window;
        window.show();
        QSignalSpy failed(&window, &MainWindow::campaignFailed);
        window.openCampaign(f.fileName());
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("campaign.json")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(!window.session());
    }
};

QTEST_MAIN(TestWorkstation)
#include "tst_workstation.moc"
