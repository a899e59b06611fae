#pragma once

// Trained weights into the dataset's model registry, as the CLI and the workstation both do:
// the version names the network, the camera and the time; the record holds the weights' path
// and SHA-256, the hyper-parameters, the data it saw and its metrics.

#include "inference/detector.h"
#include "inference/weaklabels.h"
#include "inference/wildcat.h"
#include "models/annotation/records.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace vigie {

struct TrainedModel
{
    QString name;         ///< e.g. "wildcat-ir"
    QString version;      ///< modelVersion()
    QString architecture; ///< e.g. "wildcat-small-s4"
    QString weightsPath;
    QJsonObject hyperparameters;
    QJsonValue dataSnapshot;
    QJsonObject metrics;
};

/// "PREFIX-CAMERA-yyyyMMddTHHmmsszzzZ" (UTC): sorts by time, unique per camera and run.
QString modelVersion(const QString &prefix, const QString &camera);

/// A WILDCAT proposer's record, as `vigie-cli proposer train` and Proposals › Train Proposer write
/// it: the configuration and training settings as hyper-parameters, the campaigns it saw
/// (weakLabelSnapshot entries), the final loss and the training time.
TrainedModel proposerRecord(const QString &cameraName, const QString &version, const QString &weightsPath,
                            const inference::WildcatConfig &config, const inference::TrainOptions &training,
                            const QJsonArray &snapshot, double finalLoss, double trainSeconds);
/// One campaign's entry in a proposer's data snapshot: where its weak labels came from.
QJsonObject weakLabelSnapshot(const QString &manifestPath, const QString &cameraName,
                              const inference::WeakLabelReport &report);

/// A CenterNet detector's record, as `vigie-cli detector train` and Detector › Train Detector
/// write it (`training.steps` is the steps per epoch).
TrainedModel detectorRecord(const QString &cameraName, const QString &version, const QString &weightsPath,
                            const QJsonObject &config, int epochs, const inference::DetectorTrainOptions &training,
                            const QJsonValue &snapshot, double finalLoss, const QJsonArray &curve, double trainSeconds);

/// Hashes the weights file and records the model in the dataset (created if missing).
bool registerTrainedModel(const QString &datasetPath, const TrainedModel &model, QString *error);

/// The newest registered model of a network ("wildcat", "centernet") for a camera, as the
/// workstation and the CLI resolve "the current model". None: `error` says why (the dataset
/// unreadable, or nothing trained yet and which command trains it). Opens its own connection:
/// call it off the GUI thread.
std::optional<db::ModelRecord> newestModel(const QString &datasetPath, const QString &network, const QString &cameraName,
                                           QString *error);

/// newestModel() on a worker thread; `then(model, error)` runs afterwards in `context`'s thread,
/// unless `context` is gone by then. For the GUI, which never waits on the dataset.
void lookUpNewestModel(QObject *context, const QString &datasetPath, const QString &network, const QString &cameraName,
                       std::function<void(const std::optional<db::ModelRecord> &, const QString &)> then);

} // namespace vigie
