#include "models/annotation/annotationeditor.h"

#include "models/annotation/transfer.h"

#include "models/annotation/interpolation.h"

#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <set>

namespace vigie {

namespace {

/// One box goes from `before` to `after`; either may be absent (creation, deletion).
class BoxCommand : public QUndoCommand
{
public:
    BoxCommand(AnnotationModel::Edits model, std::optional<Annotation> before,
               std::optional<Annotation> after, const QString &text)
        : QUndoCommand(text)
        , m_model(model)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

    void redo() override
    {
        apply(m_before, m_after);
        m_redone = true;
    }
    void undo() override { apply(m_after, m_before); }

private:
    void apply(const std::optional<Annotation> &from, const std::optional<Annotation> &to)
    {
        if (from && to) {
            m_model.update(*to);
        } else if (to) {
            // The first redo of a creation inserts a new row; every other appearance of the box
            // (redo after undo, undo of a deletion) brings its row back with its history.
            const bool firstCreation = !m_before && !m_redone;
            m_model.insert(*to, firstCreation ? AnnotationSink::Op::Create : AnnotationSink::Op::Restore);
        } else if (from) {
            m_model.remove(from->handle);
        }
    }

    AnnotationModel::Edits m_model;
    std::optional<Annotation> m_before, m_after;
    bool m_redone = false;
};

class FlagsCommand : public QUndoCommand
{
public:
    FlagsCommand(AnnotationModel::Edits model, int camera, std::int64_t frame, db::FrameFlags before,
                 db::FrameFlags after, const QString &text)
        : QUndoCommand(text), m_model(model), m_camera(camera), m_frame(frame), m_before(before), m_after(after)
    {
    }
    void redo() override { m_model.setFlags(m_camera, m_frame, m_after); }
    void undo() override { m_model.setFlags(m_camera, m_frame, m_before); }

private:
    AnnotationModel::Edits m_model;
    int m_camera;
    std::int64_t m_frame;
    db::FrameFlags m_before, m_after;
};

/// Many boxes created at once; undone and redone as one.
class BulkCreateCommand : public QUndoCommand
{
public:
    BulkCreateCommand(AnnotationModel::Edits model, std::vector<Annotation> boxes, const QString &text)
        : QUndoCommand(text)
        , m_model(model)
        , m_boxes(std::move(boxes))
    {
    }
    void redo() override
    {
        m_model.insertMany(m_boxes, m_redone ? AnnotationSink::Op::Restore : AnnotationSink::Op::Create);
        m_redone = true;
    }
    void undo() override
    {
        std::vector<std::int64_t> handles;
        handles.reserve(m_boxes.size());
        for (const Annotation &a : m_boxes)
            handles.push_back(a.handle);
        m_model.removeMany(handles);
    }

private:
    AnnotationModel::Edits m_model;
    std::vector<Annotation> m_boxes;
    bool m_redone = false;
};

bool isProposal(const Annotation &a)
{
    return a.state == db::BoxState::Proposed;
}

/// Made by Vigie from the analyst's keyframes, not by a proposer or the analyst.
bool isDerived(const Annotation &a)
{
    return a.source == db::BoxSource::Interpolated || a.source == db::BoxSource::Tracker;
}

/// Many boxes changed together (a bulk accept or reject): one command, one transaction.
class BulkChangeCommand : public QUndoCommand
{
public:
    BulkChangeCommand(AnnotationModel::Edits model, std::vector<Annotation> before, std::vector<Annotation> after,
                      const QString &text)
        : QUndoCommand(text)
        , m_model(model)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }
    void redo() override { m_model.updateMany(m_after); }
    void undo() override { m_model.updateMany(m_before); }

private:
    AnnotationModel::Edits m_model;
    std::vector<Annotation> m_before, m_after;
};

/// Boxes replaced by others in one step (an interpolation over frames that held an earlier
/// one): undo brings the old ones back, redo the new ones, each side written in one go.
class BulkReplaceCommand : public QUndoCommand
{
public:
    BulkReplaceCommand(AnnotationModel::Edits model, std::vector<Annotation> old, std::vector<Annotation> boxes, const QString &text)
        : QUndoCommand(text)
        , m_model(model)
        , m_old(std::move(old))
        , m_new(std::move(boxes))
    {
    }
    // The boxes that go and the boxes that come are one write (one transaction) each way.
    void redo() override
    {
        m_model.replaceMany(handles(m_old), m_new, m_redone ? AnnotationSink::Op::Restore : AnnotationSink::Op::Create);
        m_redone = true;
    }
    void undo() override { m_model.replaceMany(handles(m_new), m_old, AnnotationSink::Op::Restore); }

private:
    static std::vector<std::int64_t> handles(const std::vector<Annotation> &boxes)
    {
        std::vector<std::int64_t> out;
        out.reserve(boxes.size());
        for (const Annotation &a : boxes)
            out.push_back(a.handle);
        return out;
    }
    AnnotationModel::Edits m_model;
    std::vector<Annotation> m_old, m_new;
    bool m_redone = false;
};

} // namespace

AnnotationEditor::AnnotationEditor(AnnotationModel *model, QUndoStack *stack)
    : m_model(model)
    , m_stack(stack)
{
}

std::int64_t AnnotationEditor::addBox(int camera, std::int64_t frame, const QRectF &rect,
                                      const QString &className)
{
    const QRectF r = rect.normalized();
    if (r.width() < 1 || r.height() < 1 || camera < 0 || frame < 0)
        return 0;
    Annotation a;
    a.handle = m_model->newHandle();
    a.camera = camera;
    a.frame = frame;
    a.rect = r;
    a.className = className.isEmpty() && !m_classes.isEmpty() ? m_classes.first() : className;
    a.source = db::BoxSource::Manual;
    a.state = db::BoxState::Accepted;
    pushWithCompanion(new BoxCommand(AnnotationModel::Edits(m_model), std::nullopt, a, tr("Draw %1 box").arg(a.className)),
                      a);
    return a.handle;
}

bool AnnotationEditor::change(const Annotation &before, const Annotation &after, const QString &text)
{
    if (before == after)
        return false;
    // A box that became (or, moved, stays) the analyst's brings its companions; a class change,
    // a rejection or a flag does not.
    const bool decided = isKeyframe(after) && (!isKeyframe(before) || before.rect != after.rect);
    if (decided)
        pushWithCompanion(new BoxCommand(AnnotationModel::Edits(m_model), before, after, text), after);
    else
        m_stack->push(new BoxCommand(AnnotationModel::Edits(m_model), before, after, text));
    return true;
}

void AnnotationEditor::pushWithCompanion(QUndoCommand *command, const Annotation &box)
{
    int added = 0;
    QUndoCommand *companions = nullptr;
    if (m_companion && isKeyframe(box) && box.source != db::BoxSource::Transfer)
        companions = transfersCommand(m_companion(box), QString(), &added);
    if (!companions) {
        m_stack->push(command);
        return;
    }
    // One undo step: the gesture and what it carried to the other camera.
    m_stack->beginMacro(added == 1 ? tr("%1, carried to the other camera").arg(command->text())
                                   : tr("%1, carried to %2 other cameras").arg(command->text()).arg(added));
    m_stack->push(command);
    m_stack->push(companions);
    m_stack->endMacro();
}

QUndoCommand *AnnotationEditor::transfersCommand(std::vector<Annotation> boxes, const QString &text, int *added)
{
    TransferPlacement placed = placeTransfers(std::move(boxes), [this](int camera, std::int64_t frame) {
        return m_model->boxes(camera, frame);
    });
    for (Annotation &b : placed.added)
        b.handle = m_model->newHandle();
    *added = int(placed.added.size());
    if (placed.added.empty() && placed.replaced.empty())
        return nullptr;
    return new BulkReplaceCommand(AnnotationModel::Edits(m_model), std::move(placed.replaced), std::move(placed.added),
                                  text.isEmpty() ? tr("Carry %1 boxes to the other camera").arg(*added) : text);
}

int AnnotationEditor::addTransfers(std::vector<Annotation> boxes, const QString &text)
{
    int added = 0;
    if (QUndoCommand *command = transfersCommand(std::move(boxes), text, &added))
        m_stack->push(command);
    return added;
}

bool AnnotationEditor::setRect(std::int64_t handle, const QRectF &rect)
{
    const auto before = m_model->box(handle);
    const QRectF r = rect.normalized();
    if (!before || r.width() < 1 || r.height() < 1)
        return false;
    Annotation after = *before;
    after.rect = r;
    if (before->source != db::BoxSource::Manual && before->state != db::BoxState::Rejected)
        after.state = db::BoxState::Corrected;
    const bool moved = before->rect.size() == r.size();
    return change(*before, after, moved ? tr("Move box") : tr("Resize box"));
}

bool AnnotationEditor::remove(std::int64_t handle)
{
    const auto before = m_model->box(handle);
    if (!before)
        return false;
    m_stack->push(new BoxCommand(AnnotationModel::Edits(m_model), before, std::nullopt, tr("Delete %1 box").arg(before->className)));
    return true;
}

bool AnnotationEditor::accept(std::int64_t handle)
{
    const auto before = m_model->box(handle);
    if (!before || before->state == db::BoxState::Accepted || before->state == db::BoxState::Corrected)
        return false;
    Annotation after = *before;
    // A derived proposal the analyst confirms (where the tracker stopped) becomes a keyframe.
    after.state = isDerived(*before) ? db::BoxState::Corrected : db::BoxState::Accepted;
    return change(*before, after, isProposal(*before) ? tr("Accept proposal") : tr("Accept box"));
}

bool AnnotationEditor::reject(std::int64_t handle)
{
    const auto before = m_model->box(handle);
    if (!before || before->state == db::BoxState::Rejected)
        return false;
    Annotation after = *before;
    after.state = db::BoxState::Rejected;
    return change(*before, after, isProposal(*before) ? tr("Reject proposal") : tr("Reject box"));
}

bool AnnotationEditor::setClass(std::int64_t handle, const QString &className)
{
    const auto before = m_model->box(handle);
    if (!before || className.trimmed().isEmpty())
        return false;
    Annotation after = *before;
    after.className = className;
    return change(*before, after, tr("Set class to %1").arg(className));
}

bool AnnotationEditor::cycleClass(std::int64_t handle)
{
    const auto box = m_model->box(handle);
    if (!box || m_classes.isEmpty())
        return false;
    const int i = m_classes.indexOf(box->className);
    return setClass(handle, m_classes.at((i + 1) % m_classes.size()));
}

int AnnotationEditor::addBoxes(std::vector<Annotation> boxes, const QString &text)
{
    std::erase_if(boxes, [](const Annotation &a) { return a.camera < 0 || a.frame < 0 || a.rect.width() <= 0 || a.rect.height() <= 0; });
    if (boxes.empty())
        return 0;
    for (Annotation &a : boxes)
        a.handle = m_model->newHandle();
    const int n = int(boxes.size());
    m_stack->push(new BulkCreateCommand(AnnotationModel::Edits(m_model), std::move(boxes), text));
    return n;
}

int AnnotationEditor::setStates(const std::vector<std::int64_t> &handles, db::BoxState state, const QString &text)
{
    std::vector<Annotation> before, after;
    for (const std::int64_t handle : handles) {
        const auto box = m_model->box(handle);
        if (!box || box->state == state
            || (state == db::BoxState::Accepted && box->state == db::BoxState::Corrected))
            continue;
        before.push_back(*box);
        after.push_back(*box);
        after.back().state = state;
    }
    if (after.empty())
        return 0;
    const int n = int(after.size());
    m_stack->push(new BulkChangeCommand(AnnotationModel::Edits(m_model), std::move(before), std::move(after), text.arg(n)));
    return n;
}

bool AnnotationEditor::isKeyframe(const Annotation &box)
{
    // A derived box (interpolated, tracked) is the analyst's once moved or confirmed: corrected.
    if (box.source == db::BoxSource::Interpolated || box.source == db::BoxSource::Tracker)
        return box.state == db::BoxState::Corrected;
    return box.state == db::BoxState::Accepted || box.state == db::BoxState::Corrected;
}

std::optional<Annotation> AnnotationEditor::previousKeyframe(std::int64_t handle) const
{
    const auto key = m_model->box(handle);
    if (!key)
        return std::nullopt;
    const std::vector<std::int64_t> frames = m_model->annotatedFrames(key->camera);
    for (auto f = std::lower_bound(frames.begin(), frames.end(), key->frame); f != frames.begin();) {
        --f; // lower_bound's predecessor: always before the key's frame
        for (const Annotation &a : m_model->boxes(key->camera, *f)) {
            if (isKeyframe(a) && a.className == key->className)
                return a;
        }
    }
    return std::nullopt;
}

std::optional<Annotation> AnnotationEditor::nextKeyframe(std::int64_t handle) const
{
    const auto key = m_model->box(handle);
    if (!key)
        return std::nullopt;
    const std::vector<std::int64_t> frames = m_model->annotatedFrames(key->camera);
    for (auto f = std::upper_bound(frames.begin(), frames.end(), key->frame); f != frames.end(); ++f) {
        for (const Annotation &a : m_model->boxes(key->camera, *f)) {
            if (isKeyframe(a) && a.className == key->className)
                return a;
        }
    }
    return std::nullopt;
}

int AnnotationEditor::interpolate(std::int64_t keyA, std::int64_t keyB, const InterpolationGeometryFunction &geometry,
                                  int *usedGeometry)
{
    const auto boxA = m_model->box(keyA), boxB = m_model->box(keyB);
    if (!boxA || !boxB || boxA->camera != boxB->camera || boxA->className != boxB->className || boxA->frame == boxB->frame
        || !isKeyframe(*boxA) || !isKeyframe(*boxB))
        return 0;
    const Annotation *a = boxA->frame < boxB->frame ? &*boxA : &*boxB;
    const Annotation *b = a == &*boxA ? &*boxB : &*boxA;
    const std::vector<QRectF> rects = interpolateBoxes(a->frame, a->rect, b->frame, b->rect, geometry, usedGeometry);
    if (rects.empty())
        return 0;
    std::vector<Annotation> boxes;
    boxes.reserve(rects.size());
    for (std::size_t i = 0; i < rects.size(); ++i) {
        Annotation n;
        n.camera = a->camera;
        n.frame = a->frame + 1 + std::int64_t(i);
        n.rect = rects[i];
        n.className = a->className;
        n.source = db::BoxSource::Interpolated;
        n.state = db::BoxState::Accepted;
        boxes.push_back(n);
    }
    return replaceDerived(a->camera, a->className, a->frame + 1, b->frame - 1, std::move(boxes),
                          tr("Interpolate %1 frames").arg(rects.size()));
}

int AnnotationEditor::replaceDerived(int camera, const QString &className, std::int64_t first, std::int64_t last,
                                     std::vector<Annotation> boxes, const QString &text)
{
    // What an earlier interpolation or tracking of this target left in the span gives way;
    // keyframes and every other box stay, and a frame that holds a keyframe of the target (the
    // analyst may have drawn one while a tracker ran) keeps it alone.
    std::vector<Annotation> old;
    std::set<std::int64_t> keyed;
    for (const std::int64_t f : m_model->annotatedFrames(camera)) {
        if (f < first || f > last)
            continue;
        for (const Annotation &box : m_model->boxes(camera, f)) {
            if (box.className != className)
                continue;
            if (isKeyframe(box))
                keyed.insert(f);
            else if (isDerived(box))
                old.push_back(box);
        }
    }
    std::erase_if(boxes, [&](const Annotation &b) { return b.frame < first || b.frame > last || keyed.count(b.frame); });
    for (Annotation &b : boxes) {
        b.handle = m_model->newHandle();
        b.camera = camera;
        b.className = className;
    }
    if (boxes.empty() && old.empty())
        return 0;
    const int n = int(boxes.size());
    m_stack->push(new BulkReplaceCommand(AnnotationModel::Edits(m_model), std::move(old), std::move(boxes), text));
    return n;
}

int AnnotationEditor::acceptMany(const std::vector<std::int64_t> &handles)
{
    return setStates(handles, db::BoxState::Accepted, tr("Accept %1 boxes"));
}

int AnnotationEditor::rejectMany(const std::vector<std::int64_t> &handles)
{
    return setStates(handles, db::BoxState::Rejected, tr("Reject %1 boxes"));
}

bool AnnotationEditor::setFrameFlags(int camera, std::int64_t frame, const db::FrameFlags &flags)
{
    const db::FrameFlags before = m_model->flags(camera, frame);
    if (before == flags)
        return false;
    QString text = tr("Set frame flags");
    if (flags.reviewed != before.reviewed)
        text = flags.reviewed ? tr("Mark frame reviewed") : tr("Unmark frame reviewed");
    else if (flags.outOfView != before.outOfView || flags.notVisible != before.notVisible)
        text = flags.notVisible || flags.outOfView ? tr("Mark frame: no target") : tr("Clear frame: no target");
    m_stack->push(new FlagsCommand(AnnotationModel::Edits(m_model), camera, frame, before, flags, text));
    return true;
}

} // namespace vigie
