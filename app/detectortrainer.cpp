#include "app/detectortrainer.h"

#include "app/modelregistry.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QThread>

namespace vigie {

BackgroundWork::~BackgroundWork()
{
    cancel();
    wait();
    delete m_thread;
}

void BackgroundWork::wait()
{
    if (m_thread)
        m_thread->wait();
}

void BackgroundWork::launch(const QString &name, std::function<void()> work)
{
    wait();
    delete m_thread;
    m_cancel = false;
    m_running = true;
    m_thread = QThread::create(std::move(work));
    m_thread->setObjectName(name);
    m_thread->start(QThread::LowPriority);
}

DetectorTrainer::DetectorTrainer(QObject *parent)
    : QObject(parent)
{
}

QString DetectorTrainer::checkpointPath(const QString &modelDir, const QString &cameraName)
{
    return QDir(modelDir).filePath(QStringLiteral("centernet-%1.checkpoint").arg(cameraName));
}

QJsonArray DetectorTrainer::savedCurve(const QString &modelDir, const QString &cameraName)
{
    QFile f(checkpointPath(modelDir, cameraName) + QStringLiteral(".json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("curve")).toArray();
}

bool DetectorTrainer::start(const Job &job)
{
    if (isRunning()) {
        Q_EMIT failed(tr("A detector is already training"));
        return false;
    }
    if (job.boxes.empty()) {
        Q_EMIT failed(tr("No accepted or corrected box on this camera yet: accept or draw some boxes first"));
        return false;
    }
    m_work.launch(QStringLiteral("DetectorTrainer"), [this, job] { run(job); });
    Q_EMIT started();
    return true;
}

void DetectorTrainer::run(Job job)
{
    // Signals from here are queued to the receivers' threads (the GUI).
    // The run is over for the GUI once its last signal is sent, though the thread still has to
    // return: closing the campaign on finished() must not read as cancelling a training.
    auto fail = [this](const QString &error) {
        m_work.finish();
        Q_EMIT failed(error);
    };
    const Campaign &campaign = *job.campaign;
    const QString cameraName = campaign.manifest().cameras.at(size_t(job.camera)).name;

    // The split: the last fifth of the labelled frames in time is held out.
    std::vector<std::int64_t> labelled;
    for (const auto &[frame, _] : job.boxes)
        labelled.push_back(frame);
    labelled.insert(labelled.end(), job.noTarget.begin(), job.noTarget.end());
    std::sort(labelled.begin(), labelled.end());
    const std::int64_t cut = labelled.size() >= 10 ? labelled[labelled.size() * 4 / 5] : std::numeric_limits<std::int64_t>::max();
    inference::FrameBoxes trainBoxes, valBoxes;
    std::set<std::int64_t> trainEmpty, valFrames;
    for (const auto &[frame, boxes] : job.boxes)
        (frame < cut ? trainBoxes : valBoxes)[frame] = boxes;
    for (std::int64_t f : job.noTarget) {
        if (f < cut)
            trainEmpty.insert(f);
        else
            valFrames.insert(f);
    }
    for (const auto &[frame, _] : valBoxes)
        valFrames.insert(frame);
    // At most ~100 validation frames, spread over the held-out stretch.
    if (valFrames.size() > 100) {
        std::set<std::int64_t> thinned;
        const std::size_t step = (valFrames.size() + 99) / 100;
        std::size_t i = 0;
        for (std::int64_t f : valFrames) {
            if (i++ % step == 0)
                thinned.insert(f);
        }
        valFrames = std::move(thinned);
    }
    Q_EMIT message(tr("Training on %1 labelled frames of %2, validating on %3 frames from frame %4 on")
                       .arg(trainBoxes.size() + trainEmpty.size())
                       .arg(cameraName)
                       .arg(valFrames.size())
                       .arg(valBoxes.empty() ? -1 : cut));

    QString error;
    std::vector<inference::DetectorSample> samples;
    inference::DetectorSampleReport report;
    inference::DetectorSampleOptions sampleOptions;
    sampleOptions.cropSize = std::max(8, int(std::lround(job.cropSize / job.inputScale)));
    const bool collected = inference::collectDetectorSamples(
        campaign, job.camera, trainBoxes, trainEmpty, sampleOptions, job.seed, &samples, &report, &error,
        [this](std::int64_t done, std::int64_t total) {
            Q_EMIT progress(0, 1, int(done), int(std::max<std::int64_t>(1, total)), 0, 0, -1);
            return !m_work.cancelled();
        });
    if (!collected)
        return fail(m_work.cancelled() ? tr("Training cancelled") : error);

    QDir().mkpath(job.modelDir);
    const QString checkpoint = checkpointPath(job.modelDir, cameraName);
    QJsonArray curve;
    int firstEpoch = 0;
    std::unique_ptr<inference::CenterNet> net;
    if (job.resume) {
        net = inference::CenterNet::loadCheckpoint(checkpoint, &firstEpoch, &error);
        if (!net)
            return fail(error);
        curve = savedCurve(job.modelDir, cameraName);
        if (firstEpoch >= job.epochs)
            return fail(tr("The checkpoint already has %1 epochs: ask for more").arg(firstEpoch));
    } else {
        inference::DetectorConfig config;
        config.cropSize = job.cropSize;
        config.width = job.width;
        config.inputScale = job.inputScale;
        net = inference::CenterNet::create(config, job.seed);
    }

    inference::DetectorTrainOptions t;
    t.steps = job.stepsPerEpoch;
    t.seed = job.seed;
    QElapsedTimer timer;
    timer.start();
    std::int64_t stepsDone = 0;
    const std::int64_t stepsTotal = std::int64_t(job.epochs - firstEpoch) * job.stepsPerEpoch;
    double lastLoss = 0;
    for (int epoch = firstEpoch; epoch < job.epochs; ++epoch) {
        t.epoch = epoch;
        double sum = 0;
        int calls = 0;
        int lastStep = 0;
        t.progress = [&](int step, double loss) {
            sum += loss;
            ++calls;
            stepsDone += step - lastStep;
            lastStep = step;
            const double seconds = double(timer.elapsed()) / 1000.0;
            const double perStep = stepsDone > 0 ? seconds / double(stepsDone) : 0;
            Q_EMIT progress(epoch + 1, job.epochs, step, job.stepsPerEpoch, loss,
                            perStep > 0 ? t.batch / perStep : 0, perStep * double(stepsTotal - stepsDone));
            return !m_work.cancelled();
        };
        if (!net->train(samples, t, &error))
            return fail(m_work.cancelled() ? tr("Training cancelled during epoch %1; the checkpoint of epoch %2 is kept")
                                       .arg(epoch + 1)
                                       .arg(epoch)
                                 : error);
        lastLoss = calls ? sum / calls : 0;
        double ap = -1;
        if (!valBoxes.empty()) {
            inference::DetectOptions d;
            d.camera = job.camera;
            d.only = valFrames;
            // As the detector runs in the workstation (DetectorRunner): inside the search region.
            // Whole frames at 2× input cost seconds each on 2 cores, and an epoch's validation
            // must not take longer than its training.
            d.inRegion = true;
            inference::CampaignDetections found;
            if (inference::detectCampaign(campaign, *net, d, &found, &error, [this](std::int64_t, std::int64_t) {
                    return !m_work.cancelled();
                })) {
                ap = inference::evaluateDetections(valBoxes, found).coco.stats[1];
            } else if (m_work.cancelled()) {
                return fail(tr("Training cancelled"));
            }
        }
        if (!net->saveCheckpoint(checkpoint, epoch + 1, &error))
            return fail(error);
        curve.append(QJsonObject{{QStringLiteral("epoch"), epoch + 1}, {QStringLiteral("loss"), lastLoss},
                                 {QStringLiteral("val_ap50"), ap}});
        QSaveFile side(checkpoint + QStringLiteral(".json"));
        if (side.open(QIODevice::WriteOnly)) {
            side.write(QJsonDocument(QJsonObject{{QStringLiteral("curve"), curve}}).toJson(QJsonDocument::Compact));
            side.commit();
        }
        Q_EMIT epochFinished(epoch + 1, lastLoss, ap);
    }

    // Weights, then the registry.
    const QString version = modelVersion(QStringLiteral("centernet"), cameraName);
    const QString weights = QDir(job.modelDir).filePath(version + QStringLiteral(".centernet"));
    if (!net->save(weights, &error))
        return fail(error);
    const QJsonObject snapshot{{QStringLiteral("campaign"), QFileInfo(job.manifestPath).absoluteFilePath()},
                               {QStringLiteral("camera"), cameraName},
                               {QStringLiteral("train_frames_with_boxes"), qint64(trainBoxes.size())},
                               {QStringLiteral("train_frames_without_target"), qint64(trainEmpty.size())},
                               {QStringLiteral("validation_from_frame"), valBoxes.empty() ? -1 : double(cut)},
                               {QStringLiteral("validation_frames"), qint64(valFrames.size())}};
    const TrainedModel record = detectorRecord(cameraName, version, weights, net->config().toJson(), job.epochs, t, snapshot,
                                               lastLoss, curve, double(timer.elapsed()) / 1000.0);
    if (!registerTrainedModel(job.datasetPath, record, &error))
        return fail(error);
    m_work.finish();
    Q_EMIT finished(version, record.weightsPath);
}

DetectorRunner::DetectorRunner(QObject *parent)
    : QObject(parent)
{
}

std::map<std::int64_t, std::vector<inference::Detection>> DetectorRunner::takeDetections()
{
    m_work.wait(); // finished() is emitted at the very end of the run
    return std::move(m_result);
}

bool DetectorRunner::start(std::shared_ptr<const Campaign> campaign, int camera, qint64 frames, const QString &weightsPath,
                           const QString &version, double minScore)
{
    if (isRunning()) {
        Q_EMIT failed(tr("The detector is already running"));
        return false;
    }
    m_work.wait(); // before m_result is cleared: the last run's thread may not have returned
    m_result.clear();
    m_work.launch(QStringLiteral("DetectorRunner"), [this, campaign, camera, frames, weightsPath, version, minScore] {
        QString error;
        auto net = inference::CenterNet::load(weightsPath, &error);
        if (!net) {
            m_work.finish();
            Q_EMIT failed(error);
            return;
        }
        inference::DetectOptions d;
        d.camera = camera;
        d.minScore = minScore;
        // Where geometry says the drone can be: the campaign has GPS and turret logs, and the
        // region is both faster and far more precise than whole frames (docs/DETECTOR.md).
        d.inRegion = true;
        inference::CampaignDetections found;
        if (!inference::detectCampaign(*campaign, *net, d, &found, &error, [this, frames](std::int64_t frame, std::int64_t) {
                Q_EMIT progress(frame, frames);
                return !m_work.cancelled();
            })) {
            m_work.finish();
            Q_EMIT failed(m_work.cancelled() ? tr("Detection cancelled") : error);
            return;
        }
        m_result = std::move(found.frames);
        m_work.finish();
        Q_EMIT finished(version, found.framesPerSecond);
    });
    return true;
}

} // namespace vigie
