#include "app/recentcampaigns.h"

#include <QAction>
#include <QMenu>
#include <QSettings>

namespace vigie::recent {

namespace {
const QString recentKey = QStringLiteral("campaigns/recent");
const QString lastKey = QStringLiteral("campaigns/last");
constexpr int maxRecent = 8;
} // namespace

QStringList campaigns()
{
    return QSettings().value(recentKey).toStringList();
}

void remember(const QString &path)
{
    QStringList list = campaigns();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > maxRecent)
        list.removeLast();
    QSettings settings;
    settings.setValue(recentKey, list);
    settings.setValue(lastKey, path);
}

void fillMenu(QMenu *menu, const std::function<void(const QString &)> &open)
{
    menu->clear();
    const QStringList list = campaigns();
    for (int i = 0; i < list.size(); ++i) {
        const QString path = list[i];
        QObject::connect(menu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(path)), &QAction::triggered, menu,
                         [open, path] { open(path); });
    }
    menu->setEnabled(!list.isEmpty());
}

} // namespace vigie::recent
