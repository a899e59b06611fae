#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QMap>

class QAction;
class QTableWidget;

namespace vigie {

/// Edit > Keyboard Shortcuts: rebinds any action's primary shortcut. It edits values only: the
/// caller applies shortcuts() to the actions and stores them. A sequence already bound to
/// another action is refused with a message naming that action.
class ShortcutEditor : public QDialog
{
    Q_OBJECT

public:
    ShortcutEditor(const QList<QAction *> &actions, QWidget *parent = nullptr);

    /// The edited primary shortcut of every action whose shortcut changed, by object name.
    QMap<QString, QKeySequence> changes() const;
    /// Sets the shortcut of row `row` as if typed (tests); false if refused as a conflict.
    bool setSequence(int row, const QKeySequence &sequence);
    int rowOf(const QString &objectName) const;

private:
    QString conflict(int row, const QKeySequence &sequence) const;

    QList<QAction *> m_actions;
    QList<QKeySequence> m_sequences;
    QTableWidget *m_table;
};

} // namespace vigie
