#include "app/cli/command.h"

#include "models/synth/generator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>
#include <unistd.h>

namespace vigie::cli {

namespace {

class SynthCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(vigie::cli::SynthCommand)

public:
    QString name() const override { return QStringLiteral("synth"); }
    QString summary() const override
    {
        return tr("Generate a synthetic campaign with its ground truth.");
    }
    void configure(OptionSet &parser) const override
    {
        parser.addOption({QStringLiteral("out"), tr("The campaign folder to write."), QStringLiteral("dir")});
        parser.addOption({QStringLiteral("seed"), tr("Seed (default 1)."), QStringLiteral("n"), QStringLiteral("1")});
        parser.addOption({QStringLiteral("duration"), tr("Seconds of campaign (default 60)."), QStringLiteral("seconds"), QStringLiteral("60")});
        parser.addOption({QStringLiteral("preset"), tr("easy, realistic (default) or hard."), QStringLiteral("preset"),
                          QStringLiteral("realistic")});
        parser.addOption({QStringLiteral("config"), tr("JSON file overriding the preset's settings."), QStringLiteral("file")});
        parser.addOption({QStringLiteral("contact-sheet"), tr("Also write a PNG grid of frames with the ground truth."),
                          QStringLiteral("png")});
        parser.addOption({QStringLiteral("rgb-1080p"), tr("RGB at 1920×1080 instead of 1280×720.")});
        parser.addOption({QStringLiteral("ir-output"), tr("video8 (default), png16 or ffv1-16."), QStringLiteral("kind"),
                          QStringLiteral("video8")});
    }

    int run(const QCommandLineParser &parser, Io &io) const override
    {
        if (!parser.positionalArguments().isEmpty())
            return usageError(io, name(), tr("unexpected argument '%1'").arg(parser.positionalArguments().first()));
        const QString out = parser.value(QStringLiteral("out"));
        if (out.isEmpty())
            return usageError(io, name(), tr("--out DIR is required"));
        bool ok = false;
        const std::uint64_t seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return usageError(io, name(), tr("--seed must be a whole number"));
        const double duration = parser.value(QStringLiteral("duration")).toDouble(&ok);
        if (!ok || duration <= 0 || duration > 3600)
            return usageError(io, name(), tr("--duration must be within (0, 3600] seconds"));
        const auto preset = synth::presetFromString(parser.value(QStringLiteral("preset")));
        if (!preset)
            return usageError(io, name(), tr("--preset must be easy, realistic or hard"));
        synth::Config config = synth::Config::forPreset(*preset, seed, duration);
        config.rgb1080 = parser.isSet(QStringLiteral("rgb-1080p"));
        QString error;
        if (!config.apply({{QStringLiteral("ir_output"), parser.value(QStringLiteral("ir-output"))}}, &error))
            return usageError(io, name(), error);
        if (parser.isSet(QStringLiteral("config"))) {
            QFile f(parser.value(QStringLiteral("config")));
            if (!f.open(QIODevice::ReadOnly))
                return failure(io, name(), QStringLiteral("%1: %2").arg(f.fileName(), f.errorString()));
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
            if (pe.error != QJsonParseError::NoError || !doc.isObject())
                return failure(io, name(), tr("%1: invalid JSON: %2").arg(f.fileName(), pe.errorString()));
            if (!config.apply(doc.object(), &error))
                return failure(io, name(), QStringLiteral("%1: %2").arg(f.fileName(), error));
        }
        QElapsedTimer timer;
        timer.start();
        int lastPercent = -1;
        const bool tty = isatty(fileno(stderr));
        const auto progress = [&](double fraction, const QString &what) {
            const int percent = int(fraction * 100);
            if (percent == lastPercent)
                return;
            lastPercent = percent;
            const int filled = percent * 30 / 100;
            const QString bar = QString(filled, QLatin1Char('#')) + QString(30 - filled, QLatin1Char(' '));
            if (tty)
                io.err << QStringLiteral("\r[%1] %2 % %3   ").arg(bar).arg(percent, 3).arg(what);
            else if (percent % 10 == 0)
                io.err << QStringLiteral("[%1] %2 % %3\n").arg(bar).arg(percent, 3).arg(what);
            io.err.flush();
        };
        if (!synth::generate(config, out, progress, &error))
            return failure(io, name(), error);
        if (tty)
            io.err << '\n';
        io.out << tr("%1: %2 campaign, seed %3, %4 s, generated in %5 s\n")
                      .arg(out, synth::toString(config.preset))
                      .arg(seed)
                      .arg(duration)
                      .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1);
        if (parser.isSet(QStringLiteral("contact-sheet"))) {
            if (!synth::contactSheet(out, parser.value(QStringLiteral("contact-sheet")), 5, &error))
                return failure(io, name(), error);
            io.out << tr("contact sheet: %1\n").arg(parser.value(QStringLiteral("contact-sheet")));
        }
        return Success;
    }
};

} // namespace

std::unique_ptr<Command> makeSynthCommand()
{
    return std::make_unique<SynthCommand>();
}

} // namespace vigie::cli
