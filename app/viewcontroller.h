#pragma once

// How the workstation's views show a campaign: zoom, fit, actual pixels and following the target;
// which overlays are drawn; the IR palette and contrast window; and these settings kept across
// runs in QSettings. GUI thread only.

#include "models/imaging/palette.h"

#include <QObject>

class QAction;
class QActionGroup;
class QImage;

namespace vigie {

class FrameView;
class ImageView;
class MainWindow;
struct FrameOverlay;

class ViewController : public QObject
{
    Q_OBJECT

public:
    explicit ViewController(MainWindow *window);

    QList<QAction *> zoomActions() const;     ///< for the View menu
    QList<QAction *> overlayActions() const;  ///< View › Overlays
    QList<QAction *> infraredActions() const; ///< View › Infrared; nullptr is a separator
    QList<QAction *> toolbarActions() const;

    void restoreSettings();
    void saveSettings() const;
    /// A campaign opened: the views edit its boxes and follow its overlays; its session takes the
    /// palette and the contrast mode.
    void campaignOpened();
    void campaignClosed();
    /// Shows a frame the session delivered; the view that shows it, or nullptr.
    FrameView *showFrame(int camera, const QImage &image, qint64 frame, const FrameOverlay &overlay);
    void editContrast();

private:
    /// The views zoom commands act on: the one that has focus, else the visible ones.
    QList<ImageView *> targetViews() const;

    MainWindow *m_window;
    QAction *m_zoomIn = nullptr, *m_zoomOut = nullptr, *m_fit = nullptr, *m_actualSize = nullptr, *m_follow = nullptr;
    QList<QAction *> m_overlays;
    QActionGroup *m_palettes = nullptr;
    QAction *m_cyclePalette = nullptr, *m_autoContrast = nullptr, *m_contrast = nullptr;
    ThermalPalette m_palette = ThermalPalette::WhiteHot;
};

} // namespace vigie
