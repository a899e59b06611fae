#include "app/cli/command.h"
#include "app/cli/jsonwriter.h"

#include "models/campaign.h"
#include "models/telemetry/nmea.h"
#include "models/telemetry/rtklibpos.h"
#include "models/telemetry/turretlog.h"

#include <QFile>

namespace vigie::cli {

namespace {

void writeReport(JsonWriter &w, const ParseReport &r)
{
    w.key("report").beginObject();
    w.key("file").value(r.file);
    w.key("format").value(r.format);
    w.key("lines_read").value(r.linesRead);
    w.key("accepted").value(r.accepted);
    w.key("skipped").value(r.skipped);
    w.key("rejected").value(r.rejected);
    w.key("counts").beginObject();
    for (auto it = r.counts.cbegin(); it != r.counts.cend(); ++it)
        w.key(it.key().toStdString()).value(it.value());
    w.endObject();
    w.key("issues").beginArray();
    for (const ParseIssue &issue : r.issues) {
        w.beginObject();
        w.key("line").value(issue.line);
        w.key("reason").value(issue.reason);
        w.endObject();
    }
    w.endArray();
    if (r.ok())
        w.key("error").null();
    else
        w.key("error").value(r.error);
    w.endObject();
}

class TelemetryCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(vigie::cli::TelemetryCommand)

public:
    QString name() const override { return QStringLiteral("telemetry"); }
    QString summary() const override
    {
        return tr("Parse a GNSS log (NMEA 0183, RTKLIB .pos) or a turret log and report it.");
    }
    void configure(OptionSet &parser) const override
    {
        parser.addPositionalArgument(QStringLiteral("file"), tr("The log to read."));
        parser.addOption({QStringLiteral("format"),
                          tr("auto (default), nmea, rtklib-pos or turret."),
                          QStringLiteral("format"), QStringLiteral("auto")});
        parser.addOption({QStringLiteral("date"),
                          tr("UTC date (YYYY-MM-DD) for NMEA logs without RMC or ZDA."),
                          QStringLiteral("date")});
        parser.addOption({QStringLiteral("json"),
                          tr("Write every fix and the report as JSON on standard output.")});
    }

    int run(const QCommandLineParser &parser, Io &io) const override
    {
        const QStringList args = parser.positionalArguments();
        if (args.size() != 1)
            return usageError(io, name(), tr("expected one log file"));
        const QString path = args.first();
        QString format = parser.value(QStringLiteral("format"));
        const QStringList formats{QStringLiteral("auto"), QStringLiteral("nmea"),
                                  QStringLiteral("rtklib-pos"), QStringLiteral("turret")};
        if (!formats.contains(format))
            return usageError(io, name(), tr("unknown format '%1'").arg(format));
        NmeaOptions options;
        if (parser.isSet(QStringLiteral("date"))) {
            const QString text = parser.value(QStringLiteral("date")) + QStringLiteral("T00:00:00Z");
            const auto date = UtcTime::parse(text);
            if (!date)
                return usageError(io, name(), tr("--date '%1' is not YYYY-MM-DD")
                                                  .arg(parser.value(QStringLiteral("date"))));
            options.assumedDate = date;
        }
        if (!QFile::exists(path))
            return failure(io, name(), tr("%1: no such file").arg(path));
        if (format == QLatin1String("auto")) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly)) {
                const QByteArray head = file.peek(4096);
                if (looksLikeRtklibPos(head))
                    format = QStringLiteral("rtklib-pos");
                else if (head.startsWith("utc,") || head.contains("\nutc,"))
                    format = QStringLiteral("turret");
                else
                    format = QStringLiteral("nmea");
            }
        }
        const bool json = parser.isSet(QStringLiteral("json"));
        if (format == QLatin1String("turret"))
            return turret(parseTurretLogFile(path), json, io);
        const GnssLog log = format == QLatin1String("rtklib-pos") ? parseRtklibPosFile(path)
                                                                  : parseNmeaFile(path, options);
        return gnss(log, json, io);
    }

private:
    int gnss(const GnssLog &log, bool json, Io &io) const
    {
        if (json) {
            std::string out;
            out.reserve(log.fixes.size() * 260 + 4096);
            JsonWriter w(out);
            w.beginObject();
            writeReport(w, log.report);
            w.key("fixes").beginArray();
            for (const GnssFix &f : log.fixes) {
                w.newline().beginObject();
                w.key("utc").value(f.utc.toIso());
                w.key("lat").value(f.latitudeDeg, 10);
                w.key("lon").value(f.longitudeDeg, 10);
                w.key("height_m").value(f.ellipsoidalHeightM, 4);
                w.key("alt_msl_m").value(f.mslAltitudeM, 4);
                w.key("quality").value(fixQualityName(f.quality));
                w.key("satellites").value(f.satellites);
                if (f.hasCovariance()) {
                    const auto &c = f.covarianceEnu;
                    w.key("sigma_enu_m").beginArray();
                    for (int i = 0; i < 3; ++i)
                        w.value(std::sqrt(std::max(0.0, c[size_t(i * 4)])), 4);
                    w.endArray();
                    w.key("covariance_enu_m2").beginArray();
                    for (double x : c)
                        w.value(x, 8);
                    w.endArray();
                }
                if (std::isfinite(f.velocityEnu[0])) {
                    w.key("velocity_enu_mps").beginArray();
                    for (double v : f.velocityEnu)
                        w.value(v, 4);
                    w.endArray();
                }
                w.key("line").value(f.line);
                w.endObject();
            }
            w.newline().endArray();
            w.endObject();
            out += '\n';
            io.raw(out);
        } else {
            summary(log.report, io);
            if (!log.fixes.empty()) {
                QMap<QString, int> byQuality;
                for (const GnssFix &f : log.fixes)
                    ++byQuality[QString::fromLatin1(fixQualityName(f.quality))];
                io.out << tr("%1 fixes from %2 to %3")
                              .arg(log.fixes.size())
                              .arg(log.fixes.front().utc.toIso(), log.fixes.back().utc.toIso())
                       << '\n';
                for (auto it = byQuality.cbegin(); it != byQuality.cend(); ++it)
                    io.out << QStringLiteral("  %1: %2\n").arg(it.key(), -15).arg(it.value());
            }
        }
        if (!log.report.ok())
            return failure(io, name(), QStringLiteral("%1: %2").arg(log.report.file, log.report.error));
        return Success;
    }

    int turret(const TurretLog &log, bool json, Io &io) const
    {
        if (json) {
            std::string out;
            JsonWriter w(out);
            w.beginObject();
            writeReport(w, log.report);
            w.key("samples").beginArray();
            for (const TurretSample &s : log.samples) {
                w.newline().beginObject();
                w.key("utc").value(s.utc.toIso());
                w.key("pan_deg").value(s.panDeg, 6);
                w.key("tilt_deg").value(s.tiltDeg, 6);
                w.key("roll_deg").value(s.rollDeg, 6);
                w.key("hfov_deg").beginObject();
                for (auto it = s.hfovDeg.cbegin(); it != s.hfovDeg.cend(); ++it)
                    w.key(it.key().toStdString()).value(it.value(), 6);
                w.endObject();
                w.key("line").value(s.line);
                w.endObject();
            }
            w.newline().endArray();
            w.endObject();
            out += '\n';
            io.raw(out);
        } else {
            summary(log.report, io);
            if (!log.samples.empty())
                io.out << tr("%1 samples from %2 to %3")
                              .arg(log.samples.size())
                              .arg(log.samples.front().utc.toIso(), log.samples.back().utc.toIso())
                       << '\n';
        }
        if (!log.report.ok())
            return failure(io, name(), QStringLiteral("%1: %2").arg(log.report.file, log.report.error));
        return Success;
    }

    void summary(const ParseReport &r, Io &io) const
    {
        io.out << r.file << " (" << r.format << "): " << r.summary() << '\n';
        for (const ParseIssue &issue : r.issues.mid(0, 20))
            io.out << QStringLiteral("  line %1: %2\n").arg(issue.line).arg(issue.reason);
        if (r.rejected > 20)
            io.out << tr("  ... and %1 more rejected lines").arg(r.rejected - 20) << '\n';
    }
};

} // namespace

std::unique_ptr<Command> makeTelemetryCommand()
{
    return std::make_unique<TelemetryCommand>();
}

} // namespace vigie::cli
