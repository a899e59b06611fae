#pragma once

// The campaign's time and telemetry around the views: the timeline (fix quality, target in view
// and annotation state per master frame, flagged frames as markers, click to seek), the telemetry
// panel (numbers at the clock's time, sky plot, ground track) and the time-offset nudges it
// offers (undoable commands of the session). GUI thread only.

#include <QObject>

namespace vigie {

class MainWindow;
class TelemetryPanel;
class TimelineWidget;

class TelemetryController : public QObject
{
    Q_OBJECT

public:
    TelemetryController(MainWindow *window, TimelineWidget *timeline, TelemetryPanel *telemetry);

    void campaignOpened();
    void campaignClosed();
    /// The master camera showed `frame`.
    void masterFrameShown(qint64 frame);
    void annotationChanged(int camera, qint64 frame);

private:
    void updateMarkers();

    MainWindow *m_window;
    TimelineWidget *m_timeline;
    TelemetryPanel *m_telemetry;
};

} // namespace vigie
