#include "app/cli/command.h"
#include "app/jobs/propagation.h"

#include "database/dataset.h"
#include "database/datasetsession.h"
#include "models/annotation/annotationeditor.h"
#include "models/campaign.h"
#include "models/media/campaignvideo.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>
#include <set>

namespace vigie::cli {

namespace {

/// `vigie-cli track`: the workstation's key K from the command line, over every keyframe of the
/// campaign's class on one camera (or the one on --frame). Each span between two keyframes is
/// tracked once, from both ends; the open ends run to the video's ends. What a span held that
/// Vigie derived (interpolated, tracker boxes that are not keyframes) is replaced, keyframes
/// never; each run is written in one transaction with its history.
class TrackCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(vigie::cli::TrackCommand)

public:
    QString name() const override { return QStringLiteral("track"); }
    QString summary() const override { return tr("Track the target both ways from the analysts' keyframes (key K)."); }
    void configure(OptionSet &parser) const override
    {
        parser.addPositionalArgument(QStringLiteral("campaign"), tr("campaign.json"));
        parser.addOption({QStringLiteral("db"), tr("The dataset holding the keyframes; the boxes go there."), QStringLiteral("file")});
        parser.addOption({QStringLiteral("camera"), tr("Camera name or modality (default ir)."), QStringLiteral("camera"),
                          QStringLiteral("ir")});
        parser.addOption({QStringLiteral("frame"), tr("Only from the keyframe on this frame (default: every keyframe)."),
                          QStringLiteral("n")});
        parser.addOption({QStringLiteral("json"), tr("Machine-readable output.")});
    }

    int run(const QCommandLineParser &parser, Io &io) const override
    {
        int exitCode = Success;
        auto opened = openCampaignWithDataset(parser, io, name(), &exitCode);
        if (!opened)
            return exitCode;
        const QString &manifest = opened->manifest, &dbPath = opened->dbPath;
        const std::shared_ptr<const Campaign> campaign = opened->campaign;
        db::Dataset *dataset = opened->dataset.get();
        QString error;
        const int camera = jobs::cameraIndex(*campaign, parser.value(QStringLiteral("camera")));
        if (camera < 0)
            return failure(io, name(), tr("%1: no camera '%2'").arg(manifest, parser.value(QStringLiteral("camera"))));
        db::RegisteredCamera registered;
        if (!registerCampaignCamera(*dataset, *campaign, manifest, camera, &registered, &error))
            return failure(io, name(), error);
        const QString className = campaign->manifest().targetClass;
        const auto classId = dataset->ensureClass(className, &error);
        if (!classId)
            return failure(io, name(), error);

        // The camera's boxes of the class by frame, and the frames marked without target.
        std::map<std::int64_t, std::int64_t> indexOf;
        for (std::size_t i = 0; i < registered.frameIds.size(); ++i)
            indexOf[registered.frameIds[i]] = std::int64_t(i);
        auto boxesByFrame = [&] {
            std::map<std::int64_t, std::vector<db::BoxRecord>> out;
            for (const db::BoxRecord &b : dataset->boxesOfCamera(registered.id))
                if (b.classId == *classId && indexOf.count(b.frameId))
                    out[indexOf[b.frameId]].push_back(b);
            return out;
        };
        auto isKeyframe = [](const db::BoxRecord &b) {
            Annotation a;
            a.source = b.source;
            a.state = b.state;
            return AnnotationEditor::isKeyframe(a);
        };
        std::vector<jobs::Keyframe> keyframes;
        for (const auto &[frame, boxes] : boxesByFrame()) {
            for (const db::BoxRecord &b : boxes) {
                if (isKeyframe(b)) {
                    keyframes.push_back({frame, QRectF(b.x, b.y, b.w, b.h)});
                    break; // one target: the first keyframe of a frame
                }
            }
        }
        std::set<std::int64_t> stops;
        for (const auto &[frameId, flags] : dataset->frameFlagsOfCamera(registered.id))
            if ((flags.notVisible || flags.outOfView) && indexOf.count(frameId))
                stops.insert(indexOf[frameId]);
        if (keyframes.empty())
            return failure(io, name(), tr("%1: no keyframe of class %2 on camera %3: accept or draw a box first")
                                           .arg(dbPath, className, campaign->manifest().cameras[size_t(camera)].name));

        // Runs: every other keyframe with both sides (each span once), or the one asked for.
        std::vector<jobs::PropagationSpec> runs;
        auto specAt = [&](std::size_t i) {
            jobs::PropagationSpec s;
            s.campaign = campaign;
            s.camera = camera;
            s.from = keyframes[i];
            if (i > 0)
                s.previous = keyframes[i - 1];
            if (i + 1 < keyframes.size())
                s.next = keyframes[i + 1];
            s.stops = stops;
            return s;
        };
        if (parser.isSet(QStringLiteral("frame"))) {
            const std::int64_t frame = parser.value(QStringLiteral("frame")).toLongLong();
            const auto it = std::find_if(keyframes.begin(), keyframes.end(), [frame](const jobs::Keyframe &k) { return k.frame == frame; });
            if (it == keyframes.end())
                return failure(io, name(), tr("%1: no keyframe of class %2 on frame %3").arg(dbPath, className).arg(frame));
            runs.push_back(specAt(std::size_t(it - keyframes.begin())));
        } else {
            for (std::size_t i = 0; i < keyframes.size(); i += 2)
                runs.push_back(specAt(i));
            if (keyframes.size() % 2 == 0) {
                // The last keyframe's span before it is done; only its open end is left.
                jobs::PropagationSpec last = specAt(keyframes.size() - 1);
                last.backward = false;
                runs.push_back(last);
            }
        }

        jobs::TerminalJob terminal(io.err);
        std::int64_t written = 0, replaced = 0, flagged = 0, tracked = 0;
        double seconds = 0;
        for (const jobs::PropagationSpec &spec : runs) {
            jobs::PropagationResult result;
            if (!jobs::propagateTrack(spec, terminal, &result, &error))
                return failure(io, name(), error);
            seconds += result.seconds;
            tracked += result.framesTracked;
            // What Vigie derived in the span gives way; a frame holding a keyframe keeps it alone.
            std::vector<std::int64_t> old;
            std::set<std::int64_t> keyed;
            for (const auto &[frame, boxes] : boxesByFrame()) {
                if (frame < result.firstFrame || frame > result.lastFrame)
                    continue;
                for (const db::BoxRecord &b : boxes) {
                    if (isKeyframe(b))
                        keyed.insert(frame);
                    else if (b.source == db::BoxSource::Interpolated || b.source == db::BoxSource::Tracker)
                        old.push_back(b.id);
                }
            }
            std::vector<db::BoxRecord> records;
            for (Annotation a : jobs::trackerBoxes(result)) {
                if (keyed.count(a.frame))
                    continue;
                a.camera = camera;
                a.className = className;
                records.push_back(db::boxRecordOf(a, registered.frameIds[size_t(a.frame)], *classId, QStringLiteral("vigie-cli track")));
                flagged += a.state == db::BoxState::Proposed;
            }
            const bool ok = dataset->transaction(
                [&](QString *e) {
                    for (std::int64_t id : old)
                        if (!dataset->deleteBox(id, QStringLiteral("vigie-cli track"), e))
                            return false;
                    return records.empty() || dataset->createBoxes(records, e);
                },
                &error);
            if (!ok)
                return failure(io, name(), error);
            written += std::int64_t(records.size());
            replaced += std::int64_t(old.size());
        }
        const QString cameraName = campaign->manifest().cameras[size_t(camera)].name;
        if (parser.isSet(QStringLiteral("json"))) {
            io.out << QJsonDocument(QJsonObject{{QStringLiteral("camera"), cameraName},
                                                {QStringLiteral("keyframes"), qint64(keyframes.size())},
                                                {QStringLiteral("runs"), qint64(runs.size())},
                                                {QStringLiteral("boxes"), qint64(written)},
                                                {QStringLiteral("flagged"), qint64(flagged)},
                                                {QStringLiteral("replaced"), qint64(replaced)},
                                                {QStringLiteral("tracker_updates_per_s"), seconds > 0 ? double(tracked) / seconds : 0.0}})
                          .toJson();
        } else {
            io.out << tr("%1 boxes tracked on camera %2 from %3 keyframes (%4 left to the analyst as proposals, %5 derived "
                         "boxes replaced)")
                          .arg(written)
                          .arg(cameraName)
                          .arg(keyframes.size())
                          .arg(flagged)
                          .arg(replaced)
                   << Qt::endl;
        }
        return Success;
    }
};

} // namespace

std::unique_ptr<Command> makeTrackCommand()
{
    return std::make_unique<TrackCommand>();
}

} // namespace vigie::cli
