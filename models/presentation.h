#pragma once

// What a campaign session hands to its views, as plain values: the target's overlay on a frame,
// the telemetry at the clock's time, and the timeline's bands. They live here, below the
// widgets, so that the session (app/campaignsession.h) runs headless and the widgets only draw.

#include "models/geometry/camera.h"
#include "models/geometry/geodesy.h"
#include "models/telemetry/gnssfix.h"

#include <QColor>
#include <QMetaType>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <vector>

namespace vigie {

/// What geometry says about the target on the frame shown.
struct FrameOverlay
{
    bool valid = false;   ///< a projection exists (fix and turret sample within their gaps)
    QString reason;       ///< why not, when !valid
    Projection projection;
    QRectF expectedBox;   ///< the geometric box (empty when out of view)
};

/// The target's state at the clock's time, as the telemetry dock shows it.
struct TelemetrySnapshot
{
    bool valid = false;
    QString reason; ///< when !valid
    QString utcText;
    LookAngles look;
    double speedMps = 0;
    FixQuality quality = FixQuality::Invalid;
    double sigmaEastM = 0, sigmaNorthM = 0, sigmaUpM = 0;
    Enu position;
};

/// One row of the campaign timeline (fix quality, target in view, annotation state, …).
struct TimelineBand
{
    QString name;
    /// One value per frame; 0 draws nothing, v > 0 draws colors[v − 1]. When a pixel covers
    /// several frames it shows the largest value, so rank values by how much they matter.
    std::vector<std::uint8_t> values;
    std::vector<QColor> colors;
};

/// One frame of a detector review: what the model got right and wrong there.
struct ReviewFrameErrors
{
    qint64 frame = 0;
    int truePositives = 0, falsePositives = 0, misses = 0;
};

/// A detector review: one model's boxes against the analysts' labels on the labelled frames
/// (app/jobs/review.h computes it; the review panel and `vigie-cli detector review` show it).
struct ReviewSummary
{
    QString model;
    int frames = 0, truePositives = 0, falsePositives = 0, misses = 0;
    double ap = -1, ap50 = -1, ap75 = -1, ar100 = -1;
    std::vector<double> precisionAt50; ///< 101 recall thresholds 0, 0.01, …, 1
};

} // namespace vigie

Q_DECLARE_METATYPE(vigie::FrameOverlay)
