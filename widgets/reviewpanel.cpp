#include "widgets/reviewpanel.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace vigie {

namespace {

QString figure(double v)
{
    return v < 0 ? QStringLiteral("—") : QString::number(v, 'f', 3);
}

} // namespace

ReviewPanel::ReviewPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new QComboBox)
    , m_compare(new QComboBox)
    , m_summary(new QLabel)
    , m_message(new QLabel)
    , m_frames(new QTableWidget(0, 4))
    , m_comparison(new QTableWidget(0, 3))
    , m_chart(new QChartView)
    , m_pr(new QLineSeries)
{
    m_model->setObjectName(QStringLiteral("reviewModel"));
    m_compare->setObjectName(QStringLiteral("reviewCompare"));
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_message->setObjectName(QStringLiteral("reviewMessage"));
    m_message->setWordWrap(true);
    m_frames->setObjectName(QStringLiteral("reviewFrames"));
    m_frames->setHorizontalHeaderLabels({tr("Frame"), tr("TP"), tr("FP"), tr("Missed")});
    m_frames->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_frames->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_frames->verticalHeader()->hide();
    m_frames->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_comparison->setObjectName(QStringLiteral("reviewComparison"));
    m_comparison->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_comparison->verticalHeader()->hide();
    m_comparison->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_comparison->setMaximumHeight(200);
    m_comparison->hide(); // until a second model is chosen

    auto *chart = new QChart;
    m_pr->setName(tr("precision–recall at IoU 0.5"));
    chart->addSeries(m_pr);
    auto *x = new QValueAxis;
    x->setRange(0, 1);
    x->setTitleText(tr("recall"));
    auto *y = new QValueAxis;
    y->setRange(0, 1);
    y->setTitleText(tr("precision"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    m_pr->attachAxis(x);
    m_pr->attachAxis(y);
    chart->legend()->hide();
    chart->setTitle(tr("Precision–recall at IoU 0.5"));
    chart->setMargins(QMargins(2, 2, 2, 2));
    m_chart->setChart(chart);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(160);

    auto *form = new QFormLayout;
    form->addRow(tr("Model:"), m_model);
    form->addRow(tr("Compare with:"), m_compare);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_frames, 1);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_comparison);
    layout->addWidget(m_message);

    connect(m_model, &QComboBox::currentIndexChanged, this, &ReviewPanel::modelChanged);
    connect(m_compare, &QComboBox::currentIndexChanged, this, &ReviewPanel::modelChanged);
    connect(m_frames, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        Q_EMIT frameRequested(errorFrame(row));
    });
}

void ReviewPanel::setModels(const QStringList &versions)
{
    const QString keep = model(), keepCompare = comparedModel();
    const QSignalBlocker a(m_model), b(m_compare);
    m_model->clear();
    m_model->addItems(versions);
    m_compare->clear();
    m_compare->addItem(tr("(none)"));
    m_compare->addItems(versions);
    if (versions.contains(keep))
        m_model->setCurrentText(keep);
    if (versions.contains(keepCompare))
        m_compare->setCurrentText(keepCompare);
}

QString ReviewPanel::model() const
{
    return m_model->currentText();
}

QString ReviewPanel::comparedModel() const
{
    return m_compare->currentIndex() > 0 ? m_compare->currentText() : QString();
}

void ReviewPanel::setResult(const Summary &s, const std::vector<FrameErrors> &frames)
{
    m_summary->setText(tr("%1 labelled frames: %2 found, %3 false positives, %4 missed\n"
                          "AP %5 · AP50 %6 · AP75 %7 · AR100 %8")
                           .arg(s.frames)
                           .arg(s.truePositives)
                           .arg(s.falsePositives)
                           .arg(s.misses)
                           .arg(figure(s.ap), figure(s.ap50), figure(s.ap75), figure(s.ar100)));
    m_frames->setRowCount(0);
    for (const FrameErrors &f : frames) {
        if (f.falsePositives == 0 && f.misses == 0)
            continue;
        const int row = m_frames->rowCount();
        m_frames->insertRow(row);
        const int values[4] = {int(f.frame), f.truePositives, f.falsePositives, f.misses};
        for (int c = 0; c < 4; ++c) {
            auto *item = new QTableWidgetItem;
            item->setData(Qt::DisplayRole, values[c]);
            m_frames->setItem(row, c, item);
        }
    }
    QList<QPointF> points;
    for (std::size_t r = 0; r < s.precisionAt50.size(); ++r)
        points.append(QPointF(double(r) / 100.0, std::max(0.0, s.precisionAt50[r])));
    m_pr->replace(points);
}

void ReviewPanel::setComparison(const Summary &a, const Summary &b)
{
    m_comparison->setRowCount(0);
    m_comparison->setVisible(!b.model.isEmpty());
    if (b.model.isEmpty())
        return;
    // Versions are long (name and UTC time): the columns say which combo they follow, the
    // tooltips give the versions.
    m_comparison->setHorizontalHeaderLabels({tr("Figure"), tr("Model"), tr("Compared")});
    m_comparison->horizontalHeaderItem(1)->setToolTip(a.model);
    m_comparison->horizontalHeaderItem(2)->setToolTip(b.model);
    const struct
    {
        QString name;
        QString left, right;
    } rows[] = {
        {tr("AP"), figure(a.ap), figure(b.ap)},
        {tr("AP50"), figure(a.ap50), figure(b.ap50)},
        {tr("AP75"), figure(a.ap75), figure(b.ap75)},
        {tr("AR100"), figure(a.ar100), figure(b.ar100)},
        {tr("Found"), QString::number(a.truePositives), QString::number(b.truePositives)},
        {tr("False positives"), QString::number(a.falsePositives), QString::number(b.falsePositives)},
        {tr("Missed"), QString::number(a.misses), QString::number(b.misses)},
    };
    for (const auto &r : rows) {
        const int row = m_comparison->rowCount();
        m_comparison->insertRow(row);
        m_comparison->setItem(row, 0, new QTableWidgetItem(r.name));
        m_comparison->setItem(row, 1, new QTableWidgetItem(r.left));
        m_comparison->setItem(row, 2, new QTableWidgetItem(r.right));
    }
}

void ReviewPanel::setMessage(const QString &text)
{
    m_message->setText(text);
}

int ReviewPanel::errorFrameCount() const
{
    return m_frames->rowCount();
}

qint64 ReviewPanel::errorFrame(int row) const
{
    const QTableWidgetItem *item = m_frames->item(row, 0);
    return item ? item->data(Qt::DisplayRole).toLongLong() : -1;
}

} // namespace vigie
