#pragma once

// Reviewing a detector: its detections against the analysts' accepted boxes, frame by frame.
// The panel shows a model's summary figures, the frames with false positives or misses (jump to
// one by double-click, or to the next and previous with the Detector menu's keys), the
// precision–recall curve at IoU 0.5, and two models side by side on the same frames. It only
// shows; the controller computes.

#include "models/presentation.h"

#include <QWidget>

#include <vector>

class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QTableWidget;

namespace vigie {

class ReviewPanel : public QWidget
{
    Q_OBJECT

public:
    using FrameErrors = ReviewFrameErrors;
    using Summary = ReviewSummary;

    explicit ReviewPanel(QWidget *parent = nullptr);

    void setModels(const QStringList &versions);
    QString model() const;
    QString comparedModel() const; ///< empty: none

    void setResult(const Summary &summary, const std::vector<FrameErrors> &frames);
    void setComparison(const Summary &a, const Summary &b);
    void setMessage(const QString &text);

    int errorFrameCount() const;
    qint64 errorFrame(int row) const;

Q_SIGNALS:
    void modelChanged();
    void frameRequested(qint64 frame);

private:
    QComboBox *m_model;
    QComboBox *m_compare;
    QLabel *m_summary;
    QLabel *m_message;
    QTableWidget *m_frames;
    QTableWidget *m_comparison;
    QChartView *m_chart;
    QLineSeries *m_pr;
};

} // namespace vigie
