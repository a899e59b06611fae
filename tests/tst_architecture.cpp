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

} // namespace

class TestArchitecture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
