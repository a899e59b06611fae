#include "app/dialogs.h"

#include "app/components.h"
#include "app/i18n.h"
#include "models/buildinfo.h"
#include "models/importsummary.h"
#include "widgets/preferencesdialog.h"
#include "widgets/shortcuteditor.h"
#include "widgets/shortcutsheet.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStatusBar>
#include <QVBoxLayout>

namespace vigie::dialogs {

namespace {
/// The main window's context: these texts were its own and keep their translations.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::MainWindow)
};
} // namespace

void showImportSummary(QWidget *parent, const ImportSummary &summary)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(Tr::tr("Import Summary"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *text = new QPlainTextEdit(&dialog);
    text->setObjectName(QStringLiteral("importSummaryText"));
    text->setReadOnly(true);
    text->setPlainText(summary.lines().join(QLatin1Char('\n')));
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(760, 360);
    dialog.exec();
}

void showPreferences(QMainWindow *window)
{
    QList<PreferencesDialog::Language> languages;
    const auto available = i18n::availableLanguages();
    for (const i18n::Language &language : available)
        languages.append({language.code, language.nativeName});
    QSettings settings;
    const QString current = settings.value(QLatin1String(i18n::settingsKey)).toString();
    PreferencesDialog dialog(languages, current, window);
    dialog.setProposerSteps(settings.value(QStringLiteral("proposer/steps"), 400).toInt());
    if (dialog.exec() != QDialog::Accepted)
        return;
    settings.setValue(QStringLiteral("proposer/steps"), dialog.proposerSteps());
    if (dialog.languageCode() != current) {
        settings.setValue(QLatin1String(i18n::settingsKey), dialog.languageCode());
        window->statusBar()->showMessage(Tr::tr("The new language takes effect when Vigie restarts."), 8000);
    }
}

void showShortcutSheet(QMainWindow *window)
{
    QList<QMenu *> menus;
    const auto actions = window->menuBar()->actions();
    for (QAction *action : actions) {
        if (action->menu())
            menus.append(action->menu());
    }
    ShortcutSheet sheet(menus, window);
    sheet.exec();
}

void showAbout(QWidget *parent)
{
    QString rows;
    const auto components = allComponents();
    for (const ComponentVersion &c : components) {
        rows += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td><td>%3</td></tr>")
                    .arg(c.name.toHtmlEscaped(), c.version.toHtmlEscaped(), c.detail.toHtmlEscaped());
    }
    QMessageBox::about(parent, Tr::tr("About Vigie"),
                       Tr::tr("<h3>Vigie %1</h3><p>A workstation for counter-drone measurement campaigns: "
                          "synchronized RGB and infrared video, GPS-RTK and turret telemetry, weak box "
                          "proposals, correction and detector training.</p>")
                               .arg(versionString())
                           + QStringLiteral("<table cellspacing=\"4\">%1</table>").arg(rows));
}

void applySavedShortcuts(const QList<QAction *> &actions)
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("shortcuts"));
    for (QAction *a : actions) {
        if (settings.contains(a->objectName()))
            a->setShortcut(QKeySequence(settings.value(a->objectName()).toString(), QKeySequence::PortableText));
    }
}

void editShortcuts(QWidget *window, const QList<QAction *> &actions)
{
    ShortcutEditor editor(actions, window);
    if (editor.exec() != QDialog::Accepted)
        return;
    QSettings settings;
    const auto changes = editor.changes();
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        if (auto *a = window->findChild<QAction *>(it.key())) {
            a->setShortcut(it.value());
            settings.setValue(QStringLiteral("shortcuts/") + it.key(), it.value().toString(QKeySequence::PortableText));
        }
    }
}

} // namespace vigie::dialogs
