#pragma once

// Tracking from a keyframe in the workstation (Edit › Track from Keyframe, key K), off the GUI
// thread: the job of app/jobs/propagation.h, with progress and cancel. Its boxes become one
// command on the GUI thread once it finishes (AnnotationController).

#include "app/detectortrainer.h"
#include "app/jobs/propagation.h"

#include <QObject>

namespace vigie {

class TrackRunner : public QObject
{
    Q_OBJECT

public:
    explicit TrackRunner(QObject *parent = nullptr);
    bool isRunning() const { return m_work.isRunning(); }
    bool start(const jobs::PropagationSpec &spec);
    void cancel() { m_work.cancel(); }
    /// The spec and the result of the run that just finished (moved out).
    jobs::PropagationSpec spec() const { return m_spec; }
    jobs::PropagationResult takeResult() { return std::move(m_result); }

Q_SIGNALS:
    void progress(const QString &phase, qint64 done, qint64 total);
    void message(const QString &text);
    void finished();
    void failed(const QString &error);

private:
    jobs::PropagationSpec m_spec;
    jobs::PropagationResult m_result;
    BackgroundWork m_work; // last: stopped before anything the work uses is destroyed
};

} // namespace vigie
