#include "app/cli/command.h"

#include "database/dataset.h"
#include "database/exchange.h"
#include "models/media/videodecoder.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

namespace vigie::cli {

namespace {

using namespace vigie::db;

class DbCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(vigie::cli::DbCommand)

public:
    QString name() const override { return QStringLiteral("db"); }
    QString summary() const override
    {
        return tr("Manage a dataset: init, info, check, import, export.");
    }
    void configure(OptionSet &parser) const override
    {
        parser.addPositionalArgument(QStringLiteral("action"), tr("init, info, check, import or export."));
        parser.addPositionalArgument(QStringLiteral("dataset"), tr("The dataset file (.vigie)."));
        parser.addPositionalArgument(QStringLiteral("input"), tr("import: the file or folder to read."), QStringLiteral("[input]"));
        parser.addOption({QStringLiteral("json"), tr("info, check: write JSON.")});
        parser.addOption({QStringLiteral("format"), tr("import, export: %1.").arg(exchangeFormatNames().join(QStringLiteral(", "))),
                          QStringLiteral("format")});
        parser.addOption({QStringLiteral("out"), tr("export: the folder to write."), QStringLiteral("dir")});
        parser.addOption({QStringLiteral("images"), tr("export: png (default), jpg, or none."), QStringLiteral("kind"),
                          QStringLiteral("png")});
        parser.addOption({QStringLiteral("state"), tr("export: box states to include (default accepted,corrected); "
                                                      "import: the state given to boxes (default accepted)."),
                          QStringLiteral("list")});
        parser.addOption({QStringLiteral("source"), tr("export: box sources to include (default all); import: the source "
                                                       "given to boxes (default manual)."),
                          QStringLiteral("list")});
        parser.addOption({QStringLiteral("camera"), tr("export: cameras to include (default all)."), QStringLiteral("list")});
        parser.addOption({QStringLiteral("class"), tr("export: classes to include (default all); import: the class of "
                                                      "formats without class names (default drone)."),
                          QStringLiteral("list")});
        parser.addOption({QStringLiteral("split"), tr("export: train,val,test ratios by sequence (default 0.7,0.15,0.15)."),
                          QStringLiteral("ratios"), QStringLiteral("0.7,0.15,0.15")});
        parser.addOption({QStringLiteral("campaign"), tr("import: the campaign name to import under (default: imported)."),
                          QStringLiteral("name"), QStringLiteral("imported")});
        parser.addOption({QStringLiteral("video"), tr("import anti-uav-txt: the video the boxes belong to."), QStringLiteral("file")});
        parser.addOption({QStringLiteral("size"), tr("import: frame size WxH when the files do not say it."), QStringLiteral("WxH")});
    }

    int run(const QCommandLineParser &parser, Io &io) const override
    {
        const QStringList args = parser.positionalArguments();
        if (args.size() < 2)
            return usageError(io, name(), tr("expected an action and a dataset"));
        const QString action = args[0], path = args[1];
        const QStringList actions{QStringLiteral("init"), QStringLiteral("info"), QStringLiteral("check"),
                                  QStringLiteral("import"), QStringLiteral("export")};
        if (!actions.contains(action))
            return usageError(io, name(), tr("unknown action '%1'").arg(action));
        if (action == QLatin1String("import") ? args.size() != 3 : args.size() != 2)
            return usageError(io, name(), tr("%1 takes %2").arg(action, action == QLatin1String("import")
                                                                               ? tr("a dataset and an input")
                                                                               : tr("a dataset")));
        QString error;
        const auto mode = action == QLatin1String("init") ? Dataset::OpenMode::CreateIfMissing : Dataset::OpenMode::MustExist;
        if (action == QLatin1String("init") && QFileInfo::exists(path))
            return failure(io, name(), tr("%1: already exists").arg(path));
        auto ds = Dataset::open(path, mode, &error);
        if (!ds)
            return failure(io, name(), error);
        if (action == QLatin1String("init")) {
            io.out << tr("%1: new dataset, schema version %2").arg(path).arg(ds->schemaVersion()) << '\n';
            return Success;
        }
        if (action == QLatin1String("info"))
            return info(*ds, parser.isSet(QStringLiteral("json")), io);
        if (action == QLatin1String("check"))
            return check(*ds, parser.isSet(QStringLiteral("json")), io);
        const auto format = exchangeFormatFromString(parser.value(QStringLiteral("format")));
        if (!format)
            return usageError(io, name(), tr("--format must be one of %1").arg(exchangeFormatNames().join(QStringLiteral(", "))));
        if (action == QLatin1String("import"))
            return import(*ds, *format, args[2], parser, io);
        return exportTo(*ds, *format, parser, io);
    }

private:
    int info(const Dataset &ds, bool json, Io &io) const
    {
        const DatasetInfo i = ds.info();
        QJsonObject sources, states;
        for (int s = 0; s < boxSourceCount; ++s)
            sources.insert(QString::fromLatin1(toString(BoxSource(s))), qint64(i.boxesBySource[s]));
        for (int s = 0; s < 4; ++s)
            states.insert(QString::fromLatin1(toString(BoxState(s))), qint64(i.boxesByState[s]));
        const QJsonObject o{{QStringLiteral("path"), ds.path()},
                            {QStringLiteral("schema_version"), i.schemaVersion},
                            {QStringLiteral("campaigns"), qint64(i.campaigns)},
                            {QStringLiteral("cameras"), qint64(i.cameras)},
                            {QStringLiteral("frames"), qint64(i.frames)},
                            {QStringLiteral("classes"), qint64(i.classes)},
                            {QStringLiteral("boxes"), qint64(i.boxes)},
                            {QStringLiteral("history"), qint64(i.history)},
                            {QStringLiteral("models"), qint64(i.models)},
                            {QStringLiteral("boxes_by_source"), sources},
                            {QStringLiteral("boxes_by_state"), states}};
        if (json) {
            io.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
            return Success;
        }
        io.out << tr("%1: schema %2, %3 campaigns, %4 cameras, %5 frames, %6 classes, %7 boxes, %8 history entries, %9 models\n")
                      .arg(ds.path())
                      .arg(i.schemaVersion)
                      .arg(i.campaigns)
                      .arg(i.cameras)
                      .arg(i.frames)
                      .arg(i.classes)
                      .arg(i.boxes)
                      .arg(i.history)
                      .arg(i.models);
        return Success;
    }

    int check(const Dataset &ds, bool json, Io &io) const
    {
        const QStringList problems = ds.integrityCheck();
        if (json) {
            io.out << QJsonDocument(QJsonObject{{QStringLiteral("path"), ds.path()},
                                                {QStringLiteral("ok"), problems.isEmpty()},
                                                {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}})
                          .toJson(QJsonDocument::Indented);
        } else {
            io.out << (problems.isEmpty() ? tr("%1: ok").arg(ds.path()) : tr("%1: %2 problems").arg(ds.path()).arg(problems.size()))
                   << '\n';
            for (const QString &p : problems.mid(0, 50))
                io.out << QStringLiteral("  ") << p << '\n';
        }
        if (!problems.isEmpty())
            return failure(io, name(), tr("%1: integrity check failed: %2").arg(ds.path(), problems.first()));
        return Success;
    }

    static std::optional<QSize> parseSize(const QString &text)
    {
        const QStringList p = text.split(QLatin1Char('x'));
        bool a = false, b = false;
        if (p.size() != 2)
            return std::nullopt;
        const QSize s(p[0].toInt(&a), p[1].toInt(&b));
        return a && b && s.width() > 0 && s.height() > 0 ? std::optional<QSize>(s) : std::nullopt;
    }

    int import(Dataset &ds, ExchangeFormat format, const QString &input, const QCommandLineParser &parser, Io &io) const
    {
        ImportOptions o;
        o.format = format;
        o.input = input;
        o.campaign = parser.value(QStringLiteral("campaign"));
        if (parser.isSet(QStringLiteral("class")))
            o.className = parser.value(QStringLiteral("class"));
        if (parser.isSet(QStringLiteral("state"))) {
            const auto s = boxStateFromString(parser.value(QStringLiteral("state")));
            if (!s)
                return usageError(io, name(), tr("unknown state '%1'").arg(parser.value(QStringLiteral("state"))));
            o.state = *s;
        }
        if (parser.isSet(QStringLiteral("source"))) {
            const auto s = boxSourceFromString(parser.value(QStringLiteral("source")));
            if (!s)
                return usageError(io, name(), tr("unknown source '%1'").arg(parser.value(QStringLiteral("source"))));
            o.source = *s;
        }
        if (parser.isSet(QStringLiteral("size"))) {
            const auto s = parseSize(parser.value(QStringLiteral("size")));
            if (!s)
                return usageError(io, name(), tr("--size must be WxH"));
            o.frameSize = *s;
        }
        if (parser.isSet(QStringLiteral("video"))) {
            QString error;
            const QString video = QFileInfo(parser.value(QStringLiteral("video"))).absoluteFilePath();
            auto decoder = media::VideoDecoder::open(video, {}, &error);
            if (!decoder)
                return failure(io, name(), error);
            o.videoPath = video;
            o.frameSize = QSize(decoder->info().width, decoder->info().height);
            o.frameCount = decoder->info().frameCount;
        }
        ImportReport report;
        QString error;
        if (!importDataset(ds, o, &report, &error))
            return failure(io, name(), error);
        io.out << tr("imported %1 boxes on %2 frames of %3 sequences (classes: %4) as campaign '%5'\n")
                      .arg(report.boxes)
                      .arg(report.frames)
                      .arg(report.sequences)
                      .arg(report.classes.join(QStringLiteral(", ")), o.campaign);
        return Success;
    }

    int exportTo(const Dataset &ds, ExchangeFormat format, const QCommandLineParser &parser, Io &io) const
    {
        ExportOptions o;
        o.format = format;
        o.outDir = parser.value(QStringLiteral("out"));
        if (o.outDir.isEmpty())
            return usageError(io, name(), tr("export needs --out DIR"));
        o.imageFormat = parser.value(QStringLiteral("images"));
        auto list = [&](const char *option) {
            return parser.value(QString::fromLatin1(option)).split(QLatin1Char(','), Qt::SkipEmptyParts);
        };
        if (parser.isSet(QStringLiteral("state"))) {
            o.filter.states.clear();
            for (const QString &s : list("state")) {
                const auto state = boxStateFromString(s.trimmed());
                if (!state)
                    return usageError(io, name(), tr("unknown state '%1'").arg(s));
                o.filter.states << *state;
            }
        }
        for (const QString &s : list("source")) {
            const auto source = boxSourceFromString(s.trimmed());
            if (!source)
                return usageError(io, name(), tr("unknown source '%1'").arg(s));
            o.filter.sources << *source;
        }
        o.filter.cameras = list("camera");
        o.filter.classes = list("class");
        const QStringList ratios = list("split");
        bool ok = ratios.size() == 3;
        double r[3] = {0, 0, 0};
        for (int i = 0; ok && i < 3; ++i) {
            r[i] = ratios[i].toDouble(&ok);
            ok = ok && r[i] >= 0;
        }
        if (!ok || r[0] + r[1] + r[2] <= 0)
            return usageError(io, name(), tr("--split must be three ratios, as 0.7,0.15,0.15"));
        o.split = {r[0], r[1], r[2]};

        // Frames come from each camera's video, decoded on demand, one decoder per camera.
        std::map<std::int64_t, std::unique_ptr<media::VideoDecoder>> decoders;
        const QString datasetDir = QFileInfo(ds.path()).absolutePath();
        o.frames = [&](const CameraRecord &camera, std::int64_t index, QString *why) -> QImage {
            auto it = decoders.find(camera.id);
            if (it == decoders.end()) {
                QString video = camera.videoPath;
                if (video.isEmpty()) {
                    *why = tr("camera '%1' has no video").arg(camera.name);
                    return {};
                }
                if (QFileInfo(video).isRelative())
                    video = QDir(datasetDir).filePath(video);
                auto decoder = media::VideoDecoder::open(video, {}, why);
                if (!decoder)
                    return {};
                it = decoders.emplace(camera.id, std::move(decoder)).first;
            }
            const auto frame = it->second->frame(index, why);
            return frame ? frame->image : QImage();
        };
        std::int64_t lastPercent = -1;
        o.progress = [&](std::int64_t done, std::int64_t total) {
            const std::int64_t percent = total ? done * 100 / total : 100;
            if (percent != lastPercent && percent % 10 == 0) {
                io.err << tr("exporting: %1 %").arg(percent) << '\n';
                io.err.flush();
                lastPercent = percent;
            }
            return true;
        };
        ExportReport report;
        QString error;
        if (!exportDataset(ds, o, &report, &error))
            return failure(io, name(), error);
        io.out << tr("exported %1 boxes on %2 images of %3 sequences to %4 (%5)\n")
                      .arg(report.boxes)
                      .arg(report.images)
                      .arg(report.sequences)
                      .arg(o.outDir, toString(format));
        for (auto it = report.splits.cbegin(); it != report.splits.cend(); ++it)
            io.out << QStringLiteral("  %1: %2\n").arg(it.key(), it.value());
        if (report.droppedBoxes > 0)
            io.out << tr("  %1 boxes left out: the format holds one target per frame").arg(report.droppedBoxes) << '\n';
        return Success;
    }
};

} // namespace

std::unique_ptr<Command> makeDbCommand()
{
    return std::make_unique<DbCommand>();
}

} // namespace vigie::cli
