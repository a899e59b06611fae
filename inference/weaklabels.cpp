#include "inference/weaklabels.h"

#include "models/media/campaignvideo.h"
#include "models/media/videodecoder.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <QCoreApplication>
#include <QDebug>

#include <cmath>
#include <cstring>
#include <random>

namespace vigie::inference {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::inference::WeakLabels)
};

} // namespace

QImage cropAround(const QImage &grey, int cx, int cy, int size)
{
    // Out-of-image parts are filled by clamping (replicated border), as the network sees them
    // at inference near the edges.
    QImage out(size, size, QImage::Format_Grayscale8);
    const int x0 = cx - size / 2, y0 = cy - size / 2;
    for (int y = 0; y < size; ++y) {
        const int sy = std::clamp(y0 + y, 0, grey.height() - 1);
        const uchar *src = grey.constScanLine(sy);
        uchar *dst = out.scanLine(y);
        for (int x = 0; x < size; ++x)
            dst[x] = src[std::clamp(x0 + x, 0, grey.width() - 1)];
    }
    return out;
}

double networkScale(double expectedSidePx)
{
    return std::clamp(16.0 / std::max(expectedSidePx, 1.0), 0.25, 4.0);
}

namespace {

/// The mask from frames sampled across an open video. A video too short or a frame that cannot
/// be decoded gives no mask: overlays then stay, nothing fails.
QImage overlayMaskOf(media::VideoDecoder &decoder)
{
    const std::int64_t n = decoder.info().frameCount;
    const int samples = int(std::min<std::int64_t>(n, 24));
    if (samples < 8)
        return {}; // too short to tell overlay from scene
    cv::Mat lo, hi;
    QString ignored;
    for (int i = 0; i < samples; ++i) {
        const auto frame = decoder.frame(i * (n - 1) / std::max(1, samples - 1), &ignored);
        if (!frame)
            return {};
        QImage g = frame->image.format() == QImage::Format_Grayscale8 ? frame->image
                                                                       : frame->image.convertToFormat(QImage::Format_Grayscale8);
        const cv::Mat m(g.height(), g.width(), CV_8U, const_cast<uchar *>(g.constBits()), size_t(g.bytesPerLine()));
        if (lo.empty()) {
            lo = m.clone();
            hi = m.clone();
        } else {
            cv::min(lo, m, lo);
            cv::max(hi, m, hi);
        }
    }
    cv::Mat spread = hi - lo;
    cv::Mat mask = (lo >= 170) & (spread <= 30);
    cv::dilate(mask, mask, cv::Mat::ones(3, 3, CV_8U));
    QImage out(mask.cols, mask.rows, QImage::Format_Grayscale8);
    for (int y = 0; y < mask.rows; ++y)
        std::memcpy(out.scanLine(y), mask.ptr(y), size_t(mask.cols));
    return out;
}

media::VideoDecoder::Options greyOptions(bool thermal)
{
    media::VideoDecoder::Options o;
    o.output = thermal ? media::PixelOutput::Thermal : media::PixelOutput::Gray8;
    return o;
}

} // namespace

QImage staticOverlayMask(const QString &videoPath, bool thermal, QString *error)
{
    auto decoder = media::VideoDecoder::open(videoPath, greyOptions(thermal), error);
    return decoder ? overlayMaskOf(*decoder) : QImage();
}

void suppressOverlay(QImage *grey, const QImage &mask)
{
    if (mask.isNull() || mask.size() != grey->size())
        return;
    cv::Mat g(grey->height(), grey->width(), CV_8U, grey->bits(), size_t(grey->bytesPerLine()));
    cv::Mat m(mask.height(), mask.width(), CV_8U, const_cast<uchar *>(mask.constBits()), size_t(mask.bytesPerLine()));
    cv::Mat filled;
    cv::medianBlur(g, filled, 7);
    filled.copyTo(g, m);
}

std::unique_ptr<GreyFrames> GreyFrames::open(const Campaign &campaign, int camera, QString *error, const QImage *overlay)
{
    const auto &cameras = campaign.manifest().cameras;
    if (camera < 0 || camera >= int(cameras.size())) {
        *error = Tr::tr("no camera %1 in the campaign").arg(camera);
        return nullptr;
    }
    const CameraSpec &spec = cameras[size_t(camera)];
    std::unique_ptr<GreyFrames> out(new GreyFrames);
    out->m_campaign = &campaign;
    out->m_camera = camera;
    // One decoder: the overlay mask samples it at random, then it is read in order.
    media::VideoDecoder::Options options = greyOptions(spec.modality == QLatin1String("ir"));
    if (!campaign.manifest().path.isEmpty())
        options.indexPath = media::frameIndexPath(campaign.manifest().path, spec.name);
    out->m_decoder = media::VideoDecoder::open(campaign.manifest().resolve(spec.video), options, error);
    if (!out->m_decoder)
        return nullptr;
    out->m_overlay = overlay ? *overlay : overlayMaskOf(*out->m_decoder);
    if (!out->m_decoder->rewind(error))
        return nullptr;
    return out;
}

GreyFrames::~GreyFrames() = default;

std::int64_t GreyFrames::frameCount() const
{
    return m_decoder->info().frameCount;
}

bool GreyFrames::finish(std::int64_t index, QImage image, QImage *grey, CameraProjection *projection)
{
    if (image.format() != QImage::Format_Grayscale8)
        image = image.convertToFormat(QImage::Format_Grayscale8);
    suppressOverlay(&image, m_overlay); // writes through bits(): the decoder's frame is not touched
    const auto utc = m_campaign->frameUtc(m_camera, index);
    if (!utc)
        return false;
    *grey = image;
    *projection = m_campaign->project(m_camera, *utc);
    return true;
}

bool GreyFrames::next(std::int64_t *index, QImage *grey, CameraProjection *projection, QString *error)
{
    for (;;) {
        auto frame = m_decoder->next(error);
        if (!frame) {
            if (!error->isEmpty()) // the reader cannot go on: say where
                *error = Tr::tr("%1, frame %2: %3")
                             .arg(m_campaign->manifest().resolve(m_campaign->manifest().cameras[size_t(m_camera)].video))
                             .arg(m_lastIndex + 1)
                             .arg(*error);
            return false;
        }
        m_lastIndex = frame->index;
        *index = frame->index;
        if (finish(frame->index, frame->image, grey, projection))
            return true;
        ++m_untimed; // off the campaign's clock (a frame-times file shorter than the video)
    }
}

bool GreyFrames::at(std::int64_t index, QImage *grey, CameraProjection *projection, QString *error)
{
    auto frame = m_decoder->frame(index, error);
    if (!frame)
        return false;
    if (!finish(index, frame->image, grey, projection)) {
        *error = Tr::tr("frame %1 has no time on the campaign's clock").arg(index);
        return false;
    }
    return true;
}

bool forEachFrame(const Campaign &campaign, int camera,
                  const std::function<bool(std::int64_t, const QImage &, const CameraProjection &)> &visit,
                  QString *error)
{
    auto frames = GreyFrames::open(campaign, camera, error);
    if (!frames)
        return false;
    std::int64_t index = 0;
    QImage grey;
    CameraProjection projection;
    while (frames->next(&index, &grey, &projection, error)) {
        if (!visit(index, grey, projection))
            return true;
    }
    if (frames->untimedFrames() > 0)
        qWarning().noquote() << Tr::tr("camera %1: %2 frames have no time on the campaign's clock and were passed over")
                                    .arg(campaign.manifest().cameras[size_t(camera)].name)
                                    .arg(frames->untimedFrames());
    return error->isEmpty();
}

bool collectWeakSamples(const Campaign &campaign, const WeakLabelOptions &options, std::vector<WeakSample> *samples,
                        WeakLabelReport *report, QString *error,
                        const std::function<bool(std::int64_t, std::int64_t)> &progress)
{
    std::mt19937_64 rng(options.seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const int size = options.cropSize;
    bool cancelled = false;
    const bool ok = forEachFrame(
        campaign, options.camera,
        [&](std::int64_t index, const QImage &grey, const CameraProjection &p) {
            if (options.maxFrames >= 0 && report->framesRead >= options.maxFrames)
                return false;
            if (index % options.frameStep != 0)
                return true;
            ++report->framesRead;
            if (progress && report->framesRead % 20 == 0 && !progress(report->framesRead, 0)) {
                cancelled = true;
                return false;
            }
            if (!p.ok) {
                ++report->noProjection;
                return true;
            }
            const Projection &pr = p.projection;
            // Crops are cut at the scale that makes the expected drone ~16 network pixels, then
            // resized to the network's crop size.
            const double scale = pr.inFront ? networkScale(std::max(pr.expectedWidthPx, pr.expectedHeightPx)) : 2.0;
            const int side = std::max(8, int(std::lround(size / scale)));
            auto cut = [&](double cx, double cy) {
                QImage c = cropAround(grey, int(std::lround(cx)), int(std::lround(cy)), side);
                return side == size ? c : c.scaled(size, size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            };
            if (pr.inFieldOfView) {
                const double a = (unit(rng) * 2 - 1) * options.jitterPx / scale, b = (unit(rng) * 2 - 1) * options.jitterPx / scale;
                samples->push_back({cut(pr.x + a, pr.y + b), 1.0f});
                ++report->positives;
            }
            // Negatives: anywhere whose crop stays clear of the uncertainty region.
            const double keepOut = pr.inFront ? options.exclusionSigmas * std::max(pr.ellipse.semiMajor, 8.0) + side * 0.75 : 0;
            int made = 0;
            for (int attempt = 0; attempt < 20 && made < options.negativesPerFrame; ++attempt) {
                const int x = side / 2 + int(unit(rng) * std::max(1, grey.width() - side));
                const int y = side / 2 + int(unit(rng) * std::max(1, grey.height() - side));
                if (pr.inFieldOfView && std::hypot(x - pr.x, y - pr.y) < keepOut)
                    continue;
                samples->push_back({cut(x, y), 0.0f});
                ++report->negatives;
                ++made;
            }
            return true;
        },
        error);
    if (cancelled) {
        *error = Tr::tr("cancelled");
        return false;
    }
    return ok;
}

} // namespace vigie::inference
