#pragma once

#include <QDialog>
#include <QList>

class QMenu;
class QTreeWidget;

namespace vigie {

/// Help > Keyboard Shortcuts: every action of the given menus with its shortcuts, grouped by
/// menu, read from the live QActions so that the sheet never disagrees with the menus.
class ShortcutSheet : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutSheet(const QList<QMenu *> &menus, QWidget *parent = nullptr);

    /// Rebuilds the sheet from the menus (after shortcuts change).
    void refresh();
    /// Number of actions listed that have at least one shortcut.
    int shortcutCount() const;

private:
    QList<QMenu *> m_menus;
    QTreeWidget *m_tree;
};

} // namespace vigie
