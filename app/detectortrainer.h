#pragma once

// Trains the embedded detector in the background from the workstation's accepted and corrected
// boxes: a worker thread cuts the crops, trains epoch by epoch with progress, time left and
// cancel, scores a held-out stretch of the campaign after each epoch, checkpoints, and at the
// end saves the weights and registers the model in the dataset's registry.
//
// Validation is split by sequence, never by shuffled frames (neighbouring frames are nearly the
// same picture): the last fifth of the labelled frames in time is held out.

#include "inference/detectorpipeline.h"
#include "models/annotation/annotationmodel.h"

#include <QJsonArray>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <set>

class QThread;

namespace vigie {

/// The one worker thread of a background detector job (training, a run over the campaign), with
/// cancel. The work calls finish() just before its last signal: the GUI reacts to that signal by
/// enabling the actions again, and the thread itself has not returned yet.
class BackgroundWork
{
public:
    BackgroundWork() = default;
    BackgroundWork(const BackgroundWork &) = delete;
    BackgroundWork &operator=(const BackgroundWork &) = delete;
    /// Cancels and waits.
    ~BackgroundWork();

    /// Waits for the previous work to return, then starts `work` at low priority (the GUI and
    /// the decoders first).
    void launch(const QString &name, std::function<void()> work);
    bool isRunning() const { return m_running; }
    void cancel() { m_cancel = true; }
    bool cancelled() const { return m_cancel; }
    void finish() { m_running = false; }
    /// Blocks until the thread has returned.
    void wait();

private:
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_running{false};
};

class DetectorTrainer : public QObject
{
    Q_OBJECT

public:
    struct Job
    {
        std::shared_ptr<const Campaign> campaign;
        QString manifestPath;
        int camera = -1;
        inference::FrameBoxes boxes;
        std::set<std::int64_t> noTarget;
        int epochs = 6;
        int stepsPerEpoch = 100;
        std::uint64_t seed = 1;
        bool resume = false;
        QString modelDir;    ///< weights and checkpoints
        QString datasetPath; ///< the registry
        int cropSize = 96;
        int width = 16;
        double inputScale = 1.0; ///< 2 for IR: its drones are a few pixels (docs/DECISIONS.md)
    };

    explicit DetectorTrainer(QObject *parent = nullptr);

    bool isRunning() const { return m_work.isRunning(); }
    /// Starts a run; false (and failed()) when one is running or the job cannot be trained.
    bool start(const Job &job);
    void cancel() { m_work.cancel(); }


Q_SIGNALS:
    void started();
    void progress(int epoch, int epochs, int step, int steps, double loss, double samplesPerSecond, double secondsLeft);
    void epochFinished(int epoch, double loss, double validationAp50);
    void message(const QString &text);
    void finished(const QString &version, const QString &weightsPath);
    void failed(const QString &error);

private:
    void run(Job job);

    BackgroundWork m_work; // last: stopped before anything the work uses is destroyed
};

/// Runs a trained detector over a camera of the campaign in the background; the GUI then adds
/// the detections as proposals (source detector).
class DetectorRunner : public QObject
{
    Q_OBJECT

public:
    explicit DetectorRunner(QObject *parent = nullptr);

    bool isRunning() const { return m_work.isRunning(); }
    bool start(std::shared_ptr<const Campaign> campaign, int camera, qint64 frameCount, const QString &weightsPath,
               const QString &version, double minScore = 0.3);
    void cancel() { m_work.cancel(); }
    /// The detections of the run that just finished, as proposal boxes (moved out).
    std::vector<Annotation> takeDetections();

Q_SIGNALS:
    void progress(qint64 frame, qint64 frames);
    /// `frames`: how many frames were processed.
    void finished(const QString &version, double framesPerSecond, qint64 frames);
    void failed(const QString &error);

private:
    std::vector<Annotation> m_result;
    BackgroundWork m_work; // last: stopped before m_result is destroyed
};

} // namespace vigie
