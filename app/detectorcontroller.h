#pragma once

// The workstation's detector area: Detector › Train, Resume, Cancel (the trainDetector job in a
// DetectorTrainer), Run on Campaign (a DetectorRunner whose detections come back as one
// undoable run of proposals), and the Detector Review panel (TP/FP/missed per frame, COCO
// figures, two models compared, E / Shift+E to the next error). The review's evaluation and the
// registry look-ups run on a worker thread; the panel shows the latest result. GUI thread only.

#include <QObject>
#include <QStringList>

#include <memory>

class QAction;
class QDockWidget;
class QTimer;

namespace vigie {

class DetectorRunner;
class DetectorTrainer;
class MainWindow;
class ReviewPanel;
class TrainingPanel;

class DetectorController : public QObject
{
    Q_OBJECT

public:
    explicit DetectorController(MainWindow *window);
    /// Cancels and waits for a training or a run before the campaign goes.
    ~DetectorController() override;

    /// The camera training and review work on: IR when there is one, else the master camera.
    int camera() const;
    QList<QAction *> menuActions() const; ///< for the Detector menu; nullptr is a separator
    QDockWidget *trainingDock() const { return m_trainingDock; }
    QDockWidget *reviewDock() const { return m_reviewDock; }

    void campaignOpened();
    /// Before the campaign closes: a training is cancelled (its checkpoint kept).
    void campaignClosing();
    void annotationChanged(int camera);
    void updateActions(bool open);

    void startTraining(bool resume);
    void runDetector();
    /// Re-reads the registered detectors, then recomputes the review (on a worker).
    void refreshReview();
    void nextError(int direction);

    struct Review; ///< one review computation (the .cpp)
    /// No review is being computed: the panel shows the current state.
    bool reviewIsCurrent() const { return m_reviewComputing == 0 && !reviewScheduled(); }

Q_SIGNALS:
    /// The review panel shows a new result.
    void reviewUpdated();

private:
    bool reviewScheduled() const;
    void reviewComputed(quint64 serial);

    MainWindow *m_window;
    DetectorTrainer *m_trainer;
    DetectorRunner *m_runner;
    TrainingPanel *m_trainingPanel;
    ReviewPanel *m_reviewPanel;
    QDockWidget *m_trainingDock;
    QDockWidget *m_reviewDock;
    QTimer *m_reviewTimer; ///< coalesces review updates after edits
    QAction *m_train, *m_resume, *m_cancel, *m_run, *m_nextError, *m_prevError;
    std::shared_ptr<Review> m_review; ///< the latest computation, shared with its worker
    quint64 m_reviewSerial = 0;
    int m_reviewComputing = 0; ///< workers still running
    bool m_errorJumpPending = false;
    int m_errorDirection = 1;
};

} // namespace vigie
