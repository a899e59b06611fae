#pragma once

// The campaigns opened lately (QSettings "campaigns/recent", the newest first, at most 8) and the
// last one (reopened at start-up), with File › Open Recent built from them. GUI thread only.

#include <QStringList>

#include <functional>

class QMenu;

namespace vigie::recent {

QStringList campaigns();
/// `path` becomes the newest and the last campaign.
void remember(const QString &path);
/// Fills `menu` with one entry per recent campaign, each calling `open(path)`.
void fillMenu(QMenu *menu, const std::function<void(const QString &)> &open);

} // namespace vigie::recent
