#include "app/cli/command.h"
#include "app/jobs/proposerjobs.h"

#include "database/dataset.h"
#include "database/datasetsession.h"
#include "inference/proposer.h"
#include "inference/runtime.h"
#include "models/media/campaignvideo.h"
#include "models/annotation/labels.h"
#include "models/campaign.h"
#include "models/media/videodecoder.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>
#include <set>

namespace vigie::cli {

namespace {

class ProposeCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(vigie::cli::ProposeCommand)

public:
    QString name() const override { return QStringLiteral("propose"); }
    QString summary() const override { return tr("Write WILDCAT box proposals for a campaign into a dataset."); }
    void configure(OptionSet &parser) const override
    {
        parser.addPositionalArgument(QStringLiteral("campaign"), tr("campaign.json"));
        parser.addOption({QStringLiteral("db"), tr("The dataset to write to (created if missing)."), QStringLiteral("file")});
        parser.addOption({QStringLiteral("model"), tr("A weights file or a registered version."), QStringLiteral("model")});
        parser.addOption({QStringLiteral("camera"), tr("Camera name or modality (default ir)."), QStringLiteral("camera"),
                          QStringLiteral("ir")});
        parser.addOption({QStringLiteral("tau"), tr("Threshold on the normalised map (default: learnt with the box scale from "
                                                    "the camera's accepted boxes in the dataset, 0.5 when it has fewer than 5)."),
                          QStringLiteral("t")});
        parser.addOption({QStringLiteral("box-scale"), tr("Boxes scaled about their centre (default: learnt with τ, else 1)."),
                          QStringLiteral("s")});
        parser.addOption({QStringLiteral("threads"), tr("LibTorch threads (default: every core)."), QStringLiteral("n"),
                          QStringLiteral("0")});
        parser.addOption({QStringLiteral("json"), tr("Machine-readable output.")});
    }

    int run(const QCommandLineParser &parser, Io &io) const override
    {
        const QStringList args = parser.positionalArguments();
        if (args.size() != 1)
            return usageError(io, name(), tr("one campaign.json is needed"));
        const QString dbPath = parser.value(QStringLiteral("db"));
        if (dbPath.isEmpty())
            return usageError(io, name(), tr("--db DB is required"));
        if (!parser.isSet(QStringLiteral("model")))
            return usageError(io, name(), tr("--model is required (a weights file or a registered version)"));
        bool ok = true;
        const double tau = parser.isSet(QStringLiteral("tau")) ? parser.value(QStringLiteral("tau")).toDouble(&ok) : 0.5;
        if (!ok || tau < 0 || tau >= 1)
            return usageError(io, name(), tr("--tau must be in [0, 1)"));
        const double boxScale =
            parser.isSet(QStringLiteral("box-scale")) ? parser.value(QStringLiteral("box-scale")).toDouble(&ok) : 1.0;
        if (!ok || boxScale < 0.25 || boxScale > 8)
            return usageError(io, name(), tr("--box-scale must be in [0.25, 8]"));
        inference::configureThreads(parser.value(QStringLiteral("threads")).toInt());

        QString error, version;
        const QString weights = jobs::resolveModelPath(parser.value(QStringLiteral("model")), dbPath, &version, &error);
        if (weights.isEmpty())
            return failure(io, name(), error);
        auto campaign = media::openCampaign(args[0], &error);
        if (!campaign)
            return failure(io, name(), error);
        const int camera = jobs::cameraIndex(*campaign, parser.value(QStringLiteral("camera")));
        if (camera < 0)
            return failure(io, name(), tr("%1: no camera '%2'").arg(args[0], parser.value(QStringLiteral("camera"))));
        const CameraSpec &spec = campaign->manifest().cameras[size_t(camera)];
        if (campaign->targetLog().fixes.empty())
            return failure(io, name(), tr("%1: the campaign has no GPS fix: no search region, no proposal").arg(args[0]));

        // The campaign and camera first: the camera's accepted boxes teach τ and the box scale.
        auto dataset = db::Dataset::open(dbPath, db::Dataset::OpenMode::CreateIfMissing, &error);
        if (!dataset)
            return failure(io, name(), error);
        db::RegisteredCamera registered;
        if (!registerCampaignCamera(*dataset, *campaign, args[0], camera, &registered, &error))
            return failure(io, name(), error);
        const std::int64_t frameCount = std::int64_t(registered.frameIds.size());
        const std::vector<std::int64_t> &frameIds = registered.frameIds;
        std::map<std::int64_t, std::int64_t> indexOf;
        for (std::int64_t i = 0; i < frameCount; ++i)
            indexOf[frameIds[size_t(i)]] = i;
        std::set<std::int64_t> done;
        std::map<std::int64_t, QString> className;
        for (const db::ClassRecord &c : dataset->classes())
            className[c.id] = c.name;
        std::vector<LabelBox> decided;
        for (const db::BoxRecord &b : dataset->boxesOfCamera(registered.id)) {
            if (b.source == db::BoxSource::Cam && b.modelVersion == version)
                done.insert(b.frameId);
            if (indexOf.count(b.frameId))
                decided.push_back({indexOf[b.frameId], QRectF(b.x, b.y, b.w, b.h), className[b.classId], b.state});
        }
        jobs::ProposeSpec job;
        job.campaign = std::shared_ptr<const Campaign>(std::move(campaign));
        job.camera = camera;
        job.frameCount = frameCount;
        job.weightsPath = weights;
        job.version = version;
        job.accepted = analystLabels(decided, {}, job.campaign->manifest().targetClass).boxes;
        if (parser.isSet(QStringLiteral("tau")))
            job.tau = tau;
        if (parser.isSet(QStringLiteral("box-scale")))
            job.boxScale = boxScale;
        jobs::TerminalJob terminal(io.err);
        jobs::ProposeResult result;
        if (!jobs::proposeBoxes(job, terminal, &result, &error))
            return failure(io, name(), error);
        const std::vector<Annotation> &proposals = result.proposals;

        // The boxes in one transaction; frames that already hold this model's boxes are left alone.
        const auto classId = dataset->ensureClass(job.campaign->manifest().targetClass, &error);
        if (!classId)
            return failure(io, name(), error);
        std::vector<db::BoxRecord> records;
        std::int64_t skipped = 0;
        for (const Annotation &a : proposals) {
            if (a.frame < 0 || a.frame >= frameCount)
                continue;
            const std::int64_t frameId = frameIds[size_t(a.frame)];
            if (done.count(frameId)) {
                ++skipped;
                continue;
            }
            records.push_back(db::boxRecordOf(a, frameId, *classId, QStringLiteral("vigie-cli propose")));
        }
        if (!records.empty() && !dataset->createBoxes(records, &error))
            return failure(io, name(), error);
        if (parser.isSet(QStringLiteral("json"))) {
            io.out << QJsonDocument(QJsonObject{{QStringLiteral("model"), version},
                                                {QStringLiteral("camera"), spec.name},
                                                {QStringLiteral("boxes"), qint64(records.size())},
                                                {QStringLiteral("skipped_existing"), qint64(skipped)}})
                          .toJson();
        } else {
            io.out << tr("%1 proposals of %2 written for camera %3 (%4 already there, left alone)")
                          .arg(records.size())
                          .arg(version, spec.name)
                          .arg(skipped)
                   << Qt::endl;
        }
        return Success;
    }
};

} // namespace

std::unique_ptr<Command> makeProposeCommand()
{
    return std::make_unique<ProposeCommand>();
}

} // namespace vigie::cli
