#include "app/i18n.h"
#include "app/mainwindow.h"
#include "app/messagesink.h"
#include "models/buildinfo.h"
#include "models/heap.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    vigie::keepLargeBlocksInHeap(); // before any thread: see models/heap.h
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
    const QCommandLineOption datasetOption(
        QStringLiteral("dataset"),
        QApplication::translate("main", "Dataset to open with the campaign (default: annotations.sqlite beside it)."),
        QStringLiteral("file"));
    const QCommandLineOption noRestoreOption(
        QStringLiteral("no-restore"),
        QApplication::translate("main", "Do not reopen the last campaign."));
    parser.addOption(languageOption);
    parser.addOption(screenshotOption);
    parser.addOption(datasetOption);
    parser.addOption(noRestoreOption);
    parser.addPositionalArgument(QStringLiteral("campaign"),
                                 QApplication::translate("main", "campaign.json to open."),
                                 QStringLiteral("[campaign.json]"));
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

    // The campaign named on the command line, else the last one opened.
    QString campaign = parser.positionalArguments().value(0);
    if (campaign.isEmpty() && !parser.isSet(noRestoreOption)) {
        const QString last = QSettings().value(QStringLiteral("campaigns/last")).toString();
        if (!last.isEmpty() && QFileInfo::exists(last))
            campaign = last;
    }
    if (!campaign.isEmpty())
        window.openCampaign(campaign, parser.value(datasetOption));

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        auto shoot = [&window, file] {
            const bool saved = window.grab().save(file, "PNG");
            if (!saved)
                std::fprintf(stderr, "vigie: cannot write %s\n", qPrintable(file));
            QApplication::exit(saved ? 0 : 1);
        };
        if (campaign.isEmpty()) {
            QTimer::singleShot(400, &window, shoot);
        } else {
            // Once the campaign is open and its first frames are painted.
            QObject::connect(&window, &vigie::MainWindow::campaignOpened, &window,
                             [&window, shoot] { QTimer::singleShot(1500, &window, shoot); });
            QObject::connect(&window, &vigie::MainWindow::campaignFailed, &window, [](const QString &error) {
                std::fprintf(stderr, "vigie: %s\n", qPrintable(error));
                QApplication::exit(1);
            });
        }
    }

    const int status = QApplication::exec();
    vigie::routeMessagesTo(nullptr);
    return status;
}
