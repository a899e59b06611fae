#pragma once

#include "models/presentation.h"

#include <QColor>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <vector>

namespace vigie {

/// The campaign at a glance, under the views: one row per band (fix quality, target in view,
/// annotation state, later detector results), one column per frame of the master stream, the
/// current frame as a cursor and the analyst's flagged frames as markers. Click or drag to
/// seek; the wheel zooms around the cursor, Shift+wheel scrolls. GUI thread only.
class TimelineWidget : public QWidget
{
    Q_OBJECT

public:
    using Band = TimelineBand;

    explicit TimelineWidget(QWidget *parent = nullptr);

    void setFrameCount(std::int64_t frames);
    std::int64_t frameCount() const { return m_frames; }
    /// Replaces band `index` (appending if index == bandCount()).
    void setBand(int index, const Band &band);
    int bandCount() const { return int(m_bands.size()); }
    const Band &band(int index) const { return m_bands[size_t(index)]; }
    /// One value of a band changed (an edit); cheap.
    void setBandValue(int index, std::int64_t frame, std::uint8_t value);
    void setMarkers(std::vector<std::int64_t> frames);
    void clear();

    std::int64_t currentFrame() const { return m_current; }
    /// Visible frame range [first, last).
    std::int64_t firstVisible() const { return m_first; }
    std::int64_t visibleFrames() const { return m_visible; }
    void setVisibleRange(std::int64_t first, std::int64_t count);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    std::int64_t frameAtX(double x) const;
    double xOfFrame(std::int64_t frame) const;

public Q_SLOTS:
    void setCurrentFrame(qint64 frame);

Q_SIGNALS:
    void seekRequested(qint64 frame);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    int labelWidth() const;
    QRect trackRect() const;
    void clampRange();

    std::int64_t m_frames = 0;
    std::int64_t m_current = -1;
    std::int64_t m_first = 0;
    std::int64_t m_visible = 0;
    std::vector<Band> m_bands;
    std::vector<std::int64_t> m_markers;
};

} // namespace vigie
