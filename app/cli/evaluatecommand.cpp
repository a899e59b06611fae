#include "app/cli/command.h"

#include "inference/cocoeval.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigie::cli {

namespace {

/// `vigie-cli evaluate --coco-gt GT.json --coco-dt DETECTIONS.json`: any COCO pair, with the
/// figures pycocotools' COCOeval prints, so that Vigie's numbers can be checked against other
/// tools, plus the VOC APs per category.
class EvaluateCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(vigie::cli::EvaluateCommand)

public:
    QString name() const override { return QStringLiteral("evaluate"); }
    QString summary() const override
    {
        return tr("Evaluate COCO detections against COCO ground truth (COCOeval's 12 figures, VOC AP).");
    }
    void configure(OptionSet &parser) const override
    {
        parser.addOption({QStringLiteral("coco-gt"), tr("Ground truth in COCO format."), QStringLiteral("file")});
        parser.addOption({QStringLiteral("coco-dt"), tr("Detections in COCO result format."), QStringLiteral("file")});
        parser.addOption({QStringLiteral("json"), tr("Machine-readable output.")});
    }

    int run(const QCommandLineParser &parser, Io &io) const override
    {
        const QString gtPath = parser.value(QStringLiteral("coco-gt"));
        const QString dtPath = parser.value(QStringLiteral("coco-dt"));
        if (gtPath.isEmpty() || dtPath.isEmpty())
            return usageError(io, name(), tr("--coco-gt GT.json and --coco-dt DETECTIONS.json are required"));
        QString error;
        const auto gt = inference::coco::loadGroundTruth(gtPath, &error);
        if (!gt)
            return failure(io, name(), error);
        const auto dt = inference::coco::loadDetections(dtPath, *gt, &error);
        if (!dt)
            return failure(io, name(), error);
        const inference::coco::Result r = inference::coco::evaluate(*gt, *dt);
        const QStringList names = inference::coco::statNames();

        QJsonArray voc;
        for (std::int64_t category : gt->categoryIds) {
            const auto curve = inference::coco::vocCurve(*gt, *dt, category, 0.5);
            voc.append(QJsonObject{{QStringLiteral("category_id"), double(category)},
                                   {QStringLiteral("positives"), curve.positives},
                                   {QStringLiteral("ap11"), inference::coco::vocAveragePrecision(curve, true)},
                                   {QStringLiteral("ap_all"), inference::coco::vocAveragePrecision(curve, false)}});
        }
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonObject stats;
            QJsonArray list;
            for (int i = 0; i < names.size(); ++i) {
                stats.insert(names[i], r.stats[std::size_t(i)]);
                list.append(r.stats[std::size_t(i)]);
            }
            const QJsonObject root{{QStringLiteral("ground_truth"), gtPath},
                                   {QStringLiteral("detections"), dtPath},
                                   {QStringLiteral("images"), int(gt->imageIds.size())},
                                   {QStringLiteral("ground_truth_boxes"), int(gt->boxes.size())},
                                   {QStringLiteral("detection_boxes"), int(dt->size())},
                                   {QStringLiteral("stats"), list},
                                   {QStringLiteral("coco"), stats},
                                   {QStringLiteral("voc_iou50"), voc}};
            io.out << QJsonDocument(root).toJson(QJsonDocument::Indented);
            return Success;
        }
        // COCOeval.summarize()'s layout.
        static const char *const lines[12] = {
            " Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = %1",
            " Average Precision  (AP) @[ IoU=0.50      | area=   all | maxDets=100 ] = %1",
            " Average Precision  (AP) @[ IoU=0.75      | area=   all | maxDets=100 ] = %1",
            " Average Precision  (AP) @[ IoU=0.50:0.95 | area= small | maxDets=100 ] = %1",
            " Average Precision  (AP) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ] = %1",
            " Average Precision  (AP) @[ IoU=0.50:0.95 | area= large | maxDets=100 ] = %1",
            " Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=  1 ] = %1",
            " Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets= 10 ] = %1",
            " Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = %1",
            " Average Recall     (AR) @[ IoU=0.50:0.95 | area= small | maxDets=100 ] = %1",
            " Average Recall     (AR) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ] = %1",
            " Average Recall     (AR) @[ IoU=0.50:0.95 | area= large | maxDets=100 ] = %1",
        };
        io.out << tr("%1 images, %2 ground-truth boxes, %3 detections\n")
                      .arg(gt->imageIds.size())
                      .arg(gt->boxes.size())
                      .arg(dt->size());
        for (int i = 0; i < 12; ++i)
            io.out << QString::fromLatin1(lines[i]).arg(r.stats[std::size_t(i)], 0, 'f', 3) << '\n';
        for (const auto &v : voc) {
            const QJsonObject o = v.toObject();
            io.out << tr("VOC AP@0.5, category %1 (%2 boxes): 11-point %3, all-point %4\n")
                          .arg(o.value(QStringLiteral("category_id")).toInteger())
                          .arg(o.value(QStringLiteral("positives")).toInt())
                          .arg(o.value(QStringLiteral("ap11")).toDouble(), 0, 'f', 3)
                          .arg(o.value(QStringLiteral("ap_all")).toDouble(), 0, 'f', 3);
        }
        return Success;
    }
};

} // namespace

std::unique_ptr<Command> makeEvaluateCommand()
{
    return std::make_unique<EvaluateCommand>();
}

} // namespace vigie::cli
