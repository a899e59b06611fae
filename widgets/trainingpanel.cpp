#include "widgets/trainingpanel.h"

#include <QChart>
#include <QChartView>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QValueAxis>
#include <QVBoxLayout>

namespace vigie {

namespace {

QString duration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("—");
    const int s = int(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60)
           : s >= 60 ? QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60)
                     : QStringLiteral("%1 s").arg(s);
}

} // namespace

TrainingPanel::TrainingPanel(QWidget *parent)
    : QWidget(parent)
    , m_epochs(new QSpinBox)
    , m_steps(new QSpinBox)
    , m_seed(new QSpinBox)
    , m_start(new QPushButton(tr("&Train")))
    , m_resume(new QPushButton(tr("&Resume")))
    , m_cancel(new QPushButton(tr("&Cancel")))
    , m_progress(new QProgressBar)
    , m_status(new QLabel)
    , m_message(new QLabel)
    , m_chartView(new QChartView)
    , m_loss(new QLineSeries)
    , m_ap(new QLineSeries)
    , m_epochAxis(new QValueAxis)
    , m_lossAxis(new QValueAxis)
    , m_apAxis(new QValueAxis)
{
    m_epochs->setRange(1, 500);
    m_epochs->setValue(6);
    m_epochs->setObjectName(QStringLiteral("trainingEpochs"));
    m_steps->setRange(1, 100000);
    m_steps->setValue(100);
    m_steps->setObjectName(QStringLiteral("trainingSteps"));
    m_seed->setRange(0, 1000000);
    m_seed->setValue(1);
    m_seed->setObjectName(QStringLiteral("trainingSeed"));
    m_start->setObjectName(QStringLiteral("trainingStart"));
    m_resume->setObjectName(QStringLiteral("trainingResume"));
    m_cancel->setObjectName(QStringLiteral("trainingCancel"));
    m_progress->setObjectName(QStringLiteral("trainingProgress"));
    m_status->setObjectName(QStringLiteral("trainingStatus"));
    m_message->setObjectName(QStringLiteral("trainingMessage"));
    m_message->setWordWrap(true);
    m_start->setToolTip(tr("Train a new detector on the accepted and corrected boxes of this camera"));
    m_resume->setToolTip(tr("Continue the last run from its last epoch's checkpoint"));

    auto *form = new QFormLayout;
    form->addRow(tr("Epochs:"), m_epochs);
    form->addRow(tr("Steps per epoch:"), m_steps);
    form->addRow(tr("Seed:"), m_seed);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_resume);
    buttons->addWidget(m_cancel);

    m_loss->setName(tr("training loss"));
    m_ap->setName(tr("validation AP50"));
    auto *chart = new QChart;
    chart->addSeries(m_loss);
    chart->addSeries(m_ap);
    m_epochAxis->setTitleText(tr("epoch"));
    m_epochAxis->setLabelFormat(QStringLiteral("%d"));
    m_epochAxis->setRange(0, 1);
    m_lossAxis->setTitleText(tr("loss"));
    m_lossAxis->setRange(0, 1);
    m_apAxis->setTitleText(tr("AP50"));
    m_apAxis->setRange(0, 1);
    chart->addAxis(m_epochAxis, Qt::AlignBottom);
    chart->addAxis(m_lossAxis, Qt::AlignLeft);
    chart->addAxis(m_apAxis, Qt::AlignRight);
    m_loss->attachAxis(m_epochAxis);
    m_loss->attachAxis(m_lossAxis);
    m_ap->attachAxis(m_epochAxis);
    m_ap->attachAxis(m_apAxis);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    m_chartView->setChart(chart);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(180);
    m_chartView->setObjectName(QStringLiteral("trainingChart"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_chartView, 1);
    layout->addWidget(m_message);

    connect(m_start, &QPushButton::clicked, this, [this] { Q_EMIT startRequested(false); });
    connect(m_resume, &QPushButton::clicked, this, [this] { Q_EMIT startRequested(true); });
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPanel::cancelRequested);
    setRunning(false);
}

int TrainingPanel::epochs() const { return m_epochs->value(); }
int TrainingPanel::stepsPerEpoch() const { return m_steps->value(); }
int TrainingPanel::seed() const { return m_seed->value(); }
int TrainingPanel::lossPointCount() const { return int(m_loss->count()); }
int TrainingPanel::apPointCount() const { return int(m_ap->count()); }

void TrainingPanel::setCanResume(bool can)
{
    m_canResume = can;
    m_resume->setEnabled(can && !m_running);
}

void TrainingPanel::setRunning(bool running)
{
    m_running = running;
    m_start->setEnabled(!running);
    m_resume->setEnabled(!running && m_canResume);
    m_cancel->setEnabled(running);
    m_epochs->setEnabled(!running);
    m_steps->setEnabled(!running);
    m_seed->setEnabled(!running);
    if (!running) {
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
    }
}

void TrainingPanel::setProgress(int epoch, int epochs, int step, int steps, double loss, double samplesPerSecond,
                                double secondsLeft)
{
    if (epoch == 0) {
        // Before the first epoch: the frames are read and the crops cut.
        m_progress->setRange(0, steps);
        m_progress->setValue(step);
        m_status->setText(tr("Cutting training crops: frame %1 of %2").arg(step).arg(steps));
        return;
    }
    m_progress->setRange(0, epochs * steps);
    m_progress->setValue((epoch - 1) * steps + step);
    m_status->setText(tr("Epoch %1/%2, step %3/%4 · loss %5 · %6 samples/s · %7 left")
                          .arg(epoch)
                          .arg(epochs)
                          .arg(step)
                          .arg(steps)
                          .arg(loss, 0, 'f', 4)
                          .arg(samplesPerSecond, 0, 'f', 0)
                          .arg(duration(secondsLeft)));
}

void TrainingPanel::addEpoch(int epoch, double loss, double validationAp50)
{
    m_loss->append(epoch, loss);
    m_maxLoss = std::max(m_maxLoss, loss);
    m_lossAxis->setRange(0, std::max(0.1, m_maxLoss * 1.1));
    if (validationAp50 >= 0)
        m_ap->append(epoch, validationAp50);
    const int last = std::max(1, epoch);
    m_epochAxis->setRange(0, last);
    m_epochAxis->setTickCount(last <= 10 ? last + 1 : 11); // whole epochs under each tick when few
}

void TrainingPanel::clearCurves()
{
    m_loss->clear();
    m_ap->clear();
    m_maxLoss = 0;
    m_epochAxis->setRange(0, 1);
    m_lossAxis->setRange(0, 1);
}

void TrainingPanel::setMessage(const QString &text)
{
    m_message->setText(text);
}

} // namespace vigie
