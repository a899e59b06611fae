#include "widgets/imageview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace vigie {

namespace {
constexpr double zoomStep = 1.25;
}

ImageView::ImageView(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(160, 120);
    setAutoFillBackground(false);
}

void ImageView::setImage(const QImage &image)
{
    const bool sizeChanged = image.size() != m_image.size();
    m_image = image;
    if (sizeChanged)
        m_fitPending = true;
    if (m_fitPending && !m_image.isNull() && width() > 0 && height() > 0)
        fitToView();
    update();
}

void ImageView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    update();
}

void ImageView::setTitle(const QString &title)
{
    m_title = title;
    update();
}

void ImageView::setZoom(double zoom)
{
    zoomAround(zoom, QPointF(width() / 2.0, height() / 2.0));
}

void ImageView::centerOn(const QPointF &imagePoint)
{
    m_center = imagePoint;
    update();
}

QPointF ImageView::widgetToImage(const QPointF &widgetPoint) const
{
    const QPointF widgetCenter(width() / 2.0, height() / 2.0);
    return m_center + (widgetPoint - widgetCenter) / m_zoom;
}

QPointF ImageView::imageToWidget(const QPointF &imagePoint) const
{
    const QPointF widgetCenter(width() / 2.0, height() / 2.0);
    return widgetCenter + (imagePoint - m_center) * m_zoom;
}

void ImageView::zoomIn()
{
    setZoom(m_zoom * zoomStep);
}

void ImageView::zoomOut()
{
    setZoom(m_zoom / zoomStep);
}

void ImageView::fitToView()
{
    if (m_image.isNull())
        return;
    m_fitPending = false;
    const double fit = std::min(width() / double(m_image.width()),
                                height() / double(m_image.height()));
    m_center = QPointF(m_image.width() / 2.0, m_image.height() / 2.0);
    const double clamped = std::clamp(fit, minZoom, maxZoom);
    const bool changed = clamped != m_zoom;
    m_zoom = clamped;
    update();
    if (changed)
        Q_EMIT zoomChanged(m_zoom);
}

void ImageView::actualSize()
{
    setZoom(1.0);
}

void ImageView::zoomAround(double zoom, const QPointF &widgetAnchor)
{
    const double clamped = std::clamp(zoom, minZoom, maxZoom);
    if (clamped == m_zoom)
        return;
    // Keep the image point under the anchor where it is on screen.
    const QPointF anchorImage = widgetToImage(widgetAnchor);
    m_zoom = clamped;
    const QPointF widgetCenter(width() / 2.0, height() / 2.0);
    m_center = anchorImage - (widgetAnchor - widgetCenter) / m_zoom;
    m_fitPending = false;
    update();
    Q_EMIT zoomChanged(m_zoom);
}

void ImageView::paintOverlay(QPainter &)
{
}

void ImageView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    // A dark, neutral surround: it does not bias how bright a frame looks, whatever the theme.
    painter.fillRect(rect(), QColor(0x1e, 0x21, 0x26));

    if (m_image.isNull()) {
        painter.setPen(QColor(0xa8, 0xad, 0xb4));
        painter.drawText(rect().adjusted(12, 12, -12, -12),
                         Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
    } else {
        painter.save();
        const QPointF origin = imageToWidget(QPointF(0, 0));
        painter.translate(origin);
        painter.scale(m_zoom, m_zoom);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom < 2.0);
        painter.drawImage(QPointF(0, 0), m_image);
        painter.restore();
        paintOverlay(painter);
    }

    if (!m_title.isEmpty()) {
        QFont font = painter.font();
        font.setBold(true);
        painter.setFont(font);
        const QRect box = painter.fontMetrics().boundingRect(m_title).adjusted(-6, -3, 6, 3);
        const QRect placed = box.translated(8 - box.left(), 8 - box.top());
        painter.fillRect(placed, QColor(0, 0, 0, 160));
        painter.setPen(Qt::white);
        painter.drawText(placed, Qt::AlignCenter, m_title);
    }
}

void ImageView::wheelEvent(QWheelEvent *event)
{
    if (m_image.isNull()) {
        event->ignore();
        return;
    }
    // One notch (120 units) is one zoom step; high-resolution touchpads send fractions of it.
    const double notches = event->angleDelta().y() / 120.0;
    zoomAround(m_zoom * std::pow(zoomStep, notches), event->position());
    event->accept();
}

void ImageView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && event->modifiers() & Qt::ControlModifier)) {
        m_panning = true;
        m_panLast = event->position();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void ImageView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPointF delta = event->position() - m_panLast;
        m_panLast = event->position();
        m_center -= delta / m_zoom;
        m_fitPending = false;
        update();
    }
    if (!m_image.isNull()) {
        const QPointF p = widgetToImage(event->position());
        const bool inside = p.x() >= 0 && p.y() >= 0 && p.x() < m_image.width()
                            && p.y() < m_image.height();
        Q_EMIT cursorMoved(p, inside);
    }
    QWidget::mouseMoveEvent(event);
}

void ImageView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void ImageView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fitPending)
        fitToView();
}

} // namespace vigie
