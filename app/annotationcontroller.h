#pragma once

// The workstation's annotation commands on the active view, keyboard-first: accept (A, Return),
// reject (X), delete, cycle the class (C), the next or previous proposal (Tab, Shift+Tab, across
// frames), mark a frame reviewed (V) or without target (O), and the next unreviewed frame (N,
// Shift+N). Each is one command of the session's AnnotationEditor. GUI thread only.

#include <QObject>

#include <cstdint>

class QAction;

namespace vigie {

class FrameView;
class MainWindow;

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
    void deleteBox();
    void cycleClass();
    void nextProposal(int direction);
    void nextUnreviewed(int direction);
    void toggleReviewed();
    void toggleNoTarget();

private:
    MainWindow *m_window;
    QList<QAction *> m_edit, m_navigation;
    bool m_selectProposalOnArrival = false;
};

} // namespace vigie
