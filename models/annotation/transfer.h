#pragma once

// Boxes carried from one camera of the turret to the other (issue 16, deliverable 3): the analyst
// corrects one camera and reviews the other.
//
// Both cameras sit on the same turret, so between them the turret's pose cancels: a box's
// corners become rays of the sending camera (its lens undone), points at the target's depth
// (the GPS range; without a fix, the depth the box's width gives for the target's size), points
// of the receiving camera through both cameras' boresights and positions (a rotation homography
// plus the parallax of the baseline at that depth), and pixels through its lens. Neither the
// logged pointing, which jitters sample by sample, nor the pointing bias enters.
//
// What the manifest says of the boresights is not what the turret holds (a real one is aligned
// to a tenth of a degree; at 3° over 640 px that is 20 px). Once both cameras hold the analyst's
// boxes at a few instants, the receiving camera's boresight is refined so that the sending
// camera's box centres land on the receiving one's: a robust least-squares fit of pan and tilt,
// and roll when the boxes spread across the image. The fit is computed from the dataset on every
// run (it is never stored: the boxes are the evidence, and issue 18's calibration writes the
// manifest).
//
// The two frames of "the same instant" are the receiving camera's frame nearest in time; what
// the target moved in between (up to half a frame) is added from its motion in the sending camera
// when the neighbouring frames there hold its boxes. The clocks' own disagreement, which the
// manifest does not know, is left to the self-calibration (issue 18): fitting it here from five
// instants found nothing the turret's jitter did not drown (docs/DECISIONS.md, 34).

#include "models/annotation/annotationmodel.h"
#include "models/geometry/camera.h"
#include "models/utctime.h"

#include <QPointF>
#include <QRectF>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace vigie {

class Campaign;

/// `box` of camera `from` with the target `depthM` metres ahead of it (along its optical axis),
/// in camera `to`: the box's four corners carried, their bounds, shifted by `shiftPx`. nullopt
/// when a corner falls behind the receiving camera.
std::optional<QRectF> transferBox(const CameraModel &from, const CameraModel &to, const QRectF &box, double depthM,
                                  QPointF shiftPx = {});

/// Where the target was in the sending camera around one of its frames, from its boxes on the
/// neighbouring frames: (seconds from the frame, displacement of the box's centre converted to
/// the receiving camera's pixels), in time order, (0, 0) included. Empty: unknown.
struct MotionTrack
{
    std::vector<std::pair<double, QPointF>> samples;
    /// The displacement at `seconds`: linear between samples, the end samples' rate beyond.
    QPointF at(double seconds) const;
};

/// One instant at which both cameras hold the analyst's box of the target.
struct MountingPair
{
    CameraModel from, to;  ///< as they were then (zoom)
    QPointF fromCentre, toCentre;
    double depthM = 0;     ///< of the target, from the sending camera
    MotionTrack motion;    ///< the target's motion around the sending frame
    double gapS = 0;       ///< from the sending frame to the receiving one, by the clocks
};

/// The correction of the receiving camera's boresight that the boxes support.
struct MountingFit
{
    Attitude correction; ///< added to the receiving camera's boresight
    /// How far the receiving camera's clock lags the sending one's beyond what the manifest
    /// says (seconds): its frame at `t` by the clocks was taken at `t + clockOffsetS` by the
    /// sending camera's. Found when the target moves in the image at the pairs' instants.
    double clockOffsetS = 0;
    bool clockFitted = false;
    int pairs = 0;       ///< instants offered
    int used = 0;        ///< of them, kept by the robust fit (0: the manifest's mounting)
    bool rollFitted = false;
    double medianBeforePx = 0, medianAfterPx = 0; ///< centre residuals in the receiving camera
    QString describe() const;
};

/// Fits the receiving camera's boresight correction to `pairs` (Gauss-Newton on pan and tilt,
/// roll too when the centres span a quarter of the image; pairs beyond 3 times the median
/// residual, and at least 3 px, are dropped and the fit redone), and the clocks' disagreement
/// when at least two pairs have a motion track: searched over ±0.3 s, each candidate with its
/// own boresight fit, a truncated-quadratic cost and a weak pull toward zero. Fewer than
/// `minPairs` pairs: no correction.
MountingFit fitMounting(const std::vector<MountingPair> &pairs, int minPairs = 5);

/// Where carried boxes land, for the workstation's editor and `vigie-cli transfer` alike: one per
/// receiving frame (the first offered); a frame holding a box of its class that is neither a
/// proposal nor rejected (the analyst's, or tracked and accepted) gets none; the transfer
/// proposals of its class already there give way.
struct TransferPlacement
{
    std::vector<Annotation> added;    ///< source transfer, state proposed
    std::vector<Annotation> replaced; ///< earlier transfer proposals that give way
    int blocked = 0;                  ///< frames refused: they hold a box of the analyst's
};
TransferPlacement placeTransfers(std::vector<Annotation> carried,
                                 const std::function<std::vector<Annotation>(int camera, std::int64_t frame)> &boxesOn);

struct TransferOptions
{
    int minPairs = 5; ///< instants with boxes on both cameras before the mounting is refined
};

/// Carries one camera's boxes of a campaign to another. Reads no pixels; immutable after fit(),
/// so any thread may carry.
class BoxTransfer
{
public:
    /// Camera `from` to camera `to` of `campaign`, whose frame counts are given (frame times
    /// come from the campaign: its frame-times files, or the container's once media opened it).
    BoxTransfer(const Campaign &campaign, int from, int to, std::int64_t fromFrames, std::int64_t toFrames,
                TransferOptions options = {});

    /// The receiving camera's frame at the instant of frame `fromFrame` of the sending one: the
    /// nearest in time, within half a frame period; nullopt when none is.
    std::optional<std::int64_t> counterpart(std::int64_t fromFrame) const;

    /// The sending camera's boxes: the accepted ones (not proposals, not rejected) give the
    /// target's motion across the gap between two counterpart frames (its box on the
    /// neighbouring frame), and the analyst's ones the mounting fit.
    void setSendingBoxes(const std::vector<Annotation> &boxes);

    /// Refines the mounting from the boxes the two cameras hold: the analyst's (keyframes), of
    /// one class, at counterpart frames, the sending camera's from setSendingBoxes(). A transfer
    /// box counts only once the analyst moved it (corrected): confirmed as it came, it would
    /// only repeat the fit.
    const MountingFit &fit(const std::vector<Annotation> &toBoxes);
    const MountingFit &mounting() const { return m_fit; }
    /// The instants fit() fits to. Cheap; the fit itself (its clock search) is not.
    std::vector<MountingPair> pairsFor(const std::vector<Annotation> &toBoxes) const;
    /// Uses a mounting fitted earlier from the same pairs (the workstation keeps it while they do
    /// not change).
    void setMounting(const MountingFit &fit) { m_fit = fit; }
    /// What a fit depends on, as a digest: equal digests, equal fits.
    static QByteArray digest(const std::vector<MountingPair> &pairs);

    /// `box` (of the sending camera) on the receiving one: source transfer, state proposed, the
    /// class and confidence kept, the mounting in the model version. nullopt when there is no
    /// counterpart frame, the target would be behind the camera, or the box lands wholly outside
    /// the image.
    std::optional<Annotation> carry(const Annotation &box) const;
    /// Every box of `boxes` that carries over (carriesOver()), carried; those that land nowhere
    /// are left out.
    std::vector<Annotation> carryAll(const std::vector<Annotation> &boxes) const;

    /// Whether a box is carried over when a whole camera is: the analyst's boxes and the accepted
    /// derived ones (tracker, interpolation), not proposals; a box that came by transfer only
    /// once the analyst corrected it.
    static bool carriesOver(const Annotation &box);

private:
    struct Instant
    {
        CameraModel from, to;
        double depthM = 0;
        MotionTrack motion;
        double gapS = 0;
        std::int64_t toFrame = -1;
    };
    std::optional<Instant> instant(const Annotation &box) const;
    std::optional<double> seconds(int camera, std::int64_t frame) const;

    const Campaign &m_campaign;
    int m_from, m_to;
    std::int64_t m_fromFrames, m_toFrames;
    TransferOptions m_options;
    MountingFit m_fit;
    std::map<std::pair<std::int64_t, QString>, Annotation> m_sending; ///< by frame and class
};

} // namespace vigie
