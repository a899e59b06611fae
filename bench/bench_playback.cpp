// Playback benchmark of the workstation: a 1080p30 RGB + 640×512@25 IR campaign with every
// overlay on, in the real main window (offscreen platform). Prints
//   - dropped master frames per minute at 1× (frames the RGB view never painted while the
//     clock passed them),
//   - latency from a step key press to the painted new frame, p50 and p95, for single steps
//     forward and backward (goal p95 < 50 ms);
//   - with --while-training, the same step latency again while the detector trains in the
//     background on the accepted IR boxes (Detector › Train), and its ratio to the idle figure.
// Usage: bench_playback CAMPAIGN_DIR [--play-seconds S] [--steps N] [--while-training]
// CAMPAIGN_DIR is generated with `vigie-cli synth --rgb-1080` when it has no campaign.json.

#include "app/campaignsession.h"
#include "app/detectortrainer.h"
#include "app/mainwindow.h"
#include "models/annotation/annotationeditor.h"
#include "models/annotation/annotationmodel.h"
#include "models/heap.h"
#include "models/media/syncplayer.h"
#include "models/synth/generator.h"
#include "widgets/frameview.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSpinBox>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <set>
#include <vector>

using namespace vigie;

namespace {

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const double rank = p * double(v.size() - 1);
    const size_t lo = size_t(rank);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (rank - double(lo));
}

} // namespace

int main(int argc, char **argv)
{
    keepLargeBlocksInHeap(); // as vigie and vigie-cli do (models/heap.h)
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("VigieBench"));
    QApplication::setApplicationName(QStringLiteral("bench_playback"));
    QSettings().clear();

    const QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_playback CAMPAIGN_DIR [--play-seconds S] [--steps N]\n");
        return 2;
    }
    const QString dir = args[1];
    double playSeconds = 20;
    int steps = 60;
    const bool whileTraining = args.contains(QStringLiteral("--while-training"));
    for (int i = 2; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--play-seconds"))
            playSeconds = args[i + 1].toDouble();
        if (args[i] == QLatin1String("--steps"))
            steps = args[i + 1].toInt();
    }
    if (!QFile::exists(dir + QStringLiteral("/campaign.json"))) {
        std::printf("generating a %.0f s 1080p campaign in %s\n", playSeconds + 10, qPrintable(dir));
        synth::Config config = synth::Config::forPreset(synth::Preset::Realistic, 5, playSeconds + 10);
        config.rgb1080 = true;
        QString error;
        if (!synth::generate(config, dir, {}, &error)) {
            std::fprintf(stderr, "bench_playback: %s\n", qPrintable(error));
            return 1;
        }
    }
    const QString db = QDir::temp().filePath(QStringLiteral("bench_playback.sqlite"));
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(db + QLatin1String(suffix));

    MainWindow window;
    window.resize(1600, 900);
    window.show();
    window.activateWindow(); // shortcuts reach an active window only
    if (!QTest::qWaitForWindowActive(&window))
        std::fprintf(stderr, "bench_playback: the window did not become active; key presses may be lost\n");
    QSignalSpy opened(&window, &MainWindow::campaignOpened);
    window.openCampaign(dir + QStringLiteral("/campaign.json"), db);
    if (!opened.wait(300000)) {
        std::fprintf(stderr, "bench_playback: the campaign did not open\n");
        return 1;
    }
    CampaignSession *session = window.session();
    media::SyncPlayer *player = session->player();
    FrameView *rgb = window.rgbView();
    const int master = player->master();
    if (!QTest::qWaitFor([&] { return rgb->frame() >= 0; }, 20000)) {
        std::fprintf(stderr, "bench_playback: no RGB frame shown\n");
        return 1;
    }

    // 1. Playback at 1×: which master frames got painted while the clock ran.
    std::set<qint64> painted;
    auto paintConnection = QObject::connect(rgb, &FrameView::framePainted, [&](qint64 f) { painted.insert(f); });
    const qint64 first = player->currentFrame(master);
    QElapsedTimer wall;
    wall.start();
    player->play();
    QTest::qWait(int(playSeconds * 1000));
    player->pause();
    const double elapsedS = double(wall.elapsed()) / 1000.0;
    const qint64 last = player->currentFrame(master);
    QObject::disconnect(paintConnection);
    qint64 shown = 0;
    for (qint64 f : painted)
        shown += (f >= first && f <= last) ? 1 : 0;
    QStringList dropped;
    for (qint64 f = first; f <= last; ++f) {
        if (!painted.count(f))
            dropped << QString::number(f - first);
    }
    const qint64 passed = last - first + 1;
    const double droppedPerMinute = double(passed - shown) / elapsedS * 60.0;
    const qint64 n = player->frameCount(master);
    const double masterFps = n > 1 ? double(n - 1) / (double(player->frameTime(master, n - 1) - player->frameTime(master, 0)) * 1e-6) : 1.0;
    const double clockRate = double(passed) / elapsedS / masterFps;

    // 2. Step latency: key press to the paint of the new frame.
    auto stepLatency = [&](Qt::Key key, int count, std::vector<double> *out) {
        for (int i = 0; i < count; ++i) {
            const qint64 before = player->currentFrame(master);
            qint64 target = -1;
            bool done = false;
            auto c = QObject::connect(rgb, &FrameView::framePainted, [&](qint64 f) {
                if (f == target)
                    done = true;
            });
            QElapsedTimer t;
            t.start();
            QTest::keyClick(&window, key);
            target = player->currentFrame(master);
            if (target == before) {
                QObject::disconnect(c);
                break;
            }
            if (rgb->frame() == target)
                rgb->repaint(); // already delivered synchronously: count its paint
            while (!done && t.elapsed() < 5000)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
            out->push_back(double(t.nsecsElapsed()) / 1e6);
            QObject::disconnect(c);
        }
    };
    std::vector<double> forward, backward;
    player->seekFrame(master, std::min<qint64>(player->frameCount(master) / 2, 300));
    QTest::qWait(500);
    stepLatency(Qt::Key_Right, steps, &forward);
    stepLatency(Qt::Key_Left, steps, &backward);

    // 3. The same steps while the detector trains on the IR boxes in the background.
    std::vector<double> training;
    double samplesPerSecond = 0;
    if (whileTraining) {
        const int ir = session->cameraOf(QStringLiteral("ir"));
        int accepted = 0;
        for (std::int64_t frame : session->annotations()->annotatedFrames(ir)) {
            for (const Annotation &a : session->annotations()->boxes(ir, frame)) {
                if (a.state == db::BoxState::Proposed && session->editor()->accept(a.handle))
                    ++accepted;
            }
        }
        window.findChild<QSpinBox *>(QStringLiteral("trainingEpochs"))->setValue(100);
        window.findChild<QSpinBox *>(QStringLiteral("trainingSteps"))->setValue(1000);
        auto *trainer = window.findChild<DetectorTrainer *>();
        int trainingSteps = 0;
        QObject::connect(trainer, &DetectorTrainer::progress,
                         [&](int epoch, int, int step, int, double, double rate, double) {
                             if (epoch >= 1 && step > 0) {
                                 trainingSteps = step;
                                 samplesPerSecond = rate;
                             }
                         });
        window.findChild<QAction *>(QStringLiteral("actionTrainDetector"))->trigger();
        if (!QTest::qWaitFor([&] { return trainingSteps >= 3; }, 300000)) {
            std::fprintf(stderr, "bench_playback: training did not start (%d boxes accepted)\n", accepted);
            return 1;
        }
        std::printf("training on %d accepted IR boxes\n", accepted);
        player->seekFrame(master, std::min<qint64>(player->frameCount(master) / 2, 300));
        QTest::qWait(500);
        stepLatency(Qt::Key_Right, steps, &training);
        stepLatency(Qt::Key_Left, steps, &training);
        QSignalSpy failed(trainer, &DetectorTrainer::failed);
        trainer->cancel();
        failed.wait(60000);
    }

    const auto info = session->cameraCount();
    std::printf("campaign: %s, %d cameras, %lld master frames\n", qPrintable(dir), info,
                static_cast<long long>(player->frameCount(master)));
    std::printf("playback 1x: %.1f s, clock %.3f of real time, %lld master frames passed, %lld painted, "
                "dropped %.1f frames/minute\n",
                elapsedS, clockRate, static_cast<long long>(passed), static_cast<long long>(shown), droppedPerMinute);
    if (!dropped.isEmpty())
        std::printf("  dropped, counted from the first frame played: %s\n", qPrintable(dropped.mid(0, 40).join(QLatin1Char(' '))));
    std::printf("step forward latency: p50 %.1f ms, p95 %.1f ms (n=%zu)\n", percentile(forward, 0.5),
                percentile(forward, 0.95), forward.size());
    std::printf("step backward latency: p50 %.1f ms, p95 %.1f ms (n=%zu)\n", percentile(backward, 0.5),
                percentile(backward, 0.95), backward.size());
    std::vector<double> all = forward;
    all.insert(all.end(), backward.begin(), backward.end());
    std::printf("step latency p95 %.1f ms: goal < 50 ms, ratio to goal %.2f\n", percentile(all, 0.95),
                percentile(all, 0.95) / 50.0);
    if (whileTraining) {
        std::printf("step latency while the detector trains (%.0f samples/s): p50 %.1f ms, p95 %.1f ms (n=%zu); "
                    "p95 ratio to idle %.2f, to goal %.2f\n",
                    samplesPerSecond, percentile(training, 0.5), percentile(training, 0.95), training.size(),
                    percentile(training, 0.95) / std::max(1e-9, percentile(all, 0.95)), percentile(training, 0.95) / 50.0);
    }
    window.closeCampaign();
    return 0;
}
