// Test helper (not a test): the real workstation, offscreen, editing a campaign like a fast
// analyst until it is killed. After each edit it prints the content its AnnotationModel shows
// ("edit K DIGEST", after "begin K"); each time the status bar says Saved it prints "saved K", K being the edits
// made so far. tst_save kills it with SIGKILL and checks that the dataset holds the content of
// an edit at or after the last one shown as saved. With "track", it also starts the tracker from a
// keyframe now and then (Edit › Track from Keyframe), so that kills land while a propagation
// runs and while its boxes are written; a run that lands counts as an edit ("begin" before its
// command, "edit" after).
//   workstation_editor CAMPAIGN.json DATASET [SEED] [track]
#include "app/annotationcontroller.h"
#include "app/campaignsession.h"
#include "app/mainwindow.h"
#include "models/heap.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QLabel>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

#include <cstdio>
#include <random>

using namespace vigie;

/// The boxes of one camera as sorted text: what the model shows and the dataset must hold.
QByteArray digestOf(const AnnotationModel &model, int camera)
{
    QList<QByteArray> rows;
    for (std::int64_t frame : model.annotatedFrames(camera)) {
        for (const Annotation &a : model.boxes(camera, frame))
            rows << QByteArray::number(frame) + ' ' + QByteArray::number(a.rect.x()) + ' ' + QByteArray::number(a.rect.y()) + ' '
                        + QByteArray::number(a.rect.width()) + ' ' + QByteArray::number(a.rect.height()) + ' '
                        + QByteArray::number(int(a.state));
    }
    std::sort(rows.begin(), rows.end());
    return QCryptographicHash::hash(rows.join('\n'), QCryptographicHash::Sha1).toHex();
}

int main(int argc, char **argv)
{
    keepLargeBlocksInHeap();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("VigieTest"));
    QApplication::setApplicationName(QStringLiteral("workstation_editor"));
    if (argc < 3)
        return 2;
    std::mt19937 rng(argc > 3 ? unsigned(std::atoi(argv[3])) : 1u);
    const bool track = argc > 4 && QByteArray(argv[4]) == "track";
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    int edits = 0;
    QObject::connect(&window, &MainWindow::campaignFailed, &app, [](const QString &e) {
        std::fprintf(stderr, "%s\n", qPrintable(e));
        QCoreApplication::exit(1);
    });
    QObject::connect(&window, &MainWindow::campaignOpened, &app, [&] {
        CampaignSession *s = window.session();
        QObject::connect(s, &CampaignSession::saveStateChanged, &app, [&edits](CampaignSession::SaveState state, const QString &) {
            if (state == CampaignSession::SaveState::Saved) {
                std::printf("saved %d\n", edits);
                std::fflush(stdout);
            }
        });
        AnnotationController *annotations = window.annotationController();
        QObject::connect(annotations, &AnnotationController::trackingLanding, &app, [&edits] {
            std::printf("begin %d\n", edits + 1);
            std::fflush(stdout);
        });
        QObject::connect(annotations, &AnnotationController::trackingDone, &app, [&edits, s](int boxes) {
            if (boxes == 0) {
                std::printf("tracked 0\n");
                std::fflush(stdout);
                return;
            }
            ++edits;
            std::printf("edit %d %s\n", edits, digestOf(*s->annotations(), s->masterCamera()).constData());
            std::printf("tracked %d\n", boxes);
            std::fflush(stdout);
        });
        auto *timer = new QTimer(&app);
        QObject::connect(timer, &QTimer::timeout, &app, [&, s, annotations] {
            // A burst of edits of every kind, then a pause in which the writer may catch up.
            const int camera = s->masterCamera();
            const std::int64_t frames = std::min<std::int64_t>(s->frameCount(camera), 40);
            AnnotationEditor *editor = s->editor();
            if (track && !annotations->isTracking() && rng() % 8 == 0) {
                // A keyframe to track from: the first accepted or corrected box of the camera.
                // A keyframe to track from: an accepted geometric box (on the drone) when there
                // is one, else any keyframe.
                const auto start = [&] {
                    std::int64_t any = 0;
                    for (std::int64_t f : s->annotations()->annotatedFrames(camera))
                        for (const Annotation &a : s->annotations()->boxes(camera, f))
                            if (AnnotationEditor::isKeyframe(a)) {
                                if (a.source == db::BoxSource::Geometry)
                                    return annotations->trackFrom(a.handle);
                                any = any ? any : a.handle;
                            }
                    return any && annotations->trackFrom(any);
                };
                if (start()) {
                    std::printf("tracking 1\n");
                    std::fflush(stdout);
                }
            }
            for (int burst = int(rng() % 6) + 1; burst > 0; --burst) {
                const std::int64_t frame = std::int64_t(rng() % std::uint32_t(frames));
                const auto boxes = s->annotations()->boxes(camera, frame);
                const QRectF rect(int(rng() % 300), int(rng() % 200), 4 + int(rng() % 20), 4 + int(rng() % 20));
                std::printf("begin %d\n", edits + 1);
                std::fflush(stdout);
                switch (boxes.empty() ? 0 : rng() % 6) {
                case 0:
                    editor->addBox(camera, frame, rect, {});
                    break;
                case 1:
                    editor->setRect(boxes.front().handle, rect);
                    break;
                case 2:
                    editor->remove(boxes.back().handle);
                    break;
                case 3:
                    // Tracking needs keyframes on the drone: accept its geometric box then.
                    if (track && boxes.front().source == db::BoxSource::Geometry)
                        editor->accept(boxes.front().handle);
                    else
                        editor->reject(boxes.front().handle);
                    break;
                case 4:
                    window.undoStack()->undo();
                    break;
                default:
                    window.undoStack()->redo();
                    break;
                }
                ++edits;
                std::printf("edit %d %s\n", edits, digestOf(*s->annotations(), camera).constData());
                std::fflush(stdout);
            }
        });
        timer->start(15);
    });
    window.openCampaign(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]));
    return app.exec();
}
