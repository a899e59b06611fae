#pragma once

#include "models/annotation/annotationmodel.h"
#include "models/geometry/camera.h"
#include "models/presentation.h"
#include "widgets/imageview.h"

namespace vigie {

class AnnotationEditor;

/// One camera's frames with the target's projection and the boxes drawn over them, and the
/// mouse gestures that edit boxes: drag on empty image to draw, drag a box to move it, drag a
/// handle to resize it, click to select. Every edit goes through the AnnotationEditor (one
/// undoable command each); the view only keeps the drag in progress. Middle button or
/// Ctrl+drag pans, the wheel zooms (ImageView). GUI thread only.
class FrameView : public ImageView
{
    Q_OBJECT

public:
    enum Overlay { PointOverlay = 1, EllipseOverlay = 2, ExpectedBoxOverlay = 4, ArrowOverlay = 8,
                   BoxesOverlay = 16, AllOverlays = 31 };

    explicit FrameView(QWidget *parent = nullptr);

    void setEditor(AnnotationEditor *editor, int camera);
    int camera() const { return m_camera; }

    /// The frame shown: its pixels, its number (for the boxes) and its overlay, together, so
    /// that what is drawn always belongs to the pixels under it.
    void showFrame(const QImage &image, std::int64_t frame, const FrameOverlay &overlay);
    /// Just the overlay (a time offset was nudged).
    void setOverlay(const FrameOverlay &overlay);
    std::int64_t frame() const { return m_frame; }
    const FrameOverlay &overlay() const { return m_overlay; }
    void clearFrame();

    void setOverlays(int overlays);
    int overlays() const { return m_overlays; }

    /// Follow target: each new frame is centred on the projected point at `zoom`.
    void setFollowTarget(bool follow, double zoom = 4.0);
    bool followsTarget() const { return m_follow; }
    /// The zoom follow mode uses: the one given, then whatever the analyst zooms to while
    /// following.
    double followZoom() const { return m_followZoom; }

    /// A heat map over `region` (image pixels) of `frame`, drawn under the boxes while that
    /// frame is shown (the proposer's class map). A null image clears it.
    void setHeatMap(std::int64_t frame, const QRect &region, const QImage &heat);
    bool hasHeatMap() const { return !m_heat.isNull() && m_heatFrame == m_frame; }

    /// The class new boxes get.
    void setDrawClass(const QString &className) { m_drawClass = className; }

    std::int64_t selectedBox() const { return m_selected; }
    void selectBox(std::int64_t handle);

    /// Emitted after a paint that showed frame `frame` (latency measurements).
    Q_SIGNAL void framePainted(qint64 frame);
    Q_SIGNAL void selectionChanged(qint64 handle);
    /// The analyst clicked or dragged in this view (it becomes the active one).
    Q_SIGNAL void activated();

protected:
    void paintOverlay(QPainter &painter) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    enum class Drag { None, Draw, Move, Resize };
    /// Handle index 0–7 (corners then edges) of the selected box under a widget point, or −1.
    int handleAt(const QPointF &widgetPoint) const;
    std::int64_t boxAt(const QPointF &imagePoint) const;
    QRectF widgetRect(const QRectF &imageRect) const;
    void paintArrow(QPainter &painter);
    void follow();

    AnnotationEditor *m_editor = nullptr;
    int m_camera = -1;
    std::int64_t m_frame = -1;
    FrameOverlay m_overlay;
    QImage m_heat;
    QRect m_heatRect;
    std::int64_t m_heatFrame = -1;
    int m_overlays = AllOverlays;
    bool m_follow = false;
    bool m_following = false; ///< follow() itself is zooming
    double m_followZoom = 4.0;
    QString m_drawClass;
    std::int64_t m_selected = 0;

    Drag m_drag = Drag::None;
    int m_handle = -1;
    QPointF m_dragStart; ///< image coordinates
    QRectF m_dragRect;   ///< image coordinates, the box as the drag has it now
};

} // namespace vigie
