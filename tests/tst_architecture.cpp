// The design card's rules that the compiler cannot see: which folder may include which headers.
// CMake enforces the link graph (cmake/VigieLayering.cmake); this test enforces the includes,
// including the rule that LibTorch headers appear only in inference/*.cpp (each costs ~25 s).
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

struct Include
{
    QString file;
    int line;
    QString header;
};

QList<Include> includesUnder(const QString &folder, const QStringList &skipSubfolders = {})
{
    const QString root = QStringLiteral(VIGIE_SOURCE_DIR "/") + folder;
    QList<Include> found;
    const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*[<\"]([^>\"]+)[>\"]"));
    QDirIterator it(root, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = path.mid(QStringLiteral(VIGIE_SOURCE_DIR "/").size());
        bool skip = false;
        for (const QString &sub : skipSubfolders)
            skip = skip || relative.startsWith(sub + QLatin1Char('/'));
        if (skip)
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        int line = 0;
        while (!file.atEnd()) {
            ++line;
            const auto match = include.match(QString::fromUtf8(file.readLine()));
            if (match.hasMatch())
                found.append({relative, line, match.captured(1)});
        }
    }
    return found;
}

QString describe(const Include &i)
{
    return QStringLiteral("%1:%2 includes %3").arg(i.file).arg(i.line).arg(i.header);
}

void forbid(const QList<Include> &includes, const QStringList &prefixes)
{
    for (const Include &i : includes) {
        for (const QString &prefix : prefixes)
            QVERIFY2(!i.header.startsWith(prefix), qPrintable(describe(i)));
    }
}

QString readSource(const QString &relative)
{
    QFile f(QStringLiteral(VIGIE_SOURCE_DIR "/") + relative);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

/// Every capture of `pattern` in the project's own files matching `nameFilters` under `folders`.
QStringList capturesIn(const QStringList &folders, const QStringList &nameFilters, const QString &pattern)
{
    QStringList out;
    const QRegularExpression re(pattern);
    for (const QString &folder : folders) {
        QDirIterator it(QStringLiteral(VIGIE_SOURCE_DIR "/") + folder, nameFilters, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            auto matches = re.globalMatch(QString::fromUtf8(f.readAll()));
            while (matches.hasNext())
                out << matches.next().captured(1);
        }
    }
    out.removeDuplicates();
    return out;
}

} // namespace

class TestArchitecture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theMainWindowIsCompositionOnly()
    {
        // The window composes one controller per area (app/*controller.h), the command registry
        // and its settings; what it used to compute itself lives in those (issue 15).
        const QString window = readSource(QStringLiteral("app/mainwindow.cpp"));
        const auto lines = window.count(QLatin1Char('\n'));
        QVERIFY2(lines < 500, qPrintable(QStringLiteral("app/mainwindow.cpp has %1 lines").arg(lines)));
        for (const char *forbidden : {"inference/cocoeval.h", "database/dataset.h", "Dataset::open"})
            QVERIFY2(!window.contains(QLatin1String(forbidden)), forbidden);
    }

    void theArchitecturePageMatchesTheCode()
    {
        // docs/ARCHITECTURE.md stays true: every library target, every vigie-cli command and
        // every named worker thread of the code is on it.
        const QString page = readSource(QStringLiteral("docs/ARCHITECTURE.md"));
        QVERIFY(!page.isEmpty());
        const QStringList folders{QStringLiteral("app"), QStringLiteral("models"), QStringLiteral("database"),
                                  QStringLiteral("inference"), QStringLiteral("widgets")};
        const QStringList targets =
            capturesIn(folders, {QStringLiteral("CMakeLists.txt")}, QStringLiteral("add_library\\((vigie_[a-z]+)"));
        QVERIFY(targets.size() >= 9);
        for (const QString &t : targets)
            QVERIFY2(page.contains(QLatin1Char('`') + t + QLatin1Char('`')), qPrintable(t + QStringLiteral(" is not on the page")));
        const QStringList commands = capturesIn({QStringLiteral("app/cli")}, {QStringLiteral("*.cpp")},
                                                QStringLiteral("QString name\\(\\) const override\\s*\\{\\s*return QStringLiteral\\(\"([a-z]+)\"\\)"));
        QVERIFY(commands.size() >= 10);
        const QString cliRow = page.section(QStringLiteral("`vigie_clicore`"), 1).section(QLatin1Char('\n'), 0, 0);
        for (const QString &c : commands)
            QVERIFY2(cliRow.contains(QLatin1Char('`') + c + QLatin1Char('`')),
                     qPrintable(QStringLiteral("vigie-cli %1 is not in the vigie_clicore row").arg(c)));
        const QStringList threads = capturesIn(
            folders, {QStringLiteral("*.cpp")},
            QStringLiteral("(?:[Tt]hread->setObjectName|launch|runInBackground)\\(\\s*(?:this,\\s*)?QStringLiteral\\(\"([A-Za-z-]+)\"\\)"));
        QVERIFY(threads.size() >= 8);
        const QString threadSection = page.section(QStringLiteral("## Threads"), 1).section(QStringLiteral("\n## "), 0, 0);
        for (const QString &t : threads)
            QVERIFY2(threadSection.contains(QLatin1Char('`') + t + QLatin1Char('`')),
                     qPrintable(QStringLiteral("thread %1 is not in the Threads section").arg(t)));
    }

    void sourcesAreScanned()
    {
        // A broken scan (wrong root) would make every rule below pass vacuously.
        QVERIFY(includesUnder(QStringLiteral("widgets")).size() > 5);
        QVERIFY(includesUnder(QStringLiteral("models")).size() > 5);
    }

    void torchOnlyInInferenceSources()
    {
        const QStringList folders{QStringLiteral("app"), QStringLiteral("widgets"),
                                  QStringLiteral("models"), QStringLiteral("database"),
                                  QStringLiteral("inference"), QStringLiteral("tests"),
                                  QStringLiteral("bench")};
        for (const QString &folder : folders) {
            const auto includes = includesUnder(folder);
            for (const Include &i : includes) {
                const bool torch = i.header.startsWith(QStringLiteral("torch/"))
                                   || i.header.startsWith(QStringLiteral("ATen/"))
                                   || i.header.startsWith(QStringLiteral("c10/"));
                if (!torch)
                    continue;
                QVERIFY2(i.file.startsWith(QStringLiteral("inference/"))
                             && i.file.endsWith(QStringLiteral(".cpp")),
                         qPrintable(describe(i)));
            }
        }
    }

    void widgetsSeeNeitherDatabaseNorNetworksNorFFmpeg()
    {
        forbid(includesUnder(QStringLiteral("widgets")),
               {QStringLiteral("database/"), QStringLiteral("inference/"),
                QStringLiteral("models/media/"), QStringLiteral("models/synth/"),
                QStringLiteral("libav"), QStringLiteral("libsw"), QStringLiteral("QSql"),
                QStringLiteral("QtSql"), QStringLiteral("app/")});
    }

    void modelsAreGuiFree()
    {
        forbid(includesUnder(QStringLiteral("models"),
                             {QStringLiteral("models/media"), QStringLiteral("models/synth")}),
               {QStringLiteral("QtWidgets"), QStringLiteral("QWidget"), QStringLiteral("QSql"),
                QStringLiteral("libav"), QStringLiteral("database/"),
                QStringLiteral("inference/"), QStringLiteral("widgets/"),
                QStringLiteral("models/media/"), QStringLiteral("models/synth/")});
    }

    void lowerLayersDoNotReachUp()
    {
        const QStringList up{QStringLiteral("widgets/"), QStringLiteral("app/"),
                             QStringLiteral("QWidget"), QStringLiteral("QtWidgets")};
        forbid(includesUnder(QStringLiteral("database")), up + QStringList{QStringLiteral("inference/")});
        forbid(includesUnder(QStringLiteral("inference")), up + QStringList{QStringLiteral("database/"), QStringLiteral("QSql")});
        forbid(includesUnder(QStringLiteral("models/media")), up + QStringList{QStringLiteral("database/"), QStringLiteral("inference/")});
    }
};

QTEST_GUILESS_MAIN(TestArchitecture)
#include "tst_architecture.moc"
