#pragma once

#include "models/buildinfo.h"

namespace vigie::media {

/// FFmpeg's libraries as loaded at run time (they may differ from the headers Vigie was built
/// against when Debian updates them). Thread-safe.
QList<ComponentVersion> components();

/// Whether FFmpeg has a decoder for the named codec ("h264", "hevc", "ffv1", ...). Thread-safe.
bool hasDecoder(const QString &codecName);

} // namespace vigie::media
