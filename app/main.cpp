#include "app/i18n.h"
#include "app/mainwindow.h"
#include "app/messagesink.h"
#include "models/buildinfo.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Vigie"));
    QApplication::setApplicationName(QStringLiteral("vigie"));
    QApplication::setApplicationDisplayName(QStringLiteral("Vigie"));
    QApplication::setApplicationVersion(vigie::versionString());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/vigie.png")));
    QApplication::setDesktopFileName(QStringLiteral("vigie"));

    // The language must be known before the first tr(), including the --help text.
    QCommandLineParser parser;
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QApplication::translate("main", "Language for this run (en, fr), overriding the setting."),
        QStringLiteral("code"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a PNG of the main window once shown, then quit."),
        QStringLiteral("file"));
    parser.addOption(languageOption);
    parser.addOption(screenshotOption);
    parser.parse(QApplication::arguments());

    const QString setting = parser.isSet(languageOption)
                                ? parser.value(languageOption)
                                : QSettings().value(QLatin1String(vigie::i18n::settingsKey)).toString();
    vigie::i18n::install(app, vigie::i18n::resolve(setting));

    parser.setApplicationDescription(
        QApplication::translate("main", "Vigie: counter-drone measurement campaign workstation."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    vigie::MainWindow window;
    vigie::routeMessagesTo(window.messages());
    window.show();
    qInfo().noquote() << QApplication::translate("main", "Vigie %1 started.")
                             .arg(vigie::versionString());

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QTimer::singleShot(400, &window, [&window, file] {
            const bool saved = window.grab().save(file, "PNG");
            if (!saved)
                std::fprintf(stderr, "vigie: cannot write %s\n", qPrintable(file));
            QApplication::exit(saved ? 0 : 1);
        });
    }

    const int status = QApplication::exec();
    vigie::routeMessagesTo(nullptr);
    return status;
}
