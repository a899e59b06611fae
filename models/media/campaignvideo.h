#pragma once

// A campaign as every tool opens it: the manifest and its logs (Campaign::open), then each
// camera without a frame-times file clocked by its video's own timestamps, as docs/FORMATS.md
// promises: frame i at first_frame_utc + (pts_i − pts_0), exact through variable frame rates,
// B-frames and edit lists, where first + i/fps would drift. The frame index this needs is the
// one the workstation's decoders keep in `.vigie/` beside the manifest, so it is read once.

#include "models/campaign.h"

#include <memory>

namespace vigie::media {

/// Where a camera's frame index is kept: `.vigie/<camera>.frameindex` beside the manifest.
QString frameIndexPath(const QString &manifestPath, const QString &cameraName);

/// Campaign::open, then container timestamps for cameras without frame_times. A video that
/// cannot be opened leaves its camera on first + i/fps and is named in `warnings`, or logged with
/// qWarning() without a list (reading its frames fails later with the decoder's reason).
/// nullptr with `error` as Campaign::open.
std::unique_ptr<Campaign> openCampaign(const QString &manifestPath, QString *error, QStringList *warnings = nullptr);

} // namespace vigie::media
