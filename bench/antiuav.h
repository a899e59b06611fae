#pragma once

// What every Anti-UAV benchmark reads the same way (../shared/fixtures/anti-uav-ir): the ground
// truth (one tab-separated x, y, w, h line per frame; a line without four fields is a frame
// without target), the IR frames in grey with the burned-in overlays suppressed as the networks
// see them, and issue 16's criterion for a box an analyst accepts.

#include "inference/weaklabels.h"
#include "models/campaign.h"
#include "models/media/campaignvideo.h"
#include "models/media/videodecoder.h"
#include "tests/testcampaign.h"

#include <QFile>
#include <QImage>
#include <QRectF>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace vigie::bench {

struct AntiUavSequence
{
    QString name;
    std::vector<QImage> frames; ///< grey, overlays suppressed (empty when not decoded)
    std::vector<QRectF> truth;  ///< per frame; empty: no target
};

inline bool readAntiUavTruth(const QString &path, std::vector<QRectF> *truth, QString *error)
{
    QFile gt(path);
    if (!gt.open(QIODevice::ReadOnly)) {
        *error = gt.fileName() + QStringLiteral(": ") + gt.errorString();
        return false;
    }
    QTextStream in(&gt);
    while (!in.atEnd()) {
        const QStringList f = in.readLine().split(QLatin1Char('\t'), Qt::SkipEmptyParts);
        truth->push_back(f.size() == 4 ? QRectF(f[0].toDouble(), f[1].toDouble(), f[2].toDouble(), f[3].toDouble()) : QRectF());
    }
    return true;
}

/// `dir/name.gt.txt` and, when `decode`, `dir/name.avi`, trimmed to the frames both have.
inline bool loadAntiUav(const QString &dir, const QString &name, AntiUavSequence *seq, QString *error, bool decode = true)
{
    seq->name = name;
    if (!readAntiUavTruth(dir + QLatin1Char('/') + name + QStringLiteral(".gt.txt"), &seq->truth, error))
        return false;
    if (!decode)
        return true;
    const QString video = dir + QLatin1Char('/') + name + QStringLiteral(".avi");
    const QImage overlay = inference::staticOverlayMask(video, true, error);
    media::VideoDecoder::Options o;
    o.output = media::PixelOutput::Thermal;
    auto decoder = media::VideoDecoder::open(video, o, error);
    if (!decoder)
        return false;
    while (auto f = decoder->next(error)) {
        QImage g = f->image.convertToFormat(QImage::Format_Grayscale8);
        inference::suppressOverlay(&g, overlay);
        seq->frames.push_back(g);
    }
    const std::size_t n = std::min(seq->truth.size(), seq->frames.size());
    seq->truth.resize(n);
    seq->frames.resize(n);
    return true;
}

/// A sequence's truth (not its frames) and a campaign around its video, for the jobs that need one
/// (tracking): the video as its IR camera (camera 1), a clock for every frame, a still target
/// (tests/testcampaign.h) whose projection nothing here uses. Written into `work`.
inline std::shared_ptr<const Campaign> loadAntiUavCampaign(const QString &dir, const QString &name, AntiUavSequence *seq,
                                                           const QTemporaryDir &work, QString *error)
{
    if (!loadAntiUav(dir, name, seq, error, false))
        return nullptr;
    test::CampaignSpec spec;
    spec.seconds = double(seq->truth.size()) / 25.0 + 1.0;
    const QString manifest = test::writeCampaign(work.path(), spec);
    if (!QFile::copy(dir + QLatin1Char('/') + name + QStringLiteral(".avi"), work.filePath(QStringLiteral("ir.mkv")))) {
        *error = QStringLiteral("cannot copy %1 into %2").arg(name, work.path());
        return nullptr;
    }
    return media::openCampaign(manifest, error);
}

inline double boxIou(const QRectF &a, const QRectF &b)
{
    const QRectF i = a.intersected(b);
    const double inter = i.isEmpty() ? 0 : i.width() * i.height();
    const double uni = a.width() * a.height() + b.width() * b.height() - inter;
    return uni > 0 ? inter / uni : 0;
}

/// Issue 16's criterion: the centre within 3 px of the truth's and IoU ≥ 0.3 (2 px of jitter on a
/// 15×10 px drone already costs IoU 0.5).
inline bool rightForAnalyst(const QRectF &box, const QRectF &truth)
{
    const QPointF d = box.center() - truth.center();
    return std::hypot(d.x(), d.y()) <= 3.0 && boxIou(box, truth) >= 0.3;
}

} // namespace vigie::bench
