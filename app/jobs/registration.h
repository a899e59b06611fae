#pragma once

// What every job names the same way, for both executables: a campaign's camera, a model given
// by path or version, where a dataset keeps its models, and how a camera and its frames enter
// the dataset. The workstation and `vigie-cli` register a campaign alike, so that the frame rows
// never depend on which tool met the dataset first.

#include "database/datasetsession.h"

#include <QString>

#include <cstdint>

namespace vigie {
class Campaign;
}
namespace vigie::db {
class Dataset;
}

namespace vigie::jobs {

/// A camera of a campaign by name, else by modality ("ir", "rgb"); −1 if none.
int cameraIndex(const Campaign &campaign, const QString &wanted);

/// Where a dataset's models and checkpoints go: `models/` beside it.
QString modelDirOf(const QString &datasetPath);

/// A model named by a user: a weights file as it is, else a version in the dataset's registry
/// resolved to its weights. Empty with `error` when neither.
QString resolveModelPath(const QString &model, const QString &datasetPath, QString *version, QString *error);

/// A camera as the dataset registers it: one frame row per video frame that has a UTC time (its
/// frame-times file, its container timestamps, or first + i/fps), with that time.
/// `videoFrames`: the frames the decoder reports.
db::SessionCamera sessionCamera(const Campaign &campaign, int camera, int width, int height, std::int64_t videoFrames);

/// Registers one camera of a campaign and its frames (sessionCamera, after opening its video
/// for the size and frame count).
bool registerCampaignCamera(db::Dataset &dataset, const Campaign &campaign, const QString &manifestPath, int camera,
                            db::RegisteredCamera *out, QString *error);

} // namespace vigie::jobs
