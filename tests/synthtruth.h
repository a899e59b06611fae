#pragma once

// The ground truth a synthetic campaign writes (ground_truth.json, docs/FORMATS.md), per camera
// and frame: whether the drone is visible and its box, and its range. Tests and benches read it;
// Vigie itself never does.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRectF>

#include <map>
#include <vector>

namespace vigie::test {

struct TruthFrame
{
    bool visible = false;
    QRectF box;
    double rangeM = 0;
};

/// Frames by camera name ("rgb", "ir"); empty when the file cannot be read.
inline std::map<QString, std::vector<TruthFrame>> readSynthTruth(const QString &campaignDir)
{
    std::map<QString, std::vector<TruthFrame>> out;
    QFile file(QDir(campaignDir).filePath(QStringLiteral("ground_truth.json")));
    if (!file.open(QIODevice::ReadOnly))
        return out;
    const QJsonObject frames = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("frames")).toObject();
    for (auto camera = frames.begin(); camera != frames.end(); ++camera) {
        std::vector<TruthFrame> &list = out[camera.key()];
        for (const QJsonValue &v : camera.value().toArray()) {
            const QJsonObject o = v.toObject();
            TruthFrame f;
            f.rangeM = o.value(QStringLiteral("range_m")).toDouble();
            const QJsonArray b = o.value(QStringLiteral("box")).toArray();
            f.visible = o.value(QStringLiteral("state")).toString() == QLatin1String("visible") && b.size() == 4;
            if (f.visible)
                f.box = QRectF(b[0].toDouble(), b[1].toDouble(), b[2].toDouble(), b[3].toDouble());
            list.push_back(f);
        }
    }
    return out;
}

inline double boxIou(const QRectF &a, const QRectF &b)
{
    const QRectF i = a.intersected(b);
    if (i.isEmpty())
        return 0;
    const double inter = i.width() * i.height();
    return inter / (a.width() * a.height() + b.width() * b.height() - inter);
}

} // namespace vigie::test
