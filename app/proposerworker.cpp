#include "app/proposerworker.h"

#include "app/jobs/proposerjobs.h"
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
    jobs::ProposerTrainingSpec spec;
    spec.sources.push_back({job.campaign, job.manifestPath, job.camera});
    spec.datasetPath = job.datasetPath;
    spec.modelDir = job.modelDir;
    spec.steps = job.steps;
    spec.seed = job.seed;
    jobs::CallbackJob context;
    const qint64 frames = job.frameCount;
    context.onProgress = [this, frames](const QString &phase, double done, double total) {
        // The crops' phase has no known end in the job: the camera's frame count is it.
        Q_EMIT progress(phase, qint64(done), total > 0 ? qint64(total) : frames);
    };
    context.onLog = [this](const QString &line) { Q_EMIT message(line); };
    context.isCancelled = [this] { return m_work.cancelled(); };
    jobs::ProposerTrainingResult result;
    QString error;
    const bool ok = jobs::trainProposer(spec, context, &result, &error);
    m_work.finish();
    if (ok)
        Q_EMIT finished(result.version, result.weightsPath);
    else
        Q_EMIT failed(error);
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
                           const QString &version, std::map<std::int64_t, std::vector<QRectF>> accepted)
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
        jobs::ProposeSpec spec;
        spec.campaign = campaign;
        spec.camera = camera;
        spec.frameCount = frameCount;
        spec.weightsPath = weightsPath;
        spec.version = version;
        spec.accepted = accepted;
        jobs::CallbackJob context;
        context.onProgress = [this](const QString &phase, double done, double total) {
            Q_EMIT progress(phase, qint64(done), qint64(total));
        };
        context.isCancelled = [this] { return m_work.cancelled(); };
        jobs::ProposeResult result;
        QString error;
        if (!jobs::proposeBoxes(spec, context, &result, &error)) {
            m_work.finish();
            Q_EMIT failed(error);
            return;
        }
        m_result = std::move(result.proposals);
        m_work.finish();
        Q_EMIT finished(version, result.tau, result.boxScale, result.calibrationBoxes);
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
