#pragma once

// The façade every analyst gesture goes through. Each method makes one QUndoCommand, pushes it
// on the stack (which applies it to the AnnotationModel, which saves it), and returns at once.
// Proposals are never edited in place silently: accepting, rejecting, moving or reclassifying
// one is a command of its own, so that undo restores exactly what the proposer wrote.

#include "models/annotation/annotationmodel.h"
#include "models/annotation/interpolation.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

class QUndoCommand;
class QUndoStack;

namespace vigie {

class AnnotationEditor
{
    Q_DECLARE_TR_FUNCTIONS(vigie::AnnotationEditor)

public:
    AnnotationEditor(AnnotationModel *model, QUndoStack *stack);

    AnnotationModel *model() const { return m_model; }
    QUndoStack *undoStack() const { return m_stack; }

    /// What a box of the analyst's brings along on the other cameras (models/annotation/
    /// transfer.h): proposals at the same instant, added by addTransfers() in the same undo
    /// step as the gesture that made the box (draw, move, accept). Unset or returning nothing:
    /// the gesture alone.
    using Companion = std::function<std::vector<Annotation>(const Annotation &keyframe)>;
    void setCompanion(Companion companion) { m_companion = std::move(companion); }

    /// The classes the analyst cycles through; the campaign's target class first.
    void setClasses(const QStringList &classes) { m_classes = classes; }
    QStringList classes() const { return m_classes; }

    /// A drawn box: source manual, state accepted. Returns its handle (0 if the rect is empty).
    std::int64_t addBox(int camera, std::int64_t frame, const QRectF &rect, const QString &className);
    /// Moves or resizes a box. A proposal that is moved becomes a corrected box.
    bool setRect(std::int64_t handle, const QRectF &rect);
    bool remove(std::int64_t handle);
    bool accept(std::int64_t handle);
    bool reject(std::int64_t handle);
    bool setClass(std::int64_t handle, const QString &className);
    /// The next class in classes() after the box's own.
    bool cycleClass(std::int64_t handle);
    bool setFrameFlags(int camera, std::int64_t frame, const db::FrameFlags &flags);
    /// A whole run's boxes (proposer, detector, tracker) as one command: one undo removes them
    /// all, one redo brings them back, each written in one transaction. Each box gets a fresh
    /// handle; camera, frame, rect, class, source, state, confidence and model version are kept.
    /// Returns how many were added.
    int addBoxes(std::vector<Annotation> boxes, const QString &text);
    /// Accepts (rejects) many boxes as one command written in one transaction; boxes already
    /// in that state (a corrected box counts as accepted) are left alone. Returns how many changed.
    int acceptMany(const std::vector<std::int64_t> &handles);
    int rejectMany(const std::vector<std::int64_t> &handles);

    /// A keyframe: the analyst's own decision: an accepted or corrected box, or an interpolated or
    /// tracked one the analyst moved or confirmed (corrected).
    static bool isKeyframe(const Annotation &box);
    /// The nearest keyframe of the same class and camera before a box's frame.
    std::optional<Annotation> previousKeyframe(std::int64_t handle) const;
    /// The nearest keyframe of the same class and camera after a box's frame.
    std::optional<Annotation> nextKeyframe(std::int64_t handle) const;
    /// Fills the frames between two keyframes with interpolated boxes (models/annotation/
    /// interpolation.h): source interpolated, state accepted, the keyframes' class. Interpolated
    /// boxes of that class already between them are replaced; keyframes never. One command.
    /// Returns how many boxes were added (0: not two keyframes of one camera and class, or adjacent).
    int interpolate(std::int64_t keyA, std::int64_t keyB, const InterpolationGeometryFunction &geometry,
                    int *usedGeometry = nullptr);

    /// The boxes Vigie derived for one target between frames first and last (inclusive) of a
    /// camera, as one command: the derived boxes (interpolated, tracker) of that class already in
    /// the span that are not keyframes give way; keyframes and other boxes stay, and no box is
    /// added to a frame holding a keyframe of the class. Each box gets a fresh handle, the camera
    /// and the class. Returns how many boxes were added.
    int replaceDerived(int camera, const QString &className, std::int64_t first, std::int64_t last,
                       std::vector<Annotation> boxes, const QString &text);

    /// Boxes carried from another camera (source transfer, proposed), as one command: on each
    /// box's frame, the transfer proposals of its class already there give way; a frame holding
    /// a box of that class that is not a proposal (the analyst's, or tracked and accepted) gets
    /// nothing, and other proposals stay. Each box gets a fresh handle. Returns how many were
    /// added.
    int addTransfers(std::vector<Annotation> boxes, const QString &text);

private:
    int setStates(const std::vector<std::int64_t> &handles, db::BoxState state, const QString &text);
    bool change(const Annotation &before, const Annotation &after, const QString &text);
    /// Pushes `command`, and with it, in one undo step, the companion's proposals for `box`.
    void pushWithCompanion(QUndoCommand *command, const Annotation &box);
    /// The command of addTransfers(), or nullptr when it would change nothing.
    QUndoCommand *transfersCommand(std::vector<Annotation> boxes, const QString &text, int *added);

    AnnotationModel *m_model;
    QUndoStack *m_stack;
    QStringList m_classes;
    Companion m_companion;
};

} // namespace vigie
