#include "widgets/frameview.h"

#include "models/annotation/annotationeditor.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace vigie {

namespace {

constexpr double handleRadiusPx = 6.0;

QColor stateColor(db::BoxState state)
{
    switch (state) {
    case db::BoxState::Proposed:
        return QColor(255, 200, 0);
    case db::BoxState::Accepted:
        return QColor(60, 220, 90);
    case db::BoxState::Corrected:
        return QColor(40, 200, 255);
    case db::BoxState::Rejected:
        return QColor(230, 60, 60);
    }
    return Qt::white;
}

QString sourceTag(db::BoxSource source)
{
    switch (source) {
    case db::BoxSource::Manual:
        return FrameView::tr("manual");
    case db::BoxSource::Geometry:
        return FrameView::tr("geo");
    case db::BoxSource::Cam:
        return FrameView::tr("cam");
    case db::BoxSource::Tracker:
        return FrameView::tr("track");
    case db::BoxSource::Interpolated:
        return FrameView::tr("interp");
    case db::BoxSource::Detector:
        return FrameView::tr("det");
    case db::BoxSource::Transfer:
        return FrameView::tr("xfer");
    }
    return {};
}

/// The 8 handles of a rect: corners (0 top-left, 1 top-right, 2 bottom-right, 3 bottom-left),
/// then edges (4 top, 5 right, 6 bottom, 7 left).
std::array<QPointF, 8> handles(const QRectF &r)
{
    const QPointF c = r.center();
    return {r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft(),
            QPointF(c.x(), r.top()), QPointF(r.right(), c.y()), QPointF(c.x(), r.bottom()),
            QPointF(r.left(), c.y())};
}

QRectF resized(const QRectF &r, int handle, const QPointF &p)
{
    QRectF out = r;
    switch (handle) {
    case 0: out.setTopLeft(p); break;
    case 1: out.setTopRight(p); break;
    case 2: out.setBottomRight(p); break;
    case 3: out.setBottomLeft(p); break;
    case 4: out.setTop(p.y()); break;
    case 5: out.setRight(p.x()); break;
    case 6: out.setBottom(p.y()); break;
    case 7: out.setLeft(p.x()); break;
    default: break;
    }
    return out.normalized();
}

} // namespace

FrameView::FrameView(QWidget *parent)
    : ImageView(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    connect(this, &ImageView::zoomChanged, this, [this](double zoom) {
        if (m_follow && !m_following)
            m_followZoom = zoom;
    });
}

void FrameView::setEditor(AnnotationEditor *editor, int camera)
{
    m_editor = editor;
    m_camera = camera;
    m_selected = 0;
    if (editor) {
        connect(editor->model(), &AnnotationModel::frameChanged, this, [this](int cam, qint64 frame) {
            if (cam == m_camera && frame == m_frame)
                update();
        });
        connect(editor->model(), &AnnotationModel::modelReset, this, [this] {
            m_selected = 0;
            update();
        });
    }
    update();
}

void FrameView::showFrame(const QImage &image, std::int64_t frame, const FrameOverlay &overlay)
{
    if (frame != m_frame) {
        m_selected = 0;
        m_drag = Drag::None;
    }
    m_frame = frame;
    m_overlay = overlay;
    setImage(image);
    follow();
    update();
}

void FrameView::setOverlay(const FrameOverlay &overlay)
{
    m_overlay = overlay;
    follow();
    update();
}

void FrameView::clearFrame()
{
    m_frame = -1;
    m_overlay = {};
    m_selected = 0;
    setImage({});
}

void FrameView::setOverlays(int overlays)
{
    m_overlays = overlays;
    update();
}

void FrameView::setFollowTarget(bool follow, double zoom)
{
    m_follow = follow;
    m_followZoom = zoom;
    this->follow();
}

void FrameView::follow()
{
    if (!m_follow || image().isNull() || !m_overlay.valid || !m_overlay.projection.inFieldOfView)
        return;
    m_following = true;
    if (std::abs(zoom() - m_followZoom) > 1e-9)
        setZoom(m_followZoom);
    centerOn(QPointF(m_overlay.projection.x, m_overlay.projection.y));
    m_following = false;
}

void FrameView::selectBox(std::int64_t handle)
{
    if (handle == m_selected)
        return;
    m_selected = handle;
    update();
    Q_EMIT selectionChanged(handle);
}

QRectF FrameView::widgetRect(const QRectF &r) const
{
    return QRectF(imageToWidget(r.topLeft()), imageToWidget(r.bottomRight()));
}

void FrameView::paintEvent(QPaintEvent *event)
{
    ImageView::paintEvent(event);
    if (!image().isNull())
        Q_EMIT framePainted(m_frame);
}

void FrameView::setHeatMap(std::int64_t frame, const QRect &region, const QImage &heat)
{
    m_heat = heat;
    m_heatRect = region;
    m_heatFrame = heat.isNull() ? -1 : frame;
    update();
}

void FrameView::paintOverlay(QPainter &painter)
{
    if (hasHeatMap()) {
        painter.save();
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false); // the map's own pixels
        painter.drawImage(widgetRect(QRectF(m_heatRect)), m_heat);
        painter.restore();
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    const Projection &p = m_overlay.projection;
    if (m_overlay.valid && p.inFront) {
        if (m_overlays & EllipseOverlay && p.ellipse.semiMajor > 0) {
            painter.save();
            painter.translate(imageToWidget(QPointF(p.ellipse.centerX, p.ellipse.centerY)));
            painter.rotate(p.ellipse.angleDeg);
            painter.setPen(QPen(QColor(255, 120, 255, 200), 1.5, Qt::DashLine));
            painter.setBrush(QColor(255, 120, 255, 25));
            const double a = p.ellipse.semiMajor * zoom(), b = p.ellipse.semiMinor * zoom();
            painter.drawEllipse(QPointF(0, 0), a, b);
            painter.restore();
        }
        if (m_overlays & ExpectedBoxOverlay && !m_overlay.expectedBox.isEmpty()) {
            painter.setPen(QPen(QColor(255, 255, 255, 170), 1.0, Qt::DotLine));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(widgetRect(m_overlay.expectedBox));
        }
        if (m_overlays & PointOverlay && p.inFieldOfView) {
            const QPointF c = imageToWidget(QPointF(p.x, p.y));
            painter.setPen(QPen(QColor(255, 80, 255), 1.5));
            painter.drawLine(c + QPointF(-9, 0), c + QPointF(-3, 0));
            painter.drawLine(c + QPointF(3, 0), c + QPointF(9, 0));
            painter.drawLine(c + QPointF(0, -9), c + QPointF(0, -3));
            painter.drawLine(c + QPointF(0, 3), c + QPointF(0, 9));
        }
    }
    if (m_overlays & ArrowOverlay && m_overlay.valid && !p.inFieldOfView)
        paintArrow(painter);

    if (m_overlays & BoxesOverlay && m_editor && m_frame >= 0) {
        QFont font = painter.font();
        font.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.85));
        painter.setFont(font);
        for (const Annotation &b : m_editor->model()->boxes(m_camera, m_frame)) {
            const bool selected = b.handle == m_selected;
            QRectF r = (selected && (m_drag == Drag::Move || m_drag == Drag::Resize)) ? m_dragRect : b.rect;
            const QRectF w = widgetRect(r);
            QColor color = stateColor(b.state);
            Qt::PenStyle style = b.state == db::BoxState::Proposed   ? Qt::DashLine
                                 : b.state == db::BoxState::Rejected ? Qt::DotLine
                                                                     : Qt::SolidLine;
            painter.setPen(QPen(color, selected ? 2.5 : 1.5, style));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(w);
            QString label = b.className + QLatin1Char(' ') + sourceTag(b.source);
            if (b.confidence)
                label += QStringLiteral(" %1").arg(*b.confidence, 0, 'f', 2);
            const QRectF text = painter.fontMetrics().boundingRect(label).adjusted(-3, -1, 3, 1);
            const QRectF placed = text.translated(w.left() - text.left(), w.top() - text.bottom() - 2);
            painter.fillRect(placed, QColor(0, 0, 0, 150));
            painter.setPen(color);
            painter.drawText(placed, Qt::AlignCenter, label);
            if (selected) {
                painter.setPen(QPen(Qt::black, 1));
                painter.setBrush(color);
                for (const QPointF &h : handles(w))
                    painter.drawRect(QRectF(h - QPointF(3.5, 3.5), QSizeF(7, 7)));
            }
        }
        if (m_drag == Drag::Draw) {
            painter.setPen(QPen(QColor(60, 220, 90), 1.5, Qt::SolidLine));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(widgetRect(m_dragRect));
        }
    }
    if (m_overlay.valid || !m_overlay.reason.isEmpty()) {
        QString status;
        if (!m_overlay.valid)
            status = m_overlay.reason;
        else
            status = tr("range %1 m  az %2°  el %3°")
                         .arg(p.look.rangeM, 0, 'f', 0)
                         .arg(p.look.azimuthDeg, 0, 'f', 2)
                         .arg(p.look.elevationDeg, 0, 'f', 2);
        status = tr("frame %1  %2").arg(m_frame).arg(status);
        const QRectF text = painter.fontMetrics().boundingRect(status).adjusted(-5, -2, 5, 2);
        const QRectF placed = text.translated(8 - text.left(), height() - 8 - text.bottom());
        painter.fillRect(placed, QColor(0, 0, 0, 150));
        painter.setPen(Qt::white);
        painter.drawText(placed, Qt::AlignCenter, status);
    }
}

void FrameView::paintArrow(QPainter &painter)
{
    // From the image centre along the bearing to the image border (clipped to the view), then
    // an arrowhead pointing outwards.
    const QImage &img = image();
    const double theta = m_overlay.projection.bearingDeg * M_PI / 180.0;
    const QPointF dir(std::cos(theta), std::sin(theta));
    const QRectF bounds = widgetRect(QRectF(0, 0, img.width(), img.height()))
                              .intersected(QRectF(rect()))
                              .adjusted(24, 24, -24, -24);
    if (bounds.isEmpty())
        return;
    const QPointF c = bounds.center();
    double t = 1e9;
    if (std::abs(dir.x()) > 1e-9)
        t = std::min(t, (dir.x() > 0 ? bounds.right() - c.x() : bounds.left() - c.x()) / dir.x());
    if (std::abs(dir.y()) > 1e-9)
        t = std::min(t, (dir.y() > 0 ? bounds.bottom() - c.y() : bounds.top() - c.y()) / dir.y());
    const QPointF tip = c + dir * t;
    const QPointF back = tip - dir * 22;
    const QPointF normal(-dir.y(), dir.x());
    QPainterPath head;
    head.moveTo(tip);
    head.lineTo(back + normal * 9);
    head.lineTo(back - normal * 9);
    head.closeSubpath();
    painter.setPen(QPen(Qt::black, 1));
    painter.setBrush(QColor(255, 80, 255));
    painter.drawPath(head);
    const QString label = tr("target out of view  %1 m").arg(m_overlay.projection.look.rangeM, 0, 'f', 0);
    const QRectF text = painter.fontMetrics().boundingRect(label).adjusted(-4, -2, 4, 2);
    // The label sits inwards of the arrowhead, never over it.
    const double reach = 8 + std::abs(dir.x()) * text.width() / 2 + std::abs(dir.y()) * text.height() / 2;
    const QPointF centre = back - dir * reach;
    QRectF placed = text.translated(centre - text.center());
    placed.moveLeft(std::clamp(placed.left(), 4.0, std::max(4.0, width() - placed.width() - 4)));
    placed.moveTop(std::clamp(placed.top(), 4.0, std::max(4.0, height() - placed.height() - 4)));
    painter.fillRect(placed, QColor(0, 0, 0, 160));
    painter.setPen(QColor(255, 80, 255));
    painter.drawText(placed, Qt::AlignCenter, label);
}

int FrameView::handleAt(const QPointF &widgetPoint) const
{
    if (!m_editor || m_selected == 0)
        return -1;
    const auto box = m_editor->model()->box(m_selected);
    if (!box)
        return -1;
    const auto hs = handles(widgetRect(box->rect));
    for (int i = 0; i < 8; ++i) {
        const QPointF d = hs[size_t(i)] - widgetPoint;
        if (std::abs(d.x()) <= handleRadiusPx && std::abs(d.y()) <= handleRadiusPx)
            return i;
    }
    return -1;
}

std::int64_t FrameView::boxAt(const QPointF &imagePoint) const
{
    if (!m_editor || m_frame < 0)
        return 0;
    // The smallest box under the point: a small box inside a big one stays reachable.
    std::int64_t best = 0;
    double bestArea = 0;
    const double slack = handleRadiusPx / zoom();
    for (const Annotation &b : m_editor->model()->boxes(m_camera, m_frame)) {
        if (!b.rect.adjusted(-slack, -slack, slack, slack).contains(imagePoint))
            continue;
        const double area = b.rect.width() * b.rect.height();
        if (best == 0 || area < bestArea) {
            best = b.handle;
            bestArea = area;
        }
    }
    return best;
}

void FrameView::mousePressEvent(QMouseEvent *event)
{
    Q_EMIT activated();
    if (event->button() != Qt::LeftButton || event->modifiers() & Qt::ControlModifier || !m_editor
        || image().isNull() || m_frame < 0) {
        ImageView::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    const QPointF p = widgetToImage(event->position());
    m_dragStart = p;
    if (const int h = handleAt(event->position()); h >= 0) {
        m_drag = Drag::Resize;
        m_handle = h;
        m_dragRect = m_editor->model()->box(m_selected)->rect;
    } else if (const std::int64_t hit = boxAt(p); hit != 0) {
        selectBox(hit);
        m_drag = Drag::Move;
        m_dragRect = m_editor->model()->box(hit)->rect;
    } else {
        selectBox(0);
        m_drag = Drag::Draw;
        m_dragRect = QRectF(p, QSizeF(0, 0));
    }
    event->accept();
}

void FrameView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_drag != Drag::None) {
        const QImage &img = image();
        QPointF p = widgetToImage(event->position());
        p.setX(std::clamp(p.x(), 0.0, double(img.width())));
        p.setY(std::clamp(p.y(), 0.0, double(img.height())));
        const auto box = m_selected ? m_editor->model()->box(m_selected) : std::nullopt;
        if (m_drag == Drag::Draw) {
            m_dragRect = QRectF(m_dragStart, p).normalized();
        } else if (m_drag == Drag::Move && box) {
            QRectF r = box->rect.translated(p - m_dragStart);
            r.moveLeft(std::clamp(r.left(), 0.0, img.width() - r.width()));
            r.moveTop(std::clamp(r.top(), 0.0, img.height() - r.height()));
            m_dragRect = r;
        } else if (m_drag == Drag::Resize && box) {
            m_dragRect = resized(box->rect, m_handle, p);
        }
        update();
    } else if (handleAt(event->position()) >= 0) {
        setCursor(Qt::SizeAllCursor);
    } else {
        unsetCursor();
    }
    ImageView::mouseMoveEvent(event);
}

void FrameView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag == Drag::None || event->button() != Qt::LeftButton) {
        ImageView::mouseReleaseEvent(event);
        return;
    }
    const Drag drag = m_drag;
    m_drag = Drag::None;
    const QRectF r = m_dragRect;
    if (drag == Drag::Draw) {
        // A click without a drag only deselects; a box needs at least 2×2 pixels.
        if (r.width() >= 2 && r.height() >= 2) {
            const std::int64_t handle = m_editor->addBox(m_camera, m_frame, r, m_drawClass);
            if (handle)
                selectBox(handle);
        }
    } else if (m_selected) {
        const auto box = m_editor->model()->box(m_selected);
        if (box && r != box->rect && r.width() >= 1 && r.height() >= 1)
            m_editor->setRect(m_selected, r);
    }
    update();
    event->accept();
}

} // namespace vigie
