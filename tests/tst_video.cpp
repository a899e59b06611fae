#include "models/media/campaignvideo.h"
#include "models/media/frameserver.h"
#include "models/media/syncplayer.h"
#include "models/media/videodecoder.h"

#include "testcampaign.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <random>
#include <set>

using namespace vigie;
using namespace vigie::media;

namespace {

const QString turret = QStringLiteral(VIGIE_FIXTURES_DIR "/anti-uav-ir/seq4.avi");

bool run(const QString &program, const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning().noquote() << program << args.join(QLatin1Char(' ')) << p.readAllStandardError();
        return false;
    }
    if (out)
        *out = p.readAllStandardOutput();
    return true;
}

QByteArray hashOf(const QImage &image)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const qsizetype row = qsizetype(image.width()) * image.depth() / 8;
    for (int y = 0; y < image.height(); ++y)
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(image.constScanLine(y)), row));
    return hash.result();
}

std::int64_t ffprobeCount(const QString &path)
{
    QByteArray out;
    if (!run(QStringLiteral("ffprobe"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_frames"),
                                         QStringLiteral("-select_streams"), QStringLiteral("v:0"),
                                         QStringLiteral("-show_entries"), QStringLiteral("stream=nb_read_frames"),
                                         QStringLiteral("-of"), QStringLiteral("csv=p=0"), path},
             &out))
        return -1;
    // ffprobe prints an empty program line before the stream's for some containers (MPEG-TS).
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return lines.isEmpty() ? -1 : lines.last().trimmed().toLongLong();
}

} // namespace

class TestVideo : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty(), "ffmpeg is required");
        const QStringList src{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                              QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                              QStringLiteral("testsrc2=size=160x120:rate=30"), QStringLiteral("-t"),
                              QStringLiteral("4")};
        auto make = [&](const QStringList &args) { return run(QStringLiteral("ffmpeg"), src + args); };
        QVERIFY(make({QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-g"), QStringLiteral("60"),
                      QStringLiteral("-bf"), QStringLiteral("3"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                      path(QStringLiteral("h264.mp4"))}));
        QVERIFY(make({QStringLiteral("-c:v"), QStringLiteral("libx265"), QStringLiteral("-x265-params"),
                      QStringLiteral("keyint=30:bframes=4:log-level=error"), QStringLiteral("-pix_fmt"),
                      QStringLiteral("yuv420p"), path(QStringLiteral("hevc.mp4"))}));
        QVERIFY(make({QStringLiteral("-c:v"), QStringLiteral("mjpeg"), QStringLiteral("-q:v"), QStringLiteral("4"),
                      path(QStringLiteral("mjpeg.avi"))}));
        QVERIFY(make({QStringLiteral("-c:v"), QStringLiteral("mpeg4"), QStringLiteral("-bf"), QStringLiteral("2"),
                      QStringLiteral("-g"), QStringLiteral("20"), path(QStringLiteral("mpeg4b.avi"))}));
        QVERIFY(make({QStringLiteral("-pix_fmt"), QStringLiteral("gray16le"), QStringLiteral("-c:v"),
                      QStringLiteral("ffv1"), QStringLiteral("-g"), QStringLiteral("25"), path(QStringLiteral("ffv1g16.mkv"))}));
        QDir().mkpath(path(QStringLiteral("png")));
        QVERIFY(run(QStringLiteral("ffmpeg"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                                               QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                               QStringLiteral("testsrc2=size=96x64:rate=10"), QStringLiteral("-t"),
                                               QStringLiteral("2"), QStringLiteral("-pix_fmt"), QStringLiteral("gray16be"),
                                               path(QStringLiteral("png/%05d.png"))}));
        QVERIFY(make({QStringLiteral("-vf"), QStringLiteral("setpts='(N+floor(N/7)*0.5)/(30*TB)'"),
                      QStringLiteral("-fps_mode"), QStringLiteral("passthrough"), QStringLiteral("-c:v"),
                      QStringLiteral("libx264"), QStringLiteral("-bf"), QStringLiteral("2"), QStringLiteral("-g"),
                      QStringLiteral("25"), path(QStringLiteral("vfr.mkv"))}));
        QVERIFY(run(QStringLiteral("ffmpeg"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                                               QStringLiteral("-ss"), QStringLiteral("1.3"), QStringLiteral("-i"),
                                               path(QStringLiteral("h264.mp4")), QStringLiteral("-c"), QStringLiteral("copy"),
                                               path(QStringLiteral("editlist.mp4"))}));
        QVERIFY(make({QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-bf"), QStringLiteral("2"),
                      QStringLiteral("-g"), QStringLiteral("30"), QStringLiteral("-output_ts_offset"),
                      QStringLiteral("10.5"), path(QStringLiteral("start.ts"))}));
        QVERIFY(make({QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-bf"), QStringLiteral("0"),
                      QStringLiteral("-g"), QStringLiteral("30"), QStringLiteral("-f"), QStringLiteral("h264"),
                      path(QStringLiteral("raw.h264"))}));
    }

    void exactSeek_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("H.264, B-frames, GOP 60") << path(QStringLiteral("h264.mp4"));
        QTest::newRow("HEVC") << path(QStringLiteral("hevc.mp4"));
        QTest::newRow("MPEG-4 Part 2, real turret IR") << turret;
        QTest::newRow("MPEG-4 Part 2, B-frames in AVI") << path(QStringLiteral("mpeg4b.avi"));
        QTest::newRow("MJPEG") << path(QStringLiteral("mjpeg.avi"));
        QTest::newRow("FFV1 gray16") << path(QStringLiteral("ffv1g16.mkv"));
        QTest::newRow("16-bit PNG sequence") << path(QStringLiteral("png/%05d.png"));
        QTest::newRow("variable frame rate") << path(QStringLiteral("vfr.mkv"));
        QTest::newRow("edit list") << path(QStringLiteral("editlist.mp4"));
        QTest::newRow("non-zero start, MPEG-TS") << path(QStringLiteral("start.ts"));
        QTest::newRow("no timestamps, raw H.264") << path(QStringLiteral("raw.h264"));
    }

    void exactSeek()
    {
        QFETCH(QString, file);
        QString error;
        auto sequential = VideoDecoder::open(file, {}, &error);
        QVERIFY2(sequential, qPrintable(error));
        const std::int64_t count = sequential->index().count();
        QCOMPARE(count, ffprobeCount(file));
        std::vector<QByteArray> hashes(static_cast<size_t>(count));
        std::int64_t expected = 0;
        while (auto f = sequential->next()) {
            QCOMPARE(f->index, expected++); // sequential decode returns 0, 1, 2, ...
            hashes[size_t(f->index)] = hashOf(f->image);
        }
        QCOMPARE(expected, count);

        auto random = VideoDecoder::open(file, {}, &error);
        std::mt19937_64 rng(99);
        std::vector<std::int64_t> order{count - 1, 0};
        for (int i = 0; i < 40; ++i)
            order.push_back(std::int64_t(rng() % std::uint64_t(count)));
        for (std::int64_t n = std::min<std::int64_t>(count - 1, 70); n >= 0; n -= 1)
            order.push_back(n); // step back across keyframes
        for (std::int64_t n : order) {
            const auto f = random->frame(n, &error);
            QVERIFY2(f, qPrintable(error));
            QCOMPARE(f->index, n);
            QVERIFY2(hashOf(f->image) == hashes[size_t(n)], qPrintable(QStringLiteral("frame %1").arg(n)));
        }

        // The same with a cache: frames decoded on the way are kept in the decoder's format and
        // converted when asked for, and must be the very same pixels.
        VideoDecoder::Options cachedOptions;
        cachedOptions.cache = std::make_shared<FrameCache>(256ll << 20);
        auto cached = VideoDecoder::open(file, cachedOptions, &error);
        for (std::int64_t n : order) {
            const auto f = cached->frame(n, &error);
            QVERIFY2(f, qPrintable(error));
            QCOMPARE(f->index, n);
            QVERIFY2(hashOf(f->image) == hashes[size_t(n)], qPrintable(QStringLiteral("cached frame %1").arg(n)));
        }
    }

    void framesOnTheWayAreCachedUnconverted()
    {
        VideoDecoder::Options options;
        options.cache = std::make_shared<FrameCache>(256ll << 20);
        auto decoder = VideoDecoder::open(path(QStringLiteral("h264.mp4")), options, nullptr);
        QVERIFY(decoder);
        const std::int64_t target = decoder->index().seekFrameFor(45) + 20;
        const auto shown = decoder->frame(target);
        QVERIFY(shown);
        FrameCache &cache = *options.cache;
        QVERIFY(cache.containsConverted(target));
        QVERIFY(cache.contains(target - 1));
        QVERIFY(!cache.containsConverted(target - 1)); // decoded on the way, not converted
        const std::int64_t used = cache.bytesUsed();
        // A 4:2:0 picture costs less than its BGR image (half, plus the decoder's padding).
        QVERIFY2(double(used - FrameCache::costOf(*shown)) / double(cache.count() - 1)
                     < double(FrameCache::costOf(*shown)),
                 qPrintable(QString::number(used)));

        const std::int64_t decodedBefore = decoder->stats().framesDecoded;
        const auto before = decoder->frame(target - 1);
        QVERIFY(before);
        QCOMPARE(decoder->stats().framesDecoded, decodedBefore); // converted, not decoded again
        QVERIFY(cache.containsConverted(target - 1));
        QVERIFY(cache.bytesUsed() > used);

        auto reference = VideoDecoder::open(path(QStringLiteral("h264.mp4")), {}, nullptr);
        QCOMPARE(hashOf(reference->frame(target - 1)->image), hashOf(before->image));
    }

    void seekNearAKeyframeSkipsTheReorderDelay()
    {
        // h264.mp4 has B-frames: the decoder would hold the keyframe until two more packets
        // were decoded. A seek to it sends exactly its packet, and the next frame still comes
        // out right.
        auto decoder = VideoDecoder::open(path(QStringLiteral("h264.mp4")), {}, nullptr);
        QVERIFY(decoder);
        auto reference = VideoDecoder::open(path(QStringLiteral("h264.mp4")), {}, nullptr);
        const std::int64_t key = decoder->index().seekFrameFor(decoder->index().count() - 1);
        QVERIFY(key > 0);
        const std::int64_t sent = decoder->stats().packetsSent;
        const auto f = decoder->frame(key);
        QVERIFY(f);
        QCOMPARE(decoder->stats().packetsSent - sent, 1);
        QCOMPARE(hashOf(f->image), hashOf(reference->frame(key)->image));
        const auto after = decoder->frame(key + 1);
        QVERIFY(after);
        QCOMPARE(hashOf(after->image), hashOf(reference->frame(key + 1)->image));
    }

    void nativeDepth()
    {
        for (const QString &file : {path(QStringLiteral("ffv1g16.mkv")), path(QStringLiteral("png/%05d.png"))}) {
            QString error;
            auto decoder = VideoDecoder::open(file, {}, &error);
            QVERIFY2(decoder, qPrintable(error));
            QVERIFY(decoder->info().grey);
            QCOMPARE(decoder->info().bitDepth, 16);
            const auto f = decoder->frame(7, &error);
            QVERIFY2(f, qPrintable(error));
            QCOMPARE(f->image.format(), QImage::Format_Grayscale16);
            // The same frame as ffmpeg decodes it to raw 16-bit grey: identical values.
            QByteArray raw;
            QVERIFY(run(QStringLiteral("ffmpeg"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), file,
                                                   QStringLiteral("-vf"), QStringLiteral("select=eq(n\\,7)"),
                                                   QStringLiteral("-frames:v"), QStringLiteral("1"), QStringLiteral("-f"),
                                                   QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"),
                                                   QStringLiteral("gray16le"), QStringLiteral("-")},
                        &raw));
            const int w = f->image.width(), h = f->image.height();
            QCOMPARE(raw.size(), qsizetype(w) * h * 2);
            for (int y = 0; y < h; ++y)
                QVERIFY(std::memcmp(f->image.constScanLine(y), raw.constData() + qsizetype(y) * w * 2, size_t(w) * 2) == 0);
            bool deep = false; // values that need more than 8 bits
            const auto *px = reinterpret_cast<const quint16 *>(f->image.constBits());
            for (int i = 0; i < w && !deep; ++i)
                deep = (px[i] & 0xff) != (px[i] >> 8);
            QVERIFY(deep);
        }
        // Colour video becomes BGR; an IR camera recorded as YUV can ask for its luma only.
        VideoDecoder::Options grey;
        grey.output = PixelOutput::Gray8;
        auto ir = VideoDecoder::open(turret, grey, nullptr);
        QCOMPARE(ir->frame(3)->image.format(), QImage::Format_Grayscale8);
        auto colour = VideoDecoder::open(path(QStringLiteral("h264.mp4")), {}, nullptr);
        QCOMPARE(colour->frame(3)->image.format(), QImage::Format_BGR888);
    }

    void indexIsKeptBesideTheDataset()
    {
        VideoDecoder::Options options;
        options.indexPath = path(QStringLiteral("h264.vfi"));
        auto first = VideoDecoder::open(path(QStringLiteral("h264.mp4")), options, nullptr);
        QVERIFY(!first->indexWasCached());
        QVERIFY(QFile::exists(options.indexPath));
        auto second = VideoDecoder::open(path(QStringLiteral("h264.mp4")), options, nullptr);
        QVERIFY(second->indexWasCached());
        QCOMPARE(second->index().count(), first->index().count());
        QCOMPARE(second->frame(77)->pts, first->frame(77)->pts);
        // Another video under the same index file: the stale index is rebuilt, not trusted.
        QFile::copy(path(QStringLiteral("hevc.mp4")), path(QStringLiteral("swap.mp4")));
        auto other = VideoDecoder::open(path(QStringLiteral("swap.mp4")), options, nullptr);
        QVERIFY(!other->indexWasCached());
        // A corrupt index file is ignored.
        QFile broken(options.indexPath);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("garbage");
        broken.close();
        auto third = VideoDecoder::open(path(QStringLiteral("h264.mp4")), options, nullptr);
        QVERIFY(third && !third->indexWasCached());
    }

    void steppingBackIsCheap()
    {
        VideoDecoder::Options options;
        options.threads = 1;
        options.cache = std::make_shared<FrameCache>(256ll << 20);
        auto decoder = VideoDecoder::open(path(QStringLiteral("h264.mp4")), options, nullptr);
        const std::int64_t last = decoder->index().count() - 1;
        QVERIFY(decoder->frame(last));
        const std::int64_t before = decoder->stats().framesDecoded;
        for (std::int64_t n = last - 1; n >= 0; --n)
            QVERIFY(decoder->frame(n));
        const double perStep = double(decoder->stats().framesDecoded - before) / double(last);
        QVERIFY2(perStep <= 2.0, qPrintable(QString::number(perStep)));
    }

    void cacheRespectsItsBudget()
    {
        FrameCache cache(3 * FrameCache::costOf({0, 0, 0, QImage(160, 120, QImage::Format_BGR888)}));
        for (int i = 0; i < 10; ++i)
            cache.insert({i, i, 0, QImage(160, 120, QImage::Format_BGR888)});
        QCOMPARE(cache.count(), 3);
        QVERIFY(cache.bytesUsed() <= cache.budget());
        QVERIFY(cache.contains(9) && !cache.contains(6));
        QVERIFY(cache.find(7));
        cache.insert({10, 10, 0, QImage(160, 120, QImage::Format_BGR888)});
        QVERIFY(cache.contains(7)); // recently used survives
        QVERIFY(!cache.contains(8));
    }

    void badFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("missing") << path(QStringLiteral("missing.mp4")) << QStringLiteral("no such file");
        QTest::newRow("empty") << path(QStringLiteral("empty.mp4")) << QStringLiteral("empty file");
        QTest::newRow("truncated mp4") << path(QStringLiteral("trunc.mp4")) << QStringLiteral("cannot open");
        QTest::newRow("text") << path(QStringLiteral("text.mp4")) << QStringLiteral("cannot open");
        QTest::newRow("audio only") << path(QStringLiteral("audio.wav")) << QStringLiteral("no video stream");
    }

    void badFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, mentions);
        QFile(path(QStringLiteral("empty.mp4"))).open(QIODevice::WriteOnly);
        QFile whole(path(QStringLiteral("h264.mp4")));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        QFile trunc(path(QStringLiteral("trunc.mp4")));
        QVERIFY(trunc.open(QIODevice::WriteOnly));
        trunc.write(whole.read(whole.size() / 2)); // the moov atom is at the end: lost
        trunc.close();
        QFile text(path(QStringLiteral("text.mp4")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a video\n");
        text.close();
        if (!QFile::exists(path(QStringLiteral("audio.wav"))))
            QVERIFY(run(QStringLiteral("ffmpeg"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                                                   QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                                   QStringLiteral("sine=d=1"), path(QStringLiteral("audio.wav"))}));
        QString error;
        QVERIFY(!VideoDecoder::open(file, {}, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QVERIFY2(error.contains(QFileInfo(file).fileName()), qPrintable(error));
    }

    void truncatedStreamKeepsWhatItHas()
    {
        QFile whole(path(QStringLiteral("start.ts")));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        QFile part(path(QStringLiteral("part.ts")));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(whole.read(whole.size() / 2));
        part.close();
        QString error;
        auto decoder = VideoDecoder::open(part.fileName(), {}, &error);
        QVERIFY2(decoder, qPrintable(error));
        QVERIFY(decoder->index().count() > 10 && decoder->index().count() < 120);
        QVERIFY(decoder->frame(decoder->index().count() / 2));
    }

    void corruptPacketsInTheMiddle()
    {
        QFile whole(path(QStringLiteral("start.ts")));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        QByteArray data = whole.readAll();
        std::mt19937 rng(3);
        for (int i = 0; i < 300; ++i)
            data[qsizetype(20000 + rng() % std::uint32_t(data.size() - 40000))] = char(rng());
        QFile bad(path(QStringLiteral("corrupt.ts")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(data);
        bad.close();
        QString error;
        auto decoder = VideoDecoder::open(bad.fileName(), {}, &error);
        QVERIFY2(decoder, qPrintable(error));
        std::int64_t frames = 0;
        while (decoder->next())
            ++frames;
        QVERIFY(frames > 0);
        const DecodeStats &stats = decoder->stats();
        QVERIFY2(stats.corruptPackets + stats.corruptFrameCount > 0, "the damage was not counted");
        // Every frame either decodes or says which frame failed: no crash, no hang.
        for (std::int64_t n = 0; n < decoder->index().count(); n += 7) {
            QString why;
            const auto f = decoder->frame(n, &why);
            QVERIFY2(f || why.contains(QStringLiteral("frame %1").arg(n)), qPrintable(why));
        }
    }

    void frameServerLatestRequestWins()
    {
        VideoDecoder::Options options;
        options.threads = 1;
        FrameServer server(turret, options);
        QSignalSpy opened(&server, &FrameServer::opened);
        QSignalSpy ready(&server, &FrameServer::frameReady);
        QVERIFY(opened.wait(10000));
        QCOMPARE(server.info().frameCount, 501);
        server.setPrefetch(0, 1);
        for (int i = 0; i < 200; ++i)
            server.request(i * 2);
        server.request(450);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty()
                                     && ready.last().at(0).value<VideoFrame>().index == 450, 10000);
        QVERIFY2(ready.count() < 60, qPrintable(QString::number(ready.count())));
        // Prefetch fills the cache ahead of the last request.
        server.setPrefetch(5, 1);
        server.request(100);
        QTRY_VERIFY_WITH_TIMEOUT(server.cache()->contains(105), 10000);
        FrameServer missing(path(QStringLiteral("nope.mp4")), options);
        QSignalSpy failed(&missing, &FrameServer::failed);
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("no such file")));
    }

    void playerClock()
    {
        const UtcTime t0 = UtcTime::fromCalendar(2026, 5, 12, 10, 0, 0);
        std::vector<UtcTime> rgb, ir;
        for (int i = 0; i < 300; ++i)
            rgb.push_back(t0 + std::int64_t(i) * 1000000 / 30);
        for (int i = 0; i < 250; ++i)
            ir.push_back(t0 + 20000 + std::int64_t(i) * 40000); // IR starts 20 ms later, 25 fps
        SyncPlayer player;
        const int a = player.addStream(QStringLiteral("rgb"), nullptr, rgb);
        const int b = player.addStream(QStringLiteral("ir"), nullptr, ir);
        player.setMaster(a);
        QCOMPARE(player.frameAt(b, t0), -1);         // before the IR's first frame
        QCOMPARE(player.frameAt(b, t0 + 20000), 0);  // exactly on it
        QCOMPARE(player.frameAt(b, t0 + 59999), 0);  // at or before the clock
        QCOMPARE(player.frameAt(b, t0 + 60000), 1);
        QSignalSpy frames(&player, &SyncPlayer::frameChanged);
        player.seekFrame(a, 30);
        QCOMPARE(player.time(), rgb[30]);
        QCOMPARE(player.currentFrame(b), player.frameAt(b, rgb[30]));
        player.step(1);
        QCOMPARE(player.currentFrame(a), 31);
        player.step(-10);
        QCOMPARE(player.currentFrame(a), 21);
        player.step(-1000);
        QCOMPARE(player.currentFrame(a), 0);
        // Nudging the IR stream's offset moves which frame it shows, live.
        player.seekFrame(a, 150);
        const std::int64_t before = player.currentFrame(b);
        player.setOffset(b, 80000);
        QCOMPARE(player.currentFrame(b), before - 2);
        QVERIFY(!frames.isEmpty());
        // Playback moves the clock forward at the rate.
        player.setRate(4.0);
        player.play();
        QVERIFY(player.isPlaying());
        QTest::qWait(250);
        player.pause();
        const double advanced = double(player.time() - rgb[150]) * 1e-6;
        QVERIFY2(advanced > 0.5 && advanced < 2.0, qPrintable(QString::number(advanced)));
        // Frame times from a video's own timestamps keep variable frame rates.
        auto vfr = VideoDecoder::open(path(QStringLiteral("vfr.mkv")), {}, nullptr);
        const auto times = frameTimesFromIndex(vfr->index(), t0);
        QCOMPARE(std::int64_t(times.size()), vfr->index().count());
        const auto &idx = vfr->index();
        std::set<std::int64_t> gaps;
        for (size_t i = 1; i < times.size(); ++i) {
            const double expectedUs = double(idx.frames[i].pts - idx.frames[0].pts) * idx.timeBaseNum
                                      * 1e6 / idx.timeBaseDen;
            QVERIFY(std::abs(double(times[i] - t0) - expectedUs) <= 0.5);
            gaps.insert(times[i] - times[i - 1]);
        }
        QVERIFY2(gaps.size() > 2, "the file is not variable-frame-rate"); // 33, 34 and longer gaps
    }

    void campaignsAreClockedByTheirVideos()
    {
        // A camera without frame_times takes its container's timestamps (docs/FORMATS.md): the
        // variable-frame-rate file's frame i at first_frame_utc + its pts offset, where
        // first + i/fps would drift. A camera with a frame-times file keeps it.
        QTemporaryDir dir;
        test::CampaignSpec spec;
        const QString manifest = test::writeCampaign(dir.path(), spec);
        QStringList warnings;
        QString error;
        auto before = openCampaign(manifest, &error, &warnings);
        QVERIFY2(before, qPrintable(error));
        QCOMPARE(warnings.size(), 1); // rgb.mp4 is not there yet: i/fps, and said so
        QVERIFY2(warnings.first().contains(QStringLiteral("camera rgb")), qPrintable(warnings.first()));
        QVERIFY(!before->hasFrameTimes(0));
        QVERIFY(QFile::copy(path(QStringLiteral("vfr.mkv")), dir.filePath(QStringLiteral("rgb.mp4"))));
        warnings.clear();
        auto campaign = openCampaign(manifest, &error, &warnings);
        QVERIFY2(campaign, qPrintable(error));
        QVERIFY(warnings.isEmpty());
        QVERIFY(campaign->hasFrameTimes(0));
        auto vfr = VideoDecoder::open(path(QStringLiteral("vfr.mkv")), {}, nullptr);
        const auto &idx = vfr->index();
        int drifted = 0;
        for (std::int64_t i = 0; i < idx.count(); ++i) {
            const double expectedUs = double(idx.frames[size_t(i)].pts - idx.frames[0].pts) * idx.timeBaseNum * 1e6 / idx.timeBaseDen;
            const auto utc = campaign->frameUtc(0, i);
            QVERIFY(utc);
            QVERIFY(std::abs(double(*utc - spec.start) - expectedUs) <= 0.5);
            drifted += std::abs(double(*before->frameUtc(0, i) - *utc)) > 1000;
        }
        QVERIFY2(drifted > 0, "i/fps and the container agree: the file is not variable-frame-rate");
        QVERIFY(!campaign->frameUtc(0, idx.count())); // past the last frame: no time
        QCOMPARE(*campaign->frameUtc(1, 5), *before->frameUtc(1, 5)); // ir keeps its frame-times file
        QVERIFY(QFile::exists(frameIndexPath(manifest, QStringLiteral("rgb")))); // kept for the decoders
    }
};

QTEST_GUILESS_MAIN(TestVideo)
#include "tst_video.moc"
