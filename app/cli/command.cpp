#include "app/cli/command.h"

#include "database/dataset.h"
#include "models/buildinfo.h"
#include "models/campaign.h"
#include "models/media/campaignvideo.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vigie::cli {

namespace {
const QString program = QStringLiteral("vigie-cli");
}

void Io::raw(std::string_view bytes)
{
    out.flush();
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
}

int usageError(Io &io, const QString &command, const QString &message)
{
    io.err << program << (command.isEmpty() ? QString() : QLatin1Char(' ') + command) << ": "
           << message << Qt::endl;
    return UsageError;
}

int failure(Io &io, const QString &command, const QString &message)
{
    io.err << program << (command.isEmpty() ? QString() : QLatin1Char(' ') + command) << ": "
           << message << Qt::endl;
    return Failure;
}

CampaignWithDataset::CampaignWithDataset() = default;
CampaignWithDataset::CampaignWithDataset(CampaignWithDataset &&) noexcept = default;
CampaignWithDataset::~CampaignWithDataset() = default;

std::optional<CampaignWithDataset> openCampaignWithDataset(const QCommandLineParser &parser, Io &io,
                                                           const QString &command, int *exitCode)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1) {
        *exitCode = usageError(io, command, QCoreApplication::translate("vigie::cli::Command", "one campaign.json is needed"));
        return std::nullopt;
    }
    CampaignWithDataset out;
    out.manifest = args[0];
    out.dbPath = parser.value(QStringLiteral("db"));
    if (out.dbPath.isEmpty()) {
        *exitCode = usageError(io, command, QCoreApplication::translate("vigie::cli::Command", "--db DB is required"));
        return std::nullopt;
    }
    QString error;
    auto campaign = media::openCampaign(out.manifest, &error);
    if (campaign)
        out.campaign = std::move(campaign);
    if (out.campaign)
        out.dataset = db::Dataset::open(out.dbPath, db::Dataset::OpenMode::MustExist, &error);
    if (!out.campaign || !out.dataset) {
        *exitCode = failure(io, command, error);
        return std::nullopt;
    }
    return out;
}

void registerAll(Registry &registry)
{
    registry.add(makeAboutCommand());
    registry.add(makeTelemetryCommand());
    registry.add(makeProjectCommand());
    registry.add(makeVideoCommand());
    registry.add(makeDbCommand());
    registry.add(makeSynthCommand());
    registry.add(makeProposerCommand());
    registry.add(makeProposeCommand());
    registry.add(makeEvaluateCommand());
    registry.add(makeDetectorCommand());
    registry.add(makeTrackCommand());
    registry.add(makeTransferCommand());
}

void Registry::add(std::unique_ptr<Command> command)
{
    m_commands.push_back(std::move(command));
    std::sort(m_commands.begin(), m_commands.end(),
              [](const auto &a, const auto &b) { return a->name() < b->name(); });
}

const Command *Registry::find(const QString &name) const
{
    for (const auto &command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

QString Registry::helpText() const
{
    QString text = tr("Usage: %1 <command> [options]\n"
                      "Vigie's headless tools: the same library code as the workstation.\n\n"
                      "Commands:\n")
                       .arg(program);
    qsizetype width = 0;
    for (const auto &command : m_commands)
        width = std::max(width, command->name().size());
    for (const auto &command : m_commands)
        text += QStringLiteral("  %1  %2\n").arg(command->name(), -int(width)).arg(command->summary());
    text += tr("\nOptions:\n"
               "  -h, --help     Show this help, or a command's help with '%1 <command> --help'.\n"
               "  -v, --version  Show the version.\n\n"
               "Exit codes: 0 success, 1 failure (bad input, I/O), 2 bad usage.\n")
                .arg(program);
    return text;
}

QString OptionSet::checkNumbers() const
{
    for (const QCommandLineOption &option : m_options) {
        const QString name = option.names().constFirst();
        if (option.defaultValues().isEmpty() || !m_parser.isSet(name))
            continue;
        bool numeric = false;
        option.defaultValues().constFirst().toDouble(&numeric);
        if (!numeric)
            continue;
        const QString value = m_parser.value(name);
        bool ok = false;
        if (option.valueName() == QLatin1String("n")) {
            value.toLongLong(&ok);
            if (!ok)
                return Registry::tr("--%1: '%2' is not a whole number").arg(name, value);
        } else {
            const double v = value.toDouble(&ok);
            if (!ok || !std::isfinite(v))
                return Registry::tr("--%1: '%2' is not a number").arg(name, value);
        }
    }
    return {};
}

int Registry::dispatch(const QStringList &args, Io &io) const
{
    if (args.size() < 2)
        return usageError(io, {}, tr("no command given (try '%1 --help')").arg(program));

    const QString first = args.at(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h")
        || first == QLatin1String("help")) {
        if (args.size() > 2 && first == QLatin1String("help")) {
            // `vigie-cli help NAME` is `vigie-cli NAME --help`.
            return dispatch({args.at(0), args.at(2), QStringLiteral("--help")}, io);
        }
        io.out << helpText();
        return Success;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        io.out << program << ' ' << versionString() << Qt::endl;
        return Success;
    }
    if (first.startsWith(QLatin1Char('-')))
        return usageError(io, {}, tr("unknown option '%1' (try '%2 --help')").arg(first, program));

    const Command *command = find(first);
    if (!command)
        return usageError(io, {}, tr("unknown command '%1' (try '%2 --help')").arg(first, program));

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary());
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help."));
    parser.addOption(help);
    OptionSet options(parser);
    command->configure(options);
    QStringList rest = args.mid(2);
    rest.prepend(program + QLatin1Char(' ') + first);
    if (!parser.parse(rest))
        return usageError(io, first, parser.errorText());
    if (const QString bad = options.checkNumbers(); !bad.isEmpty() && !parser.isSet(help))
        return usageError(io, first, bad);
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // QCommandLineParser's usage line names the executable; name the subcommand after it.
        // It may print the executable's full path: show what the user types instead.
        const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'));
        const QString arg0 = QCoreApplication::arguments().value(0);
        qsizetype at = arg0.isEmpty() ? -1 : text.indexOf(arg0);
        if (at >= 0 && at < lineEnd) {
            text.replace(at, arg0.size(), program + QLatin1Char(' ') + first);
        } else if ((at = text.indexOf(program)) >= 0 && at < lineEnd) {
            text.insert(at + program.size(), QLatin1Char(' ') + first);
        }
        io.out << text;
        return Success;
    }
    return command->run(parser, io);
}

} // namespace vigie::cli
