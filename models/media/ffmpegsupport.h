#pragma once

// What vigie_media's FFmpeg code shares (not installed, not used outside this folder).

#include <QString>

namespace vigie::media {

/// FFmpeg's message for an error code.
QString avError(int code);

/// Silences FFmpeg's own log once per process: it writes to stderr from any thread, and Vigie
/// reports decode and encode problems itself. VIGIE_FFMPEG_LOG=1 keeps it, for debugging.
void quietFfmpegLog();

} // namespace vigie::media
