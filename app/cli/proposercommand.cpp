#include "app/cli/command.h"
#include "app/jobs/proposerjobs.h"
#include "app/modelregistry.h"

#include "database/dataset.h"
#include "inference/proposer.h"
#include "inference/runtime.h"
#include "inference/weaklabels.h"
#include "models/media/campaignvideo.h"
#include "models/campaign.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigie::cli {

/// A model named on the command line: a weights file, or a version in the dataset's registry.
std::unique_ptr<inference::WildcatNet> loadProposerModel(const QString &model, const QString &dbPath, QString *version, QString *error)
{
    const QString path = resolveModelPath(model, dbPath, version, error);
    if (path.isEmpty())
        return nullptr;
    return inference::WildcatNet::load(path, error);
}

namespace {

QJsonObject scoresJson(const inference::LocalizationScores &s)
{
    return {{QStringLiteral("frames"), s.frames},          {QStringLiteral("corloc_50"), s.corLoc},
            {QStringLiteral("maxboxacc_50"), s.maxBoxAcc}, {QStringLiteral("maxboxacc_v2"), s.maxBoxAccV2},
            {QStringLiteral("mean_iou"), s.meanIou},       {QStringLiteral("tau"), s.tau},
            {QStringLiteral("box_scale"), s.boxScale}};
}

class ProposerCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(vigie::cli::ProposerCommand)

public:
    QString name() const override { return QStringLiteral("proposer"); }
    QString summary() const override
    {
        return tr("Train (train) or evaluate (evaluate) the WILDCAT proposer.");
    }
    void configure(OptionSet &parser) const override
    {
        parser.addPositionalArgument(QStringLiteral("action"), tr("train or evaluate"));
        parser.addPositionalArgument(QStringLiteral("campaign"), tr("campaign.json files (train: one or more; evaluate: one)"),
                                     QStringLiteral("CAMPAIGN..."));
        parser.addOption({QStringLiteral("db"), tr("The dataset whose model registry receives or holds the model."), QStringLiteral("file")});
        parser.addOption({QStringLiteral("camera"), tr("Camera name or modality (default ir)."), QStringLiteral("camera"),
                          QStringLiteral("ir")});
        parser.addOption({QStringLiteral("steps"), tr("Training steps (default 400)."), QStringLiteral("n"), QStringLiteral("400")});
        parser.addOption({QStringLiteral("seed"), tr("Seed (default 1)."), QStringLiteral("n"), QStringLiteral("1")});
        parser.addOption({QStringLiteral("out"), tr("Where to write the weights (default: models/ beside the dataset)."),
                          QStringLiteral("file")});
        parser.addOption({QStringLiteral("model"), tr("evaluate: a weights file or a registered version."), QStringLiteral("model")});
        parser.addOption({QStringLiteral("gt"), tr("evaluate: the campaign's ground_truth.json."), QStringLiteral("file")});
        parser.addOption({QStringLiteral("threads"), tr("LibTorch threads (default: every core)."), QStringLiteral("n"),
                          QStringLiteral("0")});
        parser.addOption({QStringLiteral("kmax"), tr("train: WILDCAT k+ (fraction < 1 or count, default 3)."), QStringLiteral("k"),
                          QStringLiteral("3")});
        parser.addOption({QStringLiteral("kmin"), tr("train: WILDCAT k- (default: k+)."), QStringLiteral("k"), QStringLiteral("-1")});
        parser.addOption({QStringLiteral("alpha"), tr("train: WILDCAT alpha (default 0.7; 1 = WELDON)."), QStringLiteral("a"),
                          QStringLiteral("0.7")});
        parser.addOption({QStringLiteral("maps"), tr("train: maps per class M (default 4)."), QStringLiteral("m"), QStringLiteral("4")});
        parser.addOption({QStringLiteral("width"), tr("train: backbone width (default 16)."), QStringLiteral("n"), QStringLiteral("16")});
        parser.addOption({QStringLiteral("signed-maps"), tr("train: leave the class maps unconstrained (the authors' form).")});
        parser.addOption({QStringLiteral("no-whole-frame"), tr("evaluate: skip method (b), the map over whole frames (slow).")});
        parser.addOption({QStringLiteral("close-factor"), tr("evaluate: map gaps closed up to this × the expected size (default 0.75)."),
                          QStringLiteral("f"), QStringLiteral("0.75")});
        parser.addOption({QStringLiteral("refine-reference"),
                          tr("evaluate: the box edge is that fraction of this quantile of the drone's contrast above the noise "
                             "(default 0.5; 1: of its peak)."),
                          QStringLiteral("q"), QStringLiteral("0.5")});
        parser.addOption({QStringLiteral("edge-fraction"), tr("evaluate: box refinement threshold, a fraction of the peak contrast (default 0.5; 0 = no refinement)."),
                          QStringLiteral("f"), QStringLiteral("0.5")});
        parser.addOption({QStringLiteral("max-network-pixels"),
                          tr("evaluate: a region is enlarged for the network up to this many pixels (default 262144; 0: "
                             "no limit)."),
                          QStringLiteral("n"), QStringLiteral("262144")});
        parser.addOption({QStringLiteral("every"), tr("evaluate: every n-th frame with a visible drone (default 1)."),
                          QStringLiteral("n"), QStringLiteral("1")});
        parser.addOption({QStringLiteral("json"), tr("Machine-readable output.")});
    }

    int run(const QCommandLineParser &parser, Io &io) const override
    {
        const QStringList args = parser.positionalArguments();
        if (args.size() < 2)
            return usageError(io, name(), tr("usage: proposer train|evaluate CAMPAIGN..."));
        inference::configureThreads(parser.value(QStringLiteral("threads")).toInt());
        if (args[0] == QLatin1String("train"))
            return train(parser, args.mid(1), io);
        if (args[0] == QLatin1String("evaluate"))
            return evaluate(parser, args.mid(1), io);
        return usageError(io, name(), tr("unknown action '%1' (train or evaluate)").arg(args[0]));
    }

private:
    int train(const QCommandLineParser &parser, const QStringList &campaigns, Io &io) const
    {
        const QString dbPath = parser.value(QStringLiteral("db"));
        if (dbPath.isEmpty())
            return usageError(io, name(), tr("--db DB is required: the model is registered there"));
        bool ok = false;
        const int steps = parser.value(QStringLiteral("steps")).toInt(&ok);
        if (!ok || steps < 1)
            return usageError(io, name(), tr("--steps must be a positive number"));
        const std::uint64_t seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return usageError(io, name(), tr("--seed must be a whole number"));
        const QString cameraName = parser.value(QStringLiteral("camera"));

        inference::WildcatConfig config;
        config.kMax = parser.value(QStringLiteral("kmax")).toDouble();
        config.kMin = parser.value(QStringLiteral("kmin")).toDouble();
        config.alpha = parser.value(QStringLiteral("alpha")).toDouble();
        config.mapsPerClass = parser.value(QStringLiteral("maps")).toInt();
        config.width = parser.value(QStringLiteral("width")).toInt();
        config.positiveMaps = !parser.isSet(QStringLiteral("signed-maps"));
        if (config.kMax <= 0 || config.mapsPerClass < 1 || config.mapsPerClass > 64 || config.width < 4 || config.width > 256
            || config.alpha < 0 || config.alpha > 10)
            return usageError(io, name(), tr("--kmax must be > 0, --maps in [1, 64], --width in [4, 256], --alpha in [0, 10]"));
        jobs::ProposerTrainingSpec spec;
        spec.datasetPath = dbPath;
        spec.modelDir = jobs::modelDirOf(dbPath);
        spec.weightsPath = parser.value(QStringLiteral("out"));
        spec.steps = steps;
        spec.seed = seed;
        spec.config = config;
        for (const QString &path : campaigns) {
            QString error;
            auto campaign = media::openCampaign(path, &error);
            if (!campaign)
                return failure(io, name(), error);
            const int camera = jobs::cameraIndex(*campaign, cameraName);
            if (camera < 0)
                return failure(io, name(), tr("%1: no camera '%2'").arg(path, cameraName));
            spec.sources.push_back({std::shared_ptr<const Campaign>(std::move(campaign)), path, camera});
        }
        jobs::TerminalJob terminal(io.err);
        jobs::ProposerTrainingResult result;
        QString error;
        if (!jobs::trainProposer(spec, terminal, &result, &error))
            return failure(io, name(), error);
        if (parser.isSet(QStringLiteral("json"))) {
            io.out << QJsonDocument(QJsonObject{{QStringLiteral("version"), result.version},
                                                {QStringLiteral("weights"), result.weightsPath},
                                                {QStringLiteral("final_loss"), result.finalLoss}})
                          .toJson();
        } else {
            io.out << tr("Registered %1 (%2)").arg(result.version, result.weightsPath) << Qt::endl;
        }
        return Success;
    }

    int evaluate(const QCommandLineParser &parser, const QStringList &campaigns, Io &io) const
    {
        if (campaigns.size() != 1)
            return usageError(io, name(), tr("evaluate takes one campaign"));
        const QString gt = parser.value(QStringLiteral("gt"));
        if (gt.isEmpty())
            return usageError(io, name(), tr("--gt GROUND_TRUTH is required"));
        if (!parser.isSet(QStringLiteral("model")))
            return usageError(io, name(), tr("--model is required (a weights file or a registered version)"));
        QString error, version;
        auto net = loadProposerModel(parser.value(QStringLiteral("model")), parser.value(QStringLiteral("db")), &version, &error);
        if (!net)
            return failure(io, name(), error);
        auto campaign = media::openCampaign(campaigns[0], &error);
        if (!campaign)
            return failure(io, name(), error);
        const int camera = jobs::cameraIndex(*campaign, parser.value(QStringLiteral("camera")));
        if (camera < 0)
            return failure(io, name(), tr("%1: no camera '%2'").arg(campaigns[0], parser.value(QStringLiteral("camera"))));
        inference::ProposerOptions options;
        options.camera = camera;
        options.wholeFrame = !parser.isSet(QStringLiteral("no-whole-frame"));
        options.every = std::max(1, parser.value(QStringLiteral("every")).toInt());
        options.closeFactor = std::clamp(parser.value(QStringLiteral("close-factor")).toDouble(), 0.0, 10.0);
        options.edgeFraction = std::clamp(parser.value(QStringLiteral("edge-fraction")).toDouble(), 0.0, 1.0);
        options.refine = options.edgeFraction > 0;
        options.refineReference = std::clamp(parser.value(QStringLiteral("refine-reference")).toDouble(), 0.0, 1.0);
        options.maxNetworkPixels = std::max(0.0, parser.value(QStringLiteral("max-network-pixels")).toDouble());
        inference::ProposerEvaluation r;
        if (!inference::evaluateProposer(*campaign, gt, camera, *net, options, &r, &error))
            return failure(io, name(), error);
        if (parser.isSet(QStringLiteral("json"))) {
            io.out << QJsonDocument(QJsonObject{{QStringLiteral("model"), version},
                                                {QStringLiteral("camera"), campaign->manifest().cameras[size_t(camera)].name},
                                                {QStringLiteral("calibration_frames"), r.calibrationFrames},
                                                {QStringLiteral("gap_frames"), r.gapFrames},
                                                {QStringLiteral("proposal_fps"), r.proposalFps},
                                                {QStringLiteral("geometry"), scoresJson(r.geometry)},
                                                {QStringLiteral("whole_frame"), scoresJson(r.wholeFrame)},
                                                {QStringLiteral("region"), scoresJson(r.region)}})
                          .toJson();
            return Success;
        }
        io.out << tr("%1 on %2, %3 test frames (τ and scale calibrated on the first %4, then %5 left out)")
                      .arg(version, campaign->manifest().cameras[size_t(camera)].name)
                      .arg(r.region.frames)
                      .arg(r.calibrationFrames)
                      .arg(r.gapFrames)
               << Qt::endl;
        io.out << tr("method                 CorLoc@0.5  MaxBoxAcc  MaxBoxAccV2  mean IoU  tau   scale") << Qt::endl;
        auto row = [&](const QString &label, const inference::LocalizationScores &s) {
            io.out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                          .arg(label, -22)
                          .arg(s.corLoc, 10, 'f', 3)
                          .arg(s.maxBoxAcc, 10, 'f', 3)
                          .arg(s.maxBoxAccV2, 12, 'f', 3)
                          .arg(s.meanIou, 9, 'f', 3)
                          .arg(s.tau, 5, 'f', 2)
                          .arg(s.boxScale, 6, 'f', 2)
                   << Qt::endl;
        };
        row(tr("(a) geometric box"), r.geometry);
        row(tr("(b) map, whole frame"), r.wholeFrame);
        row(tr("(c) map in region"), r.region);
        io.out << tr("proposals: %1 regions/s").arg(r.proposalFps, 0, 'f', 1) << Qt::endl;
        return Success;
    }
};

} // namespace

std::unique_ptr<Command> makeProposerCommand()
{
    return std::make_unique<ProposerCommand>();
}

} // namespace vigie::cli
