// Test helper (not a test): writes to a dataset until it is killed, reporting on stdout each
// edit as soon as it is committed, so that a test can kill it mid-way and check what survived.
//   dbwriter DB stream   bulk-insert 20000 boxes, then create boxes one by one, forever
//   dbwriter DB hold     take the write lock and keep it for 30 s
//   dbwriter DB open     open the dataset, read it, close it (its last close checkpoints the WAL
//                        and deletes it, if no other process holds the file)
//   dbwriter DB probe    print "held" if another process holds SQLite's shared lock on the file
//                        (a read lock on its SHARED byte range), else "free"; never opens SQLite
#include "database/dataset.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

#include <fcntl.h>
#include <unistd.h>

using namespace vigie::db;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3)
        return 2;
    if (QByteArray(argv[2]) == "probe") {
        // SQLite's unix VFS: PENDING_BYTE 0x40000000, SHARED_FIRST = PENDING_BYTE + 2, 510 bytes.
        const int fd = ::open(argv[1], O_RDWR);
        if (fd < 0)
            return 1;
        struct flock lock = {};
        lock.l_type = F_WRLCK;
        lock.l_whence = SEEK_SET;
        lock.l_start = 0x40000002;
        lock.l_len = 510;
        std::printf("%s\n", ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK ? "held" : "free");
        ::close(fd);
        return 0;
    }
    QString error;
    auto ds = Dataset::open(QString::fromLocal8Bit(argv[1]), Dataset::OpenMode::CreateIfMissing, &error);
    if (!ds) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QByteArray mode = argv[2];
    if (mode == "open") {
        std::printf("campaigns %zu\n", ds->campaigns().size());
        return 0;
    }
    if (mode == "hold") {
        ds->transaction([&](QString *) {
            std::printf("locked\n");
            std::fflush(stdout);
            QThread::sleep(30);
            return true;
        }, &error);
        return 0;
    }
    const auto campaign = ds->addCampaign({0, QStringLiteral("crash"), QString(), 0}, &error);
    const auto camera = ds->addCamera({0, *campaign, QStringLiteral("ir"), QStringLiteral("ir"), QString(), 640, 512}, &error);
    ds->ensureFrames(*camera, 100, {}, &error);
    const auto cls = ds->ensureClass(QStringLiteral("quadcopter"), &error);
    const std::int64_t frame = *ds->frameId(*camera, 0);
    std::vector<BoxRecord> bulk(20000);
    for (size_t i = 0; i < bulk.size(); ++i) {
        BoxRecord &b = bulk[i];
        b.frameId = frame;
        b.classId = *cls;
        b.x = double(i % 600);
        b.y = 10;
        b.w = b.h = 8;
        b.source = BoxSource::Detector;
        b.state = BoxState::Proposed;
        b.author = QStringLiteral("bulk");
    }
    if (!ds->insertBoxes(bulk, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    std::printf("bulk %zu\n", bulk.size());
    std::fflush(stdout);
    for (int i = 0;; ++i) {
        BoxRecord b;
        b.frameId = frame;
        b.classId = *cls;
        b.x = i % 600;
        b.y = 20;
        b.w = b.h = 10;
        b.author = QStringLiteral("single");
        const auto id = ds->createBox(b, &error);
        if (!id) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::printf("edit %lld\n", static_cast<long long>(*id));
        std::fflush(stdout);
    }
}
