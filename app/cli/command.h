#pragma once

#include "app/jobs/registration.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace vigie {
class Campaign;
namespace inference {
class WildcatNet;
}
namespace db {
class Dataset;
struct RegisteredCamera;
} // namespace db
} // namespace vigie

namespace vigie::cli {

/// vigie-cli's exit codes: 0 success, 1 the work failed (bad input, I/O), 2 bad usage.
enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

/// Where a command writes: results to out (machine-readable with --json), messages to err.
struct Io
{
    QTextStream &out;
    QTextStream &err;

    /// Writes bytes to standard output as they are, after anything queued on `out`: for large
    /// machine-readable outputs that should not go through QString.
    void raw(std::string_view bytes);
};

/// What a command declares on its parser: options and positional arguments. It remembers the
/// options, so that every number is checked before the command runs: an option whose default
/// is a number takes a number (a whole one when its value name is "n"); `--refine-below 1O` is a
/// usage error naming the option, never a silent 0.
class OptionSet
{
public:
    explicit OptionSet(QCommandLineParser &parser)
        : m_parser(parser)
    {
    }
    bool addOption(const QCommandLineOption &option)
    {
        m_options.push_back(option);
        return m_parser.addOption(option);
    }
    void addPositionalArgument(const QString &name, const QString &description, const QString &syntax = QString())
    {
        m_parser.addPositionalArgument(name, description, syntax);
    }
    /// Empty when every numeric option set on the command line holds a number; else why not.
    QString checkNumbers() const;

private:
    QCommandLineParser &m_parser;
    std::vector<QCommandLineOption> m_options;
};

/// One `vigie-cli NAME ...` subcommand. A command declares its options on a fresh parser, then
/// runs on the parsed result; it never exits the process itself, so tests can drive it.
class Command
{
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    /// One line for `vigie-cli --help`.
    virtual QString summary() const = 0;
    virtual void configure(OptionSet &parser) const = 0;
    virtual int run(const QCommandLineParser &parser, Io &io) const = 0;
};

/// The subcommands, and the top-level usage rules: `--help`, `--version`, `NAME --help`, and exit
/// code 2 with one line on stderr for anything it cannot parse.
class Registry
{
    Q_DECLARE_TR_FUNCTIONS(vigie::cli::Registry)

public:
    void add(std::unique_ptr<Command> command);
    const Command *find(const QString &name) const;

    /// Runs the command line `args` (args[0] is the program). Returns the exit code.
    int dispatch(const QStringList &args, Io &io) const;

    QString helpText() const;

private:
    std::vector<std::unique_ptr<Command>> m_commands;
};

/// Prints "vigie-cli NAME: message" on err and returns UsageError.
int usageError(Io &io, const QString &command, const QString &message);
/// Prints "vigie-cli NAME: message" on err and returns Failure.
int failure(Io &io, const QString &command, const QString &message);

// Cameras, models and registration are named as the workstation names them (app/jobs/registration.h).
using jobs::registerCampaignCamera;
using jobs::resolveModelPath;
/// A model named on the command line: a weights file, or a version in the dataset's registry
/// (proposer evaluate, propose).
std::unique_ptr<inference::WildcatNet> loadProposerModel(const QString &model, const QString &dbPath, QString *version,
                                                         QString *error);

/// What a command on `CAMPAIGN --db DB` works on: the campaign (opened with its videos' frame
/// times) and its dataset (which must exist).
struct CampaignWithDataset
{
    QString manifest, dbPath;
    std::shared_ptr<const Campaign> campaign;
    std::unique_ptr<db::Dataset> dataset;
    CampaignWithDataset();
    CampaignWithDataset(CampaignWithDataset &&) noexcept;
    ~CampaignWithDataset();
};
/// Checks for one campaign.json and --db, opens both; on failure says why (a usage error or a
/// failure, with the file) and returns nullopt with `exitCode` set.
std::optional<CampaignWithDataset> openCampaignWithDataset(const QCommandLineParser &parser, Io &io,
                                                           const QString &command, int *exitCode);

/// Registers every subcommand vigie-cli has.
void registerAll(Registry &registry);

// One factory per command, each in its own file.
std::unique_ptr<Command> makeAboutCommand();
std::unique_ptr<Command> makeTelemetryCommand();
std::unique_ptr<Command> makeProjectCommand();
std::unique_ptr<Command> makeVideoCommand();
std::unique_ptr<Command> makeDbCommand();
std::unique_ptr<Command> makeSynthCommand();
std::unique_ptr<Command> makeProposerCommand();
std::unique_ptr<Command> makeProposeCommand();
std::unique_ptr<Command> makeTrackCommand();
std::unique_ptr<Command> makeTransferCommand();
std::unique_ptr<Command> makeEvaluateCommand();
std::unique_ptr<Command> makeDetectorCommand();

} // namespace vigie::cli
