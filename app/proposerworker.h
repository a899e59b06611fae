#pragma once

// The WILDCAT proposer in the workstation, off the GUI thread (docs/PROPOSER.md):
// - ProposerTrainer cuts weak-label crops from the open campaign (GPS says where the drone is)
//   and trains a network, with progress and cancel, then registers it in the dataset;
// - ProposerRunner learns τ and the box scale from the analysts' accepted boxes and proposes a
//   box (and its alternatives) on every frame where the target projects into view;
// - ClassMapper computes the class map of the frame shown, for the heat overlay: the latest
//   request wins, so playing or stepping never waits for it.

#include "app/detectortrainer.h"
#include "inference/proposals.h"
#include "models/annotation/annotationmodel.h"

#include <QImage>
#include <QObject>
#include <QRect>

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace vigie {

class Campaign;

class ProposerTrainer : public QObject
{
    Q_OBJECT

public:
    struct Job
    {
        std::shared_ptr<const Campaign> campaign;
        QString manifestPath;
        int camera = -1;
        qint64 frameCount = 0; ///< for the progress bar
        int steps = 400;
        std::uint64_t seed = 1;
        QString modelDir;    ///< where the weights go
        QString datasetPath; ///< the registry
    };

    explicit ProposerTrainer(QObject *parent = nullptr);
    bool isRunning() const { return m_work.isRunning(); }
    bool start(const Job &job);
    void cancel() { m_work.cancel(); }

Q_SIGNALS:
    /// `phase`: a line for the status bar; `done` of `total` (frames read, then steps).
    void progress(const QString &phase, qint64 done, qint64 total);
    void message(const QString &text);
    void finished(const QString &version, const QString &weightsPath);
    void failed(const QString &error);

private:
    void run(Job job);
    BackgroundWork m_work; // last: stopped before anything the work uses is destroyed
};

class ProposerRunner : public QObject
{
    Q_OBJECT

public:
    explicit ProposerRunner(QObject *parent = nullptr);
    bool isRunning() const { return m_work.isRunning(); }
    /// `accepted`: the analysts' accepted boxes by frame (τ and the box scale are learnt from
    /// the frames holding exactly one, when there are at least five: app/jobs/proposerjobs.h).
    bool start(std::shared_ptr<const Campaign> campaign, int camera, qint64 frameCount, const QString &weightsPath,
               const QString &version, std::map<std::int64_t, std::vector<QRectF>> accepted);
    void cancel() { m_work.cancel(); }
    /// The proposals of the run that just finished (moved out).
    std::vector<Annotation> takeProposals();

Q_SIGNALS:
    void progress(const QString &phase, qint64 frame, qint64 frames);
    /// `calibrationBoxes`: how many accepted boxes τ and the scale were learnt from (0: defaults).
    void finished(const QString &version, double tau, double boxScale, int calibrationBoxes);
    void failed(const QString &error);

private:
    std::vector<Annotation> m_result;
    BackgroundWork m_work; // last
};

class ClassMapper : public QObject
{
    Q_OBJECT

public:
    explicit ClassMapper(QObject *parent = nullptr);
    ~ClassMapper() override;

    /// The model and camera to map; an empty path stops mapping.
    void setSource(std::shared_ptr<const Campaign> campaign, int camera, const QString &weightsPath);
    /// The map of `frame` (replaces a request not yet started).
    void request(qint64 frame);

Q_SIGNALS:
    /// The class map over the search region of `frame`: `heat` covers `region` (image pixels),
    /// ARGB32 through the ironbow palette, transparent outside the uncertainty ellipse.
    void mapReady(int camera, qint64 frame, const QRect &region, const QImage &heat);
    /// No map for this frame (target out of view, no projection): the overlay is cleared.
    void noMap(int camera, qint64 frame, const QString &reason);
    void failed(const QString &error);

private:
    void loop();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    bool m_sourceChanged = false;
    std::shared_ptr<const Campaign> m_campaign;
    int m_camera = -1;
    QString m_weights;
    qint64 m_pending = -1;
    std::thread m_thread;
};

} // namespace vigie
