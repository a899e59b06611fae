#include "app/cli/command.h"
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

int proposerCameraIndex(const Campaign &campaign, const QString &wanted)
{
    const auto &cameras = campaign.manifest().cameras;
    for (int c = 0; c < int(cameras.size()); ++c) {
        if (cameras[size_t(c)].name == wanted)
            return c;
    }
    for (int c = 0; c < int(cameras.size()); ++c) {
        if (cameras[size_t(c)].modality == wanted)
            return c;
    }
    return -1;
}

QString resolveModelPath(const QString &model, const QString &dbPath, QString *version, QString *error)
{
    if (QFileInfo::exists(model)) {
        *version = QFileInfo(model).completeBaseName();
        return model;
    }
    if (dbPath.isEmpty()) {
        *error = QCoreApplication::translate("vigie::cli::ProposerCommand", "%1: no such file (and no --db to look it up)").arg(model);
        return {};
    }
    auto dataset = db::Dataset::open(dbPath, db::Dataset::OpenMode::MustExist, error);
    if (!dataset)
        return {};
    const auto record = dataset->modelByVersion(model);
    if (!record) {
        *error = QCoreApplication::translate("vigie::cli::ProposerCommand", "%1: no model '%2' in the registry").arg(dbPath, model);
        return {};
    }
    *version = record->version;
    return record->weightsPath;
}

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
        std::vector<inference::WeakSample> samples;
        QJsonArray snapshot;
        for (const QString &path : campaigns) {
            QString error;
            auto campaign = media::openCampaign(path, &error);
            if (!campaign)
                return failure(io, name(), error);
            const int camera = proposerCameraIndex(*campaign, cameraName);
            if (camera < 0)
                return failure(io, name(), tr("%1: no camera '%2'").arg(path, cameraName));
            if (campaign->targetLog().fixes.empty())
                return failure(io, name(), tr("%1: the campaign has no GPS fix, so no weak label: the proposer cannot be trained")
                                               .arg(path));
            inference::WeakLabelOptions o;
            o.camera = camera;
            o.cropSize = config.cropSize;
            o.seed = seed + std::uint64_t(snapshot.size());
            inference::WeakLabelReport report;
            if (!inference::collectWeakSamples(*campaign, o, &samples, &report, &error))
                return failure(io, name(), tr("%1: %2").arg(path, error));
            io.err << tr("%1: %2 frames, %3 positive and %4 negative crops, %5 frames without a projection")
                          .arg(path)
                          .arg(report.framesRead)
                          .arg(report.positives)
                          .arg(report.negatives)
                          .arg(report.noProjection)
                   << Qt::endl;
            snapshot.append(weakLabelSnapshot(path, campaign->manifest().cameras[size_t(camera)].name, report));
        }
        auto net = inference::WildcatNet::create(config, seed);
        inference::TrainOptions t;
        t.steps = steps;
        t.seed = seed;
        double lastLoss = 0;
        QElapsedTimer timer;
        timer.start();
        t.progress = [&](int step, double loss) {
            lastLoss = loss;
            if (step % 50 == 0 || step == steps)
                io.err << tr("step %1/%2  loss %3  %4 samples/s")
                              .arg(step)
                              .arg(steps)
                              .arg(loss, 0, 'f', 4)
                              .arg(double(step) * t.batch / (double(timer.elapsed()) / 1000.0), 0, 'f', 0)
                       << Qt::endl;
            return true;
        };
        QString error;
        if (!net->train(samples, t, &error))
            return failure(io, name(), error);

        const QString version = modelVersion(QStringLiteral("wildcat"), cameraName);
        QString out = parser.value(QStringLiteral("out"));
        if (out.isEmpty()) {
            const QDir dir(QFileInfo(dbPath).absoluteDir().filePath(QStringLiteral("models")));
            QDir().mkpath(dir.path());
            out = dir.filePath(version + QStringLiteral(".wildcat"));
        }
        if (!net->save(out, &error))
            return failure(io, name(), error);
        const TrainedModel record = proposerRecord(cameraName, version, out, config, t, snapshot, lastLoss,
                                                   double(timer.elapsed()) / 1000.0);
        if (!registerTrainedModel(dbPath, record, &error))
            return failure(io, name(), error);
        if (parser.isSet(QStringLiteral("json"))) {
            io.out << QJsonDocument(QJsonObject{{QStringLiteral("version"), version},
                                                {QStringLiteral("weights"), record.weightsPath},
                                                {QStringLiteral("final_loss"), lastLoss}})
                          .toJson();
        } else {
            io.out << tr("Registered %1 (%2)").arg(version, record.weightsPath) << Qt::endl;
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
        const int camera = proposerCameraIndex(*campaign, parser.value(QStringLiteral("camera")));
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
                                                {QStringLiteral("proposal_fps"), r.proposalFps},
                                                {QStringLiteral("geometry"), scoresJson(r.geometry)},
                                                {QStringLiteral("whole_frame"), scoresJson(r.wholeFrame)},
                                                {QStringLiteral("region"), scoresJson(r.region)}})
                          .toJson();
            return Success;
        }
        io.out << tr("%1 on %2, %3 test frames (τ calibrated on %4 others)")
                      .arg(version, campaign->manifest().cameras[size_t(camera)].name)
                      .arg(r.region.frames)
                      .arg(r.calibrationFrames)
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
