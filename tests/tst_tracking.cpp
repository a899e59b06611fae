// The small-target tracker (inference/tracking.h) on real turret IR footage from the repository's
// fixtures (Anti-UAV seq4, a drone of about 14×8 px): started on the true box it follows the drone
// frame after frame at the standard (centre within 3 px, IoU ≥ 0.3), and on a frame where
// the drone is not (the image replaced by another place of the sky) it says so instead of
// drifting. Propagation (inference/propagation.h, app/jobs/propagation.h): the forward and
// backward passes blend where they agree and flag where they do not; the job run on H.264 with
// B-frames, a variable-frame-rate file and an edit list puts every box on the frame it was
// tracked on (a moving target: one frame off is 4 px off).

#include "app/jobs/propagation.h"
#include "app/jobs/registration.h"
#include "database/dataset.h"
#include "inference/propagation.h"
#include "inference/tracking.h"
#include "inference/weaklabels.h"
#include "models/campaign.h"
#include "models/media/campaignvideo.h"
#include "models/media/videodecoder.h"
#include "testcampaign.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <cmath>

namespace {

bool ffmpeg(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("ffmpeg"), QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y")} + args);
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

/// The bright target's bounding box on a decoded frame, read from its pixels.
QRectF brightBox(const QImage &frame)
{
    const QImage g = frame.convertToFormat(QImage::Format_Grayscale8);
    int x0 = g.width(), y0 = g.height(), x1 = -1, y1 = -1;
    for (int y = 0; y < g.height(); ++y) {
        const uchar *row = g.constScanLine(y);
        for (int x = 0; x < g.width(); ++x) {
            if (row[x] > 160) {
                x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
            }
        }
    }
    return x1 < 0 ? QRectF() : QRectF(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
}

/// A ringed square moving 4 px right and 1 px down per frame over a dark sky, coded as `kind`
/// ("bframes", "vfr", "editlist") into `video`; `truth` receives where each frame's pixels put it,
/// read by exact seeking.
bool movingTarget(const QString &dirPath, const QString &kind, const QString &video, std::vector<QRectF> *truth)
{
    const QDir dir(dirPath);
    QStringList args{QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                     QStringLiteral("color=c=0x282828:s=320x160:r=30:d=2.5"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                     QStringLiteral("-i"), QStringLiteral("color=c=white:s=12x12:r=30,drawbox=x=4:y=4:w=4:h=4:color=black:t=fill"),
                     QStringLiteral("-filter_complex")};
    QString chain = QStringLiteral("[0][1]overlay=x='10+4*n':y='20+n':eval=frame:shortest=1,format=yuv420p");
    if (kind == QLatin1String("vfr"))
        chain += QStringLiteral(",setpts='(N+floor(N/7)*0.5)/(30*TB)'");
    args << chain;
    if (kind == QLatin1String("vfr"))
        args << QStringLiteral("-fps_mode") << QStringLiteral("passthrough");
    args << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-bf") << QStringLiteral("3")
         << QStringLiteral("-g") << QStringLiteral("24") << QStringLiteral("-crf") << QStringLiteral("12");
    const QString encoded = kind == QLatin1String("editlist") ? dir.filePath(QStringLiteral("whole.mp4"))
                            : kind == QLatin1String("vfr")    ? dir.filePath(QStringLiteral("vfr.mkv"))
                                                              : video;
    if (!ffmpeg(args << encoded))
        return false;
    if (kind == QLatin1String("editlist")) {
        if (!ffmpeg({QStringLiteral("-ss"), QStringLiteral("0.4"), QStringLiteral("-i"), encoded, QStringLiteral("-c"),
                     QStringLiteral("copy"), video}))
            return false;
    } else if (encoded != video && !QFile::copy(encoded, video)) {
        return false;
    }
    auto decoder = vigie::media::VideoDecoder::open(video, {}, nullptr);
    if (!decoder)
        return false;
    for (std::int64_t f = 0; f < decoder->index().count(); ++f) {
        auto frame = decoder->frame(f);
        if (!frame)
            return false;
        truth->push_back(brightBox(frame->image));
        if (truth->back().isEmpty())
            return false;
    }
    return truth->size() > 40;
}

vigie::inference::TrackedFrame tracked(std::int64_t frame, double x, double confidence, bool lost = false)
{
    vigie::inference::TrackedFrame t;
    t.frame = frame;
    t.tracked.box = QRectF(x, 10, 10, 10);
    t.tracked.confidence = confidence;
    t.tracked.lost = lost;
    return t;
}

} // namespace

using namespace vigie;
using namespace vigie::inference;

class TestTracking : public QObject
{
    Q_OBJECT

    std::vector<QImage> m_frames;
    std::vector<QRectF> m_truth;

private Q_SLOTS:
    void initTestCase()
    {
        const QString dir = QStringLiteral(VIGIE_FIXTURES_DIR "/anti-uav-ir");
        QFile gt(dir + QStringLiteral("/seq4.gt.txt"));
        QVERIFY(gt.open(QIODevice::ReadOnly));
        QTextStream in(&gt);
        while (!in.atEnd() && m_truth.size() < 120) {
            const QStringList f = in.readLine().split(QLatin1Char('\t'), Qt::SkipEmptyParts);
            QCOMPARE(f.size(), 4);
            m_truth.emplace_back(f[0].toDouble(), f[1].toDouble(), f[2].toDouble(), f[3].toDouble());
        }
        QString error;
        const QImage overlay = staticOverlayMask(dir + QStringLiteral("/seq4.avi"), true, &error);
        QVERIFY2(!overlay.isNull(), qPrintable(error));
        media::VideoDecoder::Options o;
        o.output = media::PixelOutput::Thermal;
        auto decoder = media::VideoDecoder::open(dir + QStringLiteral("/seq4.avi"), o, &error);
        QVERIFY2(decoder, qPrintable(error));
        while (m_frames.size() < m_truth.size()) {
            auto f = decoder->next(&error);
            QVERIFY2(f, qPrintable(error));
            QImage g = f->image.convertToFormat(QImage::Format_Grayscale8);
            suppressOverlay(&g, overlay);
            m_frames.push_back(g);
        }
    }

    void followsASmallDrone()
    {
        SmallTargetTracker tracker;
        QVERIFY(tracker.init(m_frames[0], m_truth[0]));
        QVERIFY(tracker.scale() > 1.5); // a 14 px drone is enlarged
        int right = 0, lost = 0;
        double confidence = 0;
        for (size_t f = 1; f < m_frames.size(); ++f) {
            const TrackedBox t = tracker.update(m_frames[f]);
            lost += t.lost;
            confidence += t.confidence;
            const QPointF d = t.box.center() - m_truth[f].center();
            const QRectF i = t.box.intersected(m_truth[f]);
            const double inter = i.isEmpty() ? 0 : i.width() * i.height();
            const double iou = inter / (t.box.width() * t.box.height() + m_truth[f].width() * m_truth[f].height() - inter);
            right += std::hypot(d.x(), d.y()) <= 3.0 && iou >= 0.3;
            if (t.lost) // as the analyst would: put it back on the drone
                QVERIFY(tracker.init(m_frames[f], m_truth[f]));
        }
        const int steps = int(m_frames.size()) - 1;
        QVERIFY2(right >= steps * 85 / 100, qPrintable(QStringLiteral("%1 of %2 frames right").arg(right).arg(steps)));
        QVERIFY2(lost <= steps / 10, qPrintable(QStringLiteral("lost %1 times").arg(lost)));
        QVERIFY(confidence / steps > 0.5);
    }

    void saysWhenTheDroneIsGone()
    {
        SmallTargetTracker tracker;
        QVERIFY(tracker.init(m_frames[0], m_truth[0]));
        // The same sky without the drone: the frame with the drone's neighbourhood filled by the
        // sky beside it.
        QImage empty = m_frames[1].copy();
        const QRect hole = m_truth[1].toAlignedRect().adjusted(-30, -30, 30, 30);
        const QImage sky = m_frames[1].copy(hole.translated(hole.width() + 40, 0));
        for (int y = 0; y < hole.height(); ++y)
            for (int x = 0; x < hole.width(); ++x)
                empty.setPixel(hole.x() + x, hole.y() + y, qGray(sky.pixel(x, y)) * 0x010101u | 0xff000000u);
        bool lost = false;
        for (int k = 0; k < 5 && !lost; ++k)
            lost = tracker.update(empty).lost;
        QVERIFY(lost);
        // Empty boxes and colour frames are refused.
        QVERIFY(!tracker.init(m_frames[0], QRectF()));
        QVERIFY(!tracker.init(m_frames[0].convertToFormat(QImage::Format_RGB32), m_truth[0]));
    }

    void blendsWhereThePassesAgreeAndFlagsWhereNot()
    {
        // Keyframes at 0 and 10. Both passes agree everywhere: every frame, blended by nearness.
        std::vector<TrackedFrame> forward, backward;
        for (std::int64_t f = 1; f < 10; ++f) {
            forward.push_back(tracked(f, 0, 0.9));
            backward.push_back(tracked(10 - f, 2, 0.9));
        }
        auto boxes = blendPasses(0, 10, forward, backward, 0.3);
        QCOMPARE(boxes.size(), size_t(9));
        QCOMPARE(boxes.front().frame, 1);
        QVERIFY(std::abs(boxes.front().box.x() - 0.2) < 1e-9); // frame 1: nine tenths the forward pass
        QVERIFY(std::abs(boxes.back().box.x() - 1.8) < 1e-9);
        QVERIFY(std::none_of(boxes.begin(), boxes.end(), [](const PropagatedBox &b) { return b.flagged; }));

        // The forward pass loses the target at 4, the backward one at 7: frames 1–3 forward,
        // 8–9 backward, 4 and 7 flagged with each pass's guess, 5 and 6 left to the analyst.
        forward = {tracked(1, 0, 0.9), tracked(2, 0, 0.9), tracked(3, 0, 0.9), tracked(4, 0, 0.1, true)};
        backward = {tracked(9, 0, 0.9), tracked(8, 0, 0.9), tracked(7, 50, 0.2, true)};
        boxes = blendPasses(0, 10, forward, backward, 0.3);
        std::vector<std::int64_t> frames, flagged;
        for (const PropagatedBox &b : boxes)
            (b.flagged ? flagged : frames).push_back(b.frame);
        QCOMPARE(frames, (std::vector<std::int64_t>{1, 2, 3, 8, 9}));
        QCOMPARE(flagged, (std::vector<std::int64_t>{4, 7}));

        // Both hold a target on 5 but in different places: one of them drifted. Before and after
        // the disagreement, boxes; on it, the surer pass's guess, flagged.
        forward.clear(), backward.clear();
        for (std::int64_t f = 1; f < 10; ++f) {
            forward.push_back(tracked(f, f == 5 ? 40 : 0, f == 5 ? 0.8 : 0.9));
            backward.push_back(tracked(10 - f, 0, 0.5));
        }
        boxes = blendPasses(0, 10, forward, backward, 0.3);
        QCOMPARE(boxes.size(), size_t(9));
        QCOMPARE(boxes[4].frame, 5);
        QVERIFY(boxes[4].flagged);
        QCOMPARE(boxes[4].box.x(), 40.0);

        // One open-ended pass: its frames in order, the lost one flagged.
        boxes = singlePass({tracked(4, 0, 0.9), tracked(3, 0, 0.8), tracked(2, 0, 0.1, true)});
        QCOMPARE(boxes.front().frame, 2);
        QVERIFY(boxes.front().flagged && !boxes.back().flagged);
    }

    void propagatedBoxesLandOnTheirFrame_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("H.264, B-frames") << QStringLiteral("bframes");
        QTest::newRow("variable frame rate") << QStringLiteral("vfr");
        QTest::newRow("edit list") << QStringLiteral("editlist");
    }

    void propagatedBoxesLandOnTheirFrame()
    {
        QFETCH(QString, kind);
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty(), "ffmpeg is required");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString manifest = test::writeCampaign(dir.path());
        const QString video = dir.filePath(QStringLiteral("rgb.mp4"));
        std::vector<QRectF> truth;
        QVERIFY(movingTarget(dir.path(), kind, video, &truth));

        QString error;
        jobs::PropagationSpec spec;
        spec.campaign = media::openCampaign(manifest, &error);
        QVERIFY2(spec.campaign, qPrintable(error));
        spec.camera = 0;
        spec.from = {6, truth[6]};
        spec.next = jobs::Keyframe{36, truth[36]};
        spec.stops = {1}; // marked without target: the backward pass stops before it
        jobs::CallbackJob context;
        jobs::PropagationResult result;
        QVERIFY2(jobs::propagateTrack(spec, context, &result, &error), qPrintable(error));
        QCOMPARE(result.firstFrame, std::int64_t(0));
        QCOMPARE(result.lastFrame, std::int64_t(35));
        QCOMPARE(result.flagged(), 0);
        std::vector<std::int64_t> frames;
        for (const PropagatedBox &b : result.boxes) {
            frames.push_back(b.frame);
            const QPointF d = b.box.center() - truth[size_t(b.frame)].center();
            QVERIFY2(std::hypot(d.x(), d.y()) <= 1.5,
                     qPrintable(QStringLiteral("frame %1: %2 px from the target").arg(b.frame).arg(std::hypot(d.x(), d.y()))));
            QVERIFY(b.confidence > 0.3);
        }
        std::vector<std::int64_t> expected;
        for (std::int64_t f = 2; f < 36; ++f)
            if (f != 6)
                expected.push_back(f);
        QCOMPARE(frames, expected);
        QVERIFY(result.trackerVersion.startsWith(QStringLiteral("csrt-enlarged")));

        // Cancelled: no result, and it says so.
        jobs::CallbackJob cancelled;
        cancelled.isCancelled = [] { return true; };
        QVERIFY(!jobs::propagateTrack(spec, cancelled, &result, &error));
        QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
    }

    void cliTracksFromEveryKeyframe()
    {
        // `vigie-cli track` over a dataset holding three keyframes of the drone, an interpolated
        // box gone wrong and a bird: every other frame gets a tracker box on the drone, the
        // interpolated box gives way, the keyframes and the bird stay; run again, it replaces its
        // own boxes instead of adding more.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString manifest = test::writeCampaign(dir.path());
        std::vector<QRectF> truth;
        QVERIFY(movingTarget(dir.path(), QStringLiteral("bframes"), dir.filePath(QStringLiteral("rgb.mp4")), &truth));
        const QString dbPath = dir.filePath(QStringLiteral("d.sqlite"));
        QString error;
        std::int64_t keyframeIds[3] = {}, birdId = 0;
        {
            auto campaign = media::openCampaign(manifest, &error);
            QVERIFY2(campaign, qPrintable(error));
            auto dataset = db::Dataset::open(dbPath, db::Dataset::OpenMode::CreateIfMissing, &error);
            QVERIFY2(dataset, qPrintable(error));
            db::RegisteredCamera camera;
            QVERIFY2(jobs::registerCampaignCamera(*dataset, *campaign, manifest, 0, &camera, &error), qPrintable(error));
            const auto drone = dataset->ensureClass(QStringLiteral("quadcopter"), &error);
            const auto bird = dataset->ensureClass(QStringLiteral("bird"), &error);
            QVERIFY(drone && bird);
            auto box = [&](std::int64_t frame, const QRectF &r, std::int64_t classId, db::BoxSource source) {
                db::BoxRecord b;
                b.frameId = camera.frameIds[size_t(frame)];
                b.classId = classId;
                b.x = r.x(), b.y = r.y(), b.w = r.width(), b.h = r.height();
                b.source = source;
                b.state = db::BoxState::Accepted;
                b.author = QStringLiteral("analyst");
                const auto id = dataset->createBox(b, &error);
                if (!id)
                    qWarning().noquote() << error;
                return id.value_or(0);
            };
            const std::int64_t frames[3] = {5, 30, 60};
            for (int k = 0; k < 3; ++k)
                keyframeIds[k] = box(frames[k], truth[size_t(frames[k])], *drone, db::BoxSource::Manual);
            QVERIFY(box(10, QRectF(200, 100, 12, 12), *drone, db::BoxSource::Interpolated) > 0);
            birdId = box(12, QRectF(250, 120, 8, 8), *bird, db::BoxSource::Manual);
            QVERIFY2(keyframeIds[2] > 0 && birdId > 0, qPrintable(error));
        }
        std::int64_t firstRun = 0;
        for (int run = 0; run < 2; ++run) {
            QProcess cli;
            cli.start(QStringLiteral(VIGIE_CLI), {QStringLiteral("track"), manifest, QStringLiteral("--db"), dbPath,
                                                  QStringLiteral("--camera"), QStringLiteral("rgb"), QStringLiteral("--json")});
            QVERIFY(cli.waitForFinished(120000));
            QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
            const QJsonObject out = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
            QCOMPARE(out.value(QStringLiteral("keyframes")).toInt(), 3);
            QCOMPARE(out.value(QStringLiteral("runs")).toInt(), 2); // frames 5 (both sides) and 60 (after 30)
            const std::int64_t boxes = out.value(QStringLiteral("boxes")).toInteger();
            QVERIFY(boxes > std::int64_t(truth.size()) - 10);
            // The first run replaces the interpolated box; the second, the first run's boxes.
            QCOMPARE(out.value(QStringLiteral("replaced")).toInteger(), run == 0 ? 1 : firstRun);
            firstRun = boxes;
        }
        auto dataset = db::Dataset::open(dbPath, db::Dataset::OpenMode::MustExist, &error);
        QVERIFY2(dataset, qPrintable(error));
        for (std::int64_t id : keyframeIds)
            QCOMPARE(dataset->box(id)->source, db::BoxSource::Manual);
        QVERIFY(dataset->box(birdId));
        std::map<std::int64_t, int> perFrame;
        const auto frames = dataset->frames(dataset->cameras(dataset->campaigns().front().id).front().id);
        std::map<std::int64_t, std::int64_t> indexOf;
        for (const db::FrameRecord &f : frames)
            indexOf[f.id] = f.index;
        for (const db::BoxRecord &b : dataset->allBoxes()) {
            QVERIFY(b.source != db::BoxSource::Interpolated); // the interpolated box gave way
            if (b.source != db::BoxSource::Tracker)
                continue;
            const std::int64_t f = indexOf[b.frameId];
            ++perFrame[f];
            QVERIFY(b.modelVersion.startsWith(QStringLiteral("csrt-enlarged")));
            if (b.state == db::BoxState::Accepted) {
                const QPointF d = QRectF(b.x, b.y, b.w, b.h).center() - truth[size_t(f)].center();
                QVERIFY2(std::hypot(d.x(), d.y()) <= 1.5, qPrintable(QStringLiteral("frame %1").arg(f)));
            }
        }
        QCOMPARE(std::int64_t(perFrame.size()), firstRun); // one box per frame, never two
        QVERIFY(!perFrame.count(5) && !perFrame.count(30) && !perFrame.count(60));
    }
};

QTEST_GUILESS_MAIN(TestTracking)
#include "tst_tracking.moc"
