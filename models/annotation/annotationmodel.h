#pragma once

// The campaign's annotations as the workstation sees them: every box of every frame of every
// camera, in memory, keyed by (camera, frame). The model is the GUI thread's copy; each change
// goes at once to an AnnotationSink (the dataset's writer thread), so that what the analyst
// sees is what is saved. Boxes are known by a handle: the dataset's row id for boxes loaded
// from it, a negative number for boxes created in this session (the writer maps it to the row
// it inserts). Changes come from the undo commands the AnnotationEditor makes; nothing else
// should call the mutators. GUI thread only.

#include "models/annotation/records.h"

#include <QObject>
#include <QRectF>

#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

namespace vigie {

struct Annotation
{
    std::int64_t handle = 0;
    int camera = -1;         ///< index into the campaign's cameras
    std::int64_t frame = -1; ///< frame index in that camera's video
    QRectF rect;             ///< pixels; x, y = top-left
    QString className;
    db::BoxSource source = db::BoxSource::Manual;
    db::BoxState state = db::BoxState::Accepted;
    std::optional<double> confidence;
    QString modelVersion;

    bool operator==(const Annotation &) const = default;
};

/// What the timeline shows per frame.
enum class FrameAnnotationState { None, Proposed, Accepted };

/// Where every change goes once it is made (the dataset writer). Called on the GUI thread; an
/// implementation must not block.
class AnnotationSink
{
public:
    virtual ~AnnotationSink() = default;
    enum class Op { Create, Update, Delete, Restore };
    virtual void writeBox(Op op, const Annotation &box) = 0;
    /// Many boxes in one write (a proposer or detector run): all or nothing. By default one by one.
    virtual void writeBoxes(Op op, const std::vector<Annotation> &boxes)
    {
        for (const Annotation &b : boxes)
            writeBox(op, b);
    }
    virtual void writeFlags(int camera, std::int64_t frame, const db::FrameFlags &flags) = 0;
    /// Boxes removed and others written in their place (an interpolation or a tracker run
    /// replacing the last one): all or nothing. By default as two writes.
    virtual void replaceBoxes(const std::vector<Annotation> &removed, Op op, const std::vector<Annotation> &added)
    {
        if (!removed.empty())
            writeBoxes(Op::Delete, removed);
        if (!added.empty())
            writeBoxes(op, added);
    }
};

class AnnotationModel : public QObject
{
    Q_OBJECT

public:
    explicit AnnotationModel(QObject *parent = nullptr);

    void setSink(AnnotationSink *sink) { m_sink = sink; }
    /// Replaces everything (a campaign was opened); nothing is written.
    void reset(std::vector<Annotation> boxes,
               std::map<std::pair<int, std::int64_t>, db::FrameFlags> flags);
    void clear();

    std::vector<Annotation> boxes(int camera, std::int64_t frame) const;
    std::optional<Annotation> box(std::int64_t handle) const;
    std::size_t boxCount() const { return m_where.size(); }
    db::FrameFlags flags(int camera, std::int64_t frame) const;
    FrameAnnotationState frameState(int camera, std::int64_t frame) const;
    /// Frames of a camera that hold at least one box or flag, in order.
    std::vector<std::int64_t> annotatedFrames(int camera) const;
    /// Frames of a camera with any flag set, in order.
    std::vector<std::int64_t> flaggedFrames(int camera) const;

    /// A fresh handle for a box created in this session.
    std::int64_t newHandle() { return --m_lastHandle; }

    /// The mutators, reachable only through an Edits, which only AnnotationEditor makes and
    /// hands to its undo commands: every change of the dataset is a command (undoable), never
    /// a direct call.
    class Edits
    {
    public:
        void insert(const Annotation &box, AnnotationSink::Op op = AnnotationSink::Op::Create) { m_model->insert(box, op); }
        void update(const Annotation &box) { m_model->update(box); }
        void remove(std::int64_t handle) { m_model->remove(handle); }
        /// Many boxes at once, written in one go (Create or Restore).
        void insertMany(const std::vector<Annotation> &boxes, AnnotationSink::Op op) { m_model->insertMany(boxes, op); }
        void removeMany(const std::vector<std::int64_t> &handles) { m_model->removeMany(handles); }
        /// Removes some boxes and inserts others, written in one go.
        void replaceMany(const std::vector<std::int64_t> &removed, const std::vector<Annotation> &added, AnnotationSink::Op op)
        {
            m_model->replaceMany(removed, added, op);
        }
        /// Many boxes changed at once, written in one go.
        void updateMany(const std::vector<Annotation> &boxes) { m_model->updateMany(boxes); }
        void setFlags(int camera, std::int64_t frame, const db::FrameFlags &flags) { m_model->setFlags(camera, frame, flags); }

    private:
        friend class AnnotationEditor;
        explicit Edits(AnnotationModel *model)
            : m_model(model)
        {
        }
        AnnotationModel *m_model;
    };

Q_SIGNALS:
    /// The boxes or flags of one frame changed.
    void frameChanged(int camera, qint64 frame);
    /// Everything changed (reset, clear).
    void modelReset();

private:
    void insert(const Annotation &box, AnnotationSink::Op op);
    void update(const Annotation &box);
    void remove(std::int64_t handle);
    void insertMany(const std::vector<Annotation> &boxes, AnnotationSink::Op op);
    void removeMany(const std::vector<std::int64_t> &handles);
    void replaceMany(const std::vector<std::int64_t> &removed, const std::vector<Annotation> &added, AnnotationSink::Op op);
    void updateMany(const std::vector<Annotation> &boxes);
    void setFlags(int camera, std::int64_t frame, const db::FrameFlags &flags);

    using Key = std::pair<int, std::int64_t>;
    /// Takes a box out of the maps (no write, no signal).
    std::optional<Annotation> take(std::int64_t handle);
    /// take() for many; the frames they were on go into `touched`.
    std::vector<Annotation> takeMany(const std::vector<std::int64_t> &handles, std::set<Key> *touched);
    /// Files boxes under their frames; those frames go into `touched`.
    void putMany(const std::vector<Annotation> &boxes, std::set<Key> *touched);
    void emitChanged(const std::set<Key> &touched);
    std::map<Key, std::vector<Annotation>> m_boxes;
    std::unordered_map<std::int64_t, Key> m_where;
    std::map<Key, db::FrameFlags> m_flags;
    AnnotationSink *m_sink = nullptr;
    std::int64_t m_lastHandle = 0;
};

} // namespace vigie
