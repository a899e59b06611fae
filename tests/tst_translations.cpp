#include "app/i18n.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>
#include <QXmlStreamReader>

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
