#include "database/exchange.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>
#include <tuple>

using namespace vigie::db;

namespace {

const QString evilClass = QStringLiteral("x'); DROP TABLE boxes; --");

using Key = std::tuple<QString, std::int64_t, QString>; // sequence, frame, class
struct Geometry
{
    double x, y, w, h;
    double confidence;
};

/// (sequence, frame, class) → boxes, for comparing datasets whatever their ids.
std::multimap<Key, Geometry> contents(const Dataset &ds)
{
    std::multimap<Key, Geometry> out;
    std::map<std::int64_t, QString> classes;
    for (const auto &c : ds.classes())
        classes[c.id] = c.name;
    std::map<std::int64_t, std::pair<QString, std::int64_t>> frames;
    for (const auto &campaign : ds.campaigns()) {
        for (const auto &camera : ds.cameras(campaign.id)) {
            // Exports name a sequence campaign_camera; imports name the camera after it.
            const QString seq = campaign.name == QLatin1String("imported") ? camera.name : campaign.name + QLatin1Char('_') + camera.name;
            for (const auto &f : ds.frames(camera.id))
                frames[f.id] = {seq, f.index};
        }
    }
    for (const auto &b : ds.allBoxes()) {
        const auto &[seq, index] = frames.at(b.frameId);
        out.insert({{seq, index, classes.at(b.classId)}, {b.x, b.y, b.w, b.h, b.confidence.value_or(1.0)}});
    }
    return out;
}

bool same(const std::multimap<Key, Geometry> &a, const std::multimap<Key, Geometry> &b, QString *why)
{
    if (a.size() != b.size()) {
        *why = QStringLiteral("%1 boxes against %2").arg(a.size()).arg(b.size());
        return false;
    }
    for (auto it = a.begin(); it != a.end();) {
        const auto range = a.equal_range(it->first);
        const auto other = b.equal_range(it->first);
        std::vector<Geometry> x, y;
        for (auto i = range.first; i != range.second; ++i)
            x.push_back(i->second);
        for (auto i = other.first; i != other.second; ++i)
            y.push_back(i->second);
        auto order = [](const Geometry &p, const Geometry &q) { return std::tie(p.x, p.y, p.w, p.h) < std::tie(q.x, q.y, q.w, q.h); };
        std::sort(x.begin(), x.end(), order);
        std::sort(y.begin(), y.end(), order);
        if (x.size() != y.size()) {
            *why = QStringLiteral("%1 frame %2: %3 boxes against %4").arg(std::get<0>(it->first)).arg(std::get<1>(it->first)).arg(x.size()).arg(y.size());
            return false;
        }
        for (size_t k = 0; k < x.size(); ++k) {
            const double d = std::max({std::abs(x[k].x - y[k].x), std::abs(x[k].y - y[k].y), std::abs(x[k].w - y[k].w), std::abs(x[k].h - y[k].h)});
            if (d > 1e-6) {
                *why = QStringLiteral("%1 frame %2: [%3 %4 %5 %6] against [%7 %8 %9 %10]")
                           .arg(std::get<0>(it->first)).arg(std::get<1>(it->first))
                           .arg(x[k].x).arg(x[k].y).arg(x[k].w).arg(x[k].h).arg(y[k].x).arg(y[k].y).arg(y[k].w).arg(y[k].h);
                return false;
            }
        }
        it = range.second;
    }
    return true;
}

/// Two campaigns, an RGB and an IR camera each, boxes at fractional positions, one class per
/// camera, frames with one and with two boxes, and reviewed frames without any.
std::unique_ptr<Dataset> build(const QString &path, bool onePerFrame)
{
    QString error;
    auto ds = Dataset::open(path, Dataset::OpenMode::CreateIfMissing, &error);
    std::mt19937_64 rng(5);
    auto u = [&](double lo, double hi) { return lo + (hi - lo) * double(rng() >> 11) * 0x1.0p-53; };
    for (const QString &name : {QStringLiteral("range-a"), QStringLiteral("range-b")}) {
        const auto campaign = ds->addCampaign({0, name, QString(), 0}, &error);
        for (const auto &[cam, w, h] : {std::tuple{QStringLiteral("rgb"), 1280, 720}, std::tuple{QStringLiteral("ir"), 640, 512}}) {
            const auto camera = ds->addCamera({0, *campaign, cam, cam, QString(), w, h}, &error);
            ds->ensureFrames(*camera, 20, {}, &error);
            const auto cls = ds->ensureClass(cam == QLatin1String("rgb") ? QStringLiteral("quadcopter") : evilClass, &error);
            std::vector<BoxRecord> boxes;
            for (int f = 0; f < 16; ++f) {
                const int n = (!onePerFrame && f >= 10) ? 2 : 1;
                for (int k = 0; k < n; ++k) {
                    BoxRecord b;
                    b.frameId = *ds->frameId(*camera, f);
                    b.classId = *cls;
                    b.w = u(3, 60);
                    b.h = u(3, 40);
                    b.x = u(0, w - b.w);
                    b.y = u(0, h - b.h);
                    b.state = k == 0 ? BoxState::Accepted : BoxState::Corrected;
                    b.confidence = k == 0 ? 0.9 : 0.4;
                    b.author = QStringLiteral("test");
                    boxes.push_back(b);
                }
            }
            BoxRecord rejected = boxes.front();
            rejected.state = BoxState::Rejected; // filtered out by the default export
            boxes.push_back(rejected);
            ds->insertBoxes(boxes, &error);
            ds->setFrameFlags(*ds->frameId(*camera, 18), {true, false, false, true}, QStringLiteral("test"), &error);
        }
    }
    return ds;
}

QImage frameOf(const CameraRecord &camera, std::int64_t index, QString *)
{
    QImage image(camera.width, camera.height, camera.modality == QLatin1String("ir") ? QImage::Format_Grayscale8 : QImage::Format_BGR888);
    image.fill(QColor(int(index * 10 % 255), 80, 120));
    return image;
}

/// What the default export holds: the accepted and corrected boxes.
std::multimap<Key, Geometry> expected(const Dataset &ds)
{
    std::multimap<Key, Geometry> out;
    std::map<std::int64_t, QString> classes;
    for (const auto &c : ds.classes())
        classes[c.id] = c.name;
    std::map<std::int64_t, std::pair<QString, std::int64_t>> frames;
    for (const auto &campaign : ds.campaigns())
        for (const auto &camera : ds.cameras(campaign.id))
            for (const auto &f : ds.frames(camera.id))
                frames[f.id] = {campaign.name + QLatin1Char('_') + camera.name, f.index};
    for (const auto &b : ds.allBoxes()) {
        if (b.state != BoxState::Accepted && b.state != BoxState::Corrected)
            continue;
        const auto &[seq, index] = frames.at(b.frameId);
        out.insert({{seq, index, classes.at(b.classId)}, {b.x, b.y, b.w, b.h, b.confidence.value_or(1.0)}});
    }
    return out;
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

} // namespace

class TestExchange : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("format");
        for (const char *f : {"coco", "yolo", "voc", "mot", "anti-uav"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void roundTrip()
    {
        QFETCH(QString, format);
        const bool antiUav = format == QLatin1String("anti-uav");
        auto source = build(m_dir.filePath(format + QStringLiteral("-source.vigie")), antiUav);
        ExportOptions o;
        o.format = *exchangeFormatFromString(format);
        o.outDir = m_dir.filePath(format + QStringLiteral("-export"));
        o.frames = frameOf;
        ExportReport exported;
        QString error;
        QVERIFY2(exportDataset(*source, o, &exported, &error), qPrintable(error));
        QVERIFY(exported.boxes > 0);
        QCOMPARE(exported.sequences, 4);

        auto target = Dataset::open(m_dir.filePath(format + QStringLiteral("-target.vigie")), Dataset::OpenMode::CreateIfMissing, &error);
        ImportOptions io;
        io.format = o.format;
        io.input = o.outDir;
        ImportReport imported;
        QVERIFY2(importDataset(*target, io, &imported, &error), qPrintable(error));
        QCOMPARE(imported.boxes, exported.boxes);
        QString why;
        QVERIFY2(same(expected(*source), contents(*target), &why), qPrintable(why));
        QVERIFY(target->classId(evilClass)); // the hostile class name survived, bound not pasted
        QVERIFY(target->integrityCheck().isEmpty());
    }

    void splitIsDeterministicBySequence()
    {
        const SplitRatios r;
        QCOMPARE(splitOf(QStringLiteral("range-a_ir"), r), splitOf(QStringLiteral("range-a_ir"), r));
        int train = 0;
        for (int i = 0; i < 1000; ++i)
            train += splitOf(QStringLiteral("seq%1").arg(i), r) == QLatin1String("train") ? 1 : 0;
        QVERIFY2(train > 650 && train < 750, qPrintable(QString::number(train)));
        QCOMPARE(splitOf(QStringLiteral("x"), {1, 0, 0}), QStringLiteral("train"));
        QCOMPARE(splitOf(QStringLiteral("x"), {0, 0, 1}), QStringLiteral("test"));
    }

    void filters()
    {
        auto ds = build(m_dir.filePath(QStringLiteral("filters.vigie")), false);
        ExportOptions o;
        o.format = ExchangeFormat::Coco;
        o.outDir = m_dir.filePath(QStringLiteral("filtered"));
        o.imageFormat = QStringLiteral("none");
        o.filter.cameras = {QStringLiteral("ir")};
        o.filter.states = {BoxState::Rejected};
        ExportReport r;
        QString error;
        QVERIFY2(exportDataset(*ds, o, &r, &error), qPrintable(error));
        QCOMPARE(r.boxes, 2); // one rejected IR box per campaign
        QCOMPARE(r.sequences, 2);
        o.filter.classes = {QStringLiteral("nope")};
        QVERIFY(!exportDataset(*ds, o, &r, &error));
        QVERIFY(error.contains(QStringLiteral("no class named 'nope'")));
    }

    void exportStaysInsideItsFolder()
    {
        QString error;
        auto ds = Dataset::open(m_dir.filePath(QStringLiteral("escape.vigie")), Dataset::OpenMode::CreateIfMissing, &error);
        const auto campaign = ds->addCampaign({0, QStringLiteral("../../.."), QString(), 0}, &error);
        const auto camera = ds->addCamera({0, *campaign, QStringLiteral("../../etc/passwd"), QStringLiteral("ir"), QString(), 64, 64}, &error);
        ds->ensureFrames(*camera, 2, {}, &error);
        const auto cls = ds->ensureClass(QStringLiteral("../../x"), &error);
        BoxRecord b;
        b.frameId = *ds->frameId(*camera, 1);
        b.classId = *cls;
        b.x = b.y = 1;
        b.w = b.h = 5;
        b.author = QStringLiteral("t");
        QVERIFY(ds->createBox(b, &error));
        const QString root = m_dir.filePath(QStringLiteral("sandbox/out"));
        for (const char *f : {"coco", "yolo", "voc", "mot", "anti-uav"}) {
            ExportOptions o;
            o.format = *exchangeFormatFromString(QString::fromLatin1(f));
            o.outDir = root + QLatin1Char('/') + QLatin1String(f);
            o.frames = frameOf;
            QVERIFY2(exportDataset(*ds, o, nullptr, &error), qPrintable(error));
        }
        const QStringList written = filesUnder(m_dir.filePath(QStringLiteral("sandbox")));
        QVERIFY(!written.isEmpty());
        for (const QString &f : written)
            QVERIFY2(f.startsWith(root + QLatin1Char('/')), qPrintable(f));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mentions");
        const QByteArray okCats = R"("categories":[{"id":1,"name":"drone"}])";
        QTest::newRow("coco malformed") << "coco" << "annotations/instances_train.json"
                                        << QByteArray("{\n\"images\": [\n{\"id\": 1,,}\n]}") << "instances_train.json:3: invalid JSON";
        QTest::newRow("coco outside") << "coco" << "annotations/instances_train.json"
                                      << QByteArray(R"({"images":[{"id":1,"file_name":"s_000001.png","width":100,"height":50}],"annotations":[{"id":1,"image_id":1,"category_id":1,"bbox":[90,10,20,10]}],)" + okCats + "}")
                                      << "annotations[0]: the box [90, 10, 20, 10] lies outside the 100×50 image";
        QTest::newRow("coco unknown class") << "coco" << "annotations/instances_train.json"
                                            << QByteArray(R"({"images":[{"id":1,"file_name":"s_000001.png","width":100,"height":50}],"annotations":[{"id":1,"image_id":1,"category_id":7,"bbox":[1,1,2,2]}],)" + okCats + "}")
                                            << "unknown category_id 7";
        QTest::newRow("coco missing frame") << "coco" << "annotations/instances_train.json"
                                            << QByteArray(R"({"images":[{"id":1,"file_name":"s_000001.png","width":100,"height":50}],"annotations":[{"id":1,"image_id":2,"category_id":1,"bbox":[1,1,2,2]}],)" + okCats + "}")
                                            << "image_id 2 is not among the images";
        QTest::newRow("coco path traversal") << "coco" << "annotations/instances_train.json"
                                             << QByteArray(R"({"images":[{"id":1,"file_name":"../../etc/passwd","width":100,"height":50}],"annotations":[],)" + okCats + "}")
                                             << "'../../etc/passwd' escapes the dataset folder";
        QTest::newRow("voc malformed") << "voc" << "Annotations/s_000001.xml"
                                       << QByteArray("<annotation>\n<size><width>10</width>\n</annotation>") << "s_000001.xml:3: invalid XML";
        QTest::newRow("voc not a number") << "voc" << "Annotations/s_000001.xml"
                                          << QByteArray("<annotation><size><width>100</width><height>50</height></size>\n<object><name>d</name><bndbox>\n<xmin>1,5</xmin><ymin>1</ymin><xmax>3</xmax><ymax>3</ymax></bndbox></object></annotation>")
                                          << "xmin '1,5' is not a number";
        QTest::newRow("mot frame out of range") << "mot" << "train/s/gt/gt.txt" << QByteArray("1,1,1,1,2,2,1,1,1\n99,1,1,1,2,2,1,1,1\n")
                                                << "gt.txt:2: missing frame: frame 99 is not in 1..5";
        QTest::newRow("anti-uav mismatch") << "anti-uav" << "train/s/IR_label.json"
                                           << QByteArray(R"({"exist":[1,0],"gt_rect":[[1,1,2,2]],"vigie_width":100,"vigie_height":50})")
                                           << "one entry per frame";
    }

    void badInput()
    {
        QFETCH(QString, format);
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        QDir().mkpath(QFileInfo(dir.filePath(file)).absolutePath());
        QFile f(dir.filePath(file));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        if (format == QLatin1String("mot")) {
            QFile ini(dir.filePath(QStringLiteral("train/s/seqinfo.ini")));
            QVERIFY(ini.open(QIODevice::WriteOnly));
            ini.write("[Sequence]\nname=s\nseqLength=5\nimWidth=100\nimHeight=50\n");
        }
        QString error;
        auto ds = build(dir.filePath(QStringLiteral("ds.vigie")), false);
        const auto before = ds->info();
        ImportOptions o;
        o.format = *exchangeFormatFromString(format);
        o.input = dir.path();
        QVERIFY(!importDataset(*ds, o, nullptr, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
        // Nothing of it was written.
        const auto after = ds->info();
        QCOMPARE(after.boxes, before.boxes);
        QCOMPARE(after.campaigns, before.campaigns);
        QCOMPARE(after.cameras, before.cameras);
    }

    void yoloNeedsItsImagesAndClasses()
    {
        auto ds = build(m_dir.filePath(QStringLiteral("yolo-bad.vigie")), false);
        ExportOptions o;
        o.format = ExchangeFormat::Yolo;
        o.outDir = m_dir.filePath(QStringLiteral("yolo-bad"));
        o.frames = frameOf;
        QString error;
        QVERIFY(exportDataset(*ds, o, nullptr, &error));
        // An unknown class index in one label file.
        const QStringList labels = filesUnder(o.outDir + QStringLiteral("/labels"));
        QFile label(labels.first());
        QVERIFY(label.open(QIODevice::Append));
        label.write("7 0.5 0.5 0.1 0.1\n");
        label.close();
        auto target = Dataset::open(m_dir.filePath(QStringLiteral("yolo-bad-target.vigie")), Dataset::OpenMode::CreateIfMissing, &error);
        ImportOptions io;
        io.format = ExchangeFormat::Yolo;
        io.input = o.outDir;
        QVERIFY(!importDataset(*target, io, nullptr, &error));
        QVERIFY2(error.contains(QStringLiteral("unknown class '7'")), qPrintable(error));
        QCOMPARE(target->info().boxes, 0);
        // A missing image.
        QFile::remove(labels.first());
        const QStringList images = filesUnder(o.outDir + QStringLiteral("/images"));
        QFile::remove(images.first());
        QVERIFY(!importDataset(*target, io, nullptr, &error));
        QVERIFY2(error.contains(QStringLiteral("missing frame")), qPrintable(error));
    }

    void realAntiUavGroundTruth()
    {
        QString error;
        auto ds = Dataset::open(m_dir.filePath(QStringLiteral("antiuav.vigie")), Dataset::OpenMode::CreateIfMissing, &error);
        ImportOptions o;
        o.format = ExchangeFormat::AntiUavText;
        o.input = QStringLiteral(VIGIE_FIXTURES_DIR "/anti-uav-ir/seq18.gt.txt");
        o.videoPath = QStringLiteral(VIGIE_FIXTURES_DIR "/anti-uav-ir/seq18.avi");
        o.frameSize = QSize(640, 512);
        o.frameCount = 426;
        ImportReport r;
        QVERIFY2(importDataset(*ds, o, &r, &error), qPrintable(error));
        QCOMPARE(r.frames, 426);
        QCOMPARE(r.boxes, 426);
        const auto boxes = ds->allBoxes();
        QVERIFY(boxes.front().w > 5 && boxes.front().w < 40);
        o.frameCount = 500;
        o.campaign = QStringLiteral("again");
        QVERIFY(!importDataset(*ds, o, &r, &error));
        QVERIFY2(error.contains(QStringLiteral("426 lines, but the video has 500 frames")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestExchange)
#include "tst_exchange.moc"
