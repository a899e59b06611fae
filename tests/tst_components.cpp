#include "app/components.h"
#include "inference/runtime.h"
#include "models/media/mediainfo.h"

#include <QRegularExpression>
#include <QTest>

class TestComponents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionIsSemantic()
    {
        QVERIFY(QRegularExpression(QStringLiteral(R"(^\d+\.\d+\.\d+$)"))
                    .match(vigie::versionString())
                    .hasMatch());
    }

    void everyComponentRunsWithAVersion_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("major");
        QTest::newRow("Qt") << "Qt" << 6;
        QTest::newRow("GeographicLib") << "GeographicLib" << 2;
        QTest::newRow("OpenCV") << "OpenCV" << 4;
        QTest::newRow("libavcodec") << "libavcodec" << 59; // FFmpeg 5.1
        QTest::newRow("libavformat") << "libavformat" << 59;
        QTest::newRow("SQLite") << "SQLite" << 3;
        QTest::newRow("LibTorch") << "LibTorch" << 1;
    }

    void everyComponentRunsWithAVersion()
    {
        QFETCH(QString, name);
        QFETCH(int, major);
        const auto components = vigie::allComponents();
        auto it = std::find_if(components.begin(), components.end(),
                               [&](const vigie::ComponentVersion &c) { return c.name == name; });
        QVERIFY2(it != components.end(), qPrintable(name + QStringLiteral(" not listed")));
        QVERIFY2(!it->version.isEmpty(), qPrintable(name + QStringLiteral(": ") + it->detail));
        QCOMPARE(it->version.section(QLatin1Char('.'), 0, 0).toInt(), major);
    }

    void ffmpegHasTheDecodersVigieNeeds()
    {
        for (const char *codec : {"h264", "hevc", "mpeg4", "mjpeg", "ffv1", "png", "rawvideo"})
            QVERIFY2(vigie::media::hasDecoder(QString::fromLatin1(codec)), codec);
        QVERIFY(!vigie::media::hasDecoder(QStringLiteral("no-such-codec")));
    }

    void torchThreadCount()
    {
        QCOMPARE(vigie::inference::configureThreads(1), 1);
        QCOMPARE(vigie::inference::configureThreads(2), 2);
    }
};

QTEST_GUILESS_MAIN(TestComponents)
#include "tst_components.moc"
