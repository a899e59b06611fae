#pragma once

// Boxes between two of the analyst's keyframes of one target on one camera (issue 16,
// deliverable 1). CVAT and DIVE interpolate the corners linearly in pixels, so a turret slew or
// an approach drags the box off the drone between keyframes. Here the geometry carries it: the
// box keeps its offset from the GPS-projected point (the pointing and calibration errors, which
// change slowly), interpolated between the keyframes' offsets, and its size follows the range
// (size × range interpolated, divided by the frame's range). A frame without a projection, or a
// pair of keyframes without one, falls back to linear interpolation in pixels. Time, not the
// frame index, sets the weights, so a variable-frame-rate video interpolates at its true instants.

#include <QRectF>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace vigie {

/// What geometry says of one frame: when it was taken and, when the target projects in front of
/// the camera, where (pixels) and how far (metres).
struct InterpolationGeometry
{
    double seconds = 0;              ///< the frame's time (any origin, the same for every frame)
    std::optional<QPointF> point;    ///< the projected target; none without a fix or behind
    double rangeM = 0;               ///< > 0 with `point`
};
using InterpolationGeometryFunction = std::function<InterpolationGeometry(std::int64_t frame)>;

/// The boxes of frames frameA + 1 … frameB − 1 (in order), between the keyframes' boxes.
/// frameA < frameB. `usedGeometry` (optional) receives how many of them followed the projection.
std::vector<QRectF> interpolateBoxes(std::int64_t frameA, const QRectF &boxA, std::int64_t frameB, const QRectF &boxB,
                                     const InterpolationGeometryFunction &geometry, int *usedGeometry = nullptr);

} // namespace vigie
