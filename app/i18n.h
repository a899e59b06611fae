#pragma once

#include <QList>
#include <QString>

class QCoreApplication;

namespace vigie::i18n {

/// The QSettings key that holds the analyst's language choice ("" = follow the system).
inline constexpr char settingsKey[] = "ui/language";

struct Language
{
    QString code;       ///< "en", "fr"
    QString nativeName; ///< "English", "Français"
};

/// Languages Vigie can show: English (the source language) and every translation compiled into
/// the executable. GUI or main thread.
QList<Language> availableLanguages();

/// The language to use for a setting: the setting itself when Vigie has it, else the system
/// locale's language when Vigie has it, else English.
QString resolve(const QString &setting);

/// Installs Vigie's and Qt's own translators for `code` on the application (which takes no
/// ownership: they live as children of it). Returns false if Vigie's translation for `code` could
/// not be loaded (English needs none and returns true).
bool install(QCoreApplication &app, const QString &code);

} // namespace vigie::i18n
