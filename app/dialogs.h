#pragma once

// The workstation's dialogs that are not a panel: the import summary, preferences, the keyboard
// shortcut sheet and editor (with the saved bindings), and About. GUI thread only.

#include <QList>

class QAction;
class QMainWindow;
class QWidget;

namespace vigie {

struct ImportSummary;

namespace dialogs {

void showImportSummary(QWidget *parent, const ImportSummary &summary);
/// Language and proposer settings; says on the status bar when a restart is needed.
void showPreferences(QMainWindow *window);
/// Every menu's commands with their keys.
void showShortcutSheet(QMainWindow *window);
void showAbout(QWidget *parent);
/// The bindings the analyst saved (QSettings "shortcuts/<action name>") onto `actions`.
void applySavedShortcuts(const QList<QAction *> &actions);
/// Rebinds `actions` (children of `window`) and saves the changes.
void editShortcuts(QWidget *window, const QList<QAction *> &actions);

} // namespace dialogs
} // namespace vigie
