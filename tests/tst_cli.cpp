// vigie-cli end to end: the real executable, its exit codes and what it prints.
#include <QJsonArray>
#include <QDirIterator>
#include <QFile>
#include <QImage>

#include <cmath>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "testcampaign.h"

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(VIGIE_CLI), args);
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

/// Three seconds of an easy campaign (seed 5) generated into `folder`; its manifest's path.
QString easyCampaign(const QString &folder, QString *error)
{
    const Run synth = cli({QStringLiteral("synth"), QStringLiteral("--out"), folder, QStringLiteral("--preset"),
                           QStringLiteral("easy"), QStringLiteral("--duration"), QStringLiteral("3"), QStringLiteral("--seed"),
                           QStringLiteral("5")});
    *error = synth.err;
    return synth.exitCode == 0 ? folder + QStringLiteral("/campaign.json") : QString();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version()
    {
        const Run run = cli({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral(R"(^vigie-cli \d+\.\d+\.\d+\n$)"))
                     .match(run.out)
                     .hasMatch(),
                 qPrintable(run.out));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("nonsense")}
                                         << QStringLiteral("unknown command 'nonsense'");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("no command");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                        << QStringLiteral("unknown option '--frobnicate'");
        QTest::newRow("unknown sub-option")
            << QStringList{QStringLiteral("about"), QStringLiteral("--frobnicate")}
            << QStringLiteral("vigie-cli about:");
        QTest::newRow("unexpected argument")
            << QStringList{QStringLiteral("about"), QStringLiteral("extra")}
            << QStringLiteral("unexpected argument 'extra'");
        // Every number is checked before a command runs: a typo is never a silent 0.
        QTest::newRow("letter in a number")
            << QStringList{QStringLiteral("detector"), QStringLiteral("detect"), QStringLiteral("c.json"), QStringLiteral("--refine-below"),
                           QStringLiteral("1O")}
            << QStringLiteral("--refine-below: '1O' is not a number");
        QTest::newRow("fraction for a count")
            << QStringList{QStringLiteral("proposer"), QStringLiteral("train"), QStringLiteral("c.json"), QStringLiteral("--steps"),
                           QStringLiteral("1.5")}
            << QStringLiteral("--steps: '1.5' is not a whole number");
        QTest::newRow("not finite")
            << QStringList{QStringLiteral("synth"), QStringLiteral("--out"), QStringLiteral("x"), QStringLiteral("--duration"),
                           QStringLiteral("inf")}
            << QStringLiteral("--duration: 'inf' is not a number");
    }

    void badUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Run run = cli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1); // one line
        QVERIFY(run.err.startsWith(QStringLiteral("vigie-cli")));
    }

    void help()
    {
        const Run top = cli({QStringLiteral("--help")});
        QCOMPARE(top.exitCode, 0);
        QVERIFY(top.out.contains(QStringLiteral("about")));
        QVERIFY(top.out.contains(QStringLiteral("Exit codes")));

        const Run sub = cli({QStringLiteral("about"), QStringLiteral("--help")});
        QCOMPARE(sub.exitCode, 0);
        QVERIFY2(sub.out.startsWith(QStringLiteral("Usage: vigie-cli about")), qPrintable(sub.out));
        QVERIFY(sub.out.contains(QStringLiteral("--json")));

        const Run viaHelp = cli({QStringLiteral("help"), QStringLiteral("about")});
        QCOMPARE(viaHelp.exitCode, 0);
        QCOMPARE(viaHelp.out, sub.out);
    }

    void aboutJson()
    {
        const Run run = cli({QStringLiteral("about"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray components = doc.object().value(QStringLiteral("components")).toArray();
        QStringList names;
        for (const QJsonValue &value : components) {
            names << value[QLatin1String("name")].toString();
            QVERIFY(!value[QLatin1String("version")].toString().isEmpty());
        }
        for (const char *name : {"Qt", "FFmpeg", "OpenCV", "SQLite", "GeographicLib", "LibTorch"})
            QVERIFY2(names.contains(QString::fromLatin1(name)), name);
    }

    void telemetryJson()
    {
        const Run run = cli({QStringLiteral("telemetry"),
                             QStringLiteral(VIGIE_FIXTURES_DIR "/gnss/nmea-rtk.log"),
                             QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonObject doc = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray fixes = doc[QLatin1String("fixes")].toArray();
        QCOMPARE(fixes.size(), 122);
        const QJsonObject first = fixes.first().toObject();
        QCOMPARE(first[QLatin1String("utc")].toString(), QStringLiteral("2020-03-18T13:28:19.600Z"));
        QVERIFY(std::abs(first[QLatin1String("lat")].toDouble() - 41.574965910) < 1e-9);
        QVERIFY(std::abs(first[QLatin1String("height_m")].toDouble() - 246.719) < 1e-4);
        QCOMPARE(first[QLatin1String("quality")].toString(), QStringLiteral("differential"));
        const QJsonObject report = doc[QLatin1String("report")].toObject();
        QCOMPARE(report[QLatin1String("lines_read")].toInt(), 253);
        QCOMPARE(report[QLatin1String("rejected")].toInt(), 0);
        QVERIFY(report[QLatin1String("error")].isNull());
    }

    void telemetryOnRtklibAndTurret()
    {
        const Run pos = cli({QStringLiteral("telemetry"),
                             QStringLiteral(VIGIE_FIXTURES_DIR "/gnss/rover_1Hz_rtk.pos")});
        QCOMPARE(pos.exitCode, 0);
        QVERIFY2(pos.out.contains(QStringLiteral("rtk-fixed      : 142")), qPrintable(pos.out));
        QTemporaryDir dir;
        vigie::test::writeCampaign(dir.path());
        const Run turret = cli({QStringLiteral("telemetry"), dir.filePath(QStringLiteral("turret.csv")),
                                QStringLiteral("--json")});
        QCOMPARE(turret.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(turret.out.toUtf8())[QLatin1String("samples")].toArray().size(), 101);
    }

    void telemetryRefusesBinaryLogs()
    {
        const Run run = cli({QStringLiteral("telemetry"),
                             QStringLiteral(VIGIE_FIXTURES_DIR "/gnss/ublox-zed-f9p-rtk.log"),
                             QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("ublox-zed-f9p-rtk.log: no NMEA sentence found")),
                 qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        const QJsonObject doc = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY(doc[QLatin1String("report")][QLatin1String("error")].toString().contains(QStringLiteral("no NMEA")));
        QCOMPARE(doc[QLatin1String("fixes")].toArray().size(), 0);

        const Run missing = cli({QStringLiteral("telemetry"), QStringLiteral("/nonexistent.nmea")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("no such file")));
        const Run badFormat = cli({QStringLiteral("telemetry"), QStringLiteral("x"),
                                   QStringLiteral("--format"), QStringLiteral("gpx")});
        QCOMPARE(badFormat.exitCode, 2);
    }

    void project()
    {
        QTemporaryDir dir;
        vigie::test::writeCampaign(dir.path());
        const Run byFrame = cli({QStringLiteral("project"), dir.path(), QStringLiteral("--camera"),
                                 QStringLiteral("rgb"), QStringLiteral("--frame"), QStringLiteral("15"),
                                 QStringLiteral("--json")});
        QCOMPARE(byFrame.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(byFrame.out.toUtf8()).object();
        QCOMPARE(o[QLatin1String("utc")].toString(), QStringLiteral("2026-05-12T10:15:00.500Z"));
        const QJsonObject pixel = o[QLatin1String("pixel")].toObject();
        QVERIFY2(std::abs(pixel[QLatin1String("x")].toDouble() - 1148.33) < 0.01, qPrintable(byFrame.out));
        QVERIFY2(std::abs(pixel[QLatin1String("y")].toDouble() - 443.94) < 0.01, qPrintable(byFrame.out));
        QCOMPARE(o[QLatin1String("in_fov")].toBool(), true);
        QVERIFY(o[QLatin1String("ellipse")][QLatin1String("semi_major_px")].toDouble() > 0);
        QVERIFY(std::abs(o[QLatin1String("expected_size_px")][QLatin1String("width")].toDouble()
                         - 960.0 / std::tan(5.0 * M_PI / 180.0) / 1000.0) < 0.01);

        const Run byUtc = cli({QStringLiteral("project"), dir.filePath(QStringLiteral("campaign.json")),
                               QStringLiteral("--camera"), QStringLiteral("rgb"), QStringLiteral("--utc"),
                               QStringLiteral("2026-05-12T10:15:00.5Z"), QStringLiteral("--json")});
        QCOMPARE(byUtc.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(byUtc.out.toUtf8())[QLatin1String("pixel")].toObject(), pixel);

        const Run outside = cli({QStringLiteral("project"), dir.path(), QStringLiteral("--camera"),
                                 QStringLiteral("rgb"), QStringLiteral("--utc"),
                                 QStringLiteral("2026-05-12T12:00:00Z")});
        QCOMPARE(outside.exitCode, 1);
        QVERIFY2(outside.err.contains(QStringLiteral("no target fix")), qPrintable(outside.err));

        const Run badCamera = cli({QStringLiteral("project"), dir.path(), QStringLiteral("--camera"),
                                   QStringLiteral("uv"), QStringLiteral("--frame"), QStringLiteral("0")});
        QCOMPARE(badCamera.exitCode, 1);
        QVERIFY(badCamera.err.contains(QStringLiteral("no camera named 'uv'")));

        const Run both = cli({QStringLiteral("project"), dir.path(), QStringLiteral("--camera"),
                              QStringLiteral("rgb"), QStringLiteral("--frame"), QStringLiteral("0"),
                              QStringLiteral("--utc"), QStringLiteral("2026-05-12T10:15:00Z")});
        QCOMPARE(both.exitCode, 2);

        QFile::remove(dir.filePath(QStringLiteral("campaign.json")));
        const Run noManifest = cli({QStringLiteral("project"), dir.path(), QStringLiteral("--camera"),
                                    QStringLiteral("rgb"), QStringLiteral("--frame"), QStringLiteral("0")});
        QCOMPARE(noManifest.exitCode, 1);
        QVERIFY(noManifest.err.contains(QStringLiteral("campaign.json")));
    }

    void evaluateCocoPair()
    {
        QTemporaryDir dir;
        const QString gt = dir.filePath(QStringLiteral("gt.json")), dt = dir.filePath(QStringLiteral("dt.json"));
        auto write = [](const QString &path, const QByteArray &bytes) {
            QFile f(path);
            return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
        };
        QVERIFY(write(gt, R"({"images":[{"id":1},{"id":2},{"id":3}],"categories":[{"id":1}],"annotations":[
            {"id":1,"image_id":1,"category_id":1,"bbox":[100,100,20,10],"area":200,"iscrowd":0},
            {"id":2,"image_id":2,"category_id":1,"bbox":[300,200,40,40],"area":1600,"iscrowd":0},
            {"id":3,"image_id":2,"category_id":1,"bbox":[10,10,120,100],"area":12000,"iscrowd":0},
            {"id":4,"image_id":3,"category_id":1,"bbox":[50,50,30,30],"area":900,"iscrowd":1}]})"));
        QVERIFY(write(dt, R"([{"image_id":1,"category_id":1,"bbox":[102,101,20,10],"score":0.9},
            {"image_id":1,"category_id":1,"bbox":[400,400,20,10],"score":0.8},
            {"image_id":2,"category_id":1,"bbox":[305,205,40,40],"score":0.7},
            {"image_id":2,"category_id":1,"bbox":[12,12,110,100],"score":0.6},
            {"image_id":3,"category_id":1,"bbox":[55,55,10,10],"score":0.95},
            {"image_id":3,"category_id":1,"bbox":[200,200,10,10],"score":0.3}])"));
        const Run run = cli({QStringLiteral("evaluate"), QStringLiteral("--coco-gt"), gt, QStringLiteral("--coco-dt"), dt,
                             QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray stats = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("stats")).toArray();
        const double expected[12] = {0.333911, 0.834158, 0.084158, 0.4, 0.3, 0.8, 0.233333, 0.5, 0.5, 0.4, 0.3, 0.8};
        QCOMPARE(stats.size(), 12);
        for (int i = 0; i < 12; ++i)
            QVERIFY2(std::abs(stats[i].toDouble() - expected[i]) < 1e-6, qPrintable(QString::number(i)));

        const Run text = cli({QStringLiteral("evaluate"), QStringLiteral("--coco-gt"), gt, QStringLiteral("--coco-dt"), dt});
        QVERIFY2(text.out.contains(QStringLiteral("IoU=0.50      | area=   all | maxDets=100 ] = 0.834")), qPrintable(text.out));

        QCOMPARE(cli({QStringLiteral("evaluate"), QStringLiteral("--coco-gt"), gt}).exitCode, 2);
        QVERIFY(write(dt, "{\"not\": \"a list\"}"));
        const Run bad = cli({QStringLiteral("evaluate"), QStringLiteral("--coco-gt"), gt, QStringLiteral("--coco-dt"), dt});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(dt), qPrintable(bad.err));
    }

    void detectorLoop()
    {
        // A few seconds of an easy campaign: train on its ground truth for a handful of steps,
        // detect into a dataset, evaluate with every figure, and refuse what cannot work.
        QTemporaryDir dir;
        const QString campaign = dir.filePath(QStringLiteral("c"));
        QString synthError;
        const QString manifest = easyCampaign(campaign, &synthError);
        QVERIFY2(!manifest.isEmpty(), qPrintable(synthError));
        const QString db = dir.filePath(QStringLiteral("d.sqlite"));
        const QString weights = dir.filePath(QStringLiteral("det.centernet"));

        // No labelled frame in a fresh dataset: a clear refusal.
        const Run empty = cli({QStringLiteral("detector"), QStringLiteral("train"), manifest, QStringLiteral("--db"), db,
                               QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--steps"), QStringLiteral("2")});
        QCOMPARE(empty.exitCode, 1);
        QVERIFY2(empty.err.contains(QStringLiteral("No accepted or corrected box")), qPrintable(empty.err));

        const Run train = cli({QStringLiteral("detector"), QStringLiteral("train"), manifest, QStringLiteral("--db"), db,
                               QStringLiteral("--boxes"), QStringLiteral("gt"), QStringLiteral("--epochs"), QStringLiteral("2"),
                               QStringLiteral("--steps"), QStringLiteral("3"), QStringLiteral("--width"), QStringLiteral("8"),
                               QStringLiteral("--out"), weights, QStringLiteral("--json")});
        QVERIFY2(train.exitCode == 0, qPrintable(train.err));
        const QJsonObject trained = QJsonDocument::fromJson(train.out.toUtf8()).object();
        QCOMPARE(trained.value(QStringLiteral("curve")).toArray().size(), 2);
        // The checkpoint is the workstation's: one per camera in models/ beside the dataset.
        QVERIFY(QFile::exists(weights) && QFile::exists(dir.filePath(QStringLiteral("models/centernet-ir.checkpoint"))));
        const QString version = trained.value(QStringLiteral("version")).toString();

        // Resume: the checkpoint says two epochs are done; a third runs alone and the curve goes on.
        const Run resume = cli({QStringLiteral("detector"), QStringLiteral("train"), manifest, QStringLiteral("--db"), db,
                                QStringLiteral("--boxes"), QStringLiteral("gt"), QStringLiteral("--epochs"), QStringLiteral("3"),
                                QStringLiteral("--steps"), QStringLiteral("3"), QStringLiteral("--width"), QStringLiteral("8"),
                                QStringLiteral("--out"), weights, QStringLiteral("--resume"), QStringLiteral("--json")});
        QVERIFY2(resume.exitCode == 0, qPrintable(resume.err));
        QVERIFY2(resume.err.contains(QStringLiteral("Resuming after epoch 2")), qPrintable(resume.err));
        QVERIFY(resume.err.contains(QStringLiteral("epoch 3/3")) && !resume.err.contains(QStringLiteral("epoch 2/3")));
        QCOMPARE(QJsonDocument::fromJson(resume.out.toUtf8()).object().value(QStringLiteral("curve")).toArray().size(), 3);

        // Detect by registered version, low threshold so that an untrained-ish model writes boxes.
        const Run detect = cli({QStringLiteral("detector"), QStringLiteral("detect"), manifest, QStringLiteral("--db"), db,
                                QStringLiteral("--model"), version, QStringLiteral("--min-score"), QStringLiteral("0.01"),
                                QStringLiteral("--every"), QStringLiteral("10"), QStringLiteral("--json")});
        QVERIFY2(detect.exitCode == 0, qPrintable(detect.err));
        const QJsonObject detected = QJsonDocument::fromJson(detect.out.toUtf8()).object();
        QVERIFY(detected.value(QStringLiteral("frames")).toInt() > 5);
        QVERIFY(detected.value(QStringLiteral("boxes")).toInt() > 0);
        const Run info = cli({QStringLiteral("db"), QStringLiteral("info"), db, QStringLiteral("--json")});
        QVERIFY2(info.out.contains(QStringLiteral("detector")), qPrintable(info.out));

        const QString coco = dir.filePath(QStringLiteral("coco"));
        const Run evaluate = cli({QStringLiteral("detector"), QStringLiteral("evaluate"), manifest, QStringLiteral("--model"), weights,
                                  QStringLiteral("--gt"), campaign + QStringLiteral("/ground_truth.json"), QStringLiteral("--every"),
                                  QStringLiteral("10"), QStringLiteral("--coco-out"), coco, QStringLiteral("--json")});
        QVERIFY2(evaluate.exitCode == 0, qPrintable(evaluate.err));
        const QJsonObject e = QJsonDocument::fromJson(evaluate.out.toUtf8()).object();
        QCOMPARE(e.value(QStringLiteral("coco")).toObject().size(), 12);
        QVERIFY(e.value(QStringLiteral("by_range")).toArray().size() >= 3);
        QVERIFY(e.contains(QStringLiteral("state_accuracy")));
        // With and without the temporal layer, its cost per frame said.
        const QJsonObject temporal = e.value(QStringLiteral("temporal")).toObject();
        QCOMPARE(temporal.value(QStringLiteral("method")).toString(), QStringLiteral("seq-nms"));
        QVERIFY(temporal.value(QStringLiteral("ap50")).toDouble(-1) >= 0 && temporal.value(QStringLiteral("ap50")).toDouble() <= 1);
        QVERIFY(temporal.value(QStringLiteral("state_accuracy")).toDouble(-1) >= 0);
        QVERIFY(temporal.value(QStringLiteral("ms_per_frame")).toDouble(-1) >= 0);
        // The files it wrote give the same figures through `vigie-cli evaluate`.
        const Run check = cli({QStringLiteral("evaluate"), QStringLiteral("--coco-gt"), coco + QStringLiteral("/ground_truth.coco.json"),
                               QStringLiteral("--coco-dt"), coco + QStringLiteral("/detections.coco.json"), QStringLiteral("--json")});
        QVERIFY2(check.exitCode == 0, qPrintable(check.err));
        QCOMPARE(QJsonDocument::fromJson(check.out.toUtf8()).object().value(QStringLiteral("coco")).toObject().value(QStringLiteral("AP50")).toDouble(),
                 e.value(QStringLiteral("coco")).toObject().value(QStringLiteral("AP50")).toDouble());

        // A model file that is not one.
        const QString foreign = dir.filePath(QStringLiteral("foreign.centernet"));
        QFile f(foreign);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a model");
        f.close();
        const Run bad = cli({QStringLiteral("detector"), QStringLiteral("evaluate"), manifest, QStringLiteral("--model"), foreign,
                             QStringLiteral("--gt"), campaign + QStringLiteral("/ground_truth.json")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(foreign) && bad.err.contains(QStringLiteral("not a Vigie detector")), qPrintable(bad.err));
    }

    void proposerLoop()
    {
        // The WILDCAT proposer from the command line on a few seconds of an easy campaign: train
        // from GPS labels, propose into a dataset (τ from its accepted boxes when it has some),
        // evaluate the three methods, and refuse what cannot work.
        QTemporaryDir dir;
        const QString campaign = dir.filePath(QStringLiteral("c"));
        QString synthError;
        const QString manifest = easyCampaign(campaign, &synthError);
        QVERIFY2(!manifest.isEmpty(), qPrintable(synthError));
        const QString db = dir.filePath(QStringLiteral("d.sqlite"));

        const Run train = cli({QStringLiteral("proposer"), QStringLiteral("train"), manifest, QStringLiteral("--db"), db,
                               QStringLiteral("--steps"), QStringLiteral("20"), QStringLiteral("--width"), QStringLiteral("8"),
                               QStringLiteral("--json")});
        QVERIFY2(train.exitCode == 0, qPrintable(train.err));
        QVERIFY2(train.err.contains(QStringLiteral("crops with the drone and")), qPrintable(train.err)); // the job's report, as the workstation logs it
        const QJsonObject trained = QJsonDocument::fromJson(train.out.toUtf8()).object();
        const QString version = trained.value(QStringLiteral("version")).toString();
        QVERIFY(version.startsWith(QStringLiteral("wildcat-ir-")));
        QVERIFY(QFile::exists(trained.value(QStringLiteral("weights")).toString()));

        // No accepted box in the dataset yet: the default τ, said so; proposals written once.
        const QStringList proposeArgs{QStringLiteral("propose"), manifest, QStringLiteral("--db"), db,
                                      QStringLiteral("--model"), version, QStringLiteral("--json")};
        const Run propose = cli(proposeArgs);
        QVERIFY2(propose.exitCode == 0, qPrintable(propose.err));
        QVERIFY2(propose.err.contains(QStringLiteral("fewer than 5 accepted boxes")), qPrintable(propose.err));
        const int written = QJsonDocument::fromJson(propose.out.toUtf8()).object().value(QStringLiteral("boxes")).toInt();
        QVERIFY(written > 10);
        const Run again = cli(proposeArgs);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        const QJsonObject second = QJsonDocument::fromJson(again.out.toUtf8()).object();
        QCOMPARE(second.value(QStringLiteral("boxes")).toInt(), 0);
        QVERIFY(second.value(QStringLiteral("skipped_existing")).toInt() >= written);

        const Run evaluate = cli({QStringLiteral("proposer"), QStringLiteral("evaluate"), manifest, QStringLiteral("--db"), db,
                                  QStringLiteral("--model"), version, QStringLiteral("--gt"),
                                  campaign + QStringLiteral("/ground_truth.json"), QStringLiteral("--every"), QStringLiteral("3"),
                                  QStringLiteral("--no-whole-frame"), QStringLiteral("--json")});
        QVERIFY2(evaluate.exitCode == 0, qPrintable(evaluate.err));
        const QJsonObject e = QJsonDocument::fromJson(evaluate.out.toUtf8()).object();
        for (const char *method : {"geometry", "whole_frame", "region"}) {
            const QJsonObject m = e.value(QLatin1String(method)).toObject();
            QVERIFY2(m.contains(QStringLiteral("corloc_50")) && m.contains(QStringLiteral("maxboxacc_v2")), method);
        }
        const double scale = e.value(QStringLiteral("region")).toObject().value(QStringLiteral("box_scale")).toDouble();
        QVERIFY(scale >= 1.0 && scale <= 3.0);
        QVERIFY(e.value(QStringLiteral("region")).toObject().value(QStringLiteral("frames")).toInt() > 5);

        // A model file that is not one.
        const QString foreign = dir.filePath(QStringLiteral("foreign.wildcat"));
        QFile f(foreign);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("VIGIE-CENTERNET 1\n{}\n");
        f.close();
        const Run bad = cli({QStringLiteral("propose"), manifest, QStringLiteral("--db"), db, QStringLiteral("--model"), foreign});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(foreign) && bad.err.contains(QStringLiteral("not a Vigie WILDCAT model")), qPrintable(bad.err));

        // A campaign whose GPS log has sentences but no fix: no weak label, no search region.
        QFile nmea(campaign + QStringLiteral("/drone.nmea"));
        QVERIFY(nmea.open(QIODevice::WriteOnly | QIODevice::Truncate));
        auto sentence = [](const QByteArray &body) -> QByteArray {
            char sum = 0;
            for (char c : body)
                sum ^= c;
            return "$" + body + "*" + QByteArray::number(uchar(sum), 16).rightJustified(2, '0').toUpper() + "\r\n";
        };
        for (int i = 0; i < 10; ++i) {
            const QByteArray t = "1015" + QByteArray::number(i).rightJustified(2, '0') + ".00";
            nmea.write(sentence("GNGGA," + t + ",,,,,0,00,99.9,,M,,M,,"));
            nmea.write(sentence("GNZDA," + t + ",12,05,2026,00,00"));
        }
        nmea.close();
        const Run noFix = cli(proposeArgs);
        QCOMPARE(noFix.exitCode, 1);
        QVERIFY2(noFix.err.contains(QStringLiteral("no GPS fix")), qPrintable(noFix.err));
        const Run noFixTrain = cli({QStringLiteral("proposer"), QStringLiteral("train"), manifest, QStringLiteral("--db"), db,
                                    QStringLiteral("--steps"), QStringLiteral("5")});
        QCOMPARE(noFixTrain.exitCode, 1);
        QVERIFY2(noFixTrain.err.contains(QStringLiteral("no GPS fix")), qPrintable(noFixTrain.err));
    }

    void datasetLifecycle()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("a.vigie"));
        QCOMPARE(cli({QStringLiteral("db"), QStringLiteral("init"), db}).exitCode, 0);
        const Run again = cli({QStringLiteral("db"), QStringLiteral("init"), db});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QStringLiteral("already exists")));
        const QString fixtures = QStringLiteral(VIGIE_FIXTURES_DIR "/anti-uav-ir/");
        const Run imported = cli({QStringLiteral("db"), QStringLiteral("import"), db, fixtures + QStringLiteral("seq4.gt.txt"),
                                  QStringLiteral("--format"), QStringLiteral("anti-uav-txt"), QStringLiteral("--video"),
                                  fixtures + QStringLiteral("seq4.avi"), QStringLiteral("--campaign"), QStringLiteral("seq4")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY(imported.out.contains(QStringLiteral("imported 501 boxes")));
        const Run info = cli({QStringLiteral("db"), QStringLiteral("info"), db, QStringLiteral("--json")});
        QCOMPARE(info.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(info.out.toUtf8()).object();
        QCOMPARE(o[QLatin1String("boxes")].toInt(), 501);
        QCOMPARE(o[QLatin1String("schema_version")].toInt(), 3);
        QCOMPARE(o[QLatin1String("boxes_by_state")][QLatin1String("accepted")].toInt(), 501);
        const Run check = cli({QStringLiteral("db"), QStringLiteral("check"), db, QStringLiteral("--json")});
        QCOMPARE(check.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(check.out.toUtf8())[QLatin1String("ok")].toBool(), true);
        // Export with frames decoded from the real video.
        const QString out = dir.filePath(QStringLiteral("coco"));
        const Run exported = cli({QStringLiteral("db"), QStringLiteral("export"), db, QStringLiteral("--format"),
                                  QStringLiteral("coco"), QStringLiteral("--out"), out, QStringLiteral("--images"),
                                  QStringLiteral("jpg")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY(exported.out.contains(QStringLiteral("exported 501 boxes on 501 images")));
        QDirIterator images(out + QStringLiteral("/images"), {QStringLiteral("*.jpg")}, QDir::Files, QDirIterator::Subdirectories);
        int count = 0;
        QSize size;
        while (images.hasNext()) {
            size = QImage(images.next()).size();
            ++count;
        }
        QCOMPARE(count, 501);
        QCOMPARE(size, QSize(640, 512));
        // A mismatched video and ground truth are refused with the reason.
        const Run mismatch = cli({QStringLiteral("db"), QStringLiteral("import"), db, fixtures + QStringLiteral("seq5.gt.txt"),
                                  QStringLiteral("--format"), QStringLiteral("anti-uav-txt"), QStringLiteral("--video"),
                                  fixtures + QStringLiteral("seq4.avi"), QStringLiteral("--campaign"), QStringLiteral("seq5")});
        QCOMPARE(mismatch.exitCode, 1);
        QVERIFY2(mismatch.err.contains(QStringLiteral("726 lines, but the video has 501 frames")), qPrintable(mismatch.err));
        QCOMPARE(cli({QStringLiteral("db"), QStringLiteral("export"), db, QStringLiteral("--format"), QStringLiteral("tfrecord"),
                      QStringLiteral("--out"), out}).exitCode, 2);
        const Run missing = cli({QStringLiteral("db"), QStringLiteral("info"), dir.filePath(QStringLiteral("none.vigie"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("no such dataset")));
    }

    void frenchFollowsTheLocale()
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("fr_FR.UTF-8"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("fr_FR.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("fr"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(VIGIE_CLI), {QStringLiteral("nonsense")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("commande inconnue")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
