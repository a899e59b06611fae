#include "app/cli/command.h"

#include "models/media/campaignvideo.h"
#include "models/campaign.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigie::cli {

namespace {

class ProjectCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(vigie::cli::ProjectCommand)

public:
    QString name() const override { return QStringLiteral("project"); }
    QString summary() const override
    {
        return tr("Project the target into a camera: pixel, uncertainty ellipse, expected size.");
    }
    void configure(OptionSet &parser) const override
    {
        parser.addPositionalArgument(QStringLiteral("campaign"),
                                     tr("The campaign folder or its campaign.json."));
        parser.addOption({QStringLiteral("camera"), tr("Camera name from the manifest."),
                          QStringLiteral("name")});
        parser.addOption({QStringLiteral("utc"),
                          tr("Instant, ISO 8601 UTC (2026-05-12T10:15:00.5Z)."),
                          QStringLiteral("time")});
        parser.addOption({QStringLiteral("frame"), tr("Frame index of the camera's video."),
                          QStringLiteral("n")});
        parser.addOption({QStringLiteral("json"), tr("Write JSON.")});
    }

    int run(const QCommandLineParser &parser, Io &io) const override
    {
        const QStringList args = parser.positionalArguments();
        if (args.size() != 1)
            return usageError(io, name(), tr("expected one campaign"));
        if (!parser.isSet(QStringLiteral("camera")))
            return usageError(io, name(), tr("--camera is required"));
        const bool byUtc = parser.isSet(QStringLiteral("utc"));
        const bool byFrame = parser.isSet(QStringLiteral("frame"));
        if (byUtc == byFrame)
            return usageError(io, name(), tr("give exactly one of --utc and --frame"));

        QString manifest = args.first();
        if (QFileInfo(manifest).isDir())
            manifest = QDir(manifest).filePath(QStringLiteral("campaign.json"));
        QString error;
        const auto campaign = media::openCampaign(manifest, &error);
        if (!campaign)
            return failure(io, name(), error);
        const QString cameraName = parser.value(QStringLiteral("camera"));
        const int camera = campaign->manifest().cameraIndex(cameraName);
        if (camera < 0)
            return failure(io, name(), tr("%1: no camera named '%2'").arg(manifest, cameraName));

        UtcTime utc;
        std::int64_t frame = -1;
        if (byUtc) {
            const auto t = UtcTime::parse(parser.value(QStringLiteral("utc")));
            if (!t)
                return usageError(io, name(), tr("--utc '%1' is not a time")
                                                  .arg(parser.value(QStringLiteral("utc"))));
            utc = *t;
        } else {
            bool ok = false;
            frame = parser.value(QStringLiteral("frame")).toLongLong(&ok);
            if (!ok || frame < 0)
                return usageError(io, name(), tr("--frame '%1' is not a frame index")
                                                  .arg(parser.value(QStringLiteral("frame"))));
            const auto t = campaign->frameUtc(camera, frame);
            if (!t)
                return failure(io, name(), tr("camera '%1' has no frame %2").arg(cameraName).arg(frame));
            utc = *t;
        }

        const CameraProjection p = campaign->project(camera, utc);
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonObject o{{QStringLiteral("camera"), cameraName},
                          {QStringLiteral("utc"), utc.toIso()},
                          {QStringLiteral("ok"), p.ok}};
            if (frame >= 0)
                o.insert(QStringLiteral("frame"), qint64(frame));
            if (!p.ok) {
                o.insert(QStringLiteral("reason"), p.reason);
            } else {
                const Projection &q = p.projection;
                o.insert(QStringLiteral("in_front"), q.inFront);
                o.insert(QStringLiteral("in_fov"), q.inFieldOfView);
                o.insert(QStringLiteral("pixel"), QJsonObject{{QStringLiteral("x"), q.x},
                                                             {QStringLiteral("y"), q.y}});
                o.insert(QStringLiteral("ellipse"),
                         QJsonObject{{QStringLiteral("semi_major_px"), q.ellipse.semiMajor},
                                     {QStringLiteral("semi_minor_px"), q.ellipse.semiMinor},
                                     {QStringLiteral("angle_deg"), q.ellipse.angleDeg},
                                     {QStringLiteral("confidence"), 0.95}});
                o.insert(QStringLiteral("expected_size_px"),
                         QJsonObject{{QStringLiteral("width"), q.expectedWidthPx},
                                     {QStringLiteral("height"), q.expectedHeightPx}});
                o.insert(QStringLiteral("bearing_deg"), q.bearingDeg);
                o.insert(QStringLiteral("target"),
                         QJsonObject{{QStringLiteral("azimuth_deg"), q.look.azimuthDeg},
                                     {QStringLiteral("elevation_deg"), q.look.elevationDeg},
                                     {QStringLiteral("range_m"), q.look.rangeM},
                                     {QStringLiteral("quality"),
                                      QString::fromLatin1(fixQualityName(p.target.quality))}});
                o.insert(QStringLiteral("turret"),
                         QJsonObject{{QStringLiteral("pan_deg"), p.turret.panDeg},
                                     {QStringLiteral("tilt_deg"), p.turret.tiltDeg},
                                     {QStringLiteral("roll_deg"), p.turret.rollDeg}});
            }
            io.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        } else if (p.ok) {
            const Projection &q = p.projection;
            io.out << tr("%1 at %2: pixel (%3, %4), %5\n")
                          .arg(cameraName, utc.toIso())
                          .arg(q.x, 0, 'f', 2)
                          .arg(q.y, 0, 'f', 2)
                          .arg(q.inFieldOfView ? tr("in view") : tr("out of view"));
            io.out << tr("  ellipse %1 × %2 px at %3°, expected box %4 × %5 px\n")
                          .arg(q.ellipse.semiMajor, 0, 'f', 1)
                          .arg(q.ellipse.semiMinor, 0, 'f', 1)
                          .arg(q.ellipse.angleDeg, 0, 'f', 1)
                          .arg(q.expectedWidthPx, 0, 'f', 1)
                          .arg(q.expectedHeightPx, 0, 'f', 1);
            io.out << tr("  target azimuth %1°, elevation %2°, range %3 m\n")
                          .arg(q.look.azimuthDeg, 0, 'f', 3)
                          .arg(q.look.elevationDeg, 0, 'f', 3)
                          .arg(q.look.rangeM, 0, 'f', 1);
        }
        if (!p.ok)
            return failure(io, name(), p.reason);
        return Success;
    }
};

} // namespace

std::unique_ptr<Command> makeProjectCommand()
{
    return std::make_unique<ProjectCommand>();
}

} // namespace vigie::cli
