#include "models/media/campaignvideo.h"

#include "models/media/syncplayer.h"
#include "models/media/videodecoder.h"

#include <QCoreApplication>
#include <QDebug>
#include <QDir>
#include <QFileInfo>

namespace vigie::media {

QString frameIndexPath(const QString &manifestPath, const QString &cameraName)
{
    return QFileInfo(manifestPath).absoluteDir().filePath(QStringLiteral(".vigie/%1.frameindex").arg(cameraName));
}

std::unique_ptr<Campaign> openCampaign(const QString &manifestPath, QString *error, QStringList *warnings)
{
    std::unique_ptr<Campaign> campaign = Campaign::open(manifestPath, error);
    if (!campaign)
        return nullptr;
    const CampaignManifest &m = campaign->manifest();
    for (int c = 0; c < int(m.cameras.size()); ++c) {
        const CameraSpec &spec = m.cameras[size_t(c)];
        // An image sequence ("frames/%05d.png") has no timestamps of its own: fps clocks it.
        if (!spec.frameTimes.isEmpty() || spec.video.isEmpty() || !spec.firstFrameUtc || spec.video.contains(QLatin1Char('%')))
            continue;
        VideoDecoder::Options o;
        o.indexPath = frameIndexPath(manifestPath, spec.name);
        QDir().mkpath(QFileInfo(o.indexPath).path());
        QString why;
        auto decoder = VideoDecoder::open(m.resolve(spec.video), o, &why);
        if (!decoder) {
            const QString w = QCoreApplication::translate("vigie::media::CampaignVideo",
                                                          "camera %1: its frames are clocked at first_frame_utc + i/fps: %2")
                                  .arg(spec.name, why);
            if (warnings)
                *warnings << w;
            else
                qWarning().noquote() << w;
            continue;
        }
        campaign->setContainerFrameTimes(c, frameTimesFromIndex(decoder->index(), *spec.firstFrameUtc));
    }
    return campaign;
}

} // namespace vigie::media
