#include "app/campaignsession.h"

#include "models/annotation/attention.h"

#include "app/jobs/registration.h"
#include "database/datasetsession.h"
#include "models/annotation/geometricproposals.h"
#include "models/media/campaignvideo.h"
#include "models/media/frameserver.h"
#include "models/media/syncplayer.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>
#include <QCoreApplication>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace vigie {

namespace {

/// Runs `work` in a thread of its own and `then` on the receiver's thread when it is done. The
/// thread outlives the receiver if it must; `then` is not called after the receiver is gone.
template <typename Work, typename Then>
void runInBackground(QObject *receiver, const QString &name, Work work, Then then)
{
    QThread *thread = QThread::create(std::move(work));
    thread->setObjectName(name);
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    QObject::connect(thread, &QThread::finished, receiver, std::move(then));
    thread->start(QThread::LowPriority);
}

/// The frame of a stream shown at `utc`: the last at or before it; −1 before the first.
std::int64_t frameAtTimes(const std::vector<UtcTime> &times, std::int64_t offsetUs, UtcTime utc)
{
    const UtcTime local = utc - offsetUs;
    const auto it = std::upper_bound(times.begin(), times.end(), local);
    return std::int64_t(it - times.begin()) - 1;
}

std::uint8_t fixBandValue(FixQuality q)
{
    switch (q) {
    case FixQuality::RtkFixed:
        return 1;
    case FixQuality::RtkFloat:
        return 2;
    case FixQuality::Invalid:
        return 4;
    default:
        return 3;
    }
}

} // namespace

CampaignSession::CampaignSession(QUndoStack *undoStack, QObject *parent)
    : QObject(parent)
    , m_undoStack(undoStack)
    , m_annotations(new AnnotationModel(this))
    , m_editor(std::make_unique<AnnotationEditor>(m_annotations, undoStack))
{
    qRegisterMetaType<vigie::FrameOverlay>();
    m_saveOffsetsTimer.setSingleShot(true);
    m_saveOffsetsTimer.setInterval(1000);
    connect(&m_saveOffsetsTimer, &QTimer::timeout, this, [this] { saveOffsets(); });
    connect(m_annotations, &AnnotationModel::frameChanged, this, [this] {
        if (!m_dataset)
            return;
        if (m_dataset->failedWrites() > 0)
            Q_EMIT saveStateChanged(SaveState::Failed, m_lastWriteError);
        else
            Q_EMIT saveStateChanged(m_dataset->pendingWrites() == 0 ? SaveState::Saved : SaveState::Saving, {});
    });
}

CampaignSession::~CampaignSession()
{
    if (m_offsetsDirty)
        saveOffsets();
    // The undo stack's commands point at this model: they go with it.
    if (m_undoStack)
        m_undoStack->clear();
    m_annotations->setSink(nullptr);
    delete m_player;
    m_player = nullptr;
    for (media::FrameServer *server : m_servers)
        delete server;
    m_servers.clear();
    m_lastShown.clear();
    delete m_dataset; // commits what is queued
    m_dataset = nullptr;
}

void CampaignSession::fail(const QString &error)
{
    if (m_state == State::Failed)
        return;
    m_state = State::Failed;
    Q_EMIT failed(error);
}

void CampaignSession::open(const QString &manifestPath, const Options &options)
{
    m_options = options;
    m_manifestPath = QFileInfo(manifestPath).absoluteFilePath();
    m_datasetPath = options.datasetPath.isEmpty()
                        ? QFileInfo(m_manifestPath).dir().filePath(QStringLiteral("annotations.sqlite"))
                        : QFileInfo(options.datasetPath).absoluteFilePath();
    Q_EMIT progress(tr("Reading the campaign and its logs"), 0, 0);
    auto result = std::make_shared<std::pair<std::shared_ptr<const Campaign>, QString>>();
    const QString path = m_manifestPath;
    runInBackground(
        this, QStringLiteral("vigie-campaign"),
        [result, path] {
            QString error;
            QStringList warnings;
            std::unique_ptr<Campaign> campaign = media::openCampaign(path, &error, &warnings);
            for (const QString &w : warnings)
                qWarning().noquote() << w;
            result->first = std::shared_ptr<const Campaign>(std::move(campaign));
            result->second = error;
        },
        [this, result] { campaignLoaded(result->first, result->second); });
}

void CampaignSession::campaignLoaded(std::shared_ptr<const Campaign> campaign, const QString &error)
{
    if (!campaign) {
        fail(error);
        return;
    }
    m_campaign = std::move(campaign);
    m_manifest = m_campaign->manifest();
    m_summary = summarizeImport(*m_campaign);
    for (const QString &line : m_summary.lines())
        Q_EMIT message(line);

    const QDir indexDir(QFileInfo(m_manifestPath).dir().filePath(QStringLiteral(".vigie")));
    QDir().mkpath(indexDir.path());
    Q_EMIT progress(tr("Indexing the videos"), 0, 0);
    for (int c = 0; c < int(m_manifest.cameras.size()); ++c) {
        const CameraSpec &spec = m_manifest.cameras[size_t(c)];
        media::VideoDecoder::Options o;
        o.threads = 2;
        // IR stays grey whatever the container: the view applies the palette.
        o.output = spec.modality == QLatin1String("ir") ? media::PixelOutput::Thermal : media::PixelOutput::Auto;
        o.indexPath = media::frameIndexPath(m_manifestPath, spec.name);
        o.cache = std::make_shared<media::FrameCache>(m_options.cacheBudgetMiB << 20);
        auto *server = new media::FrameServer(m_manifest.resolve(spec.video), o);
        m_servers.push_back(server);
        m_lastShown.push_back(-1);
        connect(server, &media::FrameServer::opened, this, &CampaignSession::serverOpened);
        connect(server, &media::FrameServer::failed, this, [this, name = spec.name](const QString &e) {
            fail(tr("camera %1: %2").arg(name, e));
        });
        connect(server, &media::FrameServer::frameReady, this,
                [this, c](const media::VideoFrame &frame) { onFrameReady(c, frame); });
        connect(server, &media::FrameServer::frameFailed, this, [this, name = spec.name](qint64 i, const QString &e) {
            Q_EMIT message(tr("camera %1, frame %2: %3").arg(name).arg(i).arg(e));
        });
    }
    if (m_servers.empty())
        fail(tr("%1: the campaign has no camera").arg(m_manifestPath));
}

void CampaignSession::serverOpened()
{
    if (++m_serversOpen < int(m_servers.size()) || m_state == State::Failed)
        return;
    m_player = new media::SyncPlayer;
    m_frameUtc.assign(m_servers.size(), {});
    // Each camera's frame times as the manifest gives them (offset included): for the dataset,
    // the geometric proposals and the timeline. The player takes them without the offset, which
    // it applies itself so that the analyst can nudge it.
    std::vector<std::vector<UtcTime>> withOffsets(m_servers.size());
    std::vector<db::SessionCamera> cameras;
    for (int c = 0; c < int(m_servers.size()); ++c) {
        const CameraSpec &spec = m_manifest.cameras[size_t(c)];
        const media::StreamInfo info = m_servers[size_t(c)]->info();
        // The camera as every tool registers it: its frames that have a time (app/jobs).
        const db::SessionCamera cam = jobs::sessionCamera(*m_campaign, c, info.width, info.height, info.frameCount);
        std::vector<UtcTime> &manifestTimes = withOffsets[size_t(c)];
        manifestTimes.reserve(cam.frameUtcUs.size());
        for (const std::int64_t us : cam.frameUtcUs)
            manifestTimes.push_back(UtcTime::fromMicroseconds(us));
        if (std::int64_t(manifestTimes.size()) < info.frameCount)
            Q_EMIT message(tr("camera %1: %2 frames in the video but times for %3 only; the rest are not shown")
                               .arg(spec.name)
                               .arg(info.frameCount)
                               .arg(manifestTimes.size()));
        if (manifestTimes.empty()) {
            fail(tr("camera %1: no frame has a time").arg(spec.name));
            return;
        }
        std::vector<UtcTime> &times = m_frameUtc[size_t(c)];
        times.reserve(manifestTimes.size());
        for (const UtcTime &t : manifestTimes)
            times.push_back(t - spec.timeOffsetUs);
        m_player->addStream(spec.name, m_servers[size_t(c)], times);
        m_player->setOffset(c, spec.timeOffsetUs);
        cameras.push_back(cam);
    }
    const int rgb = cameraOf(QStringLiteral("rgb"));
    m_player->setMaster(rgb >= 0 ? rgb : 0);
    connect(m_player, &media::SyncPlayer::frameChanged, this, &CampaignSession::onFrameChanged);

    // The dataset and the timeline's bands load in parallel, both off the GUI thread.
    m_dataset = new db::DatasetSession(this);
    m_annotations->setSink(m_dataset);
    auto pending = std::make_shared<int>(2);
    auto contents = std::make_shared<db::SessionContents>();
    auto finish = [this, pending, contents] {
        if (--*pending > 0 || m_state == State::Failed)
            return;
        datasetLoaded(*contents);
    };
    connect(m_dataset, &db::DatasetSession::loaded, this, [contents, finish](const db::SessionContents &c) {
        *contents = c;
        finish();
    });
    connect(m_dataset, &db::DatasetSession::failed, this, [this](const QString &e) { fail(e); });
    connect(m_dataset, &db::DatasetSession::progress, this, &CampaignSession::progress);
    connect(m_dataset, &db::DatasetSession::writeFailed, this, [this](const QString &e) {
        m_lastWriteError = e;
        qWarning().noquote() << e;
        Q_EMIT message(e);
        Q_EMIT saveStateChanged(SaveState::Failed, e);
    });
    connect(m_dataset, &db::DatasetSession::allSaved, this, [this] {
        // The worker found its queue empty; edits made since (only this thread adds them) may
        // already wait again, and then it is not saved.
        if (m_dataset->pendingWrites() != 0)
            return;
        m_lastWriteError.clear();
        Q_EMIT saveStateChanged(SaveState::Saved, {});
    });

    const std::shared_ptr<const Campaign> campaign = m_campaign;
    db::ProposalFunction proposals = [campaign, withOffsets](int c, const std::function<bool(std::int64_t, std::int64_t)> &p) {
        const auto &times = withOffsets[size_t(c)];
        return geometricProposals(*campaign, c, std::int64_t(times.size()),
                                  [&times](std::int64_t i) { return times[size_t(i)]; }, p);
    };
    const QString author = m_options.author.isEmpty()
                               ? qEnvironmentVariable("USER", QStringLiteral("analyst"))
                               : m_options.author;
    m_dataset->open(m_datasetPath, m_manifest.name, m_manifestPath, cameras, proposals, author);

    auto bands = std::make_shared<std::vector<TimelineBand>>();
    const int masterCam = m_player->master();
    QStringList names;
    for (const CameraSpec &s : m_manifest.cameras)
        names << s.name;
    const QString fixName = tr("Fix"), inViewName = tr("%1 in view"), boxesName = tr("%1 boxes");
    runInBackground(
        this, QStringLiteral("vigie-timeline"),
        [bands, campaign, withOffsets, masterCam, names, fixName, inViewName, boxesName] {
            const auto &master = withOffsets[size_t(masterCam)];
            TimelineBand fix{fixName, std::vector<std::uint8_t>(master.size(), 0),
                                     {QColor(60, 200, 90), QColor(240, 200, 40), QColor(250, 130, 30), QColor(220, 50, 50)}};
            for (size_t m = 0; m < master.size(); ++m) {
                const auto state = campaign->targetTrack().at(master[m]);
                fix.values[m] = fixBandValue(state ? state->quality : FixQuality::Invalid);
            }
            bands->push_back(fix);
            for (size_t c = 0; c < withOffsets.size(); ++c) {
                TimelineBand inView{inViewName.arg(names[int(c)]), std::vector<std::uint8_t>(master.size(), 0),
                                            {QColor(80, 150, 255)}};
                for (size_t m = 0; m < master.size(); ++m) {
                    const std::int64_t f = frameAtTimes(withOffsets[c], 0, master[m]);
                    if (f < 0)
                        continue;
                    const CameraProjection p = campaign->project(int(c), withOffsets[c][size_t(f)]);
                    inView.values[m] = p.ok && p.projection.inFieldOfView ? 1 : 0;
                }
                bands->push_back(inView);
                bands->push_back({boxesName.arg(names[int(c)]), std::vector<std::uint8_t>(master.size(), 0),
                                  {QColor(240, 200, 40), QColor(60, 200, 90), QColor(230, 60, 50)}});
            }
        },
        [this, bands, finish] {
            m_bands = *bands;
            finish();
        });
}

void CampaignSession::datasetLoaded(const db::SessionContents &contents)
{
    m_annotations->reset(contents.boxes, contents.flags);
    QStringList classes{m_manifest.targetClass};
    for (const QString &c : {QStringLiteral("quadcopter"), QStringLiteral("hexacopter"),
                             QStringLiteral("fixed-wing"), QStringLiteral("bird")}) {
        if (!classes.contains(c))
            classes << c;
    }
    m_editor->setClasses(classes);
    // The annotation bands from the loaded boxes.
    for (int c = 0; c < cameraCount(); ++c) {
        auto &band = m_bands[size_t(annotationBand(c))];
        for (std::int64_t f : m_annotations->annotatedFrames(c)) {
            const auto [first, last] = masterFramesOf(c, f);
            for (std::int64_t m = first; m < last; ++m)
                band.values[size_t(m)] = annotationBandValue(c, f);
        }
    }
    Q_EMIT message(tr("Dataset %1: %2 boxes loaded, %3 geometric proposals added")
                       .arg(contents.path)
                       .arg(contents.boxes.size() - size_t(contents.geometricProposalsAdded))
                       .arg(contents.geometricProposalsAdded));
    m_state = State::Ready;
    // Start where every stream has a frame, so that no view opens empty; then make sure every
    // view gets its frame, even those whose frame did not change (the streams were evaluated
    // once already when their offsets were set). The window may seek elsewhere on opened().
    UtcTime start = m_player->begin();
    for (int c = 0; c < m_player->streamCount(); ++c)
        start = std::max(start, m_player->frameTime(c, 0));
    m_player->seek(std::min(start, m_player->end()));
    for (int c = 0; c < m_player->streamCount(); ++c)
        onFrameChanged(c, m_player->currentFrame(c));
    Q_EMIT opened();
}

int CampaignSession::cameraCount() const
{
    return int(m_manifest.cameras.size());
}

QString CampaignSession::cameraName(int camera) const
{
    return camera >= 0 && camera < cameraCount() ? m_manifest.cameras[size_t(camera)].name : QString();
}

int CampaignSession::cameraOf(const QString &modality) const
{
    for (int c = 0; c < cameraCount(); ++c) {
        if (m_manifest.cameras[size_t(c)].modality == modality)
            return c;
    }
    return -1;
}

std::int64_t CampaignSession::frameCount(int camera) const
{
    return camera >= 0 && size_t(camera) < m_frameUtc.size() ? std::int64_t(m_frameUtc[size_t(camera)].size()) : 0;
}

std::int64_t CampaignSession::currentFrame(int camera) const
{
    return m_player && camera >= 0 && camera < m_player->streamCount() ? m_player->currentFrame(camera) : -1;
}

int CampaignSession::masterCamera() const
{
    return m_player ? m_player->master() : 0;
}

void CampaignSession::onFrameChanged(int stream, qint64 frame)
{
    if (frame < 0) {
        m_lastShown[size_t(stream)] = -1;
        Q_EMIT frameShown(stream, QImage(), -1, FrameOverlay{false, tr("before the first frame"), {}, {}});
        return;
    }
    media::FrameServer *server = m_servers[size_t(stream)];
    server->setPrefetch(m_player->isPlaying() ? 12 : 8, 1);
    // A frame the cache holds unconverted is left to the server's worker (SyncPlayer has
    // requested it), so the GUI thread never spends a 1080p conversion.
    if (const auto cached = server->cache()->findConverted(frame))
        show(stream, *cached);
}

void CampaignSession::onFrameReady(int camera, const media::VideoFrame &frame)
{
    // SyncPlayer requests every frame it moves to, cached or not: a frame already shown from the
    // cache comes back here too, and painting it twice halves what playback can afford.
    if (m_player && frame.index == m_player->currentFrame(camera) && frame.index != m_lastShown[size_t(camera)])
        show(camera, frame);
}

void CampaignSession::show(int camera, const media::VideoFrame &frame)
{
    m_lastShown[size_t(camera)] = frame.index;
    Q_EMIT frameShown(camera, toDisplay(frame.image), frame.index, overlayAt(camera, frame.index));
}

QImage CampaignSession::toDisplay(const QImage &image) const
{
    if (image.format() == QImage::Format_Grayscale8 || image.format() == QImage::Format_Grayscale16)
        return renderThermal(image, m_palette, m_contrast);
    // Painting converts anything else to 32 bits anyway; once per frame is cheaper than per paint.
    return image.convertToFormat(QImage::Format_RGB32);
}

std::optional<std::pair<UtcTime, CameraProjection>> CampaignSession::liveProjection(int camera, std::int64_t frame) const
{
    if (!m_campaign || !m_player || frame < 0 || frame >= frameCount(camera))
        return std::nullopt;
    const UtcTime utc = m_player->frameTime(camera, frame);
    return std::pair{utc, m_campaign->project(camera, utc, m_turretDeltaUs, m_targetDeltaUs)};
}

FrameOverlay CampaignSession::overlayAt(int camera, std::int64_t frame) const
{
    FrameOverlay out;
    const auto live = liveProjection(camera, frame);
    if (!live)
        return out;
    const CameraProjection &p = live->second;
    out.valid = p.ok;
    out.reason = p.reason;
    out.projection = p.projection;
    if (p.ok && p.projection.inFieldOfView) {
        const Intrinsics &in = m_manifest.cameras[size_t(camera)].model.intrinsics;
        out.expectedBox = expectedBox(p.projection, in.width, in.height);
    }
    return out;
}

InterpolationGeometryFunction CampaignSession::interpolationGeometry(int camera) const
{
    return [this, camera](std::int64_t frame) {
        InterpolationGeometry g;
        const auto live = liveProjection(camera, frame);
        if (!live)
            return g;
        g.seconds = double(live->first.microseconds()) / 1e6;
        const CameraProjection &p = live->second;
        if (p.ok && p.projection.inFront && p.projection.depthM > 0) {
            g.point = QPointF(p.projection.x, p.projection.y);
            g.rangeM = p.projection.depthM; // the pinhole's size goes as 1 / depth
        }
        return g;
    };
}

std::vector<Annotation> CampaignSession::cameraBoxes(int camera) const
{
    std::vector<Annotation> out;
    for (const std::int64_t f : m_annotations->annotatedFrames(camera)) {
        const auto boxes = m_annotations->boxes(camera, f);
        out.insert(out.end(), boxes.begin(), boxes.end());
    }
    return out;
}

void CampaignSession::fitTransfer(BoxTransfer &transfer, int from, int to, const std::vector<Annotation> &sending) const
{
    transfer.setSendingBoxes(sending);
    const std::vector<MountingPair> pairs = transfer.pairsFor(cameraBoxes(to));
    const QByteArray digest = BoxTransfer::digest(pairs);
    auto &cached = m_mountings[{from, to}];
    if (cached.first != digest)
        cached = {digest, fitMounting(pairs, TransferOptions{}.minPairs)};
    transfer.setMounting(cached.second);
}

std::vector<Annotation> CampaignSession::carriedToOtherCameras(const Annotation &box) const
{
    std::vector<Annotation> out;
    if (!m_campaign)
        return out;
    const std::vector<Annotation> sending = cameraBoxes(box.camera);
    for (int to = 0; to < cameraCount(); ++to) {
        if (to == box.camera || frameCount(to) == 0)
            continue;
        BoxTransfer transfer(*m_campaign, box.camera, to, frameCount(box.camera), frameCount(to));
        fitTransfer(transfer, box.camera, to, sending);
        if (auto carried = transfer.carry(box))
            out.push_back(std::move(*carried));
    }
    return out;
}

std::vector<Annotation> CampaignSession::carryCamera(int from, int to, MountingFit *fit) const
{
    if (!m_campaign || from == to || frameCount(from) == 0 || frameCount(to) == 0)
        return {};
    const std::vector<Annotation> sending = cameraBoxes(from);
    BoxTransfer transfer(*m_campaign, from, to, frameCount(from), frameCount(to));
    fitTransfer(transfer, from, to, sending);
    if (fit)
        *fit = transfer.mounting();
    return transfer.carryAll(sending);
}

TelemetrySnapshot CampaignSession::telemetryAt(UtcTime utc) const
{
    TelemetrySnapshot s;
    s.utcText = utc.toIso();
    if (!m_campaign)
        return s;
    const auto state = m_campaign->targetTrack().at(utc - m_targetDeltaUs);
    if (!state) {
        s.reason = tr("no fix");
        return s;
    }
    s.valid = true;
    s.position = state->position;
    s.look = Station::look(state->position);
    const auto &v = state->velocityEnu;
    s.speedMps = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    s.quality = state->quality;
    const auto &cov = state->covarianceEnu;
    s.sigmaEastM = std::sqrt(std::max(0.0, cov[0]));
    s.sigmaNorthM = std::sqrt(std::max(0.0, cov[4]));
    s.sigmaUpM = std::sqrt(std::max(0.0, cov[8]));
    return s;
}

void CampaignSession::targetPath(std::vector<LookAngles> *sky, std::vector<Enu> *ground) const
{
    sky->clear();
    ground->clear();
    if (!m_campaign || m_campaign->targetTrack().isEmpty())
        return;
    const TargetTrack &track = m_campaign->targetTrack();
    const std::int64_t span = track.end() - track.begin();
    const std::int64_t step = std::max<std::int64_t>(200000, span / 2000);
    for (UtcTime t = track.begin(); t <= track.end(); t = t + step) {
        if (const auto s = track.at(t)) {
            sky->push_back(Station::look(s->position));
            ground->push_back(s->position);
        }
    }
}

QStringList CampaignSession::offsetNames() const
{
    QStringList names;
    for (const CameraSpec &s : m_manifest.cameras)
        names << s.name;
    names << tr("turret") << tr("target GPS");
    return names;
}

std::vector<int> CampaignSession::offsetsMs() const
{
    std::vector<int> out;
    for (const CameraSpec &s : m_manifest.cameras)
        out.push_back(int(std::llround(double(s.timeOffsetUs) / 1000.0)));
    out.push_back(int(std::llround(double(m_manifest.turretOffsetUs) / 1000.0)));
    out.push_back(int(std::llround(double(m_manifest.targetOffsetUs) / 1000.0)));
    return out;
}

namespace {

/// A time-offset nudge; consecutive nudges of the same stream merge into one command.
class OffsetCommand : public QUndoCommand
{
public:
    OffsetCommand(CampaignSession *session, int stream, int beforeMs, int afterMs)
        : m_session(session), m_stream(stream), m_before(beforeMs), m_after(afterMs)
    {
        updateText();
    }
    void redo() override { m_session->applyOffsetMs(m_stream, m_after); }
    void undo() override { m_session->applyOffsetMs(m_stream, m_before); }
    int id() const override { return 0x0ff5e7; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *o = static_cast<const OffsetCommand *>(other);
        if (o->m_stream != m_stream)
            return false;
        m_after = o->m_after;
        updateText();
        return true;
    }

private:
    void updateText()
    {
        setText(CampaignSession::tr("Set %1 offset to %2 ms").arg(m_session->offsetNames().value(m_stream)).arg(m_after));
    }
    CampaignSession *m_session;
    int m_stream, m_before, m_after;
};

} // namespace

void CampaignSession::setOffsetMs(int stream, int offsetMs)
{
    if (!m_campaign || stream < 0 || stream > cameraCount() + 1)
        return;
    const int before = offsetsMs().at(size_t(stream));
    if (before == offsetMs)
        return;
    if (m_undoStack)
        m_undoStack->push(new OffsetCommand(this, stream, before, offsetMs));
    else
        applyOffsetMs(stream, offsetMs);
}

void CampaignSession::applyOffsetMs(int stream, int offsetMs)
{
    if (!m_campaign || stream < 0 || stream > cameraCount() + 1)
        return;
    const std::int64_t us = std::int64_t(offsetMs) * 1000;
    if (stream < cameraCount()) {
        m_manifest.cameras[size_t(stream)].timeOffsetUs = us;
        if (m_player)
            m_player->setOffset(stream, us);
    } else if (stream == cameraCount()) {
        m_manifest.turretOffsetUs = us;
        m_turretDeltaUs = us - m_campaign->manifest().turretOffsetUs;
    } else {
        m_manifest.targetOffsetUs = us;
        m_targetDeltaUs = us - m_campaign->manifest().targetOffsetUs;
    }
    m_offsetsDirty = true;
    m_saveOffsetsTimer.start();
    Q_EMIT offsetApplied(stream, offsetMs);
    Q_EMIT overlaysChanged();
}

bool CampaignSession::saveOffsets(QString *error)
{
    if (!m_offsetsDirty)
        return true;
    QString e;
    if (!m_manifest.saveOffsets(m_manifestPath, &e)) {
        Q_EMIT message(tr("Time offsets not saved: %1").arg(e));
        if (error)
            *error = e;
        return false;
    }
    m_offsetsDirty = false;
    Q_EMIT message(tr("Time offsets saved to %1").arg(m_manifestPath));
    return true;
}

void CampaignSession::setPalette(ThermalPalette palette)
{
    m_palette = palette;
    for (int c = 0; m_player && c < cameraCount(); ++c) {
        const std::int64_t f = m_player->currentFrame(c);
        if (f >= 0) {
            if (const auto cached = m_servers[size_t(c)]->cache()->find(f))
                show(c, *cached);
        }
    }
}

void CampaignSession::setContrast(const ContrastWindow &window)
{
    m_contrast = window;
    setPalette(m_palette);
}

std::pair<std::int64_t, std::int64_t> CampaignSession::masterFramesOf(int camera, std::int64_t frame) const
{
    if (!m_player || camera < 0 || camera >= cameraCount())
        return {0, 0};
    const int master = m_player->master();
    const auto &times = m_frameUtc[size_t(master)];
    const std::int64_t masterOffset = m_player->offset(master);
    const UtcTime from = m_player->frameTime(camera, frame);
    const UtcTime to = frame + 1 < frameCount(camera) ? m_player->frameTime(camera, frame + 1) : UtcTime::fromMicroseconds(std::numeric_limits<std::int64_t>::max() / 2);
    auto index = [&](UtcTime t) {
        return std::int64_t(std::lower_bound(times.begin(), times.end(), t - masterOffset) - times.begin());
    };
    return {index(from), index(to)};
}

std::uint8_t CampaignSession::annotationBandValue(int camera, std::int64_t frame) const
{
    // A frame that needs the analyst (attention.h, what its own boxes say) outranks the rest.
    if (frameAttention(m_annotations->boxes(camera, frame), m_annotations->flags(camera, frame), m_manifest.targetClass) != 0)
        return 3;
    switch (m_annotations->frameState(camera, frame)) {
    case FrameAnnotationState::None:
        return 0;
    case FrameAnnotationState::Proposed:
        return 1;
    case FrameAnnotationState::Accepted:
        return 2;
    }
    return 0;
}

int CampaignSession::analysisCamera() const
{
    const int ir = cameraOf(QStringLiteral("ir"));
    return ir >= 0 ? ir : masterCamera();
}

QString CampaignSession::modelDir() const
{
    return jobs::modelDirOf(m_datasetPath);
}

AnalystLabels CampaignSession::analystLabels(int camera) const
{
    std::vector<LabelBox> all;
    for (std::int64_t frame : m_annotations->annotatedFrames(camera)) {
        for (const Annotation &a : m_annotations->boxes(camera, frame))
            all.push_back({frame, a.rect, a.className, a.state});
    }
    std::map<std::int64_t, db::FrameFlags> flags;
    for (std::int64_t frame : m_annotations->flaggedFrames(camera))
        flags[frame] = m_annotations->flags(camera, frame);
    return vigie::analystLabels(all, flags, m_campaign ? m_campaign->manifest().targetClass : QString());
}

int CampaignSession::addRunBoxes(int camera, const std::vector<Annotation> &boxes, db::BoxSource source, const QString &version)
{
    if (!m_campaign)
        return 0;
    std::map<std::int64_t, bool> skip; // per frame, decided before any box of the run goes in
    std::vector<Annotation> fresh;
    for (const Annotation &box : boxes) {
        auto it = skip.find(box.frame);
        if (it == skip.end()) {
            bool already = false;
            for (const Annotation &a : m_annotations->boxes(camera, box.frame))
                already = already || (a.source == source && a.modelVersion == version);
            it = skip.emplace(box.frame, already).first;
        }
        if (it->second)
            continue;
        Annotation a = box;
        a.camera = camera;
        a.className = m_campaign->manifest().targetClass;
        a.source = source;
        a.state = db::BoxState::Proposed;
        a.modelVersion = version;
        fresh.push_back(std::move(a));
    }
    const int n = int(fresh.size());
    return m_editor->addBoxes(std::move(fresh), QCoreApplication::translate("vigie::MainWindow", "Add proposals of %1 (%2)").arg(version).arg(n));
}

} // namespace vigie
