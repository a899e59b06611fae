#pragma once

#include <Qt>

namespace vigie {

/// The item-data roles every Vigie model shares, so that a view or a test can read any model
/// the same way. Add new roles at the end.
enum Role : int {
    TimestampRole = Qt::UserRole + 1, ///< QDateTime (UTC)
    SeverityRole,                     ///< int: QtMsgType
    CategoryRole,                     ///< QString: logging category
};

} // namespace vigie
