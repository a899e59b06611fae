#include "app/i18n.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace vigie::i18n {

namespace {
const QString resourceDir = QStringLiteral(":/i18n");
}

QList<Language> availableLanguages()
{
    QList<Language> languages{{QStringLiteral("en"), QStringLiteral("English")}};
    const QStringList files = QDir(resourceDir).entryList({QStringLiteral("vigie_*.qm")},
                                                          QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString code = file.mid(6, file.size() - 6 - 3); // vigie_XX.qm
        const QLocale locale(code);
        QString name = locale.nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        languages.append({code, name.isEmpty() ? code : name});
    }
    return languages;
}

QString resolve(const QString &setting)
{
    const QList<Language> languages = availableLanguages();
    auto have = [&](const QString &code) {
        return std::any_of(languages.begin(), languages.end(),
                           [&](const Language &l) { return l.code == code; });
    };
    if (!setting.isEmpty() && have(setting))
        return setting;
    const QString system = QLocale::languageToCode(QLocale::system().language());
    return have(system) ? system : QStringLiteral("en");
}

bool install(QCoreApplication &app, const QString &code)
{
    if (code == QLatin1String("en"))
        return true;
    auto *vigie = new QTranslator(&app);
    if (!vigie->load(QStringLiteral("vigie_") + code, resourceDir)) {
        delete vigie;
        return false;
    }
    QCoreApplication::installTranslator(vigie);
    // Qt's own strings (standard buttons, file dialogs), from Debian's qt6-translations-l10n.
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_") + code,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return true;
}

} // namespace vigie::i18n
