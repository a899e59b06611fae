#include "inference/tracking.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/tracking.hpp>

#include <algorithm>
#include <cmath>

namespace vigie::inference {

namespace {

cv::Mat wrap(const QImage &grey)
{
    return cv::Mat(grey.height(), grey.width(), CV_8UC1, const_cast<uchar *>(grey.constBits()), size_t(grey.bytesPerLine()));
}

/// The patch under `box` (grown by 2 px), resized to 24×24, as floats.
cv::Mat patchOf(const cv::Mat &frame, const QRectF &box)
{
    const QRectF grown = box.adjusted(-2, -2, 2, 2);
    const cv::Rect r = cv::Rect(int(std::floor(grown.x())), int(std::floor(grown.y())), int(std::ceil(grown.width())),
                                int(std::ceil(grown.height())))
                       & cv::Rect(0, 0, frame.cols, frame.rows);
    if (r.width < 2 || r.height < 2)
        return {};
    cv::Mat out;
    cv::resize(frame(r), out, cv::Size(24, 24), 0, 0, cv::INTER_AREA);
    out.convertTo(out, CV_32F);
    return out;
}

double correlation(const cv::Mat &a, const cv::Mat &b)
{
    if (a.empty() || b.empty())
        return 0;
    cv::Mat result;
    cv::matchTemplate(a, b, result, cv::TM_CCOEFF_NORMED);
    const double c = double(result.at<float>(0, 0));
    return std::isfinite(c) ? std::clamp(c, 0.0, 1.0) : 0.0;
}

} // namespace

struct SmallTargetTracker::Impl
{
    TrackerOptions options;
    cv::Ptr<cv::TrackerCSRT> csrt;
    cv::Mat first; ///< the starting patch
    double scale = 1;
    cv::Rect roi;  ///< the window of the frame CSRT sees, in frame pixels (may reach outside it)
    cv::Mat window, enlarged;

    /// The window around the target, its outside filled with the frame's border, enlarged.
    const cv::Mat &view(const QImage &grey)
    {
        const cv::Mat frame = wrap(grey);
        const cv::Rect inside = roi & cv::Rect(0, 0, frame.cols, frame.rows);
        if (inside == roi) {
            window = frame(roi); // inside the frame: a view, no copy
        } else if (inside.area() == 0) {
            window = cv::Mat(roi.size(), CV_8UC1, cv::Scalar(0));
        } else {
            cv::copyMakeBorder(frame(inside), window, inside.y - roi.y, roi.br().y - inside.br().y, inside.x - roi.x,
                               roi.br().x - inside.br().x, cv::BORDER_REPLICATE);
        }
        if (scale == 1)
            enlarged = window;
        else
            cv::resize(window, enlarged, cv::Size(), scale, scale, cv::INTER_LINEAR);
        return enlarged;
    }

    /// A window of `windowSides` target sides (at least `minWindowPx`) centred on `box`, the
    /// whole frame along an axis where the frame is narrower, and CSRT started on it there.
    void start(const QImage &grey, const QRectF &box)
    {
        const double side = std::max(box.width(), box.height());
        const int w = int(std::ceil(std::max(options.minWindowPx, side * options.windowSides)));
        const QPointF c = box.center();
        roi = cv::Rect(int(std::lround(c.x() - w / 2.0)), int(std::lround(c.y() - w / 2.0)), w, w);
        if (w >= grey.width())
            roi.x = 0, roi.width = grey.width();
        if (w >= grey.height())
            roi.y = 0, roi.height = grey.height();
        cv::TrackerCSRT::Params params;
        params.use_gray = true;
        params.use_rgb = false;
        params.use_hog = true;
        params.use_color_names = false; // grey IR: colour names mean nothing
        csrt = cv::TrackerCSRT::create(params);
        const cv::Rect r(int(std::lround((box.x() - roi.x) * scale)), int(std::lround((box.y() - roi.y) * scale)),
                         std::max(2, int(std::lround(box.width() * scale))), std::max(2, int(std::lround(box.height() * scale))));
        csrt->init(view(grey), r);
    }
};

SmallTargetTracker::SmallTargetTracker(const TrackerOptions &options)
    : d(std::make_unique<Impl>())
{
    d->options = options;
}

SmallTargetTracker::~SmallTargetTracker() = default;

double SmallTargetTracker::scale() const
{
    return d->scale;
}

bool SmallTargetTracker::init(const QImage &grey, const QRectF &box)
{
    if (grey.format() != QImage::Format_Grayscale8 || box.isEmpty() || !QRectF(grey.rect()).intersects(box))
        return false;
    const double side = std::max(box.width(), box.height());
    d->scale = std::clamp(d->options.targetSidePx / side, 1.0, d->options.maxScale);
    d->start(grey, box);
    d->first = patchOf(wrap(grey), box);
    return true;
}

TrackedBox SmallTargetTracker::update(const QImage &grey)
{
    TrackedBox out;
    if (!d->csrt || grey.format() != QImage::Format_Grayscale8) {
        out.lost = true;
        return out;
    }
    cv::Rect r;
    const bool found = d->csrt->update(d->view(grey), r);
    out.box = QRectF(d->roi.x + r.x / d->scale, d->roi.y + r.y / d->scale, r.width / d->scale, r.height / d->scale);
    out.confidence = found ? correlation(d->first, patchOf(wrap(grey), out.box)) : 0;
    out.lost = !found || out.confidence < d->options.minConfidence;
    // Out of the window's middle half: a new window centred on the target (CSRT restarted there,
    // the confidence still measured against the first patch).
    // Along an axis where the window spans the whole frame there is nowhere to move it.
    const bool fullWidth = d->roi.x == 0 && d->roi.width == grey.width();
    const bool fullHeight = d->roi.y == 0 && d->roi.height == grey.height();
    const QPointF offset = out.box.center() - QPointF(d->roi.x + d->roi.width / 2.0, d->roi.y + d->roi.height / 2.0);
    if (!out.lost && ((!fullWidth && std::abs(offset.x()) > d->roi.width / 4.0)
                      || (!fullHeight && std::abs(offset.y()) > d->roi.height / 4.0)))
        d->start(grey, out.box);
    return out;
}

} // namespace vigie::inference
