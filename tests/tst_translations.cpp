#include "app/i18n.h"

#include "models/telemetry/turretlog.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QTest>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <map>

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void frenchCatalogueIsComplete()
    {
        QFile file(QStringLiteral(VIGIE_SOURCE_DIR "/translations/vigie_fr.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                QVERIFY2(type.isEmpty() || type == QLatin1String("finished"),
                         qPrintable(QStringLiteral("line %1: '%2' is %3")
                                        .arg(xml.lineNumber()).arg(source, type)));
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                QVERIFY2(!text.trimmed().isEmpty(),
                         qPrintable(QStringLiteral("line %1: '%2' has no translation")
                                        .arg(xml.lineNumber()).arg(source)));
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(messages > 30, qPrintable(QString::number(messages)));
    }

    void everyContextIsOneTheCodeLooksUp()
    {
        // lupdate files a message under the context it sees; the code looks it up under the one
        // it names. Where they differ the message stays English (108 of them did). Every context
        // of the catalogue must be one the code names, and one message of each must come back
        // in French through the translator the executables install.
        QString code;
        for (const char *folder : {"app", "models", "database", "inference", "widgets"}) {
            QDirIterator it(QStringLiteral(VIGIE_SOURCE_DIR "/") + QLatin1String(folder), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (f.open(QIODevice::ReadOnly))
                    code += QString::fromUtf8(f.readAll());
            }
        }
        QFile file(QStringLiteral(VIGIE_SOURCE_DIR "/translations/vigie_fr.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        std::map<QString, std::pair<QString, QString>> oneOfEach; // context → (source, translation)
        QString context, source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation") && !oneOfEach.count(context)
                     && xml.attributes().value(QLatin1String("type")).isEmpty() && !source.contains(QLatin1Char('&')))
                oneOfEach[context] = {source, xml.readElementText()};
        }
        QVERIFY(oneOfEach.size() > 40);
        QVERIFY(vigie::i18n::install(*QCoreApplication::instance(), QStringLiteral("fr")));
        for (const auto &[ctx, message] : oneOfEach) {
            const QString last = ctx.section(QStringLiteral("::"), -1);
            const bool named = code.contains(QStringLiteral("Q_DECLARE_TR_FUNCTIONS(%1)").arg(ctx))
                               || QRegularExpression(QStringLiteral("translate\\(\\s*\"%1\"").arg(QRegularExpression::escape(ctx))).match(code).hasMatch()
                               || QRegularExpression(QStringLiteral("class %1\\b[^;]*\\{[^}]*Q_OBJECT").arg(last)).match(code).hasMatch();
            QVERIFY2(named, qPrintable(QStringLiteral("context %1: the code never looks messages up there").arg(ctx)));
            QCOMPARE(QCoreApplication::translate(ctx.toUtf8().constData(), message.first.toUtf8().constData()), message.second);
        }
        // And through a real code path: a parser's refusal, in French.
        const auto log = vigie::parseTurretLog(QByteArrayLiteral("utc,pan_deg,tilt_deg\nnot-a-time,1,2\n"), QStringLiteral("t.csv"));
        QVERIFY(!log.report.issues.isEmpty());
        QVERIFY2(log.report.issues.front().reason.contains(QStringLiteral("n’est pas une date")), qPrintable(log.report.issues.front().reason));
        vigie::i18n::install(*QCoreApplication::instance(), QStringLiteral("en"));
    }

    void frenchIsEmbeddedAndLoads()
    {
        const auto languages = vigie::i18n::availableLanguages();
        QStringList codes;
        for (const auto &l : languages)
            codes << l.code;
        QVERIFY2(codes.contains(QStringLiteral("fr")), qPrintable(codes.join(QLatin1Char(','))));
        QVERIFY(codes.contains(QStringLiteral("en")));

        QCOMPARE(vigie::i18n::resolve(QStringLiteral("fr")), QStringLiteral("fr"));
        // A language Vigie does not have falls back to the system's (C locale here: English).
        QCOMPARE(vigie::i18n::resolve(QStringLiteral("tlh")), QStringLiteral("en"));

        QVERIFY(vigie::i18n::install(*QCoreApplication::instance(), QStringLiteral("fr")));
        QCOMPARE(QCoreApplication::translate("vigie::MainWindow", "&File"),
                 QStringLiteral("&Fichier"));
        QVERIFY(!vigie::i18n::install(*QCoreApplication::instance(), QStringLiteral("tlh")));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
