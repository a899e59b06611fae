#include "app/trackrunner.h"

namespace vigie {

TrackRunner::TrackRunner(QObject *parent)
    : QObject(parent)
{
}

bool TrackRunner::start(const jobs::PropagationSpec &spec)
{
    if (isRunning()) {
        Q_EMIT failed(tr("A tracker is already running: wait for it or cancel it (Shift+K)"));
        return false;
    }
    m_work.wait();
    m_spec = spec;
    m_result = {};
    m_work.launch(QStringLiteral("TrackRunner"), [this] {
        jobs::CallbackJob context;
        context.onProgress = [this](const QString &phase, double done, double total) {
            Q_EMIT progress(phase, qint64(done), qint64(total));
        };
        context.onLog = [this](const QString &line) { Q_EMIT message(line); };
        context.isCancelled = [this] { return m_work.cancelled(); };
        QString error;
        const bool ok = jobs::propagateTrack(m_spec, context, &m_result, &error);
        m_work.finish();
        if (ok)
            Q_EMIT finished();
        else
            Q_EMIT failed(error);
    });
    return true;
}

} // namespace vigie
