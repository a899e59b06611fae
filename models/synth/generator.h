#pragma once

// The synthetic campaign generator.
//
// It writes a campaign folder in the documented format (docs/FORMATS.md): campaign.json, the
// drone's NMEA log and the same trajectory as an RTKLIB .pos, the turret log, an RGB video
// (H.264 in MP4, B-frames) and an IR video (8-bit H.264, or 16-bit PNG frames, or FFV1 gray16),
// and ground_truth.json, which only evaluation reads. The injected errors (clock offsets,
// pointing bias and noise, boresight misalignment) are in the ground truth, never in the
// manifest: the manifest says what a real campaign's operator would know.
//
// Everything comes from one seeded Random through derive(), so a seed and a Vigie version give
// byte-identical logs, manifest and ground truth, and identical decoded frames.

#include "models/geometry/camera.h"
#include "models/utctime.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace vigie::synth {

enum class Preset { Easy, Realistic, Hard };

struct Config
{
    std::uint64_t seed = 1;
    double durationS = 60;
    Preset preset = Preset::Realistic;
    bool rgb1080 = false;
    QString irOutput = QStringLiteral("video8"); ///< video8, png16, ffv1-16

    // Realism knobs, set from the preset; a --config JSON may override each.
    double syncOffsetRgbS = 0;     ///< the RGB clock's error: manifest time = true time − offset
    double syncOffsetIrS = 0;
    double pointingNoiseDeg = 0;   ///< logged pan/tilt noise (one sigma)
    double pointingBiasDeg = 0;    ///< logged pan/tilt bias (encoder offset)
    double boresightErrorDeg = 0;  ///< true IR boresight minus the manifest's
    bool rtkFloat = false;         ///< float episodes
    bool dropouts = false;         ///< GNSS outages
    bool clouds = false;
    bool glare = false;
    int birds = 0;
    bool lowElevation = false;     ///< flights against the tree line
    bool targetLoss = false;       ///< the turret loses the drone for a few seconds
    double irNoise = 30;           ///< IR sensor noise, counts (of 65535)
    double nonUniformity = 0.01;   ///< IR fixed-pattern gain spread
    bool osd = false;              ///< burned-in IR on-screen display: text and reticle, as turret cameras record

    static Config forPreset(Preset preset, std::uint64_t seed, double durationS);
    /// Overrides knobs from a JSON object; unknown keys are errors (a typo must not pass).
    bool apply(const QJsonObject &overrides, QString *error);
    QJsonObject toJson() const;
};

std::optional<Preset> presetFromString(QStringView name);
QString toString(Preset preset);

/// (fraction done, what is being done)
using Progress = std::function<void(double, const QString &)>;

/// Writes a campaign into `outDir` (created; files in it are replaced).
bool generate(const Config &config, const QString &outDir, const Progress &progress, QString *error);

/// A PNG grid of RGB and IR frames of a generated campaign with their ground-truth boxes.
bool contactSheet(const QString &campaignDir, const QString &pngPath, int columns, QString *error);

} // namespace vigie::synth
