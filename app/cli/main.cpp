#include "app/cli/command.h"
#include "app/i18n.h"
#include "models/buildinfo.h"
#include "models/heap.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    vigie::keepLargeBlocksInHeap(); // before any thread: see models/heap.h
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Vigie"));
    QCoreApplication::setApplicationName(QStringLiteral("vigie-cli"));
    QCoreApplication::setApplicationVersion(vigie::versionString());
    // The command line follows the system locale (LANG); the GUI's language setting is the GUI's.
    vigie::i18n::install(app, vigie::i18n::resolve(QString()));

    QTextStream out(stdout);
    QTextStream err(stderr);
    vigie::cli::Io io{out, err};
    vigie::cli::Registry registry;
    vigie::cli::registerAll(registry);
    const int status = registry.dispatch(QCoreApplication::arguments(), io);
    out.flush();
    err.flush();
    return status;
}
