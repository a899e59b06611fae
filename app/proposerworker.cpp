#include "app/proposerworker.h"

#include "app/modelregistry.h"
#include "inference/proposer.h"
#include "inference/weaklabels.h"
#include "inference/wildcat.h"
#include "models/campaign.h"
#include "models/imaging/palette.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>

namespace vigie {

ProposerTrainer::ProposerTrainer(QObject *parent)
    : QObject(parent)
{
}

bool ProposerTrainer::start(const Job &job)
{
    if (isRunning()) {
        Q_EMIT failed(tr("A proposer is already training"));
        return false;
    }
    if (job.campaign->targetLog().fixes.empty()) {
        Q_EMIT failed(tr("%1: the campaign has no GPS fix, so no weak label: the proposer cannot be trained")
                          .arg(job.manifestPath));
        return false;
    }
    m_work.launch(QStringLiteral("ProposerTrainer"), [this, job] { run(job); });
    return true;
}

void ProposerTrainer::run(Job job)
{
    auto fail = [this](const QString &error) {
        m_work.finish();
        Q_EMIT failed(error);
    };
    const Campaign &campaign = *job.campaign;
    const QString cameraName = campaign.manifest().cameras.at(size_t(job.camera)).name;
    inference::WildcatConfig config;
    inference::WeakLabelOptions o;
    o.camera = job.camera;
    o.cropSize = config.cropSize;
    o.seed = job.seed;
    std::vector<inference::WeakSample> samples;
    inference::WeakLabelReport report;
    QString error;
    if (!inference::collectWeakSamples(campaign, o, &samples, &report, &error, [this, &job, &o](std::int64_t read, std::int64_t) {
            Q_EMIT progress(tr("Proposer: cutting weak-label crops, frame %1").arg(read * o.frameStep), read * o.frameStep,
                            job.frameCount);
            return !m_work.cancelled();
        }))
        return fail(m_work.cancelled() ? tr("Proposer training cancelled") : error);
    Q_EMIT message(tr("Proposer: %1 frames of %2, %3 crops with the drone and %4 without (%5 frames without a projection)")
                       .arg(report.framesRead)
                       .arg(cameraName)
                       .arg(report.positives)
                       .arg(report.negatives)
                       .arg(report.noProjection));
    if (report.positives == 0)
        return fail(tr("%1: the target never projects into %2's view: no weak label to learn from")
                        .arg(job.manifestPath, cameraName));

    auto net = inference::WildcatNet::create(config, job.seed);
    inference::TrainOptions t;
    t.steps = job.steps;
    t.seed = job.seed;
    double lastLoss = 0;
    QElapsedTimer timer;
    timer.start();
    t.progress = [&](int step, double loss) {
        lastLoss = loss;
        Q_EMIT progress(tr("Proposer: step %1 of %2, loss %3").arg(step).arg(job.steps).arg(loss, 0, 'f', 3), step, job.steps);
        return !m_work.cancelled();
    };
    if (!net->train(samples, t, &error))
        return fail(m_work.cancelled() ? tr("Proposer training cancelled") : error);

    const QString version = modelVersion(QStringLiteral("wildcat"), cameraName);
    QDir().mkpath(job.modelDir);
    const QString weights = QDir(job.modelDir).filePath(version + QStringLiteral(".wildcat"));
    if (!net->save(weights, &error))
        return fail(error);
    const TrainedModel record =
        proposerRecord(cameraName, version, weights, config, t, QJsonArray{weakLabelSnapshot(job.manifestPath, cameraName, report)},
                       lastLoss, double(timer.elapsed()) / 1000.0);
    if (!registerTrainedModel(job.datasetPath, record, &error))
        return fail(error);
    m_work.finish();
    Q_EMIT finished(version, record.weightsPath);
}

ProposerRunner::ProposerRunner(QObject *parent)
    : QObject(parent)
{
}

std::vector<Annotation> ProposerRunner::takeProposals()
{
    m_work.wait(); // finished() is emitted at the very end of the run
    return std::move(m_result);
}

bool ProposerRunner::start(std::shared_ptr<const Campaign> campaign, int camera, qint64 frameCount, const QString &weightsPath,
                           const QString &version, std::map<std::int64_t, QRectF> accepted)
{
    if (isRunning()) {
        Q_EMIT failed(tr("The proposer is already running"));
        return false;
    }
    if (campaign->targetLog().fixes.empty()) {
        Q_EMIT failed(tr("The campaign has no GPS fix: no search region, no proposal"));
        return false;
    }
    m_work.wait();
    m_result.clear();
    m_work.launch(QStringLiteral("ProposerRunner"), [this, campaign, camera, frameCount, weightsPath, version, accepted] {
        auto fail = [this](const QString &error) {
            m_work.finish();
            Q_EMIT failed(error);
        };
        QString error;
        auto net = inference::WildcatNet::load(weightsPath, &error);
        if (!net)
            return fail(error);
        inference::ProposerOptions options;
        options.camera = camera;
        inference::BoxCalibration calibration;
        if (!inference::calibrateOnBoxes(*campaign, *net, options, accepted, &calibration, &error, 5,
                                         [this](std::int64_t frame, std::int64_t last) {
                                             Q_EMIT progress(tr("Proposer: learning τ from accepted boxes"), frame, last);
                                             return !m_work.cancelled();
                                         }))
            return fail(m_work.cancelled() ? tr("Proposals cancelled") : error);
        options.tau = calibration.tau;
        options.boxScale = calibration.boxScale;
        std::vector<Annotation> found;
        if (!inference::proposeCampaign(*campaign, *net, options, version, &found, &error,
                                        [this, frameCount](std::int64_t frame, std::int64_t) {
                                            Q_EMIT progress(tr("Proposer: frame %1").arg(frame), frame, frameCount);
                                            return !m_work.cancelled();
                                        }))
            return fail(m_work.cancelled() ? tr("Proposals cancelled") : error);
        m_result = std::move(found);
        m_work.finish();
        Q_EMIT finished(version, calibration.tau, calibration.boxScale, calibration.boxes);
    });
    return true;
}

ClassMapper::ClassMapper(QObject *parent)
    : QObject(parent)
    , m_thread([this] { loop(); })
{
}

ClassMapper::~ClassMapper()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void ClassMapper::setSource(std::shared_ptr<const Campaign> campaign, int camera, const QString &weightsPath)
{
    {
        std::lock_guard lock(m_mutex);
        m_campaign = std::move(campaign);
        m_camera = camera;
        m_weights = weightsPath;
        m_sourceChanged = true;
        m_pending = -1;
    }
    m_wake.notify_all();
}

void ClassMapper::request(qint64 frame)
{
    {
        std::lock_guard lock(m_mutex);
        m_pending = frame;
    }
    m_wake.notify_all();
}

void ClassMapper::loop()
{
    std::unique_ptr<inference::WildcatNet> net;
    std::unique_ptr<inference::GreyFrames> frames;
    std::shared_ptr<const Campaign> campaign;
    int camera = -1;
    const auto &colors = paletteColors(ThermalPalette::Ironbow);
    for (;;) {
        qint64 frame = -1;
        bool reload = false;
        QString weights;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || m_sourceChanged || m_pending >= 0; });
            if (m_stop)
                return;
            if (m_sourceChanged) {
                reload = true;
                m_sourceChanged = false;
                campaign = m_campaign;
                camera = m_camera;
                weights = m_weights;
            } else {
                frame = m_pending;
                m_pending = -1;
            }
        }
        if (reload) {
            // The decoder and network of the previous source go first (they refer to its campaign).
            frames.reset();
            net.reset();
            if (weights.isEmpty() || !campaign)
                continue;
            QString error;
            net = inference::WildcatNet::load(weights, &error);
            if (net)
                frames = inference::GreyFrames::open(*campaign, camera, &error);
            if (!net || !frames) {
                net.reset();
                Q_EMIT failed(error);
            }
            continue;
        }
        if (!net || !frames)
            continue;
        QImage grey;
        CameraProjection p;
        QString error;
        if (!frames->at(frame, &grey, &p, &error)) {
            Q_EMIT noMap(camera, frame, error);
            continue;
        }
        if (!p.ok) {
            Q_EMIT noMap(camera, frame, p.reason);
            continue;
        }
        if (!p.projection.inFieldOfView) {
            Q_EMIT noMap(camera, frame, tr("the target projects out of view"));
            continue;
        }
        inference::ProposerOptions options;
        options.camera = camera;
        options.refine = false; // the map alone
        const inference::SearchRegion region =
            inference::searchRegion(p.projection, grey.width(), grey.height(), options.minSidePx);
        const inference::ScoreMap map = inference::regionMap(*net, grey, region, options);
        if (map.values.empty()) {
            Q_EMIT noMap(camera, frame, tr("the search region is empty"));
            continue;
        }
        QImage heat(map.width, map.height, QImage::Format_ARGB32);
        for (int y = 0; y < map.height; ++y) {
            auto *row = reinterpret_cast<QRgb *>(heat.scanLine(y));
            for (int x = 0; x < map.width; ++x) {
                const float v = map.values[size_t(y) * size_t(map.width) + size_t(x)];
                if (v < 0) {
                    row[x] = 0;
                    continue;
                }
                const QRgb c = colors[size_t(std::clamp(int(v * 255.0f), 0, 255))];
                row[x] = qRgba(qRed(c), qGreen(c), qBlue(c), int(180 * v)); // no evidence: see-through
            }
        }
        Q_EMIT mapReady(camera, frame, QRect(map.origin, QSize(map.width, map.height)), heat);
    }
}

} // namespace vigie
