#include "widgets/timeline.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace vigie {

namespace {
constexpr int bandHeight = 14;
constexpr int rulerHeight = 16;
constexpr int markerHeight = 8;
} // namespace

TimelineWidget::TimelineWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("timeline"));
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize TimelineWidget::sizeHint() const
{
    return {800, minimumSizeHint().height()};
}

QSize TimelineWidget::minimumSizeHint() const
{
    return {200, rulerHeight + markerHeight + int(std::max<size_t>(m_bands.size(), 3)) * (bandHeight + 2) + 6};
}

void TimelineWidget::setFrameCount(std::int64_t frames)
{
    m_frames = std::max<std::int64_t>(0, frames);
    m_first = 0;
    m_visible = m_frames;
    updateGeometry();
    update();
}

void TimelineWidget::setBand(int index, const Band &band)
{
    if (index >= int(m_bands.size()))
        m_bands.resize(size_t(index) + 1);
    m_bands[size_t(index)] = band;
    updateGeometry();
    update();
}

void TimelineWidget::setBandValue(int index, std::int64_t frame, std::uint8_t value)
{
    if (index < 0 || index >= int(m_bands.size()))
        return;
    auto &values = m_bands[size_t(index)].values;
    if (frame < 0 || size_t(frame) >= values.size() || values[size_t(frame)] == value)
        return;
    values[size_t(frame)] = value;
    update();
}

void TimelineWidget::setMarkers(std::vector<std::int64_t> frames)
{
    m_markers = std::move(frames);
    update();
}

void TimelineWidget::clear()
{
    m_bands.clear();
    m_markers.clear();
    m_frames = 0;
    m_current = -1;
    m_first = m_visible = 0;
    update();
}

void TimelineWidget::setCurrentFrame(qint64 frame)
{
    if (frame == m_current)
        return;
    m_current = frame;
    // Keep the cursor in sight when zoomed in.
    if (m_visible > 0 && m_visible < m_frames && (frame < m_first || frame >= m_first + m_visible)) {
        m_first = frame - m_visible / 2;
        clampRange();
    }
    update();
}

void TimelineWidget::setVisibleRange(std::int64_t first, std::int64_t count)
{
    m_first = first;
    m_visible = count;
    clampRange();
    update();
}

void TimelineWidget::clampRange()
{
    m_visible = std::clamp<std::int64_t>(m_visible, std::min<std::int64_t>(m_frames, 20), m_frames);
    m_first = std::clamp<std::int64_t>(m_first, 0, std::max<std::int64_t>(0, m_frames - m_visible));
}

int TimelineWidget::labelWidth() const
{
    int w = 0;
    for (const Band &b : m_bands)
        w = std::max(w, fontMetrics().horizontalAdvance(b.name));
    return w + 12;
}

QRect TimelineWidget::trackRect() const
{
    return rect().adjusted(labelWidth(), 2, -4, -2);
}

std::int64_t TimelineWidget::frameAtX(double x) const
{
    const QRect t = trackRect();
    if (m_visible <= 0 || t.width() <= 0)
        return -1;
    const double f = m_first + (x - t.left()) / t.width() * double(m_visible);
    return std::clamp<std::int64_t>(std::int64_t(std::floor(f)), 0, m_frames - 1);
}

double TimelineWidget::xOfFrame(std::int64_t frame) const
{
    const QRect t = trackRect();
    if (m_visible <= 0)
        return t.left();
    return t.left() + (double(frame - m_first) + 0.5) / double(m_visible) * t.width();
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    const QRect t = trackRect();
    if (m_frames <= 0 || t.width() <= 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No campaign open"));
        return;
    }
    painter.fillRect(t, QColor(0x26, 0x29, 0x2e));

    // Ruler: ticks at a round number of frames.
    const double framesPerPx = double(m_visible) / t.width();
    static const std::int64_t steps[] = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 25000, 50000, 100000};
    std::int64_t step = steps[std::size(steps) - 1];
    for (std::int64_t s : steps) {
        if (s / framesPerPx >= 70) {
            step = s;
            break;
        }
    }
    painter.setPen(QColor(0xa8, 0xad, 0xb4));
    QFont small = font();
    small.setPointSizeF(std::max(6.5, small.pointSizeF() * 0.8));
    painter.setFont(small);
    for (std::int64_t f = (m_first / step) * step; f < m_first + m_visible; f += step) {
        if (f < m_first)
            continue;
        const double x = xOfFrame(f);
        painter.drawLine(QPointF(x, t.top()), QPointF(x, t.top() + 4));
        painter.drawText(QPointF(x + 2, t.top() + rulerHeight - 4), QString::number(f));
    }

    // Bands: for each pixel column, the largest value over the frames it covers.
    int y = t.top() + rulerHeight;
    for (const Band &band : m_bands) {
        painter.setPen(palette().color(QPalette::WindowText));
        painter.setFont(small);
        painter.drawText(QRect(2, y, labelWidth() - 6, bandHeight), Qt::AlignRight | Qt::AlignVCenter, band.name);
        for (int px = 0; px < t.width(); ++px) {
            const std::int64_t a = m_first + std::int64_t(std::floor(px * framesPerPx));
            const std::int64_t b = std::max(a + 1, m_first + std::int64_t(std::floor((px + 1) * framesPerPx)));
            std::uint8_t v = 0;
            for (std::int64_t f = a; f < b && f < std::int64_t(band.values.size()); ++f)
                v = std::max(v, band.values[size_t(f)]);
            if (v > 0 && v <= band.colors.size())
                painter.fillRect(QRect(t.left() + px, y, 1, bandHeight), band.colors[v - 1]);
        }
        y += bandHeight + 2;
    }

    // Markers of flagged frames.
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 160, 0));
    for (std::int64_t f : m_markers) {
        if (f < m_first || f >= m_first + m_visible)
            continue;
        const double x = xOfFrame(f);
        const QPointF tri[] = {QPointF(x, y + markerHeight), QPointF(x - 4, y), QPointF(x + 4, y)};
        painter.drawPolygon(tri, 3);
    }

    // The cursor.
    if (m_current >= m_first && m_current < m_first + m_visible) {
        const double x = xOfFrame(m_current);
        painter.setPen(QPen(QColor(255, 255, 255), 2));
        painter.drawLine(QPointF(x, t.top()), QPointF(x, t.bottom()));
    }
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_frames > 0 && event->position().x() >= trackRect().left()) {
        Q_EMIT seekRequested(frameAtX(event->position().x()));
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton && m_frames > 0) {
        const std::int64_t f = frameAtX(event->position().x());
        if (f != m_current)
            Q_EMIT seekRequested(f);
        event->accept();
        return;
    }
    QWidget::mouseMoveEvent(event);
}

void TimelineWidget::wheelEvent(QWheelEvent *event)
{
    if (m_frames <= 0) {
        event->ignore();
        return;
    }
    const double notches = event->angleDelta().y() / 120.0;
    if (event->modifiers() & Qt::ShiftModifier) {
        m_first -= std::int64_t(notches * double(m_visible) / 10.0);
    } else {
        const std::int64_t anchor = frameAtX(event->position().x());
        const double factor = std::pow(0.8, notches);
        const std::int64_t visible = std::int64_t(std::llround(double(m_visible) * factor));
        const double ratio = double(anchor - m_first) / double(std::max<std::int64_t>(1, m_visible));
        m_visible = visible;
        clampRange();
        m_first = anchor - std::int64_t(ratio * double(m_visible));
    }
    clampRange();
    update();
    event->accept();
}

} // namespace vigie
