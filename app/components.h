#pragma once

#include "models/buildinfo.h"

namespace vigie {

/// Every third-party component Vigie runs with, in layer order (models, media, database,
/// inference), for `vigie-cli about`, the About box and bug reports. Thread-safe.
QList<ComponentVersion> allComponents();

} // namespace vigie
