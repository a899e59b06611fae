// vigie-cli end to end: the real executable, its exit codes and what it prints.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(VIGIE_CLI), args);
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version()
    {
        const Run run = cli({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral(R"(^vigie-cli \d+\.\d+\.\d+\n$)"))
                     .match(run.out)
                     .hasMatch(),
                 qPrintable(run.out));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("nonsense")}
                                         << QStringLiteral("unknown command 'nonsense'");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("no command");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                        << QStringLiteral("unknown option '--frobnicate'");
        QTest::newRow("unknown sub-option")
            << QStringList{QStringLiteral("about"), QStringLiteral("--frobnicate")}
            << QStringLiteral("vigie-cli about:");
        QTest::newRow("unexpected argument")
            << QStringList{QStringLiteral("about"), QStringLiteral("extra")}
            << QStringLiteral("unexpected argument 'extra'");
    }

    void badUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Run run = cli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1); // one line
        QVERIFY(run.err.startsWith(QStringLiteral("vigie-cli")));
    }

    void help()
    {
        const Run top = cli({QStringLiteral("--help")});
        QCOMPARE(top.exitCode, 0);
        QVERIFY(top.out.contains(QStringLiteral("about")));
        QVERIFY(top.out.contains(QStringLiteral("Exit codes")));

        const Run sub = cli({QStringLiteral("about"), QStringLiteral("--help")});
        QCOMPARE(sub.exitCode, 0);
        QVERIFY2(sub.out.startsWith(QStringLiteral("Usage: vigie-cli about")), qPrintable(sub.out));
        QVERIFY(sub.out.contains(QStringLiteral("--json")));

        const Run viaHelp = cli({QStringLiteral("help"), QStringLiteral("about")});
        QCOMPARE(viaHelp.exitCode, 0);
        QCOMPARE(viaHelp.out, sub.out);
    }

    void aboutJson()
    {
        const Run run = cli({QStringLiteral("about"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray components = doc.object().value(QStringLiteral("components")).toArray();
        QStringList names;
        for (const QJsonValue &value : components) {
            names << value[QLatin1String("name")].toString();
            QVERIFY(!value[QLatin1String("version")].toString().isEmpty());
        }
        for (const char *name : {"Qt", "FFmpeg", "OpenCV", "SQLite", "GeographicLib", "LibTorch"})
            QVERIFY2(names.contains(QString::fromLatin1(name)), name);
    }

    void frenchFollowsTheLocale()
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("fr_FR.UTF-8"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("fr_FR.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("fr"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(VIGIE_CLI), {QStringLiteral("nonsense")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("commande inconnue")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
