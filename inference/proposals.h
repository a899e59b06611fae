#pragma once

// From a class map to boxes, and how good the boxes are. Torch-free: the network gives the
// cells, this turns them into boxes inside the geometric search region.
//
// The map over the search region is upsampled to the region's pixels, masked to the
// uncertainty ellipse, min–max normalised inside the mask, thresholded at τ, and its connected
// components become boxes, ranked by the raw activation at their peak.

#include "models/geometry/camera.h"

#include <QImage>
#include <QRectF>

#include <optional>
#include <vector>

namespace vigie::inference {

/// Where to look: the ellipse's bounding box, at least `minSidePx` square, clipped to the image.
struct SearchRegion
{
    QRect rect;
    std::optional<PixelEllipse> ellipse; ///< mask; none: the whole rect
    double expectedSidePx = 0;           ///< the drone's expected larger side, from range and size
};
SearchRegion searchRegion(const Projection &projection, int imageWidth, int imageHeight, double minSidePx = 64);

/// A class map at pixel resolution over a region: `values` in [0, 1] inside the mask and −1
/// outside; `raw` the network's activation.
struct ScoreMap
{
    QPoint origin; ///< the region's top-left pixel in the image
    int width = 0, height = 0;
    std::vector<float> values;
    std::vector<float> raw;
    int closePx = 0; ///< gaps closed before counting components (pixels)
    /// The region's grey pixels, when boxes are to be refined: each component's box shrinks to
    /// the pixels inside it that stand out from the region's background (the map says where the
    /// drone is; its own pixels say how large it is).
    QImage grey;
    double edgeFraction = 0.5; ///< see refineBox()
    double refineReference = 1.0; ///< see refineBox()
    int backgroundMedian = -1;     ///< of `grey`, computed once (setGrey)
    double backgroundSigma = 0;    ///< robust: 1.4826 × the median absolute deviation

    /// Attaches the region's pixels for refinement and measures their background once.
    void setGrey(const QImage &regionGrey, double fraction);
};

/// The refinement above, on its own: the pixels of `box` (grown by `growPx`) whose difference
/// from the region's median exceeds max(4 × robust sigma, 6 grey levels, `edgeFraction` × the
/// largest difference in the box): the drone at a fraction of its peak contrast, since optics,
/// motion and compression blur its edge. `box` when fewer than two pixels qualify.
/// `referenceQuantile` below 1 takes that quantile of the differences above the noise instead of
/// the largest: a saturated hot spot then no longer hides a dimmer body around it.
QRectF refineBox(const QImage &regionGrey, const QPoint &origin, const QRectF &box, double edgeFraction = 0.5,
                 int growPx = 3, double referenceQuantile = 1.0);
/// The same with the background already measured.
QRectF refineBox(const QImage &regionGrey, const QPoint &origin, const QRectF &box, int median, double sigma,
                 double edgeFraction, int growPx = 3, double referenceQuantile = 1.0);

/// A map already at pixel resolution over `region` (row-major, region.width() × region.height()
/// values), masked and min–max normalised; empty when the sizes disagree.
ScoreMap scoreMap(const std::vector<float> &pixels, const QRect &region, const std::optional<PixelEllipse> &mask);

struct ProposedBox
{
    QRectF box;        ///< image pixels
    double confidence; ///< sigmoid of the raw activation at the component's peak
    double peak;       ///< normalised value at the peak
};

/// The components above τ, best first (at most `maxBoxes`), each box scaled by `boxScale` about
/// its centre (the analysts' box convention, see BoxCalibration).
std::vector<ProposedBox> boxesAt(const ScoreMap &map, double tau, int maxBoxes = 5, double boxScale = 1.0);

double iou(const QRectF &a, const QRectF &b);

/// Localisation quality over frames with a known box.
struct LocalizationScores
{
    int frames = 0;
    double corLoc = 0;      ///< top box at τ with IoU ≥ 0.5
    double maxBoxAcc = 0;   ///< max over τ of the fraction whose largest component has IoU ≥ 0.5
    double maxBoxAccV2 = 0; ///< mean over δ ∈ {0.3, 0.5, 0.7} of max over τ of the fraction where any component has IoU ≥ δ
    double meanIou = 0;     ///< of the top box at τ
    double tau = 0;         ///< the τ CorLoc and mean IoU used
    double boxScale = 1;    ///< the box scale every metric used
};

/// The thresholds tried: 0.00, 0.01, …, 0.99.
std::vector<double> tauGrid();
/// The box scales tried: 0.5 to 3 (1: the drone's own pixels).
std::vector<double> boxScaleGrid();

/// What boxes known to be right teach the proposer: the threshold τ, and the box convention.
/// The refined box is the drone's pixels above half its contrast; real annotations are often
/// drawn looser (the Anti-UAV boxes are about twice the drone's hot pixels), so the scale that
/// makes the refined boxes match the accepted ones is learnt with τ.
struct BoxCalibration
{
    double tau = 0.5;
    double boxScale = 1.0;
    int boxes = 0; ///< the accepted boxes it was measured on (0: the defaults)
};
/// How an evaluation splits its frames, in time order (decision 28): the first fifth, a
/// contiguous block standing in for the analyst's first accepted boxes, calibrates τ and the box
/// scale; the next twentieth (at least one frame) is left out, so that no test frame is a near
/// copy of a calibration frame; the rest are the test frames. Never interleaved.
struct CalibrationSplit
{
    std::size_t calibrationEnd = 0; ///< frames [0, calibrationEnd) calibrate
    std::size_t testBegin = 0;      ///< frames [testBegin, n) are tested
};
CalibrationSplit calibrationSplit(std::size_t frames);

/// The (τ, scale) that maximises MaxBoxAcc@0.5 on these maps; on ties, the larger mean IoU, then
/// the smaller scale and τ.
BoxCalibration calibrate(const std::vector<ScoreMap> &maps, const std::vector<QRectF> &truths);
LocalizationScores evaluateMaps(const std::vector<ScoreMap> &maps, const std::vector<QRectF> &truths, double tau,
                                double boxScale = 1.0);
/// Fixed boxes (the geometric box): every metric reduces to IoU counting.
LocalizationScores evaluateBoxes(const std::vector<QRectF> &boxes, const std::vector<QRectF> &truths);

} // namespace vigie::inference
