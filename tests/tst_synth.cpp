#include "models/campaign.h"
#include "models/media/videodecoder.h"
#include "models/synth/generator.h"
#include "models/telemetry/nmea.h"
#include "models/telemetry/rtklibpos.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace vigie;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray decodedHash(const QString &video)
{
    auto decoder = media::VideoDecoder::open(video, {}, nullptr);
    if (!decoder)
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha1);
    while (auto f = decoder->next()) {
        const qsizetype row = qsizetype(f->image.width()) * f->image.depth() / 8;
        for (int y = 0; y < f->image.height(); ++y)
            hash.addData(QByteArrayView(reinterpret_cast<const char *>(f->image.constScanLine(y)), row));
    }
    return hash.result();
}

qint64 ffprobeFrames(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("ffprobe"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_frames"),
                                       QStringLiteral("-select_streams"), QStringLiteral("v:0"), QStringLiteral("-show_entries"),
                                       QStringLiteral("stream=nb_read_frames"), QStringLiteral("-of"), QStringLiteral("csv=p=0"), path});
    p.waitForFinished(60000);
    return p.readAllStandardOutput().trimmed().split('\n').last().toLongLong();
}

QJsonObject json(const QString &path)
{
    return QJsonDocument::fromJson(fileBytes(path)).object();
}

} // namespace

class TestSynth : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void sameSeedSameCampaign()
    {
        const auto config = synth::Config::forPreset(synth::Preset::Realistic, 11, 2.5);
        QString error;
        const QString a = m_dir.filePath(QStringLiteral("a")), b = m_dir.filePath(QStringLiteral("b"));
        QVERIFY2(synth::generate(config, a, {}, &error), qPrintable(error));
        QVERIFY2(synth::generate(config, b, {}, &error), qPrintable(error));
        for (const char *file : {"campaign.json", "ground_truth.json", "drone.nmea", "drone.pos", "turret.csv"}) {
            const QByteArray x = fileBytes(a + QLatin1Char('/') + QLatin1String(file));
            QVERIFY2(!x.isEmpty(), file);
            QVERIFY2(x == fileBytes(b + QLatin1Char('/') + QLatin1String(file)), file);
        }
        for (const char *video : {"rgb.mp4", "ir.mp4"}) {
            const QByteArray x = decodedHash(a + QLatin1Char('/') + QLatin1String(video));
            QVERIFY2(!x.isEmpty(), video);
            QCOMPARE(x, decodedHash(b + QLatin1Char('/') + QLatin1String(video)));
        }
        // Another seed, another campaign.
        const QString c = m_dir.filePath(QStringLiteral("c"));
        QVERIFY(synth::generate(synth::Config::forPreset(synth::Preset::Realistic, 12, 2.5), c, {}, &error));
        QVERIFY(fileBytes(a + QStringLiteral("/drone.nmea")) != fileBytes(c + QStringLiteral("/drone.nmea")));
    }

    void filesAreWhatTheManifestSays()
    {
        const QString a = m_dir.filePath(QStringLiteral("a"));
        const QJsonObject truth = json(a + QStringLiteral("/ground_truth.json"));
        QCOMPARE(ffprobeFrames(a + QStringLiteral("/rgb.mp4")), truth[QLatin1String("frames")][QLatin1String("rgb")].toArray().size());
        QCOMPARE(ffprobeFrames(a + QStringLiteral("/ir.mp4")), truth[QLatin1String("frames")][QLatin1String("ir")].toArray().size());
        auto rgb = media::VideoDecoder::open(a + QStringLiteral("/rgb.mp4"), {}, nullptr);
        QCOMPARE(rgb->info().width, 1280);
        QVERIFY(std::abs(rgb->info().fps - 30.0) < 1e-6);
        auto ir = media::VideoDecoder::open(a + QStringLiteral("/ir.mp4"), {}, nullptr);
        QCOMPARE(ir->info().width, 640);
        QVERIFY(std::abs(ir->info().fps - 25.0) < 1e-6);

        const GnssLog nmea = parseNmeaFile(a + QStringLiteral("/drone.nmea"));
        QVERIFY2(nmea.report.ok(), qPrintable(nmea.report.error));
        QCOMPARE(nmea.report.rejected, 0);
        QVERIFY(nmea.fixes.size() >= 20);
        const GnssLog pos = parseRtklibPosFile(a + QStringLiteral("/drone.pos"));
        QCOMPARE(pos.report.rejected, 0);
        QCOMPARE(pos.fixes.size(), nmea.fixes.size());
        QString error;
        const auto campaign = Campaign::open(a + QStringLiteral("/campaign.json"), &error);
        QVERIFY2(campaign, qPrintable(error));
        QCOMPARE(campaign->turretLog().report.rejected, 0);
        // The injected errors are in the ground truth, not in the manifest.
        QCOMPARE(campaign->manifest().cameras[0].timeOffsetUs, 0);
        QCOMPARE(truth[QLatin1String("cameras")][QLatin1String("rgb")][QLatin1String("time_offset_s")].toDouble(), 0.040);
    }

    void trueProjectionLandsInTheTruthBox()
    {
        const QString a = m_dir.filePath(QStringLiteral("a"));
        const QJsonObject truth = json(a + QStringLiteral("/ground_truth.json"));
        int visible = 0;
        for (const char *cam : {"rgb", "ir"}) {
            const QJsonObject cameraTruth = truth[QLatin1String("cameras")][QLatin1String(cam)].toObject();
            const QJsonArray boresight = cameraTruth[QLatin1String("boresight_deg")].toArray();
            const QJsonArray frames = truth[QLatin1String("frames")][QLatin1String(cam)].toArray();
            const QSize size = QLatin1String(cam) == QLatin1String("rgb") ? QSize(1280, 720) : QSize(640, 512);
            for (qsizetype i = 0; i < frames.size(); ++i) {
                const QJsonObject f = frames[i].toObject();
                if (f[QLatin1String("state")].toString() != QLatin1String("visible"))
                    continue;
                ++visible;
                CameraModel model;
                model.intrinsics = Intrinsics::fromHfov(size.width(), size.height(), f[QLatin1String("hfov_deg")].toDouble());
                model.boresight = {boresight[0].toDouble(), boresight[1].toDouble(), 0};
                const QJsonArray position = cameraTruth[QLatin1String("position_m")].toArray();
                QCOMPARE(position.size(), 3);
                model.positionM = {position[0].toDouble(), position[1].toDouble(), position[2].toDouble()};
                const QJsonArray t = f[QLatin1String("turret_deg")].toArray(), p = f[QLatin1String("target_enu")].toArray();
                const auto px = model.project({p[0].toDouble(), p[1].toDouble(), p[2].toDouble()},
                                              {t[0].toDouble(), t[1].toDouble(), t[2].toDouble()});
                QVERIFY(px);
                const QJsonArray box = f[QLatin1String("box")].toArray();
                const double x = (*px)[0], y = (*px)[1];
                QVERIFY2(x >= box[0].toDouble() && x <= box[0].toDouble() + box[2].toDouble() && y >= box[1].toDouble()
                             && y <= box[1].toDouble() + box[3].toDouble(),
                         qPrintable(QStringLiteral("%1 frame %2: (%3, %4) outside its box").arg(QLatin1String(cam)).arg(i).arg(x).arg(y)));
            }
        }
        QVERIFY(visible > 20);
    }

    void sixteenBitIrAndBadSettings()
    {
        auto config = synth::Config::forPreset(synth::Preset::Easy, 5, 1.0);
        QString error;
        QVERIFY(config.apply({{QStringLiteral("ir_output"), QStringLiteral("ffv1-16")}}, &error));
        const QString d = m_dir.filePath(QStringLiteral("ffv1"));
        QVERIFY2(synth::generate(config, d, {}, &error), qPrintable(error));
        auto ir = media::VideoDecoder::open(d + QStringLiteral("/ir.mkv"), {}, &error);
        QVERIFY2(ir, qPrintable(error));
        QCOMPARE(ir->info().bitDepth, 16);
        QCOMPARE(ir->frame(3)->image.format(), QImage::Format_Grayscale16);
        QVERIFY(!config.apply({{QStringLiteral("pointing_noise"), 0.1}}, &error));
        QVERIFY(error.contains(QStringLiteral("unknown setting 'pointing_noise'")));
        QVERIFY(!config.apply({{QStringLiteral("birds"), -3}}, &error));
        QVERIFY(!synth::generate(synth::Config::forPreset(synth::Preset::Easy, 1, 0), d, {}, &error));
    }

    void contactSheet()
    {
        QString error;
        const QString png = m_dir.filePath(QStringLiteral("sheet.png"));
        QVERIFY2(synth::contactSheet(m_dir.filePath(QStringLiteral("a")), png, 4, &error), qPrintable(error));
        const QImage sheet(png);
        QVERIFY(sheet.width() > 1000 && sheet.height() > 400);
        QVERIFY(sheet.save(QStringLiteral(VIGIE_TEST_OUTPUT_DIR "/contact-sheet.png")));
    }
};

QTEST_GUILESS_MAIN(TestSynth)
#include "tst_synth.moc"
