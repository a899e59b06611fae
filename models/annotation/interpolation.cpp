#include "models/annotation/interpolation.h"

#include <cmath>

namespace vigie {

namespace {

double lerp(double a, double b, double t)
{
    return a + (b - a) * t;
}

QRectF centred(const QPointF &centre, double w, double h)
{
    return QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h);
}

} // namespace

std::vector<QRectF> interpolateBoxes(std::int64_t frameA, const QRectF &boxA, std::int64_t frameB, const QRectF &boxB,
                                     const InterpolationGeometryFunction &geometry, int *usedGeometry)
{
    std::vector<QRectF> out;
    if (usedGeometry)
        *usedGeometry = 0;
    if (frameB - frameA < 2)
        return out;
    const InterpolationGeometry a = geometry(frameA), b = geometry(frameB);
    const bool timed = b.seconds > a.seconds;
    const bool anchored = a.point && b.point && a.rangeM > 0 && b.rangeM > 0;
    // What the keyframes say in the geometry's terms: the box's offset from the projected point,
    // and its size times the range (the target's size in metres, up to the focal length).
    const QPointF offsetA = anchored ? boxA.center() - *a.point : QPointF();
    const QPointF offsetB = anchored ? boxB.center() - *b.point : QPointF();
    out.reserve(size_t(frameB - frameA - 1));
    for (std::int64_t f = frameA + 1; f < frameB; ++f) {
        const InterpolationGeometry g = geometry(f);
        double t = double(f - frameA) / double(frameB - frameA);
        if (timed && g.seconds >= a.seconds && g.seconds <= b.seconds)
            t = (g.seconds - a.seconds) / (b.seconds - a.seconds);
        if (anchored && g.point && g.rangeM > 0) {
            const QPointF offset(lerp(offsetA.x(), offsetB.x(), t), lerp(offsetA.y(), offsetB.y(), t));
            const double w = lerp(boxA.width() * a.rangeM, boxB.width() * b.rangeM, t) / g.rangeM;
            const double h = lerp(boxA.height() * a.rangeM, boxB.height() * b.rangeM, t) / g.rangeM;
            out.push_back(centred(*g.point + offset, w, h));
            if (usedGeometry)
                ++*usedGeometry;
        } else {
            const QPointF c(lerp(boxA.center().x(), boxB.center().x(), t), lerp(boxA.center().y(), boxB.center().y(), t));
            out.push_back(centred(c, lerp(boxA.width(), boxB.width(), t), lerp(boxA.height(), boxB.height(), t)));
        }
    }
    return out;
}

} // namespace vigie
