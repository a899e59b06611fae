#pragma once

// The analysts' labels as training, calibration and review read them, one rule for the
// workstation and the CLI (decision 23, class-aware since decision 27): an accepted or corrected
// box of the target class is the target; a box of another class (a bird, an aircraft) is never
// the target and makes nothing negative by itself; a frame flagged out of view or not visible,
// or marked reviewed, without a target box has no target.

#include "models/annotation/records.h"

#include <QRectF>
#include <QString>

#include <map>
#include <set>
#include <vector>

namespace vigie {

/// One box as the labelling rule needs it.
struct LabelBox
{
    std::int64_t frame = 0;
    QRectF rect;
    QString className;
    db::BoxState state = db::BoxState::Accepted;
};

struct AnalystLabels
{
    std::map<std::int64_t, std::vector<QRectF>> boxes; ///< target boxes by frame
    std::set<std::int64_t> noTarget;                   ///< frames known to hold no target
    int otherClassBoxes = 0;                           ///< decided boxes of other classes, left out
};

/// `targetClass` empty: every class is the target (a dataset without one).
AnalystLabels analystLabels(const std::vector<LabelBox> &boxes, const std::map<std::int64_t, db::FrameFlags> &flags,
                            const QString &targetClass);

} // namespace vigie
