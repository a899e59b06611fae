#include "widgets/imageview.h"

#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using vigie::ImageView;

class TestImageView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fitsFirstImage()
    {
        ImageView view;
        view.resize(640, 480);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setImage(QImage(1280, 720, QImage::Format_RGB32));
        QCOMPARE(view.zoom(), 0.5); // width-limited: 640/1280
        QCOMPARE(view.center(), QPointF(640, 360));
        // The image centre is drawn at the widget centre.
        QCOMPARE(view.imageToWidget(QPointF(640, 360)), QPointF(320, 240));
        QCOMPARE(view.widgetToImage(QPointF(0, 240)), QPointF(0, 360));
    }

    void wheelZoomKeepsPointUnderCursor()
    {
        ImageView view;
        view.resize(400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setImage(QImage(400, 300, QImage::Format_Grayscale16));
        const QPointF cursor(100, 80);
        const QPointF before = view.widgetToImage(cursor);
        QSignalSpy zoomed(&view, &ImageView::zoomChanged);
        QWheelEvent wheel(cursor, view.mapToGlobal(cursor), QPoint(), QPoint(0, 240),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &wheel);
        QCOMPARE(zoomed.count(), 1);
        QVERIFY(qFuzzyCompare(view.zoom(), 1.25 * 1.25));
        const QPointF after = view.widgetToImage(cursor);
        QVERIFY(std::abs(after.x() - before.x()) < 1e-9);
        QVERIFY(std::abs(after.y() - before.y()) < 1e-9);
    }

    void zoomIsClampedAndKeysWork()
    {
        ImageView view;
        view.resize(200, 200);
        view.setImage(QImage(100, 100, QImage::Format_RGB32));
        view.setZoom(1e6);
        QCOMPARE(view.zoom(), ImageView::maxZoom);
        view.setZoom(0);
        QCOMPARE(view.zoom(), ImageView::minZoom);
        view.actualSize();
        QCOMPARE(view.zoom(), 1.0);
        view.zoomIn();
        QCOMPARE(view.zoom(), 1.25);
        view.zoomOut();
        QCOMPARE(view.zoom(), 1.0);
    }

    void middleDragPans()
    {
        ImageView view;
        view.resize(200, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setImage(QImage(200, 200, QImage::Format_RGB32));
        view.actualSize();
        const QPointF start = view.center();
        QTest::mousePress(&view, Qt::MiddleButton, Qt::NoModifier, QPoint(100, 100));
        QMouseEvent move(QEvent::MouseMove, QPointF(130, 90), view.mapToGlobal(QPointF(130, 90)),
                         Qt::NoButton, Qt::MiddleButton, Qt::NoModifier);
        QApplication::sendEvent(&view, &move);
        QTest::mouseRelease(&view, Qt::MiddleButton, Qt::NoModifier, QPoint(130, 90));
        QCOMPARE(view.center(), start - QPointF(30, -10));
    }

    void cursorReportsImagePixel()
    {
        ImageView view;
        view.resize(200, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setImage(QImage(200, 200, QImage::Format_RGB32));
        view.actualSize();
        QSignalSpy moved(&view, &ImageView::cursorMoved);
        QTest::mouseMove(&view, QPoint(10, 20));
        QTRY_VERIFY(moved.count() >= 1);
        QCOMPARE(moved.last().at(0).toPointF(), QPointF(10, 20));
        QCOMPARE(moved.last().at(1).toBool(), true);
        view.setZoom(4.0); // around the centre (100, 100)
        QTest::mouseMove(&view, QPoint(20, 20));
        QTRY_COMPARE(moved.last().at(0).toPointF(), QPointF(80, 80));
    }

    void placeholderWithoutImage()
    {
        ImageView view;
        view.setPlaceholderText(QStringLiteral("No campaign open"));
        view.resize(300, 200);
        const QImage shot = view.grab().toImage();
        // Text was painted: the frame is not a single flat colour.
        const QRgb background = shot.pixel(2, 2);
        bool painted = false;
        for (int y = 0; y < shot.height() && !painted; ++y)
            for (int x = 0; x < shot.width() && !painted; ++x)
                painted = shot.pixel(x, y) != background;
        QVERIFY(painted);
    }
};

QTEST_MAIN(TestImageView)
#include "tst_imageview.moc"
