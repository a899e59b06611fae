// The detector loop as an analyst runs it, for issue 9's acceptance: the real main window
// (offscreen) opens a realistic synthetic campaign; the analyst's work is simulated through the
// annotation editor (each IR geometric box corrected to the drone's true box, frames where the
// drone cannot be seen flagged, their geometric boxes rejected); Detector › Train runs with the
// panel's epochs and steps; the registered model is then evaluated on a held-out campaign whose
// seed training never saw, inside the search region (as Detector › Run does) and on whole frames.
//
// Usage: bench_detector_gui TRAIN_DIR HELD_OUT_DIR [--epochs E] [--steps S] [--seconds D]
// Missing campaigns are generated (realistic preset, seeds 11 and 21, D seconds, default 60).

#include "app/campaignsession.h"
#include "app/detectortrainer.h"
#include "app/mainwindow.h"
#include "inference/detector.h"
#include "inference/detectorpipeline.h"
#include "inference/proposer.h"
#include "models/media/campaignvideo.h"
#include "models/annotation/annotationeditor.h"
#include "models/annotation/annotationmodel.h"
#include "models/campaign.h"
#include "models/heap.h"
#include "models/synth/generator.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

#include <cstdio>

using namespace vigie;

namespace {

bool ensureCampaign(const QString &dir, std::uint64_t seed, double seconds)
{
    if (QFile::exists(dir + QStringLiteral("/campaign.json")))
        return true;
    std::printf("generating realistic campaign seed %llu (%.0f s) in %s\n", static_cast<unsigned long long>(seed), seconds,
                qPrintable(dir));
    QString error;
    if (!synth::generate(synth::Config::forPreset(synth::Preset::Realistic, seed, seconds), dir, {}, &error)) {
        std::fprintf(stderr, "bench_detector_gui: %s\n", qPrintable(error));
        return false;
    }
    return true;
}

/// Every frame of the camera: its true box, or none when the drone is out of view or invisible.
bool truthOf(const QString &dir, const QString &camera, std::int64_t frames, inference::FrameBoxes *boxes)
{
    std::map<std::int64_t, QRectF> visible;
    QString error;
    if (!inference::readGroundTruth(dir + QStringLiteral("/ground_truth.json"), camera, &visible, &error)) {
        std::fprintf(stderr, "bench_detector_gui: %s\n", qPrintable(error));
        return false;
    }
    for (std::int64_t f = 0; f < frames; ++f) {
        auto &list = (*boxes)[f];
        if (const auto it = visible.find(f); it != visible.end())
            list.push_back(it->second);
    }
    return true;
}

void printEvaluation(const char *what, const inference::DetectorEvaluation &e, double fps)
{
    const auto &s = e.coco.stats;
    std::printf("%s: %d frames, AP50 %.3f, AP %.3f, AP75 %.3f, AR100 %.3f, VOC all-point %.3f, "
                "state accuracy %.3f, %.1f frames/s\n",
                what, e.frames, s[1], s[0], s[2], s[8], e.vocApAll, e.state.accuracy, fps);
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
    QApplication::setApplicationName(QStringLiteral("bench_detector_gui"));
    QSettings().clear();

    const QStringList args = QApplication::arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: bench_detector_gui TRAIN_DIR HELD_OUT_DIR [--epochs E] [--steps S] [--seconds D]\n");
        return 2;
    }
    int epochs = 8, steps = 150;
    double seconds = 60;
    for (int i = 3; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--epochs"))
            epochs = args[i + 1].toInt();
        if (args[i] == QLatin1String("--steps"))
            steps = args[i + 1].toInt();
        if (args[i] == QLatin1String("--seconds"))
            seconds = args[i + 1].toDouble();
    }
    const QString trainDir = args[1], heldOutDir = args[2];
    if (!ensureCampaign(trainDir, 11, seconds) || !ensureCampaign(heldOutDir, 21, seconds))
        return 1;

    const QString db = QDir(trainDir).filePath(QStringLiteral("bench_detector_gui.sqlite"));
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(db + QLatin1String(suffix));
    QDir(QDir(trainDir).filePath(QStringLiteral("models"))).removeRecursively();

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QSignalSpy opened(&window, &MainWindow::campaignOpened);
    window.openCampaign(trainDir + QStringLiteral("/campaign.json"), db);
    if (!opened.wait(300000)) {
        std::fprintf(stderr, "bench_detector_gui: the campaign did not open\n");
        return 1;
    }
    CampaignSession *s = window.session();
    const int ir = s->cameraOf(QStringLiteral("ir"));
    const std::int64_t frames = s->frameCount(ir);
    inference::FrameBoxes truth;
    if (!truthOf(trainDir, s->cameraName(ir), frames, &truth))
        return 1;

    // The analyst's pass: correct, flag, reject.
    QElapsedTimer editing;
    editing.start();
    int corrected = 0, drawn = 0, flagged = 0;
    for (std::int64_t f = 0; f < frames; ++f) {
        const std::vector<QRectF> &want = truth[f];
        bool placed = false;
        for (const Annotation &a : s->annotations()->boxes(ir, f)) {
            if (a.state != db::BoxState::Proposed)
                continue;
            if (!want.empty() && !placed) {
                s->editor()->setRect(a.handle, want.front());
                placed = true;
                ++corrected;
            } else {
                s->editor()->reject(a.handle);
            }
        }
        if (!want.empty() && !placed) {
            s->editor()->addBox(ir, f, want.front(), QStringLiteral("drone"));
            ++drawn;
        }
        if (want.empty()) {
            db::FrameFlags flags;
            flags.notVisible = true;
            s->editor()->setFrameFlags(ir, f, flags);
            ++flagged;
        }
    }
    std::printf("analyst pass on %lld IR frames: %d geometric boxes corrected, %d drawn, %d frames flagged "
                "without target (%.1f s)\n",
                static_cast<long long>(frames), corrected, drawn, flagged, double(editing.elapsed()) / 1000.0);

    // Detector › Train.
    window.findChild<QSpinBox *>(QStringLiteral("trainingEpochs"))->setValue(epochs);
    window.findChild<QSpinBox *>(QStringLiteral("trainingSteps"))->setValue(steps);
    auto *trainer = window.findChild<DetectorTrainer *>();
    QSignalSpy finished(trainer, &DetectorTrainer::finished);
    QSignalSpy failed(trainer, &DetectorTrainer::failed);
    double samplesPerSecond = 0;
    QObject::connect(trainer, &DetectorTrainer::progress, [&](int, int, int, int, double, double rate, double) {
        if (rate > 0)
            samplesPerSecond = rate;
    });
    QObject::connect(trainer, &DetectorTrainer::epochFinished, [](int epoch, double loss, double ap50) {
        std::printf("  epoch %d: loss %.4f, validation AP50 %.3f\n", epoch, loss, ap50);
        std::fflush(stdout);
    });
    QElapsedTimer training;
    training.start();
    window.findChild<QAction *>(QStringLiteral("actionTrainDetector"))->trigger();
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 4 * 3600 * 1000)) {
        std::fprintf(stderr, "bench_detector_gui: training did not end\n");
        return 1;
    }
    if (!failed.isEmpty()) {
        std::fprintf(stderr, "bench_detector_gui: %s\n", qPrintable(failed.first().first().toString()));
        return 1;
    }
    const QString version = finished.first().at(0).toString(), weights = finished.first().at(1).toString();
    std::printf("trained %s from the GUI: %d epochs x %d steps in %.0f s (%.0f samples/s)\n", qPrintable(version),
                epochs, steps, double(training.elapsed()) / 1000.0, samplesPerSecond);
    window.closeCampaign();

    // The held-out campaign.
    QString error;
    auto net = inference::CenterNet::load(weights, &error);
    auto held = media::openCampaign(heldOutDir + QStringLiteral("/campaign.json"), &error);
    if (!net || !held) {
        std::fprintf(stderr, "bench_detector_gui: %s\n", qPrintable(error));
        return 1;
    }
    int heldIr = -1;
    for (size_t c = 0; c < held->manifest().cameras.size(); ++c) {
        if (held->manifest().cameras[c].modality == QLatin1String("ir"))
            heldIr = int(c);
    }
    inference::FrameBoxes heldTruth;
    const auto heldFrames = QJsonDocument::fromJson([&] {
                                QFile f(heldOutDir + QStringLiteral("/ground_truth.json"));
                                f.open(QIODevice::ReadOnly);
                                return f.readAll();
                            }())
                                .object()
                                .value(QStringLiteral("frames"))
                                .toObject()
                                .value(held->manifest().cameras[size_t(heldIr)].name)
                                .toArray()
                                .size();
    if (!truthOf(heldOutDir, held->manifest().cameras[size_t(heldIr)].name, heldFrames, &heldTruth))
        return 1;
    for (const bool region : {true, false}) {
        inference::DetectOptions d;
        d.camera = heldIr;
        d.inRegion = region;
        d.every = region ? 1 : 15; // whole frames at 2x input take about a second each
        inference::CampaignDetections found;
        if (!inference::detectCampaign(*held, *net, d, &found, &error)) {
            std::fprintf(stderr, "bench_detector_gui: %s\n", qPrintable(error));
            return 1;
        }
        const auto e = inference::evaluateDetections(heldTruth, found);
        printEvaluation(region ? "held-out IR, inside the search region (Detector > Run)"
                               : "held-out IR, whole frames (every 15th frame)",
                        e, found.framesPerSecond);
        if (region) {
            std::printf("  AP50 by GPS range:");
            for (const auto &b : e.byRange)
                std::printf(" [%s] %.3f (%d)", qPrintable(b.label), b.ap50, b.frames);
            std::printf("\n  goal AP50 >= 0.8: ratio %.2f\n", e.coco.stats[1] / 0.8);
        }
        std::fflush(stdout);
    }
    return 0;
}
