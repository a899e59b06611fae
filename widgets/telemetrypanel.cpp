#include "widgets/telemetrypanel.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>

namespace vigie {

namespace {
const QColor plotBackground(0x1e, 0x21, 0x26);
const QColor gridColor(0x55, 0x5b, 0x63);
const QColor pathColor(0x6a, 0xa9, 0xff);
const QColor currentColor(255, 80, 255);
} // namespace

SkyPlot::SkyPlot(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(140, 140);
}

void SkyPlot::setPath(std::vector<LookAngles> path)
{
    m_path = std::move(path);
    update();
}

void SkyPlot::setCurrent(const std::optional<LookAngles> &current)
{
    m_current = current;
    update();
}

QPointF SkyPlot::pointOf(double azimuthDeg, double elevationDeg) const
{
    const double radius = std::min(width(), height()) / 2.0 - 18;
    const QPointF c(width() / 2.0, height() / 2.0);
    const double r = radius * (90.0 - std::clamp(elevationDeg, 0.0, 90.0)) / 90.0;
    const double a = azimuthDeg * M_PI / 180.0;
    return c + QPointF(r * std::sin(a), -r * std::cos(a));
}

void SkyPlot::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), plotBackground);
    const double radius = std::min(width(), height()) / 2.0 - 18;
    const QPointF c(width() / 2.0, height() / 2.0);
    p.setPen(QPen(gridColor, 1));
    for (int el : {0, 30, 60}) {
        const double r = radius * (90 - el) / 90.0;
        p.drawEllipse(c, r, r);
    }
    for (int az = 0; az < 360; az += 30)
        p.drawLine(c, pointOf(az, 0));
    p.setPen(QColor(0xa8, 0xad, 0xb4));
    const QString cardinal[] = {tr("N"), tr("E"), tr("S"), tr("W")};
    for (int i = 0; i < 4; ++i) {
        const QPointF at = c + (pointOf(i * 90, 0) - c) * ((radius + 10) / radius);
        p.drawText(QRectF(at - QPointF(8, 8), QSizeF(16, 16)), Qt::AlignCenter, cardinal[i]);
    }
    if (m_path.size() > 1) {
        QPainterPath path;
        path.moveTo(pointOf(m_path[0].azimuthDeg, m_path[0].elevationDeg));
        for (size_t i = 1; i < m_path.size(); ++i)
            path.lineTo(pointOf(m_path[i].azimuthDeg, m_path[i].elevationDeg));
        p.setPen(QPen(pathColor, 1.2));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    }
    if (m_current) {
        p.setPen(QPen(Qt::black, 1));
        p.setBrush(currentColor);
        p.drawEllipse(pointOf(m_current->azimuthDeg, m_current->elevationDeg), 5, 5);
    }
}

GroundTrack::GroundTrack(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(140, 140);
}

void GroundTrack::setPath(std::vector<Enu> path)
{
    m_path = std::move(path);
    update();
}

void GroundTrack::setCurrent(const std::optional<Enu> &current)
{
    m_current = current;
    update();
}

void GroundTrack::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), plotBackground);
    // Square scale around the station and the path, with a round-number grid.
    double extent = 10;
    for (const Enu &e : m_path)
        extent = std::max({extent, std::abs(e.e), std::abs(e.n)});
    extent *= 1.1;
    const double half = std::min(width(), height()) / 2.0 - 12;
    const QPointF c(width() / 2.0, height() / 2.0);
    auto at = [&](double e, double n) { return c + QPointF(e / extent * half, -n / extent * half); };
    const double raw = extent / 2;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double step = raw / magnitude >= 5 ? 5 * magnitude : raw / magnitude >= 2 ? 2 * magnitude : magnitude;
    p.setPen(QPen(gridColor, 1));
    for (double v = step; v <= extent; v += step) {
        const double r = v / extent * half;
        p.drawEllipse(c, r, r);
    }
    p.setPen(QColor(0xa8, 0xad, 0xb4));
    p.drawText(QRectF(4, height() - 18, width() - 8, 16), Qt::AlignLeft | Qt::AlignVCenter,
               tr("rings every %1 m").arg(step));
    p.drawText(QRectF(c.x() - 8, 2, 16, 14), Qt::AlignCenter, tr("N"));
    if (m_path.size() > 1) {
        QPainterPath path;
        path.moveTo(at(m_path[0].e, m_path[0].n));
        for (size_t i = 1; i < m_path.size(); ++i)
            path.lineTo(at(m_path[i].e, m_path[i].n));
        p.setPen(QPen(pathColor, 1.2));
        p.drawPath(path);
    }
    // The station.
    p.setPen(QPen(Qt::white, 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(c - QPointF(4, 4), QSizeF(8, 8)));
    if (m_current) {
        p.setPen(QPen(Qt::black, 1));
        p.setBrush(currentColor);
        p.drawEllipse(at(m_current->e, m_current->n), 5, 5);
    }
}

TelemetryPanel::TelemetryPanel(QWidget *parent)
    : QWidget(parent)
    , m_sky(new SkyPlot(this))
    , m_ground(new GroundTrack(this))
    , m_offsetForm(new QFormLayout)
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    addRow(form, QStringLiteral("utc"), tr("UTC"));
    addRow(form, QStringLiteral("range"), tr("Range"));
    addRow(form, QStringLiteral("azimuth"), tr("Azimuth"));
    addRow(form, QStringLiteral("elevation"), tr("Elevation"));
    addRow(form, QStringLiteral("speed"), tr("Speed"));
    addRow(form, QStringLiteral("fix"), tr("Fix"));
    addRow(form, QStringLiteral("sigma"), tr("σ E/N/U"));
    layout->addLayout(form);

    auto *plots = new QTabWidget(this);
    m_sky->setObjectName(QStringLiteral("skyPlot"));
    m_ground->setObjectName(QStringLiteral("groundTrack"));
    plots->addTab(m_sky, tr("Sky"));
    plots->addTab(m_ground, tr("Ground track"));
    layout->addWidget(plots, 1);

    auto *offsets = new QGroupBox(tr("Time offsets (ms)"), this);
    offsets->setLayout(m_offsetForm);
    offsets->setToolTip(tr("Moves a stream's timestamps; the overlays follow at once and the "
                           "campaign file is updated."));
    layout->addWidget(offsets);
}

QLabel *TelemetryPanel::addRow(QFormLayout *form, const QString &key, const QString &label)
{
    auto *value = new QLabel(QStringLiteral("—"), this);
    value->setObjectName(key + QStringLiteral("Value"));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(label, value);
    m_values.insert(key, value);
    return value;
}

QString TelemetryPanel::valueText(const QString &field) const
{
    const QLabel *label = m_values.value(field);
    return label ? label->text() : QString();
}

void TelemetryPanel::setSnapshot(const TelemetrySnapshot &s)
{
    m_values[QStringLiteral("utc")]->setText(s.utcText.isEmpty() ? QStringLiteral("—") : s.utcText);
    if (!s.valid) {
        for (const QString &key : {QStringLiteral("range"), QStringLiteral("azimuth"), QStringLiteral("elevation"),
                                   QStringLiteral("speed"), QStringLiteral("sigma")})
            m_values[key]->setText(QStringLiteral("—"));
        m_values[QStringLiteral("fix")]->setText(s.reason.isEmpty() ? QStringLiteral("—") : s.reason);
        m_sky->setCurrent(std::nullopt);
        m_ground->setCurrent(std::nullopt);
        return;
    }
    m_values[QStringLiteral("range")]->setText(tr("%1 m").arg(s.look.rangeM, 0, 'f', 1));
    m_values[QStringLiteral("azimuth")]->setText(tr("%1°").arg(s.look.azimuthDeg, 0, 'f', 3));
    m_values[QStringLiteral("elevation")]->setText(tr("%1°").arg(s.look.elevationDeg, 0, 'f', 3));
    m_values[QStringLiteral("speed")]->setText(tr("%1 m/s").arg(s.speedMps, 0, 'f', 1));
    m_values[QStringLiteral("fix")]->setText(QString::fromLatin1(fixQualityName(s.quality)));
    m_values[QStringLiteral("sigma")]->setText(tr("%1 / %2 / %3 m")
                                                   .arg(s.sigmaEastM, 0, 'f', 3)
                                                   .arg(s.sigmaNorthM, 0, 'f', 3)
                                                   .arg(s.sigmaUpM, 0, 'f', 3));
    m_sky->setCurrent(s.look);
    m_ground->setCurrent(s.position);
}

void TelemetryPanel::setPath(const std::vector<LookAngles> &sky, const std::vector<Enu> &ground)
{
    m_sky->setPath(sky);
    m_ground->setPath(ground);
}

void TelemetryPanel::setStreams(const QStringList &names, const std::vector<int> &offsetsMs)
{
    for (QSpinBox *box : m_offsets) {
        m_offsetForm->removeRow(box);
    }
    m_offsets.clear();
    for (int i = 0; i < names.size(); ++i) {
        auto *box = new QSpinBox(this);
        box->setObjectName(QStringLiteral("offset_") + names[i]);
        box->setRange(-3600000, 3600000);
        box->setSuffix(tr(" ms"));
        box->setAccelerated(true);
        box->setValue(size_t(i) < offsetsMs.size() ? offsetsMs[size_t(i)] : 0);
        connect(box, &QSpinBox::valueChanged, this, [this, i](int v) { Q_EMIT offsetChanged(i, v); });
        m_offsetForm->addRow(names[i], box);
        m_offsets.push_back(box);
    }
}

void TelemetryPanel::setOffset(int stream, int offsetMs)
{
    if (stream >= 0 && stream < streamCount())
        m_offsets[size_t(stream)]->setValue(offsetMs);
}

int TelemetryPanel::offset(int stream) const
{
    return stream >= 0 && stream < streamCount() ? m_offsets[size_t(stream)]->value() : 0;
}

} // namespace vigie
