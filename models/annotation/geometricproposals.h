#pragma once

// The first proposals, before any network: on every frame where the target projects into the
// image, a box centred on the projected point with the size the range and the target's size
// give (source = geometry, state = proposed). The CLI and the workstation compute them with
// this one function.

#include "models/annotation/annotationmodel.h"
#include "models/campaign.h"

#include <functional>

namespace vigie {

/// The expected box of a projection: centred on the projected point, the expected size, at
/// least `minSidePx` on each side, clipped to the image. Empty when nothing of it is inside.
QRectF expectedBox(const Projection &projection, int imageWidth, int imageHeight, double minSidePx = 4.0);

/// One geometric proposal per frame of `camera` (frames 0 to frameCount − 1) where the target
/// is in the field of view; frame times from `frameUtc(i)`. `progress(done, total)` is called
/// now and then and may return false to cancel (the result is then empty).
std::vector<Annotation> geometricProposals(
    const Campaign &campaign, int camera, std::int64_t frameCount,
    const std::function<UtcTime(std::int64_t)> &frameUtc,
    const std::function<bool(std::int64_t, std::int64_t)> &progress = {});

} // namespace vigie
