#include "app/cli/command.h"

#include "models/media/videodecoder.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QJsonArray>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>
#include <random>

namespace vigie::cli {

namespace {

using media::VideoDecoder;
using media::VideoFrame;

QByteArray hashOf(const QImage &image)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const qsizetype row = qsizetype(image.width()) * image.depth() / 8;
    for (int y = 0; y < image.height(); ++y)
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(image.constScanLine(y)), row));
    return hash.result();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const double pos = p * double(v.size() - 1);
    const size_t lo = size_t(pos);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (pos - double(lo)) * (v[hi] - v[lo]);
}

class VideoCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(vigie::cli::VideoCommand)

public:
    QString name() const override { return QStringLiteral("video"); }
    QString summary() const override
    {
        return tr("Inspect a video: info, verify (exact random access), bench (decode figures).");
    }
    void configure(OptionSet &parser) const override
    {
        parser.addPositionalArgument(QStringLiteral("action"), tr("info, verify or bench."));
        parser.addPositionalArgument(QStringLiteral("file"),
                                     tr("A video file, or an image sequence pattern (frames/%05d.png)."));
        parser.addOption({QStringLiteral("json"), tr("Write JSON (info, verify).")});
        parser.addOption({QStringLiteral("samples"), tr("Frames verify decodes at random (default 60)."),
                          QStringLiteral("n"), QStringLiteral("60")});
        parser.addOption({QStringLiteral("seed"), tr("Seed of the random frame order."),
                          QStringLiteral("n"), QStringLiteral("1")});
        parser.addOption({QStringLiteral("threads"), tr("Decoder threads (default: all cores)."),
                          QStringLiteral("n"), QStringLiteral("0")});
    }

    int run(const QCommandLineParser &parser, Io &io) const override
    {
        const QStringList args = parser.positionalArguments();
        if (args.size() != 2)
            return usageError(io, name(), tr("expected an action (info, verify, bench) and a file"));
        const QString action = args[0], path = args[1];
        bool ok = false;
        const int threads = parser.value(QStringLiteral("threads")).toInt(&ok);
        if (!ok || threads < 0)
            return usageError(io, name(), tr("--threads must be a whole number"));
        VideoDecoder::Options options;
        options.threads = threads;
        QString error;
        auto decoder = VideoDecoder::open(path, options, &error);
        if (action != QLatin1String("info") && action != QLatin1String("verify")
            && action != QLatin1String("bench"))
            return usageError(io, name(), tr("unknown action '%1'").arg(action));
        if (!decoder)
            return failure(io, name(), error);
        if (action == QLatin1String("info"))
            return info(*decoder, parser.isSet(QStringLiteral("json")), io);
        if (action == QLatin1String("verify")) {
            const int samples = parser.value(QStringLiteral("samples")).toInt(&ok);
            if (!ok || samples < 0)
                return usageError(io, name(), tr("--samples must be a whole number"));
            return verify(path, options, *decoder, samples,
                          parser.value(QStringLiteral("seed")).toUInt(), parser.isSet(QStringLiteral("json")), io);
        }
        return bench(path, threads, options, io);
    }

private:
    int info(VideoDecoder &decoder, bool json, Io &io) const
    {
        const media::StreamInfo &s = decoder.info();
        QJsonObject o{{QStringLiteral("file"), s.path},
                      {QStringLiteral("container"), s.container},
                      {QStringLiteral("codec"), s.codec},
                      {QStringLiteral("pixel_format"), s.pixelFormat},
                      {QStringLiteral("width"), s.width},
                      {QStringLiteral("height"), s.height},
                      {QStringLiteral("bit_depth"), s.bitDepth},
                      {QStringLiteral("grey"), s.grey},
                      {QStringLiteral("frame_count"), qint64(s.frameCount)},
                      {QStringLiteral("fps"), s.fps},
                      {QStringLiteral("duration_s"), s.durationS},
                      {QStringLiteral("keyframe_interval"), s.keyframeInterval},
                      {QStringLiteral("start_s"), s.startS},
                      {QStringLiteral("timestamps"), decoder.index().synthesized
                                                         ? QStringLiteral("synthesized")
                                                         : QStringLiteral("container")}};
        if (json) {
            io.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        } else {
            io.out << s.path << QStringLiteral(": ")
                   << tr("%1 in %2, %3×%4 %5, %6 frames, %7 fps, %8 s, keyframe every %9 frames\n")
                          .arg(s.codec, s.container)
                          .arg(s.width)
                          .arg(s.height)
                          .arg(s.pixelFormat)
                          .arg(s.frameCount)
                          .arg(s.fps, 0, 'f', 3)
                          .arg(s.durationS, 0, 'f', 3)
                          .arg(s.keyframeInterval, 0, 'f', 1);
        }
        return Success;
    }

    int verify(const QString &path, const VideoDecoder::Options &options, VideoDecoder &sequential,
               int samples, unsigned seed, bool json, Io &io) const
    {
        // Sequential truth.
        std::vector<QByteArray> hashes(size_t(sequential.index().count()));
        std::int64_t decoded = 0;
        QString error;
        while (auto f = sequential.next(&error)) {
            if (f->index >= 0 && f->index < std::int64_t(hashes.size()))
                hashes[size_t(f->index)] = hashOf(f->image);
            ++decoded;
        }
        // Random access on a fresh decoder, in a random order.
        QString openError;
        auto random = VideoDecoder::open(path, options, &openError);
        if (!random)
            return failure(io, name(), openError);
        std::vector<std::int64_t> order;
        const std::int64_t count = std::int64_t(hashes.size());
        std::mt19937_64 rng(seed);
        order.push_back(0);
        order.push_back(count - 1);
        for (int i = 0; i < samples; ++i)
            order.push_back(std::int64_t(rng() % std::uint64_t(count)));
        // Backward steps across a keyframe boundary: the classic off-by-one trap.
        for (std::int64_t n = std::min<std::int64_t>(count - 1, std::int64_t(sequential.info().keyframeInterval) + 2); n >= 0 && order.size() < size_t(samples) + 12; --n)
            order.push_back(n);
        int mismatches = 0, failures = 0;
        QStringList problems;
        for (std::int64_t n : order) {
            QString why;
            const auto f = random->frame(n, &why);
            if (!f) {
                ++failures;
                problems << why;
                continue;
            }
            if (hashes[size_t(n)].isEmpty() || hashOf(f->image) != hashes[size_t(n)]) {
                ++mismatches;
                problems << tr("frame %1 differs from the sequential decode").arg(n);
            }
        }
        const media::DecodeStats &damage = sequential.stats();
        if (damage.corruptPackets + damage.corruptFrameCount > 0) {
            QStringList frames;
            for (std::int64_t f : damage.corruptFrames)
                frames << QString::number(f);
            problems.prepend(tr("damaged data: %1 packets refused, %2 frames concealed (frames %3)")
                                 .arg(damage.corruptPackets)
                                 .arg(damage.corruptFrameCount)
                                 .arg(frames.mid(0, 10).join(QStringLiteral(", "))));
        }
        const bool good = mismatches == 0 && failures == 0 && decoded == count;
        if (decoded != count)
            problems << tr("sequential decode gave %1 frames, the index has %2").arg(decoded).arg(count);
        if (json) {
            QJsonArray list;
            for (const QString &p : std::as_const(problems))
                list.append(p);
            io.out << QJsonDocument(QJsonObject{{QStringLiteral("file"), path},
                                                {QStringLiteral("frames"), qint64(count)},
                                                {QStringLiteral("sequential_frames"), qint64(decoded)},
                                                {QStringLiteral("checked"), qint64(order.size())},
                                                {QStringLiteral("mismatches"), mismatches},
                                                {QStringLiteral("failures"), failures},
                                                {QStringLiteral("ok"), good},
                                                {QStringLiteral("problems"), list}})
                          .toJson(QJsonDocument::Indented);
        } else {
            io.out << path << QStringLiteral(": ")
                   << tr("%1 frames, %2 checked by random access: %3 mismatches, %4 failures\n")
                          .arg(count)
                          .arg(order.size())
                          .arg(mismatches)
                          .arg(failures);
            for (const QString &p : problems.mid(0, 20))
                io.out << QStringLiteral("  ") << p << '\n';
        }
        if (!good)
            return failure(io, name(), problems.value(0, tr("verification failed")));
        return Success;
    }

    int bench(const QString &path, int threads, VideoDecoder::Options options, Io &io) const
    {
        const int n = threads > 0 ? threads : QThread::idealThreadCount();
        options.threads = n;
        // 1. Sequential throughput, decode + conversion to display pixels.
        auto seq = VideoDecoder::open(path, options, nullptr);
        QElapsedTimer timer;
        timer.start();
        std::int64_t frames = 0;
        while (seq->next())
            ++frames;
        const double seqS = double(timer.nsecsElapsed()) * 1e-9;
        const double fps = frames / seqS;

        // Decode alone, as `ffmpeg -f null` does (it converts no pixels).
        VideoDecoder::Options bare = options;
        bare.output = media::PixelOutput::None;
        auto decodeOnly = VideoDecoder::open(path, bare, nullptr);
        timer.restart();
        std::int64_t bareFrames = 0;
        while (decodeOnly->next())
            ++bareFrames;
        const double bareFps = bareFrames / (double(timer.nsecsElapsed()) * 1e-9);

        // The peer: ffmpeg decoding the same file with the same thread count.
        double ffmpegFps = 0;
        const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
        if (!ffmpeg.isEmpty()) {
            QProcess p;
            timer.restart();
            p.start(ffmpeg, {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-threads"),
                             QString::number(n), QStringLiteral("-i"), path, QStringLiteral("-f"),
                             QStringLiteral("null"), QStringLiteral("-")});
            p.waitForFinished(-1);
            ffmpegFps = frames / (double(timer.nsecsElapsed()) * 1e-9);
        }

        // 2. Random seeks on a single-threaded decoder, in units of one frame's decode time.
        VideoDecoder::Options single = options;
        single.threads = 1;
        // The unit is the median of three sequential passes: on a shared machine one pass can be
        // slowed by a neighbour, and every ratio below is divided by it.
        auto one = VideoDecoder::open(path, single, nullptr);
        std::vector<double> passes;
        for (int pass = 0; pass < 3; ++pass) {
            one->rewind();
            timer.restart();
            std::int64_t oneFrames = 0;
            while (one->next())
                ++oneFrames;
            passes.push_back(double(timer.nsecsElapsed()) * 1e-9 / double(std::max<std::int64_t>(1, oneFrames)));
        }
        const double frameS = percentile(passes, 0.5);
        const auto &index = one->index();
        std::mt19937_64 rng(42);
        std::vector<double> latencyFrames, normalized, decodesNormalized, perPacket;
        for (int i = 0; i < 300; ++i) {
            const std::int64_t target = std::int64_t(rng() % std::uint64_t(index.count()));
            const std::int64_t key = index.seekFrameFor(target);
            const std::int64_t since = std::max<std::int64_t>(0, target - key);
            const std::int64_t decodedBefore = one->stats().framesDecoded;
            const std::int64_t packetsBefore = one->stats().packetsSent;
            timer.restart();
            one->frame(target);
            const double inFrames = double(timer.nsecsElapsed()) * 1e-9 / frameS;
            latencyFrames.push_back(inFrames);
            normalized.push_back(inFrames / double(since + 1));
            perPacket.push_back(inFrames / double(std::max<std::int64_t>(1, one->stats().packetsSent - packetsBefore)));
            decodesNormalized.push_back(double(one->stats().framesDecoded - decodedBefore) / double(since + 1));
        }

        // 3. Backward stepping with the GOP-aware cache, from the end of the file: "cold" in
        // memory the process has never touched (each new cached frame costs the kernel's page
        // faults), then "steady" with the workstation's per-camera budget once the cache is full
        // and recycles its memory, which is where an analyst stepping back through a long video
        // spends their time.
        struct BackRun
        {
            std::int64_t steps = 0;
            double frameTimes = 0, decodes = 0;
        };
        auto stepBack = [&](std::int64_t budgetMiB, std::int64_t warm) {
            VideoDecoder::Options cached = single;
            cached.cache = std::make_shared<media::FrameCache>(budgetMiB << 20);
            auto back = VideoDecoder::open(path, cached, nullptr);
            std::int64_t at = index.count() - 1;
            back->frame(at);
            for (std::int64_t w = 0; w < warm && at > 0; ++w)
                back->frame(--at);
            BackRun run;
            run.steps = std::min<std::int64_t>(at, 200);
            const std::int64_t decodedBefore = back->stats().framesDecoded;
            timer.restart();
            for (std::int64_t s = 0; s < run.steps; ++s)
                back->frame(--at);
            const double seconds = double(timer.nsecsElapsed()) * 1e-9;
            if (run.steps > 0) {
                run.frameTimes = seconds / double(run.steps) / frameS;
                run.decodes = double(back->stats().framesDecoded - decodedBefore) / double(run.steps);
            }
            return run;
        };
        const BackRun cold = stepBack(4096, 0);
        constexpr std::int64_t workstationBudgetMiB = 768;
        const BackRun steady = stepBack(workstationBudgetMiB, std::min<std::int64_t>(index.count() / 3, 200));

        // 4. Memory per cached 1080p frame.
        VideoFrame hd;
        hd.index = 0;
        hd.image = QImage(1920, 1080, QImage::Format_BGR888);
        const double mbPerFrame = double(media::FrameCache::costOf(hd)) / (1024.0 * 1024.0);
        // Frames decoded on the way to another stay in the decoder's format: decode the frame
        // before a keyframe into an empty cache and share what the others cost.
        double rawMbPerFrame = 0;
        {
            VideoDecoder::Options probe = single;
            probe.cache = std::make_shared<media::FrameCache>(4096ll << 20);
            auto p = VideoDecoder::open(path, probe, nullptr);
            const std::int64_t target = std::min<std::int64_t>(index.count() - 1, 30);
            if (const auto f = p->frame(target); f && probe.cache->count() > 1) {
                rawMbPerFrame = double(probe.cache->bytesUsed() - media::FrameCache::costOf(*f))
                                / double(probe.cache->count() - 1) / (1024.0 * 1024.0)
                                * (1920.0 * 1080.0) / double(std::max(1, f->image.width() * f->image.height()));
            }
        }

        const media::StreamInfo &s = seq->info();
        io.out << path << QStringLiteral(": ")
               << tr("%1 %2×%3, %4 frames, keyframe every %5 frames\n")
                      .arg(s.codec)
                      .arg(s.width)
                      .arg(s.height)
                      .arg(frames)
                      .arg(s.keyframeInterval, 0, 'f', 1);
        io.out << tr("sequential decode, %1 threads: %2 fps (decode + conversion to display pixels)\n")
                      .arg(n)
                      .arg(fps, 0, 'f', 1);
        io.out << tr("sequential decode only, %1 threads: %2 fps\n").arg(n).arg(bareFps, 0, 'f', 1);
        if (ffmpegFps > 0)
            io.out << tr("ffmpeg -threads %1 -f null: %2 fps; ratio decode only %3 (goal >= 0.9), "
                         "with conversion %4\n")
                          .arg(n)
                          .arg(ffmpegFps, 0, 'f', 1)
                          .arg(bareFps / ffmpegFps, 0, 'f', 2)
                          .arg(fps / ffmpegFps, 0, 'f', 2);
        io.out << tr("one frame's decode, 1 thread: %1 ms\n").arg(frameS * 1e3, 0, 'f', 2);
        io.out << tr("random seek latency, frame decodes: p50 %1, p95 %2\n")
                      .arg(percentile(latencyFrames, 0.5), 0, 'f', 2)
                      .arg(percentile(latencyFrames, 0.95), 0, 'f', 2);
        io.out << tr("random seek latency / (frames since keyframe + 1): p50 %1, p95 %2 (goal p95 <= 1.2)\n")
                      .arg(percentile(normalized, 0.5), 0, 'f', 2)
                      .arg(percentile(normalized, 0.95), 0, 'f', 2);
        io.out << tr("random seek frames decoded / (frames since keyframe + 1): p50 %1, p95 %2\n")
                      .arg(percentile(decodesNormalized, 0.5), 0, 'f', 2)
                      .arg(percentile(decodesNormalized, 0.95), 0, 'f', 2);
        io.out << tr("random seek latency / packets the decoder took (decode order and reorder delay): "
                     "p50 %1, p95 %2\n")
                      .arg(percentile(perPacket, 0.5), 0, 'f', 2)
                      .arg(percentile(perPacket, 0.95), 0, 'f', 2);
        io.out << tr("backward step, cold memory, amortized over %1 steps: %2 frame decode times, %3 decodes\n")
                      .arg(cold.steps)
                      .arg(cold.frameTimes, 0, 'f', 2)
                      .arg(cold.decodes, 0, 'f', 2);
        io.out << tr("backward step, steady state with a %1 MiB cache, over %2 steps: %3 frame decode times, "
                     "%4 decodes (goal <= 2)\n")
                      .arg(workstationBudgetMiB)
                      .arg(steady.steps)
                      .arg(steady.frameTimes, 0, 'f', 2)
                      .arg(steady.decodes, 0, 'f', 2);
        io.out << tr("memory per cached 1080p frame: %1 MiB shown (BGR), %2 MiB decoded on the way (%3)\n")
                      .arg(mbPerFrame, 0, 'f', 2)
                      .arg(rawMbPerFrame, 0, 'f', 2)
                      .arg(s.pixelFormat);
        return Success;
    }
};

} // namespace

std::unique_ptr<Command> makeVideoCommand()
{
    return std::make_unique<VideoCommand>();
}

} // namespace vigie::cli
