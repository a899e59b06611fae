#pragma once

// Import and export in the formats training frameworks read (docs/DATASET.md has the layouts).
//
// Export writes only inside its target folder, with names Vigie builds itself, and splits the
// frames into train/val/test by sequence (one camera of one campaign), deterministically from
// the sequence's name, so that neighbouring frames never straddle splits. Import checks
// everything before writing anything: the whole import is one transaction, and a malformed file,
// a box outside its image, an unknown class, a missing frame or a file name that escapes the
// folder stops it with the file, the line (or JSON path) and the reason.

#include "database/dataset.h"

#include <QImage>
#include <QMap>
#include <QSize>

#include <functional>

namespace vigie::db {

enum class ExchangeFormat { Coco, Yolo, Voc, Mot, AntiUav, AntiUavText };
std::optional<ExchangeFormat> exchangeFormatFromString(QStringView name);
QString toString(ExchangeFormat format);
QStringList exchangeFormatNames();

struct SplitRatios
{
    double train = 0.7, val = 0.15, test = 0.15;
};
/// "train", "val" or "test" for a sequence name; the same name always gives the same split.
QString splitOf(const QString &sequence, const SplitRatios &ratios);

/// A frame's pixels for export: the CLI decodes them from the campaign's video.
using FrameProvider = std::function<QImage(const CameraRecord &camera, std::int64_t frameIndex,
                                           QString *error)>;

struct ExportFilter
{
    QList<BoxState> states{BoxState::Accepted, BoxState::Corrected};
    QList<BoxSource> sources;  ///< empty: all
    QStringList cameras;       ///< camera names; empty: all
    QStringList classes;       ///< class names; empty: all
};

struct ExportOptions
{
    ExchangeFormat format = ExchangeFormat::Coco;
    QString outDir;
    ExportFilter filter;
    QString imageFormat = QStringLiteral("png"); ///< "png", "jpg", or "none" (annotations only)
    SplitRatios split;
    FrameProvider frames;                        ///< required unless imageFormat is "none"
    std::function<bool(std::int64_t done, std::int64_t total)> progress; ///< false cancels
};

struct ExportReport
{
    std::int64_t sequences = 0, images = 0, boxes = 0, droppedBoxes = 0;
    QMap<QString, QString> splits; ///< sequence → split
};

bool exportDataset(const Dataset &dataset, const ExportOptions &options, ExportReport *report,
                   QString *error);

struct ImportOptions
{
    ExchangeFormat format = ExchangeFormat::Coco;
    QString input;              ///< the folder an export wrote, or the file (COCO JSON, .gt.txt)
    QString campaign = QStringLiteral("imported");
    QString author = QStringLiteral("import");
    BoxState state = BoxState::Accepted;
    BoxSource source = BoxSource::Manual;
    QString className = QStringLiteral("drone"); ///< for formats without class names
    // Anti-UAV text only: the video the boxes belong to.
    QString videoPath;
    QSize frameSize;            ///< required for Anti-UAV text (the video's size)
    std::int64_t frameCount = -1; ///< when known, must match the number of lines
};

struct ImportReport
{
    std::int64_t sequences = 0, frames = 0, boxes = 0;
    QStringList classes;
};

bool importDataset(Dataset &dataset, const ImportOptions &options, ImportReport *report,
                   QString *error);

} // namespace vigie::db
