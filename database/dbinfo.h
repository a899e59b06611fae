#pragma once

#include "models/buildinfo.h"

namespace vigie::db {

/// The SQLite engine behind Qt's QSQLITE driver, asked at run time through an in-memory
/// database. If the driver plugin is missing (Debian package libqt6sql6-sqlite) the entry says
/// so in its detail and carries an empty version. Thread-safe: it uses its own connection.
QList<ComponentVersion> components();

} // namespace vigie::db
