#pragma once

// Every command of the workstation: a QAction with an id (its object name, for shortcuts,
// settings and tests), a text, default keys (rebindable, saved in QSettings), and whether it
// needs an open campaign. The window's controllers add theirs here; menus are built from the
// lists they return. Active whatever has focus. GUI thread only.

#include <QKeySequence>
#include <QList>
#include <QObject>

class QAction;
class QMenu;
class QMenuBar;
class QWidget;

namespace vigie {

class CommandRegistry : public QObject
{
    Q_OBJECT

public:
    enum Scope { Always, NeedsCampaign };

    /// Commands belong to `owner`, whose shortcuts they are.
    explicit CommandRegistry(QWidget *owner);

    QAction *add(const QString &text, const char *id, const QList<QKeySequence> &keys, Scope scope = Always);
    /// An action made elsewhere (undo, a dock's toggle) as a command with its default keys.
    void adopt(QAction *action, const char *id, const QList<QKeySequence> &keys);
    /// Every named command, for the shortcut editor and the saved bindings.
    QList<QAction *> all() const;
    void setCampaignOpen(bool open);
    /// The analyst's saved bindings, applied once every command exists.
    void applySavedBindings();
    void editBindings(QWidget *parent);

    /// A menu named `id` under `bar` or `parent`, filled with `actions` (nullptr: a separator).
    static QMenu *addMenu(QMenuBar *bar, const QString &title, const char *id, const QList<QAction *> &actions);
    static QMenu *addMenu(QMenu *parent, const QString &title, const char *id, const QList<QAction *> &actions);

private:
    QWidget *m_owner;
    QList<QAction *> m_campaignCommands;
};

} // namespace vigie
