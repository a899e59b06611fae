#include "app/modelregistry.h"

#include "database/dataset.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>
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

TrainedModel proposerRecord(const QString &cameraName, const QString &version, const QString &weightsPath,
                            const inference::WildcatConfig &config, const inference::TrainOptions &training,
                            const QJsonArray &snapshot, double finalLoss, double trainSeconds)
{
    TrainedModel record;
    record.name = QStringLiteral("wildcat-") + cameraName;
    record.version = version;
    record.architecture = QStringLiteral("wildcat-small-s4");
    record.hyperparameters = config.toJson();
    record.hyperparameters.insert(QStringLiteral("steps"), training.steps);
    record.hyperparameters.insert(QStringLiteral("batch"), training.batch);
    record.hyperparameters.insert(QStringLiteral("learning_rate"), training.learningRate);
    record.hyperparameters.insert(QStringLiteral("seed"), QString::number(training.seed));
    record.weightsPath = QFileInfo(weightsPath).absoluteFilePath();
    record.dataSnapshot = snapshot;
    record.metrics = QJsonObject{{QStringLiteral("final_loss"), finalLoss}, {QStringLiteral("train_seconds"), trainSeconds}};
    return record;
}

QJsonObject weakLabelSnapshot(const QString &manifestPath, const QString &cameraName, const inference::WeakLabelReport &report)
{
    return {{QStringLiteral("campaign"), QFileInfo(manifestPath).absoluteFilePath()},
            {QStringLiteral("camera"), cameraName},
            {QStringLiteral("frames"), qint64(report.framesRead)},
            {QStringLiteral("positives"), qint64(report.positives)},
            {QStringLiteral("negatives"), qint64(report.negatives)}};
}

TrainedModel detectorRecord(const QString &cameraName, const QString &version, const QString &weightsPath,
                            const QJsonObject &config, int epochs, const inference::DetectorTrainOptions &training,
                            const QJsonValue &snapshot, double finalLoss, const QJsonArray &curve, double trainSeconds)
{
    TrainedModel record;
    record.name = QStringLiteral("centernet-") + cameraName;
    record.version = version;
    record.architecture = QStringLiteral("centernet-small-s4");
    record.hyperparameters = config;
    record.hyperparameters.insert(QStringLiteral("epochs"), epochs);
    record.hyperparameters.insert(QStringLiteral("steps_per_epoch"), training.steps);
    record.hyperparameters.insert(QStringLiteral("batch"), training.batch);
    record.hyperparameters.insert(QStringLiteral("learning_rate"), training.learningRate);
    record.hyperparameters.insert(QStringLiteral("seed"), QString::number(training.seed));
    record.weightsPath = QFileInfo(weightsPath).absoluteFilePath();
    record.dataSnapshot = snapshot;
    record.metrics = QJsonObject{{QStringLiteral("final_loss"), finalLoss},
                                 {QStringLiteral("curve"), curve},
                                 {QStringLiteral("train_seconds"), trainSeconds}};
    return record;
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

std::optional<db::ModelRecord> newestModel(const QString &datasetPath, const QString &network, const QString &cameraName,
                                           QString *error)
{
    auto dataset = db::Dataset::open(datasetPath, db::Dataset::OpenMode::MustExist, error);
    if (!dataset)
        return std::nullopt;
    const QString name = network + QLatin1Char('-') + cameraName;
    std::optional<db::ModelRecord> newest;
    for (const db::ModelRecord &m : dataset->models()) {
        if (m.name == name && (!newest || m.createdUs >= newest->createdUs))
            newest = m;
    }
    if (!newest) {
        *error = network == QLatin1String("wildcat")
                     ? QCoreApplication::translate("vigie::MainWindow", "No proposer trained for %1 yet: Proposals › Train Proposer first")
                           .arg(cameraName)
                     : QCoreApplication::translate("vigie::MainWindow", "No detector trained for %1 yet: Detector › Train Detector first")
                           .arg(cameraName);
    }
    return newest;
}

void lookUpNewestModel(QObject *context, const QString &datasetPath, const QString &network, const QString &cameraName,
                       std::function<void(const std::optional<db::ModelRecord> &, const QString &)> then)
{
    QPointer<QObject> guard(context);
    QThread *worker = QThread::create([guard, datasetPath, network, cameraName, then = std::move(then)] {
        QString error;
        const auto model = newestModel(datasetPath, network, cameraName, &error);
        if (guard)
            QMetaObject::invokeMethod(guard.data(), [then, model, error] { then(model, error); });
    });
    QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

} // namespace vigie
