#include "app/cli/command.h"
#include "app/jobs/detection.h"
#include "app/jobs/detectortraining.h"
#include "app/jobs/review.h"
#include "app/modelregistry.h"

#include "database/dataset.h"
#include "database/datasetsession.h"
#include "inference/detectorpipeline.h"
#include "inference/proposer.h"
#include "inference/runtime.h"
#include "inference/temporal.h"
#include "models/media/campaignvideo.h"
#include "models/annotation/labels.h"
#include "models/campaign.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <set>

namespace vigie::cli {

namespace {

/// The labelled frames of one camera: boxes and frames known to have no target.
struct Labels
{
    inference::FrameBoxes boxes;
    std::set<std::int64_t> noTarget;
};

class DetectorCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(vigie::cli::DetectorCommand)

public:
    QString name() const override { return QStringLiteral("detector"); }
    QString summary() const override
    {
        return tr("Train (train), run (detect), evaluate against a ground truth (evaluate) or review against the "
                  "analysts' labels (review) the embedded CenterNet detector.");
    }
    void configure(OptionSet &parser) const override
    {
        parser.addPositionalArgument(QStringLiteral("action"), tr("train, detect, evaluate or review"));
        parser.addPositionalArgument(QStringLiteral("campaign"), tr("campaign.json files (train: one or more; detect, evaluate: one)"),
                                     QStringLiteral("CAMPAIGN..."));
        parser.addOption({QStringLiteral("db"), tr("The dataset: train reads its accepted and corrected boxes and registers the "
                                                   "model there; detect writes its detections there."),
                          QStringLiteral("file")});
        parser.addOption({QStringLiteral("camera"), tr("Camera name or modality (default ir)."), QStringLiteral("camera"),
                          QStringLiteral("ir")});
        parser.addOption({QStringLiteral("boxes"), tr("train: db (the analysts' accepted and corrected boxes, default) or gt "
                                                      "(each campaign's ground_truth.json, for benchmarks)."),
                          QStringLiteral("source"), QStringLiteral("db")});
        parser.addOption({QStringLiteral("epochs"), tr("train: epochs (default 6)."), QStringLiteral("n"), QStringLiteral("6")});
        parser.addOption({QStringLiteral("steps"), tr("train: steps per epoch (default 100)."), QStringLiteral("n"), QStringLiteral("100")});
        parser.addOption({QStringLiteral("seed"), tr("train: seed (default 1)."), QStringLiteral("n"), QStringLiteral("1")});
        parser.addOption({QStringLiteral("width"), tr("train: backbone width (default 16)."), QStringLiteral("n"), QStringLiteral("16")});
        parser.addOption({QStringLiteral("crop"), tr("train: crop size, a multiple of 8 (default 96)."), QStringLiteral("px"),
                          QStringLiteral("96")});
        parser.addOption({QStringLiteral("scale"), tr("train: enlarge images by this before the network (default auto: 2 "
                                                      "on IR, whose drones are a few pixels, 1 otherwise)."),
                          QStringLiteral("f"), QStringLiteral("auto")});
        parser.addOption({QStringLiteral("val"), tr("train: a held-out campaign (with its ground_truth.json) scored after each epoch."),
                          QStringLiteral("campaign")});
        parser.addOption({QStringLiteral("resume"), tr("train: continue the camera's last run (the workstation's or the CLI's) from its checkpoint in models/ beside the dataset.")});
        parser.addOption({QStringLiteral("out"), tr("train: where to write the weights (default: models/ beside the dataset)."),
                          QStringLiteral("file")});
        parser.addOption({QStringLiteral("model"), tr("detect, evaluate: a weights file or a registered version; review: the "
                                                      "version whose boxes are reviewed (default: the newest registered)."),
                          QStringLiteral("model")});
        parser.addOption({QStringLiteral("gt"), tr("evaluate: the campaign's ground_truth.json."), QStringLiteral("file")});
        parser.addOption({QStringLiteral("region"), tr("detect, evaluate: only inside the geometric search region.")});
        parser.addOption({QStringLiteral("every"), tr("detect, evaluate: every n-th frame (default 1)."), QStringLiteral("n"),
                          QStringLiteral("1")});
        parser.addOption({QStringLiteral("min-score"), tr("detect: the lowest score written (default 0.3)."), QStringLiteral("s"),
                          QStringLiteral("0.3")});
        parser.addOption({QStringLiteral("no-temporal"), tr("detect: write the detector's own scores, without the temporal "
                                                            "layer (Seq-NMS through time)")});
        parser.addOption({QStringLiteral("refine-below"), tr("detect, evaluate: boxes up to this size (px) fit the drone's own "
                                                             "pixels (default 16; 0: never)."),
                          QStringLiteral("px"), QStringLiteral("16")});
        parser.addOption({QStringLiteral("refine-reference"),
                          tr("detect, evaluate: the box edge is half this quantile of the drone's contrast above the noise "
                             "(default 0.5; 1: half its peak)."),
                          QStringLiteral("q"), QStringLiteral("0.5")});
        parser.addOption({QStringLiteral("coco-out"), tr("evaluate: also write the COCO ground truth and detections there."),
                          QStringLiteral("dir")});
        parser.addOption({QStringLiteral("threads"), tr("LibTorch threads (default: every core)."), QStringLiteral("n"),
                          QStringLiteral("0")});
        parser.addOption({QStringLiteral("json"), tr("Machine-readable output.")});
    }

    int run(const QCommandLineParser &parser, Io &io) const override
    {
        const QStringList args = parser.positionalArguments();
        if (args.size() < 2)
            return usageError(io, name(), tr("usage: detector train|detect|evaluate|review CAMPAIGN..."));
        inference::configureThreads(parser.value(QStringLiteral("threads")).toInt());
        if (args[0] == QLatin1String("train"))
            return train(parser, args.mid(1), io);
        if (args[0] == QLatin1String("detect"))
            return detect(parser, args.mid(1), io);
        if (args[0] == QLatin1String("evaluate"))
            return evaluate(parser, args.mid(1), io);
        if (args[0] == QLatin1String("review"))
            return review(parser, args.mid(1), io);
        return usageError(io, name(), tr("unknown action '%1' (train, detect, evaluate or review)").arg(args[0]));
    }

private:
    /// Ground truth of a synthetic campaign: the visible frames' boxes, the others without target.
    static bool groundTruthLabels(const QString &gtPath, const Campaign &campaign, int camera, Labels *labels,
                                  QString *error)
    {
        const CameraSpec &spec = campaign.manifest().cameras.at(size_t(camera));
        std::map<std::int64_t, QRectF> visible;
        if (!inference::readGroundTruth(gtPath, spec.name, &visible, error))
            return false;
        QFile f(gtPath);
        f.open(QIODevice::ReadOnly);
        const auto frames = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("frames")).toObject().value(spec.name).toArray();
        for (qsizetype i = 0; i < frames.size(); ++i) {
            if (const auto it = visible.find(i); it != visible.end())
                labels->boxes[i] = {it->second};
            else
                labels->noTarget.insert(i);
        }
        return true;
    }

    /// The analysts' labels (models/annotation/labels.h): the target class's accepted and
    /// corrected boxes, and the frames known to hold no target.
    static bool datasetLabels(db::Dataset &dataset, const Campaign &campaign, const QString &manifest, int camera,
                              Labels *labels, QString *error, db::RegisteredCamera *cameraOut = nullptr)
    {
        db::RegisteredCamera local;
        db::RegisteredCamera &registered = cameraOut ? *cameraOut : local;
        if (!registerCampaignCamera(dataset, campaign, manifest, camera, &registered, error))
            return false;
        std::map<std::int64_t, std::int64_t> frameOf;
        for (std::size_t i = 0; i < registered.frameIds.size(); ++i)
            frameOf[registered.frameIds[i]] = std::int64_t(i);
        std::map<std::int64_t, QString> className;
        for (const db::ClassRecord &c : dataset.classes())
            className[c.id] = c.name;
        std::vector<LabelBox> boxes;
        for (const db::BoxRecord &b : dataset.boxesOfCamera(registered.id)) {
            if (const auto it = frameOf.find(b.frameId); it != frameOf.end())
                boxes.push_back({it->second, QRectF(b.x, b.y, b.w, b.h), className[b.classId], b.state});
        }
        std::map<std::int64_t, db::FrameFlags> flags;
        for (const auto &[frameId, f] : dataset.frameFlagsOfCamera(registered.id)) {
            if (const auto it = frameOf.find(frameId); it != frameOf.end())
                flags[it->second] = f;
        }
        AnalystLabels decided = analystLabels(boxes, flags, campaign.manifest().targetClass);
        labels->boxes = std::move(decided.boxes);
        labels->noTarget = std::move(decided.noTarget);
        return true;
    }

    /// The workstation's review panel on the terminal: a model's boxes in the dataset against
    /// the analysts' labels of the same frames (app/jobs/review.h), and the frames in error.
    int review(const QCommandLineParser &parser, const QStringList &campaigns, Io &io) const
    {
        if (campaigns.size() != 1)
            return usageError(io, name(), tr("review takes one campaign"));
        const QString dbPath = parser.value(QStringLiteral("db"));
        if (dbPath.isEmpty())
            return usageError(io, name(), tr("--db DB is required: the labels and the detections are read there"));
        QString error;
        auto campaign = media::openCampaign(campaigns[0], &error);
        if (!campaign)
            return failure(io, name(), error);
        const int camera = jobs::cameraIndex(*campaign, parser.value(QStringLiteral("camera")));
        if (camera < 0)
            return failure(io, name(), tr("%1: no camera '%2'").arg(campaigns[0], parser.value(QStringLiteral("camera"))));
        const QString cameraName = campaign->manifest().cameras[size_t(camera)].name;
        auto dataset = db::Dataset::open(dbPath, db::Dataset::OpenMode::MustExist, &error);
        if (!dataset)
            return failure(io, name(), error);
        Labels labels;
        db::RegisteredCamera registered;
        if (!datasetLabels(*dataset, *campaign, campaigns[0], camera, &labels, &error, &registered))
            return failure(io, name(), error);
        std::set<std::int64_t> labelled = labels.noTarget;
        for (const auto &[frame, _] : labels.boxes)
            labelled.insert(frame);
        std::map<std::int64_t, std::int64_t> frameOf;
        for (std::size_t i = 0; i < registered.frameIds.size(); ++i)
            frameOf[registered.frameIds[i]] = std::int64_t(i);
        std::map<QString, std::map<qint64, std::vector<Annotation>>> byModel;
        for (const db::BoxRecord &b : dataset->boxesOfCamera(registered.id)) {
            const auto it = frameOf.find(b.frameId);
            if (b.source != db::BoxSource::Detector || it == frameOf.end())
                continue;
            Annotation a;
            a.frame = it->second;
            a.rect = QRectF(b.x, b.y, b.w, b.h);
            a.confidence = b.confidence;
            byModel[b.modelVersion][it->second].push_back(a);
        }
        QString version = parser.value(QStringLiteral("model"));
        if (version.isEmpty()) {
            QString none;
            if (const auto newest = newestModel(dbPath, QStringLiteral("centernet"), cameraName, &none))
                version = newest->version;
            else if (!byModel.empty())
                version = byModel.rbegin()->first; // versions sort by time
        }
        if (version.isEmpty() || !byModel.count(version))
            return failure(io, name(), version.isEmpty()
                                           ? tr("%1: no detector has run on camera %2 (vigie-cli detector detect writes its boxes)").arg(dbPath, cameraName)
                                           : tr("%1: model %2 has no boxes on camera %3 (run vigie-cli detector detect first)").arg(dbPath, version, cameraName));
        if (labelled.empty())
            return failure(io, name(), tr("%1: no frame of camera %2 is labelled yet: accept, correct or flag some first").arg(dbPath, cameraName));
        std::vector<ReviewFrameErrors> frames;
        const ReviewSummary r = jobs::reviewDetections(labels.boxes, labelled, byModel[version], version, &frames);
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray errors;
            for (const ReviewFrameErrors &f : frames)
                if (f.falsePositives + f.misses > 0)
                    errors.append(QJsonObject{{QStringLiteral("frame"), f.frame},
                                          {QStringLiteral("true_positives"), f.truePositives},
                                          {QStringLiteral("false_positives"), f.falsePositives},
                                          {QStringLiteral("misses"), f.misses}});
            io.out << QJsonDocument(QJsonObject{{QStringLiteral("model"), r.model},
                                                {QStringLiteral("camera"), cameraName},
                                                {QStringLiteral("labelled_frames"), r.frames},
                                                {QStringLiteral("true_positives"), r.truePositives},
                                                {QStringLiteral("false_positives"), r.falsePositives},
                                                {QStringLiteral("misses"), r.misses},
                                                {QStringLiteral("ap"), r.ap},
                                                {QStringLiteral("ap50"), r.ap50},
                                                {QStringLiteral("ap75"), r.ap75},
                                                {QStringLiteral("ar100"), r.ar100},
                                                {QStringLiteral("error_frames"), errors}})
                          .toJson();
            return Success;
        }
        io.out << tr("%1 on %2: %3 labelled frames, %4 true positives, %5 false positives, %6 misses")
                      .arg(r.model, cameraName)
                      .arg(r.frames)
                      .arg(r.truePositives)
                      .arg(r.falsePositives)
                      .arg(r.misses)
               << Qt::endl;
        io.out << tr("  AP %1  AP50 %2  AP75 %3  AR100 %4").arg(r.ap, 0, 'f', 3).arg(r.ap50, 0, 'f', 3).arg(r.ap75, 0, 'f', 3).arg(r.ar100, 0, 'f', 3)
               << Qt::endl;
        for (const ReviewFrameErrors &f : frames) {
            if (f.falsePositives + f.misses > 0)
                io.out << tr("  frame %1: %2 false positives, %3 misses").arg(f.frame).arg(f.falsePositives).arg(f.misses) << Qt::endl;
        }
        return Success;
    }

    static QString groundTruthBeside(const QString &manifest)
    {
        return QFileInfo(manifest).absoluteDir().filePath(QStringLiteral("ground_truth.json"));
    }

    int train(const QCommandLineParser &parser, const QStringList &campaigns, Io &io) const
    {
        const QString dbPath = parser.value(QStringLiteral("db"));
        if (dbPath.isEmpty())
            return usageError(io, name(), tr("--db DB is required: the model is registered there"));
        bool ok1 = false, ok2 = false, ok3 = false;
        const int epochs = parser.value(QStringLiteral("epochs")).toInt(&ok1);
        const int steps = parser.value(QStringLiteral("steps")).toInt(&ok2);
        const std::uint64_t seed = parser.value(QStringLiteral("seed")).toULongLong(&ok3);
        if (!ok1 || !ok2 || !ok3 || epochs < 1 || steps < 1)
            return usageError(io, name(), tr("--epochs and --steps must be positive, --seed a whole number"));
        const QString source = parser.value(QStringLiteral("boxes"));
        if (source != QLatin1String("db") && source != QLatin1String("gt"))
            return usageError(io, name(), tr("--boxes must be db or gt"));
        inference::DetectorConfig config;
        config.width = parser.value(QStringLiteral("width")).toInt();
        config.cropSize = parser.value(QStringLiteral("crop")).toInt();
        const QString scale = parser.value(QStringLiteral("scale"));
        const bool autoScale = scale == QLatin1String("auto");
        config.inputScale = autoScale ? 1.0 : scale.toDouble();
        if (config.width < 4 || config.width > 256 || config.cropSize < 32 || config.cropSize > 1024 || config.cropSize % 8
            || config.inputScale < 0.25 || config.inputScale > 8)
            return usageError(io, name(), tr("--width in [4, 256], --crop a multiple of 8 in [32, 1024], --scale in [0.25, 8]"));
        const QString cameraName = parser.value(QStringLiteral("camera"));

        QString error;
        auto dataset = db::Dataset::open(dbPath, db::Dataset::OpenMode::CreateIfMissing, &error);
        if (!dataset)
            return failure(io, name(), error);
        // The job (app/jobs/detectortraining.h) is the workstation's: one checkpoint per camera in
        // models/ beside the dataset, so --resume continues a run either started.
        jobs::DetectorTrainingSpec spec;
        spec.datasetPath = dbPath;
        spec.modelDir = jobs::modelDirOf(dbPath);
        spec.weightsPath = parser.value(QStringLiteral("out"));
        spec.epochs = epochs;
        spec.stepsPerEpoch = steps;
        spec.seed = seed;
        spec.resume = parser.isSet(QStringLiteral("resume"));
        for (const QString &path : campaigns) {
            std::shared_ptr<const Campaign> campaign = media::openCampaign(path, &error);
            if (!campaign)
                return failure(io, name(), error);
            const int camera = jobs::cameraIndex(*campaign, cameraName);
            if (camera < 0)
                return failure(io, name(), tr("%1: no camera '%2'").arg(path, cameraName));
            if (autoScale && spec.sources.empty()) // IR drones are a few pixels: enlarged twice
                config.inputScale = campaign->manifest().cameras[size_t(camera)].modality == QLatin1String("ir") ? 2.0 : 1.0;
            Labels labels;
            const bool got = source == QLatin1String("gt")
                                 ? groundTruthLabels(groundTruthBeside(path), *campaign, camera, &labels, &error)
                                 : datasetLabels(*dataset, *campaign, path, camera, &labels, &error);
            if (!got)
                return failure(io, name(), error);
            spec.sources.push_back({campaign, path, camera, std::move(labels.boxes), std::move(labels.noTarget), source});
        }
        spec.config = config;
        dataset.reset(); // the job registers the model through its own connection
        if (parser.isSet(QStringLiteral("val"))) {
            const QString valPath = parser.value(QStringLiteral("val"));
            std::shared_ptr<const Campaign> val = media::openCampaign(valPath, &error);
            if (!val)
                return failure(io, name(), error);
            const int valCamera = jobs::cameraIndex(*val, cameraName);
            Labels valLabels;
            if (valCamera < 0 || !groundTruthLabels(groundTruthBeside(valPath), *val, valCamera, &valLabels, &error))
                return failure(io, name(), valCamera < 0 ? tr("%1: no camera '%2'").arg(valPath, cameraName) : error);
            spec.validationCampaign = val;
            spec.validationCamera = valCamera;
            spec.validationBoxes = std::move(valLabels.boxes);
            spec.validationNoTarget = std::move(valLabels.noTarget);
        }
        jobs::TerminalJob terminal(io.err);
        jobs::DetectorTrainingResult result;
        if (!jobs::trainDetector(spec, terminal, {}, &result, &error))
            return failure(io, name(), error);
        if (parser.isSet(QStringLiteral("json"))) {
            io.out << QJsonDocument(QJsonObject{{QStringLiteral("version"), result.version},
                                                {QStringLiteral("weights"), result.weightsPath},
                                                {QStringLiteral("final_loss"), result.finalLoss},
                                                {QStringLiteral("curve"), result.curve}})
                          .toJson();
        } else {
            io.out << tr("Registered %1 (%2)").arg(result.version, result.weightsPath) << Qt::endl;
        }
        return Success;
    }

    /// The detection job the options describe (detect, evaluate).
    bool detectSpec(const QCommandLineParser &parser, const QString &manifest, jobs::DetectSpec *job, QString *error) const
    {
        job->weightsPath = resolveModelPath(parser.value(QStringLiteral("model")), parser.value(QStringLiteral("db")), &job->version, error);
        if (job->weightsPath.isEmpty())
            return false;
        std::shared_ptr<const Campaign> campaign = media::openCampaign(manifest, error);
        if (!campaign)
            return false;
        inference::DetectOptions &d = job->options;
        d.camera = jobs::cameraIndex(*campaign, parser.value(QStringLiteral("camera")));
        if (d.camera < 0) {
            *error = tr("%1: no camera '%2'").arg(manifest, parser.value(QStringLiteral("camera")));
            return false;
        }
        d.every = std::max(1, parser.value(QStringLiteral("every")).toInt());
        d.inRegion = parser.isSet(QStringLiteral("region"));
        d.refineBelowPx = std::max(0.0, parser.value(QStringLiteral("refine-below")).toDouble());
        d.refineReference = std::clamp(parser.value(QStringLiteral("refine-reference")).toDouble(), 0.0, 1.0);
        d.minScore = std::clamp(parser.value(QStringLiteral("min-score")).toDouble(), 0.01, 0.99);
        job->temporal = !parser.isSet(QStringLiteral("no-temporal"));
        job->campaign = std::move(campaign);
        return true;
    }

    int detect(const QCommandLineParser &parser, const QStringList &campaigns, Io &io) const
    {
        if (campaigns.size() != 1)
            return usageError(io, name(), tr("detect takes one campaign"));
        const QString dbPath = parser.value(QStringLiteral("db"));
        if (dbPath.isEmpty() || !parser.isSet(QStringLiteral("model")))
            return usageError(io, name(), tr("--db DB and --model MODEL are required"));
        jobs::DetectSpec job;
        QString error;
        if (!detectSpec(parser, campaigns[0], &job, &error))
            return failure(io, name(), error);
        const Campaign *campaign = job.campaign.get();
        const QString &version = job.version;
        const inference::DetectOptions &d = job.options;
        jobs::TerminalJob terminal(io.err);
        jobs::DetectResult result;
        if (!jobs::detectBoxes(job, terminal, &result, &error))
            return failure(io, name(), error);
        const inference::CampaignDetections &found = result.detections;

        auto dataset = db::Dataset::open(dbPath, db::Dataset::OpenMode::CreateIfMissing, &error);
        if (!dataset)
            return failure(io, name(), error);
        db::RegisteredCamera registered;
        if (!registerCampaignCamera(*dataset, *campaign, campaigns[0], d.camera, &registered, &error))
            return failure(io, name(), error);
        std::set<std::int64_t> done;
        for (const db::BoxRecord &b : dataset->boxesOfCamera(registered.id)) {
            if (b.source == db::BoxSource::Detector && b.modelVersion == version)
                done.insert(b.frameId);
        }
        const auto classId = dataset->ensureClass(campaign->manifest().targetClass, &error);
        if (!classId)
            return failure(io, name(), error);
        std::vector<db::BoxRecord> records;
        std::set<std::int64_t> skippedFrames;
        for (const Annotation &a : result.boxes) {
            if (a.frame < 0 || a.frame >= std::int64_t(registered.frameIds.size()))
                continue;
            const std::int64_t frameId = registered.frameIds[size_t(a.frame)];
            if (done.count(frameId)) {
                skippedFrames.insert(frameId);
                continue;
            }
            records.push_back(db::boxRecordOf(a, frameId, *classId, QStringLiteral("vigie-cli detector")));
        }
        const std::int64_t skipped = std::int64_t(skippedFrames.size());
        if (!records.empty() && !dataset->createBoxes(records, &error))
            return failure(io, name(), error);
        if (parser.isSet(QStringLiteral("json"))) {
            io.out << QJsonDocument(QJsonObject{{QStringLiteral("model"), version},
                                                {QStringLiteral("frames"), qint64(found.frames.size())},
                                                {QStringLiteral("boxes"), qint64(records.size())},
                                                {QStringLiteral("skipped_existing_frames"), qint64(skipped)},
                                                {QStringLiteral("frames_per_second"), found.framesPerSecond}})
                          .toJson();
        } else {
            io.out << tr("%1 detections of %2 on %3 frames written (%4 frames already had them); %5 frames/s")
                          .arg(records.size())
                          .arg(version)
                          .arg(found.frames.size())
                          .arg(skipped)
                          .arg(found.framesPerSecond, 0, 'f', 1)
                   << Qt::endl;
        }
        return Success;
    }

    int evaluate(const QCommandLineParser &parser, const QStringList &campaigns, Io &io) const
    {
        if (campaigns.size() != 1)
            return usageError(io, name(), tr("evaluate takes one campaign"));
        const QString gtPath = parser.value(QStringLiteral("gt"));
        if (gtPath.isEmpty() || !parser.isSet(QStringLiteral("model")))
            return usageError(io, name(), tr("--gt GROUND_TRUTH and --model MODEL are required"));
        jobs::DetectSpec job;
        QString error;
        if (!detectSpec(parser, campaigns[0], &job, &error))
            return failure(io, name(), error);
        job.options.minScore = inference::DetectOptions{}.minScore; // every detection counts for AP
        job.temporal = false; // measured both ways below
        const Campaign *campaign = job.campaign.get();
        const QString &version = job.version;
        const inference::DetectOptions &d = job.options;
        Labels labels;
        if (!groundTruthLabels(gtPath, *campaign, d.camera, &labels, &error))
            return failure(io, name(), error);
        jobs::TerminalJob terminal(io.err);
        jobs::DetectResult result;
        if (!jobs::detectBoxes(job, terminal, &result, &error))
            return failure(io, name(), error);
        const inference::CampaignDetections &found = result.detections;
        const auto e = inference::evaluateDetections(labels.boxes, found);
        const QString cameraName = campaign->manifest().cameras[size_t(d.camera)].name;
        // The same detections through the temporal layer (inference/temporal.h), timed.
        inference::CampaignDetections linked = found;
        inference::TemporalOptions temporal;
        temporal.maxGapFrames = std::max(1, d.every);
        QElapsedTimer linking;
        linking.start();
        linked.frames = inference::seqNms(found.frames, temporal);
        const double linkMsPerFrame = double(linking.nsecsElapsed()) / 1e6 / double(std::max<std::size_t>(1, found.frames.size()));
        const auto t = inference::evaluateDetections(labels.boxes, linked);

        if (parser.isSet(QStringLiteral("coco-out"))) {
            // The same pair as files, for pycocotools or any other tool.
            const QDir dir(parser.value(QStringLiteral("coco-out")));
            QDir().mkpath(dir.path());
            inference::coco::GroundTruthSet gt;
            std::vector<inference::coco::Detection> dt;
            inference::toCoco(labels.boxes, found.frames, &gt, &dt);
            QJsonArray images, annotations, results;
            for (std::int64_t id : gt.imageIds)
                images.append(QJsonObject{{QStringLiteral("id"), double(id)}});
            for (const auto &g : gt.boxes)
                annotations.append(QJsonObject{{QStringLiteral("id"), double(g.id)},
                                               {QStringLiteral("image_id"), double(g.imageId)},
                                               {QStringLiteral("category_id"), 1},
                                               {QStringLiteral("bbox"), QJsonArray{g.box.x, g.box.y, g.box.w, g.box.h}},
                                               {QStringLiteral("area"), g.area},
                                               {QStringLiteral("iscrowd"), 0}});
            for (const auto &r : dt)
                results.append(QJsonObject{{QStringLiteral("image_id"), double(r.imageId)},
                                           {QStringLiteral("category_id"), 1},
                                           {QStringLiteral("bbox"), QJsonArray{r.box.x, r.box.y, r.box.w, r.box.h}},
                                           {QStringLiteral("score"), r.score}});
            const QJsonObject gtJson{{QStringLiteral("images"), images},
                                     {QStringLiteral("annotations"), annotations},
                                     {QStringLiteral("categories"), QJsonArray{QJsonObject{{QStringLiteral("id"), 1},
                                                                                            {QStringLiteral("name"), campaign->manifest().targetClass}}}}};
            for (const auto &[file, doc] : {std::pair{QStringLiteral("ground_truth.coco.json"), QJsonDocument(gtJson)},
                                            std::pair{QStringLiteral("detections.coco.json"), QJsonDocument(results)}}) {
                QFile f(dir.filePath(file));
                if (!f.open(QIODevice::WriteOnly) || f.write(doc.toJson(QJsonDocument::Compact)) < 0)
                    return failure(io, name(), tr("%1: %2").arg(f.fileName(), f.errorString()));
            }
        }

        const QStringList names = inference::coco::statNames();
        auto bins = [](const std::vector<inference::BreakdownBin> &list) {
            QJsonArray a;
            for (const auto &b : list)
                a.append(QJsonObject{{QStringLiteral("bin"), b.label},
                                     {QStringLiteral("frames"), b.frames},
                                     {QStringLiteral("boxes"), b.truths},
                                     {QStringLiteral("detection_rate"), b.detectionRate()},
                                     {QStringLiteral("ap50"), b.ap50}});
            return a;
        };
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonObject stats;
            for (int i = 0; i < names.size(); ++i)
                stats.insert(names[i], e.coco.stats[std::size_t(i)]);
            io.out << QJsonDocument(QJsonObject{{QStringLiteral("model"), version},
                                                {QStringLiteral("camera"), cameraName},
                                                {QStringLiteral("modality"), campaign->manifest().cameras[size_t(d.camera)].modality},
                                                {QStringLiteral("sequence"), campaign->manifest().name},
                                                {QStringLiteral("frames"), e.frames},
                                                {QStringLiteral("coco"), stats},
                                                {QStringLiteral("voc_ap11"), e.vocAp11},
                                                {QStringLiteral("voc_ap_all"), e.vocApAll},
                                                {QStringLiteral("state_accuracy"), e.state.accuracy},
                                                {QStringLiteral("state_accuracy_penalized"), e.state.penalized},
                                                {QStringLiteral("temporal"),
                                                 QJsonObject{{QStringLiteral("method"), QStringLiteral("seq-nms")},
                                                             {QStringLiteral("ap50"), t.coco.stats[1]},
                                                             {QStringLiteral("state_accuracy"), t.state.accuracy},
                                                             {QStringLiteral("state_accuracy_penalized"), t.state.penalized},
                                                             {QStringLiteral("ms_per_frame"), linkMsPerFrame}}},
                                                {QStringLiteral("by_range"), bins(e.byRange)},
                                                {QStringLiteral("by_elevation"), bins(e.byElevation)},
                                                {QStringLiteral("frames_per_second"), found.framesPerSecond}})
                          .toJson();
            return Success;
        }
        io.out << tr("%1 on %2 (%3), %4 frames%5")
                      .arg(version, cameraName, campaign->manifest().name)
                      .arg(e.frames)
                      .arg(d.inRegion ? tr(", inside the search region") : QString())
               << Qt::endl;
        for (int i = 0; i < names.size(); ++i)
            io.out << QStringLiteral("  %1 %2").arg(names[i], -9).arg(e.coco.stats[std::size_t(i)], 0, 'f', 3) << Qt::endl;
        io.out << tr("  VOC AP@0.5: 11-point %1, all-point %2").arg(e.vocAp11, 0, 'f', 3).arg(e.vocApAll, 0, 'f', 3) << Qt::endl;
        io.out << tr("  Anti-UAV state accuracy %1 (penalised %2)").arg(e.state.accuracy, 0, 'f', 3).arg(e.state.penalized, 0, 'f', 3)
               << Qt::endl;
        io.out << tr("  with the temporal layer (Seq-NMS, %1 ms/frame): AP50 %2 (%3), state accuracy %4 (%5)")
                      .arg(linkMsPerFrame, 0, 'f', 3)
                      .arg(t.coco.stats[1], 0, 'f', 3)
                      .arg(t.coco.stats[1] - e.coco.stats[1], 0, 'f', 3)
                      .arg(t.state.accuracy, 0, 'f', 3)
                      .arg(t.state.accuracy - e.state.accuracy, 0, 'f', 3)
               << Qt::endl;
        auto table = [&](const QString &title, const std::vector<inference::BreakdownBin> &list) {
            io.out << title << Qt::endl;
            for (const auto &b : list) {
                if (b.frames == 0)
                    continue;
                io.out << QStringLiteral("  %1 %2 frames %3 boxes  detected %4  AP50 %5")
                              .arg(b.label, -14)
                              .arg(b.frames, 6)
                              .arg(b.truths, 6)
                              .arg(b.detectionRate(), 0, 'f', 3)
                              .arg(b.ap50, 0, 'f', 3)
                       << Qt::endl;
            }
        };
        table(tr("by GPS range:"), e.byRange);
        table(tr("by elevation:"), e.byElevation);
        io.out << tr("detection: %1 frames/s").arg(found.framesPerSecond, 0, 'f', 1) << Qt::endl;
        return Success;
    }
};

} // namespace

std::unique_ptr<Command> makeDetectorCommand()
{
    return std::make_unique<DetectorCommand>();
}

} // namespace vigie::cli
