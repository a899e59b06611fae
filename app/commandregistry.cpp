#include "app/commandregistry.h"

#include "app/dialogs.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QWidget>

namespace vigie {

namespace {

void fill(QMenu *menu, const char *id, const QList<QAction *> &actions)
{
    menu->setObjectName(QString::fromLatin1(id));
    for (QAction *a : actions) {
        if (a)
            menu->addAction(a);
        else
            menu->addSeparator();
    }
}

} // namespace

CommandRegistry::CommandRegistry(QWidget *owner)
    : QObject(owner)
    , m_owner(owner)
{
}

QAction *CommandRegistry::add(const QString &text, const char *id, const QList<QKeySequence> &keys, Scope scope)
{
    auto *action = new QAction(text, m_owner);
    adopt(action, id, keys);
    if (scope == NeedsCampaign)
        m_campaignCommands.append(action);
    return action;
}

void CommandRegistry::adopt(QAction *action, const char *id, const QList<QKeySequence> &keys)
{
    action->setObjectName(QString::fromLatin1(id));
    action->setShortcuts(keys);
    action->setProperty("vigieDefaultShortcut", keys.isEmpty() ? QKeySequence() : keys.first());
    m_owner->addAction(action); // shortcuts work whatever has focus, menus shown or not
}

QList<QAction *> CommandRegistry::all() const
{
    QList<QAction *> out;
    for (QAction *a : m_owner->actions()) {
        if (!a->objectName().isEmpty())
            out << a;
    }
    return out;
}

void CommandRegistry::setCampaignOpen(bool open)
{
    for (QAction *a : std::as_const(m_campaignCommands))
        a->setEnabled(open);
}

void CommandRegistry::applySavedBindings()
{
    dialogs::applySavedShortcuts(all());
}

void CommandRegistry::editBindings(QWidget *parent)
{
    dialogs::editShortcuts(parent, all());
}

QMenu *CommandRegistry::addMenu(QMenuBar *bar, const QString &title, const char *id, const QList<QAction *> &actions)
{
    QMenu *menu = bar->addMenu(title);
    fill(menu, id, actions);
    return menu;
}

QMenu *CommandRegistry::addMenu(QMenu *parent, const QString &title, const char *id, const QList<QAction *> &actions)
{
    QMenu *menu = parent->addMenu(title);
    fill(menu, id, actions);
    return menu;
}

} // namespace vigie
