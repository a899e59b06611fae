#pragma once

// The workstation's annotation commands on the active view, keyboard-first: accept (A, Return),
// reject (X), delete, cycle the class (C), the next or previous proposal (Tab, Shift+Tab, across
// frames), mark a frame reviewed (V) or without target (O), and the next unreviewed frame (N,
// Shift+N), the next frame that needs the analyst (J, Shift+J), interpolate (I) or track (K)
// from a keyframe. Each is one command of the session's
// AnnotationEditor. GUI thread only.

#include <QObject>
#include <QString>

#include <cstdint>

class QAction;

namespace vigie {

class FrameView;
class MainWindow;
class TrackRunner;

class AnnotationController : public QObject
{
    Q_OBJECT

public:
    explicit AnnotationController(MainWindow *window);

    QList<QAction *> editActions() const;       ///< for the Edit menu
    QList<QAction *> navigationActions() const; ///< for the Playback menu
    /// A frame reached a view: after a jump to the next proposal, select it there.
    void frameShown(FrameView *view);

    /// The box the keyboard acts on: the selected one, else the first proposal (or box) shown.
    std::int64_t currentBox(bool proposalsFirst) const;
    void acceptBox();
    void rejectBox();
    /// Accepts (or rejects) every proposal of the frame shown in the active view, as one command.
    void setFrameProposals(bool accept);
    /// Interpolates from the previous keyframe of the selected box's class to it (key I).
    void interpolate();
    /// Tracks the selected keyframe forward and backward to its neighbouring keyframes (key K),
    /// in the background; its boxes land as one command. Shift+K cancels.
    void track();
    /// The same from a given box (it must be a keyframe). False, with a status message, if
    /// it cannot start.
    bool trackFrom(std::int64_t handle);
    void cancelTracking();
    bool isTracking() const;
    /// The campaign is about to close: a running tracker is cancelled (its boxes would have
    /// nowhere to go).
    void campaignClosing();
    /// Carries every accepted box of the active camera's target to the other camera as
    /// proposals (key B), one command.
    void carryToOtherCamera();
    /// Whether a box the analyst draws, moves or accepts is carried to the other camera at once
    /// (Edit › Carry Accepted Boxes to Other Camera; on by default).
    bool carriesOnAccept() const;
    void deleteBox();
    void cycleClass();
    void nextProposal(int direction);
    void nextUnreviewed(int direction);
    /// The next (previous) frame of the active camera that needs the analyst (J, Shift+J):
    /// models/annotation/attention.h; the status bar says why.
    void nextNeedingAnalyst(int direction);
    void toggleReviewed();
    void toggleNoTarget();

Q_SIGNALS:
    /// A tracker run's boxes are about to become a command (they are written right after).
    void trackingLanding();
    /// A tracker run ended: `boxes` added (0 when it failed, was cancelled or dropped).
    void trackingDone(int boxes);

private:
    void trackingFinished();

    MainWindow *m_window;
    TrackRunner *m_tracker;
    QString m_trackedClass;
    std::int64_t m_trackedHandle = 0;
    QAction *m_cancelTracking = nullptr;
    QAction *m_carryOnAccept = nullptr;
    QList<QAction *> m_edit, m_navigation;
    bool m_selectProposalOnArrival = false;
};

} // namespace vigie
