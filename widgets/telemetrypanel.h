#pragma once

#include "models/geometry/geodesy.h"
#include "models/presentation.h"
#include "models/telemetry/gnssfix.h"

#include <QWidget>

#include <vector>

class QFormLayout;
class QLabel;
class QSpinBox;

namespace vigie {

/// A polar plot of the sky seen from the station (north up, azimuth clockwise, elevation 90° at
/// the centre) with the target's whole path and where it is now.
class SkyPlot : public QWidget
{
    Q_OBJECT

public:
    explicit SkyPlot(QWidget *parent = nullptr);
    void setPath(std::vector<LookAngles> path);
    void setCurrent(const std::optional<LookAngles> &current);
    QSize sizeHint() const override { return {220, 220}; }
    /// Widget point of a direction (for tests).
    QPointF pointOf(double azimuthDeg, double elevationDeg) const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<LookAngles> m_path;
    std::optional<LookAngles> m_current;
};

/// The ground track in the station's east-north plane, scaled to fit, with the station at
/// the origin and the target now.
class GroundTrack : public QWidget
{
    Q_OBJECT

public:
    explicit GroundTrack(QWidget *parent = nullptr);
    void setPath(std::vector<Enu> path);
    void setCurrent(const std::optional<Enu> &current);
    QSize sizeHint() const override { return {220, 220}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<Enu> m_path;
    std::optional<Enu> m_current;
};

/// The telemetry dock: the numbers, the sky plot, the ground track, and one time-offset control
/// per stream (milliseconds; the arrows step 1 ms, Page Up/Down 10 ms) that move the overlays
/// live. The panel only edits values: the owner applies and saves them.
class TelemetryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TelemetryPanel(QWidget *parent = nullptr);

    void setSnapshot(const TelemetrySnapshot &snapshot);
    void setPath(const std::vector<LookAngles> &sky, const std::vector<Enu> &ground);
    /// Replaces the offset controls: one per stream name, with its offset in milliseconds.
    void setStreams(const QStringList &names, const std::vector<int> &offsetsMs);
    void setOffset(int stream, int offsetMs);
    int offset(int stream) const;
    int streamCount() const { return int(m_offsets.size()); }
    QSpinBox *offsetBox(int stream) const { return m_offsets[size_t(stream)]; }
    QString valueText(const QString &field) const;

Q_SIGNALS:
    void offsetChanged(int stream, int offsetMs);

private:
    QLabel *addRow(QFormLayout *form, const QString &key, const QString &label);

    QHash<QString, QLabel *> m_values;
    SkyPlot *m_sky;
    GroundTrack *m_ground;
    QFormLayout *m_offsetForm;
    std::vector<QSpinBox *> m_offsets;
};

} // namespace vigie
