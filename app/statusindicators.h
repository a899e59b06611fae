#pragma once

// The workstation's permanent status-bar fields: background work's progress, the master frame
// and its UTC time (and the playback rate), and the cursor's pixel and the zoom of the view under
// it. The save status is its own piece (savestatus.h). GUI thread only.

#include <QObject>

class QLabel;
class QProgressBar;
class QStatusBar;

namespace vigie {

class FrameView;
namespace media {
class SyncPlayer;
}

class StatusIndicators : public QObject
{
    Q_OBJECT

public:
    /// Adds the fields to `bar`, around `saveLabel` (after the frame).
    StatusIndicators(QStatusBar *bar, QLabel *saveLabel);

    /// The view reports its cursor and zoom here.
    void watch(FrameView *view);
    void showProgress(const QString &phase, qint64 done, qint64 total);
    void hideProgress();
    /// The player's master frame and time; nullptr clears.
    void showTime(const media::SyncPlayer *player);

private:
    QProgressBar *m_progress;
    QLabel *m_frame, *m_cursor, *m_zoom;
};

} // namespace vigie
