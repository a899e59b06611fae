#include "app/cli/command.h"

#include "database/dataset.h"
#include "database/datasetsession.h"
#include "models/annotation/transfer.h"
#include "models/campaign.h"
#include "models/media/campaignvideo.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>

namespace vigie::cli {

namespace {

/// `vigie-cli transfer`: the workstation's key B from the command line. Every box of the
/// campaign's class that the analysts accepted on one camera (and every accepted tracked or
/// interpolated one) is carried to the other camera as a proposal (source transfer), through the
/// mounting fitted from the instants where both cameras hold the analysts' boxes. The transfer
/// proposals of the class already there give way; a frame holding a box that is not a proposal
/// gets nothing. One transaction.
class TransferCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(vigie::cli::TransferCommand)

public:
    QString name() const override { return QStringLiteral("transfer"); }
    QString summary() const override { return tr("Carry the analysts' boxes of one camera to the other (key B)."); }
    void configure(OptionSet &parser) const override
    {
        parser.addPositionalArgument(QStringLiteral("campaign"), tr("campaign.json"));
        parser.addOption({QStringLiteral("db"), tr("The dataset holding the boxes; the proposals go there."), QStringLiteral("file")});
        parser.addOption({QStringLiteral("from"), tr("Camera name or modality carried from (default ir)."), QStringLiteral("camera"),
                          QStringLiteral("ir")});
        parser.addOption({QStringLiteral("to"), tr("Camera carried to (default rgb)."), QStringLiteral("camera"), QStringLiteral("rgb")});
        parser.addOption({QStringLiteral("min-pairs"),
                          tr("Instants with boxes on both cameras before the mounting is refined (default 5)."),
                          QStringLiteral("n"), QStringLiteral("5")});
        parser.addOption({QStringLiteral("json"), tr("Machine-readable output.")});
    }

    int run(const QCommandLineParser &parser, Io &io) const override
    {
        bool ok = false;
        TransferOptions options;
        options.minPairs = parser.value(QStringLiteral("min-pairs")).toInt(&ok);
        if (!ok || options.minPairs < 1)
            return usageError(io, name(), tr("--min-pairs must be a whole number of at least 1"));
        int exitCode = Success;
        auto opened = openCampaignWithDataset(parser, io, name(), &exitCode);
        if (!opened)
            return exitCode;
        const QString &manifest = opened->manifest;
        const std::shared_ptr<const Campaign> campaign = opened->campaign;
        db::Dataset *dataset = opened->dataset.get();
        QString error;
        const int from = jobs::cameraIndex(*campaign, parser.value(QStringLiteral("from")));
        const int to = jobs::cameraIndex(*campaign, parser.value(QStringLiteral("to")));
        if (from < 0 || to < 0)
            return failure(io, name(), tr("%1: no camera '%2'")
                                           .arg(manifest, parser.value(from < 0 ? QStringLiteral("from") : QStringLiteral("to"))));
        if (from == to)
            return usageError(io, name(), tr("--from and --to name the same camera"));
        db::RegisteredCamera sending, receiving;
        if (!registerCampaignCamera(*dataset, *campaign, manifest, from, &sending, &error)
            || !registerCampaignCamera(*dataset, *campaign, manifest, to, &receiving, &error))
            return failure(io, name(), error);
        const QString className = campaign->manifest().targetClass;
        const auto classId = dataset->ensureClass(className, &error);
        if (!classId)
            return failure(io, name(), error);

        // Both cameras' boxes of the class, as annotations on frame indices.
        auto boxesOf = [&](const db::RegisteredCamera &registered, int camera) {
            std::map<std::int64_t, std::int64_t> indexOf;
            for (std::size_t i = 0; i < registered.frameIds.size(); ++i)
                indexOf[registered.frameIds[i]] = std::int64_t(i);
            std::vector<Annotation> out;
            for (const db::BoxRecord &b : dataset->boxesOfCamera(registered.id)) {
                const auto it = indexOf.find(b.frameId);
                if (b.classId != *classId || it == indexOf.end())
                    continue;
                Annotation a;
                a.handle = b.id;
                a.camera = camera;
                a.frame = it->second;
                a.rect = QRectF(b.x, b.y, b.w, b.h);
                a.className = className;
                a.source = b.source;
                a.state = b.state;
                a.confidence = b.confidence;
                out.push_back(a);
            }
            return out;
        };
        const std::vector<Annotation> fromBoxes = boxesOf(sending, from);
        const std::vector<Annotation> toBoxes = boxesOf(receiving, to);

        BoxTransfer transfer(*campaign, from, to, std::int64_t(sending.frameIds.size()), std::int64_t(receiving.frameIds.size()),
                             options);
        transfer.setSendingBoxes(fromBoxes);
        const MountingFit &fit = transfer.fit(toBoxes);

        // Where they land, as in the workstation: the receiving camera's boxes by frame (handles
        // are the dataset's ids).
        const std::int64_t offered = std::count_if(fromBoxes.begin(), fromBoxes.end(), &BoxTransfer::carriesOver);
        const std::vector<Annotation> carried = transfer.carryAll(fromBoxes);
        const std::int64_t outside = offered - std::int64_t(carried.size());
        std::map<std::int64_t, std::vector<Annotation>> toByFrame;
        for (const Annotation &b : toBoxes)
            toByFrame[b.frame].push_back(b);
        const TransferPlacement placed = placeTransfers(carried, [&](int, std::int64_t frame) {
            const auto it = toByFrame.find(frame);
            return it == toByFrame.end() ? std::vector<Annotation>{} : it->second;
        });
        const QString author = QStringLiteral("vigie-cli transfer");
        std::vector<db::BoxRecord> records;
        for (const Annotation &a : placed.added)
            records.push_back(db::boxRecordOf(a, receiving.frameIds[size_t(a.frame)], *classId, author));
        const auto &old = placed.replaced;
        const std::int64_t kept = placed.blocked;
        const bool written = dataset->transaction(
            [&](QString *e) {
                for (const Annotation &a : old)
                    if (!dataset->deleteBox(a.handle, author, e))
                        return false;
                return records.empty() || dataset->createBoxes(records, e);
            },
            &error);
        if (!written)
            return failure(io, name(), error);

        const QString fromName = campaign->manifest().cameras[size_t(from)].name;
        const QString toName = campaign->manifest().cameras[size_t(to)].name;
        if (parser.isSet(QStringLiteral("json"))) {
            io.out << QJsonDocument(QJsonObject{{QStringLiteral("from"), fromName},
                                                {QStringLiteral("to"), toName},
                                                {QStringLiteral("offered"), qint64(offered)},
                                                {QStringLiteral("boxes"), qint64(records.size())},
                                                {QStringLiteral("replaced"), qint64(old.size())},
                                                {QStringLiteral("kept_analyst_frames"), qint64(kept)},
                                                {QStringLiteral("no_counterpart_or_outside"), qint64(outside)},
                                                {QStringLiteral("mounting"),
                                                 QJsonObject{{QStringLiteral("pairs"), fit.pairs},
                                                             {QStringLiteral("used"), fit.used},
                                                             {QStringLiteral("pan_deg"), fit.correction.panDeg},
                                                             {QStringLiteral("tilt_deg"), fit.correction.tiltDeg},
                                                             {QStringLiteral("roll_deg"), fit.correction.rollDeg},
                                                             {QStringLiteral("roll_fitted"), fit.rollFitted},
                                                             {QStringLiteral("median_before_px"), fit.medianBeforePx},
                                                             {QStringLiteral("median_after_px"), fit.medianAfterPx}}}})
                          .toJson();
        } else {
            io.out << tr("%1 boxes carried from %2 to %3 as proposals (%4 replaced; %5 frames kept the analyst's box; %6 had "
                         "no counterpart frame or fell outside the image)")
                          .arg(records.size())
                          .arg(fromName, toName)
                          .arg(old.size())
                          .arg(kept)
                          .arg(outside)
                   << Qt::endl;
            io.out << (fit.used > 0 ? tr("mounting refined from %1 of %2 instants with boxes on both cameras: pan %3°, tilt %4°, "
                                         "roll %5°; median centre residual %6 px → %7 px")
                                          .arg(fit.used)
                                          .arg(fit.pairs)
                                          .arg(fit.correction.panDeg, 0, 'f', 4)
                                          .arg(fit.correction.tiltDeg, 0, 'f', 4)
                                          .arg(fit.correction.rollDeg, 0, 'f', 3)
                                          .arg(fit.medianBeforePx, 0, 'f', 2)
                                          .arg(fit.medianAfterPx, 0, 'f', 2)
                                    : tr("mounting as in the manifest: %1 of the %2 instants with boxes on both cameras needed "
                                         "to refine it")
                                          .arg(fit.pairs)
                                          .arg(options.minPairs))
                   << Qt::endl;
        }
        return Success;
    }
};

} // namespace

std::unique_ptr<Command> makeTransferCommand()
{
    return std::make_unique<TransferCommand>();
}

} // namespace vigie::cli
