#pragma once

#include <QImage>
#include <QWidget>

class QPainter;

namespace vigie {

/// Shows one image (a video frame) with zoom and pan, pixel-exact when zoomed in.
///
/// The view keeps the image point that sits at its centre; zooming with the wheel keeps the
/// point under the cursor still, so that a 10-pixel drone can be reached in two wheel turns.
/// Above 2x the image is drawn with nearest-neighbour sampling, so that pixels stay pixels.
/// With no image it paints its placeholder text. GUI thread only.
class ImageView : public QWidget
{
    Q_OBJECT

public:
    explicit ImageView(QWidget *parent = nullptr);

    /// The image to show; the view keeps a shallow (implicitly shared) copy. A first image, or
    /// one of another size, is fitted to the view; others keep the current zoom and centre.
    void setImage(const QImage &image);
    QImage image() const { return m_image; }

    /// Text painted when there is no image ("No campaign open", ...).
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

    /// Short caption painted in the top-left corner ("RGB", "IR").
    void setTitle(const QString &title);

    double zoom() const { return m_zoom; }
    /// Sets the zoom (1 = one image pixel per screen pixel), clamped to [minZoom, maxZoom],
    /// keeping the image point at the view's centre still.
    void setZoom(double zoom);
    static constexpr double minZoom = 1.0 / 64.0;
    static constexpr double maxZoom = 64.0;

    /// The image point shown at the view's centre.
    QPointF center() const { return m_center; }
    void centerOn(const QPointF &imagePoint);

    QPointF widgetToImage(const QPointF &widgetPoint) const;
    QPointF imageToWidget(const QPointF &imagePoint) const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    /// Whole image visible, centred.
    void fitToView();
    /// One image pixel per screen pixel.
    void actualSize();

Q_SIGNALS:
    void zoomChanged(double zoom);
    /// The image pixel under the cursor; inside is false when the cursor is off the image.
    void cursorMoved(const QPointF &imagePoint, bool inside);

protected:
    /// Draws on top of the image, in widget coordinates, before the title. Subclasses overlay
    /// geometry and boxes here.
    virtual void paintOverlay(QPainter &painter);
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void zoomAround(double zoom, const QPointF &widgetAnchor);

    QImage m_image;
    QString m_placeholder;
    QString m_title;
    double m_zoom = 1.0;
    QPointF m_center;
    bool m_fitPending = true;
    bool m_panning = false;
    QPointF m_panLast;
};

} // namespace vigie
