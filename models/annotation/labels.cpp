#include "models/annotation/labels.h"

namespace vigie {

AnalystLabels analystLabels(const std::vector<LabelBox> &boxes, const std::map<std::int64_t, db::FrameFlags> &flags,
                            const QString &targetClass)
{
    AnalystLabels out;
    for (const LabelBox &b : boxes) {
        if (b.state != db::BoxState::Accepted && b.state != db::BoxState::Corrected)
            continue;
        if (!targetClass.isEmpty() && b.className.compare(targetClass, Qt::CaseInsensitive) != 0) {
            ++out.otherClassBoxes;
            continue;
        }
        out.boxes[b.frame].push_back(b.rect);
    }
    for (const auto &[frame, f] : flags) {
        if (!out.boxes.count(frame) && (f.outOfView || f.notVisible || f.reviewed))
            out.noTarget.insert(frame);
    }
    return out;
}

} // namespace vigie
