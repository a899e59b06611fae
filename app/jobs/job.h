#pragma once

// The job layer both executables run (QGIS's QgsTask is the model): a job is a GUI-free function
// that reports through a JobContext (progress, a log, cancel) and returns its result or an
// error. `vigie-cli` runs it on the terminal (TerminalJob: a progress line on stderr), the
// workstation in a worker thread whose context turns the reports into queued signals. One job,
// one semantics: the same checkpoints, validation, registration and history from both.

#include <QString>

#include <functional>

class QTextStream;

namespace vigie::jobs {

class JobContext
{
public:
    virtual ~JobContext() = default;
    /// What the job is doing and how far: `done` of `total` (total 0: no known end). Called from
    /// the job's thread, often: an implementation must be cheap and thread-safe.
    virtual void progress(const QString &phase, double done, double total) = 0;
    /// A line for the log (the terminal's stderr, the workstation's message log).
    virtual void log(const QString &line) = 0;
    /// Polled between steps; a job that sees true stops and says so in its error.
    virtual bool cancelled() const = 0;
};

/// The CLI's context: a progress line on stderr, redrawn at most every 0.5 s (only when stderr
/// is a terminal, so that logs and tests read clean lines), log lines as they come, no cancel.
class TerminalJob : public JobContext
{
public:
    /// `err`: where the lines go (the CLI's standard error stream).
    explicit TerminalJob(QTextStream &err);
    ~TerminalJob() override;
    void progress(const QString &phase, double done, double total) override;
    void log(const QString &line) override;
    bool cancelled() const override { return false; }

private:
    void clearLine();
    QTextStream &m_err;
    bool m_tty;
    qint64 m_lastDrawMs = -1;
    bool m_lineShown = false;
};

/// A context made of functions, for a job run in a worker thread: the workstation's controllers
/// turn progress and log lines into queued signals and cancel from their own flag. A missing
/// function does nothing (never cancelled).
class CallbackJob : public JobContext
{
public:
    std::function<void(const QString &phase, double done, double total)> onProgress;
    std::function<void(const QString &line)> onLog;
    std::function<bool()> isCancelled;

    void progress(const QString &phase, double done, double total) override
    {
        if (onProgress)
            onProgress(phase, done, total);
    }
    void log(const QString &line) override
    {
        if (onLog)
            onLog(line);
    }
    bool cancelled() const override { return isCancelled && isCancelled(); }
};

} // namespace vigie::jobs
