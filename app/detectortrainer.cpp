#include "app/detectortrainer.h"

#include "app/jobs/detection.h"
#include "app/jobs/detectortraining.h"
#include "app/modelregistry.h"

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

namespace {

/// The job's reports as the trainer's queued signals.
class WorkerContext : public jobs::JobContext
{
public:
    WorkerContext(DetectorTrainer *trainer, const BackgroundWork &work)
        : m_trainer(trainer), m_work(work)
    {
    }
    void progress(const QString &, double, double) override {} // the hooks' ticks say more
    void log(const QString &line) override { Q_EMIT m_trainer->message(line); }
    bool cancelled() const override { return m_work.cancelled(); }

private:
    DetectorTrainer *m_trainer;
    const BackgroundWork &m_work;
};

} // namespace

void DetectorTrainer::run(Job job)
{
    // Signals from here are queued to the receivers' threads (the GUI). The run is over for the
    // GUI once its last signal is sent, though the thread still has to return: closing the
    // campaign on finished() must not read as cancelling a training.
    jobs::DetectorTrainingSpec spec;
    spec.sources.push_back({job.campaign, job.manifestPath, job.camera, std::move(job.boxes), std::move(job.noTarget),
                            QStringLiteral("db")});
    spec.datasetPath = job.datasetPath;
    spec.modelDir = job.modelDir;
    spec.epochs = job.epochs;
    spec.stepsPerEpoch = job.stepsPerEpoch;
    spec.seed = job.seed;
    spec.resume = job.resume;
    spec.config.cropSize = job.cropSize;
    spec.config.width = job.width;
    spec.config.inputScale = job.inputScale;
    jobs::DetectorTrainingHooks hooks;
    hooks.tick = [this](const jobs::DetectorTrainingTick &t) {
        Q_EMIT progress(t.epoch, t.epochs, t.step, t.steps, t.loss, t.samplesPerSecond, t.secondsLeft);
    };
    hooks.epochFinished = [this](int epoch, double loss, double ap) { Q_EMIT epochFinished(epoch, loss, ap); };
    WorkerContext context(this, m_work);
    jobs::DetectorTrainingResult result;
    QString error;
    const bool ok = jobs::trainDetector(spec, context, hooks, &result, &error);
    m_work.finish();
    if (ok)
        Q_EMIT finished(result.version, result.weightsPath);
    else
        Q_EMIT failed(error);
}

DetectorRunner::DetectorRunner(QObject *parent)
    : QObject(parent)
{
}

std::vector<Annotation> DetectorRunner::takeDetections()
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
        jobs::DetectSpec spec;
        spec.campaign = campaign;
        spec.weightsPath = weightsPath;
        spec.version = version;
        spec.frameCount = frames;
        spec.options.camera = camera;
        spec.options.minScore = minScore;
        // Where geometry says the drone can be: the campaign has GPS and turret logs, and the
        // region is both faster and far more precise than whole frames (docs/DETECTOR.md).
        spec.options.inRegion = true;
        jobs::CallbackJob context;
        context.onProgress = [this](const QString &, double done, double total) { Q_EMIT progress(qint64(done), qint64(total)); };
        context.isCancelled = [this] { return m_work.cancelled(); };
        jobs::DetectResult result;
        QString error;
        if (!jobs::detectBoxes(spec, context, &result, &error)) {
            m_work.finish();
            Q_EMIT failed(error);
            return;
        }
        const double fps = result.detections.framesPerSecond;
        const qint64 processed = qint64(result.detections.frames.size());
        m_result = std::move(result.boxes);
        m_work.finish();
        Q_EMIT finished(version, fps, processed);
    });
    return true;
}

} // namespace vigie
