#include "app/jobs/job.h"

#include <QDateTime>
#include <QTextStream>

#include <unistd.h>

namespace vigie::jobs {

TerminalJob::TerminalJob(QTextStream &err)
    : m_err(err)
    , m_tty(::isatty(STDERR_FILENO) == 1)
{
}

TerminalJob::~TerminalJob()
{
    clearLine();
}

void TerminalJob::clearLine()
{
    if (m_lineShown) {
        m_err << "\r\033[K";
        m_err.flush();
        m_lineShown = false;
    }
}

void TerminalJob::progress(const QString &phase, double done, double total)
{
    if (!m_tty)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_lastDrawMs >= 0 && now - m_lastDrawMs < 500 && done < total)
        return;
    m_lastDrawMs = now;
    const QString text = total > 0 ? QStringLiteral("%1: %2/%3 (%4 %)")
                                         .arg(phase)
                                         .arg(qint64(done))
                                         .arg(qint64(total))
                                         .arg(100.0 * done / total, 0, 'f', 0)
                                   : QStringLiteral("%1…").arg(phase);
    m_err << "\r\033[K" << text;
    m_err.flush();
    m_lineShown = true;
}

void TerminalJob::log(const QString &line)
{
    clearLine();
    m_err << line << Qt::endl;
}

} // namespace vigie::jobs
