#pragma once

// The workstation's transport: play and pause (Space), step one or ten frames (arrows), first
// and last frame, and the playback rate, on the open campaign's SyncPlayer. GUI thread only.

#include <QObject>

class QAction;

namespace vigie {

class MainWindow;

class PlaybackController : public QObject
{
    Q_OBJECT

public:
    explicit PlaybackController(MainWindow *window);

    QList<QAction *> transportActions() const; ///< play, steps, first, last
    QList<QAction *> speedActions() const;     ///< faster, slower, normal
    QList<QAction *> toolbarActions() const;
    /// A campaign opened: the play command follows its player.
    void campaignOpened();

private:
    MainWindow *m_window;
    QAction *m_play = nullptr, *m_stepForward = nullptr, *m_stepBack = nullptr, *m_forward10 = nullptr, *m_back10 = nullptr;
    QAction *m_first = nullptr, *m_last = nullptr, *m_faster = nullptr, *m_slower = nullptr, *m_normal = nullptr;
};

} // namespace vigie
