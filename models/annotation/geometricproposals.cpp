#include "models/annotation/geometricproposals.h"

#include <algorithm>

namespace vigie {

QRectF expectedBox(const Projection &projection, int imageWidth, int imageHeight, double minSidePx)
{
    if (!projection.inFront)
        return {};
    const double w = std::max(projection.expectedWidthPx, minSidePx);
    const double h = std::max(projection.expectedHeightPx, minSidePx);
    const QRectF box(projection.x - w / 2, projection.y - h / 2, w, h);
    return box.intersected(QRectF(0, 0, imageWidth, imageHeight));
}

std::vector<Annotation> geometricProposals(
    const Campaign &campaign, int camera, std::int64_t frameCount,
    const std::function<UtcTime(std::int64_t)> &frameUtc,
    const std::function<bool(std::int64_t, std::int64_t)> &progress)
{
    std::vector<Annotation> out;
    const CameraSpec &spec = campaign.manifest().cameras.at(size_t(camera));
    const int width = spec.model.intrinsics.width, height = spec.model.intrinsics.height;
    for (std::int64_t i = 0; i < frameCount; ++i) {
        if (progress && i % 256 == 0 && !progress(i, frameCount))
            return {};
        const CameraProjection p = campaign.project(camera, frameUtc(i));
        if (!p.ok || !p.projection.inFieldOfView)
            continue;
        const QRectF box = expectedBox(p.projection, width, height);
        if (box.width() < 1 || box.height() < 1)
            continue;
        Annotation a;
        a.camera = camera;
        a.frame = i;
        a.rect = box;
        a.className = campaign.manifest().targetClass;
        a.source = db::BoxSource::Geometry;
        a.state = db::BoxState::Proposed;
        out.push_back(std::move(a));
    }
    if (progress)
        progress(frameCount, frameCount);
    return out;
}

} // namespace vigie
