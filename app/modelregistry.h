#pragma once

// Trained weights into the dataset's model registry, as the CLI and the workstation both do:
// the version names the network, the camera and the time; the record holds the weights' path
// and SHA-256, the hyper-parameters, the data it saw and its metrics.

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

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

/// Hashes the weights file and records the model in the dataset (created if missing).
bool registerTrainedModel(const QString &datasetPath, const TrainedModel &model, QString *error);

} // namespace vigie
