#include "app/modelregistry.h"

#include "database/dataset.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace vigie {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::ModelRegistry)
};

QString compact(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return {};
}
} // namespace

QString modelVersion(const QString &prefix, const QString &camera)
{
    return QStringLiteral("%1-%2-%3")
        .arg(prefix, camera, QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'")));
}

bool registerTrainedModel(const QString &datasetPath, const TrainedModel &model, QString *error)
{
    QFile weights(model.weightsPath);
    if (!weights.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("%1: %2").arg(model.weightsPath, weights.errorString());
        return false;
    }
    auto dataset = db::Dataset::open(datasetPath, db::Dataset::OpenMode::CreateIfMissing, error);
    if (!dataset)
        return false;
    db::ModelRecord record;
    record.name = model.name;
    record.version = model.version;
    record.architecture = model.architecture;
    record.hyperparametersJson = compact(model.hyperparameters);
    record.weightsPath = QFileInfo(model.weightsPath).absoluteFilePath();
    record.weightsSha256 = QString::fromLatin1(QCryptographicHash::hash(weights.readAll(), QCryptographicHash::Sha256).toHex());
    record.dataSnapshotJson = compact(model.dataSnapshot);
    record.metricsJson = compact(model.metrics);
    return bool(dataset->registerModel(record, error));
}

} // namespace vigie
