#pragma once

// The detector's training panel: what to train (epochs, steps per epoch, seed), the run's
// progress (epoch, step, loss, samples per second, time left), the loss and validation AP50
// curves, and start, resume and cancel. It only shows and asks; the controller trains.

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QValueAxis;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace vigie {

class TrainingPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TrainingPanel(QWidget *parent = nullptr);

    int epochs() const;
    int stepsPerEpoch() const;
    int seed() const;
    void setCanResume(bool can);

    /// Points of the curves, for tests and screenshots.
    int lossPointCount() const;
    int apPointCount() const;

public Q_SLOTS:
    void setRunning(bool running);
    /// Within an epoch (1-based epochs and steps).
    void setProgress(int epoch, int epochs, int step, int steps, double loss, double samplesPerSecond,
                     double secondsLeft);
    /// At the end of each epoch; `validationAp50` < 0 when there is no validation set.
    void addEpoch(int epoch, double loss, double validationAp50);
    void clearCurves();
    void setMessage(const QString &text);

Q_SIGNALS:
    void startRequested(bool resume);
    void cancelRequested();

private:
    QSpinBox *m_epochs;
    QSpinBox *m_steps;
    QSpinBox *m_seed;
    QPushButton *m_start;
    QPushButton *m_resume;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_message;
    QChartView *m_chartView;
    QLineSeries *m_loss;
    QLineSeries *m_ap;
    QValueAxis *m_epochAxis;
    QValueAxis *m_lossAxis;
    QValueAxis *m_apAxis;
    bool m_canResume = false;
    bool m_running = false;
    double m_maxLoss = 0;
};

} // namespace vigie
