// The embedded detector's speed on 2 cores, in the units its Python twin prints
// (bench/detector_reference.py, same architecture, loss, input sizes and thread count):
// training samples per second on 96×96 crops in batches of 16, and detections per second on
// 640×512 IR frames, whole frame and at the 2× input scale IR uses.
// Usage: bench_detector [THREADS] [STEPS]

#include "inference/detector.h"
#include "inference/runtime.h"
#include "models/heap.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <random>

using namespace vigie::inference;

namespace {

DetectorSample sample(std::mt19937_64 &rng, int side, bool target)
{
    DetectorSample s;
    s.crop = QImage(side, side, QImage::Format_Grayscale8);
    std::normal_distribution<double> noise(110, 8);
    for (int y = 0; y < side; ++y) {
        uchar *row = s.crop.scanLine(y);
        for (int x = 0; x < side; ++x)
            row[x] = uchar(std::clamp(noise(rng), 0.0, 255.0));
    }
    if (target) {
        const int x = std::uniform_int_distribution<int>(8, side - 16)(rng), y = std::uniform_int_distribution<int>(8, side - 16)(rng);
        for (int yy = y; yy < y + 4; ++yy)
            for (int xx = x; xx < x + 8; ++xx)
                s.crop.scanLine(yy)[xx] = 230;
        s.boxes.push_back(QRectF(x, y, 8, 4));
    }
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    vigie::keepLargeBlocksInHeap(); // as vigie and vigie-cli do (models/heap.h)
    QCoreApplication app(argc, argv);
    const int threads = argc > 1 ? std::atoi(argv[1]) : 2;
    const int steps = argc > 2 ? std::atoi(argv[2]) : 60;
    configureThreads(threads);
    QTextStream out(stdout);
    std::mt19937_64 rng(1);
    std::vector<DetectorSample> samples;
    for (int i = 0; i < 256; ++i)
        samples.push_back(sample(rng, 96, i % 4 != 3));

    DetectorConfig config; // width 16, 96×96 crops
    auto net = CenterNet::create(config, 1);
    DetectorTrainOptions t;
    t.steps = 5; // warm-up
    QString error;
    net->train(samples, t, &error);
    t.steps = steps;
    QElapsedTimer timer;
    timer.start();
    if (!net->train(samples, t, &error)) {
        out << error << '\n';
        return 1;
    }
    const double trainRate = double(steps) * t.batch / (double(timer.nsecsElapsed()) * 1e-9);

    QImage frame(640, 512, QImage::Format_Grayscale8);
    frame.fill(110);
    auto fps = [&](double scale) {
        DetectorConfig c;
        c.inputScale = scale;
        auto n = CenterNet::create(c, 1);
        n->detect(frame); // warm-up
        const int frames = scale > 1 ? 8 : 20;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < frames; ++i)
            n->detect(frame);
        return frames / (double(clock.nsecsElapsed()) * 1e-9);
    };
    const double fps1 = fps(1.0), fps2 = fps(2.0);
    out << QStringLiteral("threads %1\n").arg(threads);
    out << QStringLiteral("train_samples_per_s %1\n").arg(trainRate, 0, 'f', 1);
    out << QStringLiteral("detect_640x512_fps %1\n").arg(fps1, 0, 'f', 2);
    out << QStringLiteral("detect_640x512_x2_fps %1\n").arg(fps2, 0, 'f', 2);
    return 0;
}
