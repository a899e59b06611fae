// Bulk insertion into the dataset: N boxes in one transaction through Dataset::insertBoxes,
// against the sqlite3 command-line shell importing the same rows from CSV into the same table.
// Usage: bench_dataset_insert [N=1000000]
#include "database/dataset.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace vigie::db;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const long long n = argc > 1 ? std::atoll(argv[1]) : 1000000;
    QTemporaryDir dir;
    QString error;

    auto setup = [&](const QString &path, std::int64_t *frame, std::int64_t *cls) {
        auto ds = Dataset::open(path, Dataset::OpenMode::CreateIfMissing, &error);
        const auto campaign = ds->addCampaign({0, QStringLiteral("bench"), QString(), 0}, &error);
        const auto camera = ds->addCamera({0, *campaign, QStringLiteral("ir"), QStringLiteral("ir"), QString(), 640, 512}, &error);
        ds->ensureFrames(*camera, 1000, {}, &error);
        *frame = *ds->frameId(*camera, 0);
        *cls = *ds->ensureClass(QStringLiteral("quadcopter"), &error);
        return ds;
    };

    std::int64_t frame = 0, cls = 0;
    auto ds = setup(dir.filePath(QStringLiteral("vigie.vigie")), &frame, &cls);
    std::vector<BoxRecord> boxes(static_cast<size_t>(n));
    for (long long i = 0; i < n; ++i) {
        BoxRecord &b = boxes[size_t(i)];
        b.frameId = frame + i % 1000;
        b.classId = cls;
        b.x = double(i % 600);
        b.y = double(i % 480);
        b.w = 12.5;
        b.h = 8.25;
        b.source = BoxSource::Detector;
        b.state = BoxState::Proposed;
        b.confidence = 0.5;
        b.modelVersion = QStringLiteral("detector-1");
        b.author = QStringLiteral("bench");
        b.createdUs = b.modifiedUs = 1778580900000000;
    }
    QElapsedTimer timer;
    timer.start();
    if (!ds->insertBoxes(boxes, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const double vigieS = double(timer.nsecsElapsed()) * 1e-9;

    // The same rows as CSV, in the table's column order, for the sqlite3 shell.
    std::int64_t frame2 = 0, cls2 = 0;
    const QString peerPath = dir.filePath(QStringLiteral("peer.vigie"));
    setup(peerPath, &frame2, &cls2).reset();
    const QString csvPath = dir.filePath(QStringLiteral("boxes.csv"));
    {
        QFile csv(csvPath);
        csv.open(QIODevice::WriteOnly);
        QByteArray chunk;
        for (long long i = 0; i < n; ++i) {
            const BoxRecord &b = boxes[size_t(i)];
            // id, frame_id, class_id, x, y, w, h, source, state, confidence, model_version,
            // author, created_utc_us, modified_utc_us, track_id
            chunk += QByteArray::number(i + 1) + ',' + QByteArray::number(frame2 + i % 1000) + ',' + QByteArray::number(cls2) + ','
                     + QByteArray::number(b.x) + ',' + QByteArray::number(b.y) + ",12.5,8.25,detector,proposed,0.5,detector-1,bench,"
                     + "1778580900000000,1778580900000000,\n";
            if (chunk.size() > (1 << 20)) {
                csv.write(chunk);
                chunk.clear();
            }
        }
        csv.write(chunk);
    }
    QProcess sqlite;
    timer.restart();
    sqlite.start(QStringLiteral("sqlite3"), {peerPath, QStringLiteral(".mode csv"),
                                             QStringLiteral(".import ") + csvPath + QStringLiteral(" boxes")});
    sqlite.waitForFinished(-1);
    const double peerS = double(timer.nsecsElapsed()) * 1e-9;
    if (sqlite.exitCode() != 0) {
        std::fprintf(stderr, "sqlite3: %s\n", sqlite.readAllStandardError().constData());
        return 1;
    }
    QProcess count;
    count.start(QStringLiteral("sqlite3"), {peerPath, QStringLiteral("SELECT count(*) FROM boxes")});
    count.waitForFinished(-1);

    std::printf("boxes: %lld (sqlite3 imported %s)\n", n, count.readAllStandardOutput().trimmed().constData());
    std::printf("vigie insertBoxes, one transaction, foreign keys on: %.2f s, %.0f boxes/s\n", vigieS, double(n) / vigieS);
    std::printf("sqlite3 shell .import CSV into the same table:       %.2f s, %.0f boxes/s\n", peerS, double(n) / peerS);
    std::printf("ratio (vigie / sqlite3 throughput): %.2f (goal >= 1.0)\n", peerS / vigieS);
    return 0;
}
