#include "app/jobs/registration.h"

#include "database/dataset.h"
#include "models/campaign.h"
#include "models/media/videodecoder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace vigie::jobs {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::jobs::Registration)
};
} // namespace

int cameraIndex(const Campaign &campaign, const QString &wanted)
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

QString modelDirOf(const QString &datasetPath)
{
    return QFileInfo(datasetPath).absoluteDir().filePath(QStringLiteral("models"));
}

QString resolveModelPath(const QString &model, const QString &datasetPath, QString *version, QString *error)
{
    if (QFileInfo::exists(model)) {
        *version = QFileInfo(model).completeBaseName();
        return model;
    }
    if (datasetPath.isEmpty()) {
        *error = Tr::tr("%1: no such file (and no dataset to look it up in)").arg(model);
        return {};
    }
    auto dataset = db::Dataset::open(datasetPath, db::Dataset::OpenMode::MustExist, error);
    if (!dataset)
        return {};
    const auto record = dataset->modelByVersion(model);
    if (!record) {
        *error = Tr::tr("%1: no model '%2' in the registry").arg(datasetPath, model);
        return {};
    }
    *version = record->version;
    return record->weightsPath;
}

db::SessionCamera sessionCamera(const Campaign &campaign, int camera, int width, int height, std::int64_t videoFrames)
{
    const CameraSpec &spec = campaign.manifest().cameras.at(size_t(camera));
    db::SessionCamera cam;
    cam.name = spec.name;
    cam.modality = spec.modality;
    cam.videoPath = spec.video;
    cam.width = width;
    cam.height = height;
    cam.frameUtcUs.reserve(size_t(std::max<std::int64_t>(0, videoFrames)));
    for (std::int64_t i = 0; i < videoFrames; ++i) {
        const auto utc = campaign.frameUtc(camera, i);
        if (!utc)
            break;
        cam.frameUtcUs.push_back(utc->microseconds());
    }
    cam.frameCount = std::int64_t(cam.frameUtcUs.size());
    return cam;
}

bool registerCampaignCamera(db::Dataset &dataset, const Campaign &campaign, const QString &manifestPath, int camera,
                            db::RegisteredCamera *out, QString *error)
{
    const CameraSpec &spec = campaign.manifest().cameras.at(size_t(camera));
    auto decoder = media::VideoDecoder::open(campaign.manifest().resolve(spec.video), {}, error);
    if (!decoder)
        return false;
    const media::StreamInfo &info = decoder->info();
    const db::SessionCamera cam = sessionCamera(campaign, camera, info.width, info.height, info.frameCount);
    if (cam.frameCount == 0) {
        *error = Tr::tr("%1: camera %2: no frame has a time").arg(manifestPath, spec.name);
        return false;
    }
    const auto registered = db::registerCampaign(dataset, campaign.manifest().name, QFileInfo(manifestPath).absoluteFilePath(),
                                                 {cam}, error);
    if (!registered)
        return false;
    *out = registered->front();
    return true;
}

} // namespace vigie::jobs
