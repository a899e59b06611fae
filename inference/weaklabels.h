#pragma once

// Image-level labels from geometry, no boxes: GPS says whether the drone is in a crop. Positive
// crops are centred on the projected target (jittered, so that the network has to find it);
// negatives come from crops outside the uncertainty region and from frames where the target
// projects out of view. Only the manifest's geometry is used, never a ground truth.

#include "inference/wildcat.h"
#include "models/campaign.h"

#include <functional>
#include <memory>

namespace vigie::media {
class VideoDecoder;
}

namespace vigie::inference {

struct WeakLabelOptions
{
    int camera = -1;
    int cropSize = 64;
    int frameStep = 2;          ///< every n-th frame
    int negativesPerFrame = 2;
    double jitterPx = 12;       ///< positive crops are shifted by up to this much
    double exclusionSigmas = 1.5; ///< negatives keep this many ellipse radii (+ crop) away
    std::uint64_t seed = 1;
    std::int64_t maxFrames = -1; ///< stop after this many frames (−1: all)
};

struct WeakLabelReport
{
    std::int64_t framesRead = 0;
    std::int64_t positives = 0;
    std::int64_t negatives = 0;
    std::int64_t noProjection = 0; ///< frames without a fix or a turret sample: not used
};

/// Decodes the camera's video in order (grey: IR at 8 bits, RGB as luma) and cuts the crops.
/// `progress(framesRead, 0)` (the total is not known ahead) may return false to cancel.
bool collectWeakSamples(const Campaign &campaign, const WeakLabelOptions &options, std::vector<WeakSample> *samples,
                        WeakLabelReport *report, QString *error,
                        const std::function<bool(std::int64_t, std::int64_t)> &progress = {});

/// Burned-in overlays (the camera's text and reticle): pixels that stay bright and unchanged over
/// frames sampled across the video, while the scene behind them moves. Grayscale8, 255 = overlay.
/// A network trained on tracking footage would otherwise learn that the reticle, always next to
/// the drone, is the drone.
QImage staticOverlayMask(const QString &videoPath, bool thermal, QString *error);
/// The scale at which the network sees a drone expected `expectedSidePx` wide: its larger side
/// becomes about 16 network pixels, within [0.25, 4]. Geometry knows the drone's size in the
/// image; using it here means the network only ever learns one size of drone.
double networkScale(double expectedSidePx);

/// A size × size crop centred on (cx, cy), the image's border replicated outside it.
QImage cropAround(const QImage &grey, int cx, int cy, int size);
/// Replaces the masked pixels by their surround (a 7×7 median).
void suppressOverlay(QImage *grey, const QImage &mask);

/// A camera's frames as the proposer sees them: grey (IR at 8 bits, RGB as luma), burned-in
/// overlays suppressed, with the target's projection. Sequentially (next) or one frame (at).
class GreyFrames
{
public:
    /// `overlay`: the camera's burned-in overlay mask when already known (another reader's
    /// overlay()); otherwise it is found by sampling the video. The decoder keeps the frame
    /// index beside the campaign (media::frameIndexPath), as the workstation's players do.
    static std::unique_ptr<GreyFrames> open(const Campaign &campaign, int camera, QString *error,
                                            const QImage *overlay = nullptr);
    QImage overlay() const { return m_overlay; }
    ~GreyFrames();
    /// The next frame in order, passing over frames without a time (counted); false at the end
    /// (error empty) or when the reader cannot go on (the error names the video and frame).
    bool next(std::int64_t *index, QImage *grey, CameraProjection *projection, QString *error);
    /// Frame `index`; false with a reason naming it.
    bool at(std::int64_t index, QImage *grey, CameraProjection *projection, QString *error);
    std::int64_t frameCount() const;
    /// Frames next() passed over because they have no time on the campaign's clock.
    std::int64_t untimedFrames() const { return m_untimed; }

private:
    GreyFrames() = default;
    bool finish(std::int64_t index, QImage image, QImage *grey, CameraProjection *projection);
    const Campaign *m_campaign = nullptr;
    int m_camera = -1;
    std::unique_ptr<media::VideoDecoder> m_decoder;
    QImage m_overlay;
    std::int64_t m_lastIndex = -1;
    std::int64_t m_untimed = 0;
};

/// The decoded grey frames of a camera, one by one, with their projections and burned-in
/// overlays suppressed (for training, proposing and evaluating). `visit(frameIndex, grey,
/// projection)` returns false to stop.
bool forEachFrame(const Campaign &campaign, int camera,
                  const std::function<bool(std::int64_t, const QImage &, const CameraProjection &)> &visit,
                  QString *error);

} // namespace vigie::inference
