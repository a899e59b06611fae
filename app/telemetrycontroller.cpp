#include "app/telemetrycontroller.h"

#include "app/campaignsession.h"
#include "app/mainwindow.h"
#include "models/media/syncplayer.h"
#include "widgets/telemetrypanel.h"
#include "widgets/timeline.h"

#include <QSignalBlocker>

namespace vigie {

TelemetryController::TelemetryController(MainWindow *window, TimelineWidget *timeline, TelemetryPanel *telemetry)
    : QObject(window)
    , m_window(window)
    , m_timeline(timeline)
    , m_telemetry(telemetry)
{
    connect(m_timeline, &TimelineWidget::seekRequested, this, [this](qint64 frame) {
        if (CampaignSession *s = m_window->session(); s && s->player())
            s->player()->seekFrame(s->masterCamera(), frame);
    });
    connect(m_telemetry, &TelemetryPanel::offsetChanged, this, [this](int stream, int ms) {
        if (CampaignSession *s = m_window->session())
            s->setOffsetMs(stream, ms);
    });
}

void TelemetryController::campaignOpened()
{
    CampaignSession *s = m_window->session();
    m_timeline->setFrameCount(s->frameCount(s->masterCamera()));
    const auto bands = s->timelineBands();
    for (int i = 0; i < int(bands.size()); ++i)
        m_timeline->setBand(i, bands[size_t(i)]);
    updateMarkers();

    std::vector<LookAngles> sky;
    std::vector<Enu> ground;
    s->targetPath(&sky, &ground);
    m_telemetry->setPath(sky, ground);
    {
        const QSignalBlocker blocker(m_telemetry);
        m_telemetry->setStreams(s->offsetNames(), s->offsetsMs());
    }
    connect(s->player(), &media::SyncPlayer::timeChanged, this, [this](UtcTime utc) {
        if (CampaignSession *session = m_window->session())
            m_telemetry->setSnapshot(session->telemetryAt(utc));
    });
    connect(s, &CampaignSession::offsetApplied, this, [this](int stream, int ms) {
        const QSignalBlocker block(m_telemetry); // showing the value is not a new nudge
        m_telemetry->setOffset(stream, ms);
    });
    connect(s->annotations(), &AnnotationModel::frameChanged, this, &TelemetryController::annotationChanged);
    m_telemetry->setSnapshot(s->telemetryAt(s->player()->time()));
}

void TelemetryController::campaignClosed()
{
    m_timeline->clear();
    m_telemetry->setSnapshot({});
    m_telemetry->setPath({}, {});
    m_telemetry->setStreams({}, {});
}

void TelemetryController::masterFrameShown(qint64 frame)
{
    m_timeline->setCurrentFrame(frame);
}

void TelemetryController::annotationChanged(int camera, qint64 frame)
{
    CampaignSession *s = m_window->session();
    if (!s)
        return;
    const auto [first, last] = s->masterFramesOf(camera, frame);
    const std::uint8_t value = s->annotationBandValue(camera, frame);
    for (std::int64_t m = first; m < last; ++m)
        m_timeline->setBandValue(s->annotationBand(camera), m, value);
    updateMarkers();
}

void TelemetryController::updateMarkers()
{
    CampaignSession *s = m_window->session();
    if (!s)
        return;
    std::vector<std::int64_t> markers;
    for (int c = 0; c < s->cameraCount(); ++c) {
        for (std::int64_t f : s->annotations()->flaggedFrames(c)) {
            const auto [first, last] = s->masterFramesOf(c, f);
            if (first < last)
                markers.push_back(first);
        }
    }
    m_timeline->setMarkers(std::move(markers));
}

} // namespace vigie
