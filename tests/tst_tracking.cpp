// The small-target tracker (inference/tracking.h) on real turret IR footage from the repository's
// fixtures (Anti-UAV seq4, a drone of about 14×8 px): started on the true box it follows the drone
// frame after frame at the standard (centre within 3 px, IoU ≥ 0.3), and on a frame where
// the drone is not (the image replaced by another place of the sky) it says so instead of
// drifting.

#include "inference/tracking.h"
#include "inference/weaklabels.h"
#include "models/media/videodecoder.h"

#include <QFile>
#include <QTest>
#include <QTextStream>

#include <cmath>

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
};

QTEST_GUILESS_MAIN(TestTracking)
#include "tst_tracking.moc"
