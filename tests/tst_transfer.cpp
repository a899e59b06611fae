// Boxes carried between the two cameras of a realistic synthetic campaign (models/annotation/
// transfer.h): the generator's boresight error, clock offsets and 0.2 m baseline are in it, the
// truth boxes of one camera play the analyst's, five instants hold boxes on both. The carried
// boxes must overlap the other camera's truth (median IoU ≥ 0.7, the bar), the fitted
// mounting must explain the five instants, and `vigie-cli transfer` must write them as proposals
// that a second run replaces and that never displace the analyst's boxes.

#include "app/jobs/registration.h"
#include "database/dataset.h"
#include "models/annotation/transfer.h"
#include "models/campaign.h"
#include "models/media/campaignvideo.h"
#include "models/synth/generator.h"
#include "synthtruth.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace vigie;

namespace {

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

Annotation analystBox(int camera, std::int64_t frame, const QRectF &rect, const QString &cls)
{
    Annotation a;
    a.camera = camera;
    a.frame = frame;
    a.rect = rect;
    a.className = cls;
    a.source = db::BoxSource::Manual;
    a.state = db::BoxState::Accepted;
    return a;
}

} // namespace

class TestTransfer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_manifest;
    std::map<QString, std::vector<test::TruthFrame>> m_truth;
    std::map<QString, double> m_clockError; ///< per camera: the generator's injected clock error

    /// Frames of `from` where both cameras see the drone at counterpart frames.
    std::vector<std::int64_t> shared(const BoxTransfer &t, const std::vector<test::TruthFrame> &a,
                                     const std::vector<test::TruthFrame> &b) const
    {
        std::vector<std::int64_t> out;
        for (std::int64_t f = 0; f < std::int64_t(a.size()); ++f) {
            const auto g = t.counterpart(f);
            if (a[size_t(f)].visible && g && b[size_t(*g)].visible)
                out.push_back(f);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Seed 9: used by no benchmark or default (docs/TUNING.md).
        const auto config = synth::Config::forPreset(synth::Preset::Realistic, 9, 4.0);
        QString error;
        QVERIFY2(synth::generate(config, m_dir.path(), {}, &error), qPrintable(error));
        m_manifest = m_dir.filePath(QStringLiteral("campaign.json"));
        m_truth = test::readSynthTruth(m_dir.path());
        QVERIFY(m_truth.count(QStringLiteral("rgb")) && m_truth.count(QStringLiteral("ir")));
        QFile file(m_dir.filePath(QStringLiteral("ground_truth.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject cameras = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("cameras")).toObject();
        for (const QString &c : {QStringLiteral("rgb"), QStringLiteral("ir")})
            m_clockError[c] = cameras.value(c).toObject().value(QStringLiteral("time_offset_s")).toDouble();
        QVERIFY(std::abs(m_clockError[QStringLiteral("rgb")] - m_clockError[QStringLiteral("ir")]) > 0.03);
    }

    void carriedBoxesOverlapTheOtherCamerasTruth()
    {
        QString error;
        const auto campaign = Campaign::open(m_manifest, &error);
        QVERIFY2(campaign, qPrintable(error));
        const int rgb = campaign->manifest().cameraIndex(QStringLiteral("rgb"));
        const int ir = campaign->manifest().cameraIndex(QStringLiteral("ir"));
        const QString cls = campaign->manifest().targetClass;
        for (const auto &[from, to, fromName, toName] : {std::tuple{ir, rgb, QStringLiteral("ir"), QStringLiteral("rgb")},
                                                         std::tuple{rgb, ir, QStringLiteral("rgb"), QStringLiteral("ir")}}) {
            const auto &a = m_truth.at(fromName), &b = m_truth.at(toName);
            BoxTransfer transfer(*campaign, from, to, std::int64_t(a.size()), std::int64_t(b.size()));
            // A frame of one camera has its counterpart within half a frame of the other's, and a
            // frame far past the end has none.
            const auto g10 = transfer.counterpart(10);
            QVERIFY(g10.has_value());
            QVERIFY(std::abs(campaign->frameUtc(to, *g10)->seconds() - campaign->frameUtc(from, 10)->seconds()) <= 0.5 / 25.0 + 1e-6);
            QVERIFY(!transfer.counterpart(std::int64_t(a.size()) + 100).has_value());
            const std::vector<std::int64_t> both = shared(transfer, a, b);
            QVERIFY2(both.size() > 40, qPrintable(QStringLiteral("%1 shared frames").arg(both.size())));
            // Five instants with the analyst's boxes on both cameras; the rest tracked.
            std::vector<Annotation> sending, receiving;
            std::set<std::int64_t> keyed;
            for (int k = 0; k < 5; ++k) {
                const std::int64_t f = both[size_t((2 * k + 1) * both.size() / 10)];
                keyed.insert(f);
                receiving.push_back(analystBox(to, *transfer.counterpart(f), b[size_t(*transfer.counterpart(f))].box, cls));
            }
            for (std::int64_t f = 0; f < std::int64_t(a.size()); ++f) {
                if (!a[size_t(f)].visible)
                    continue;
                Annotation x = analystBox(from, f, a[size_t(f)].box, cls);
                if (!keyed.count(f))
                    x.source = db::BoxSource::Tracker;
                sending.push_back(x);
            }
            transfer.setSendingBoxes(sending);
            // With the manifest's mounting the boresight error alone moves the boxes off.
            std::vector<double> manifestIou;
            for (const Annotation &x : sending) {
                const auto g = transfer.counterpart(x.frame);
                if (g && b[size_t(*g)].visible)
                    manifestIou.push_back(test::boxIou(transfer.carry(x).value_or(Annotation{}).rect, b[size_t(*g)].box));
            }
            const MountingFit &fit = transfer.fit(receiving);
            QCOMPARE(fit.pairs, 5);
            QVERIFY2(fit.used >= 4, qPrintable(fit.describe()));
            QVERIFY2(fit.medianAfterPx < 1.5 && fit.medianBeforePx > 3 * fit.medianAfterPx, qPrintable(fit.describe()));
            // The clocks' disagreement the generator injected (the receiving frame is later in
            // truth by the difference of the two errors), found from the five instants.
            QVERIFY(fit.clockFitted);
            const double injected = m_clockError[toName] - m_clockError[fromName];
            QVERIFY2(std::abs(fit.clockOffsetS - injected) < 0.015,
                     qPrintable(QStringLiteral("%1 s found, %2 s injected").arg(fit.clockOffsetS).arg(injected)));
            std::vector<double> ious;
            for (const Annotation &x : sending) {
                const auto g = transfer.counterpart(x.frame);
                if (!g || !b[size_t(*g)].visible)
                    continue;
                const auto carried = transfer.carry(x);
                QVERIFY2(carried, qPrintable(QStringLiteral("frame %1").arg(x.frame)));
                QCOMPARE(carried->camera, to);
                QCOMPARE(carried->frame, *g);
                QCOMPARE(carried->source, db::BoxSource::Transfer);
                QCOMPARE(carried->state, db::BoxState::Proposed);
                QVERIFY(carried->modelVersion.contains(QLatin1String("pairs=")));
                ious.push_back(test::boxIou(carried->rect, b[size_t(*g)].box));
            }
            const double m = median(ious);
            qInfo("%s -> %s: median IoU %.3f with the fitted mounting, %.3f with the manifest's, %zu boxes",
                  qPrintable(fromName), qPrintable(toName), m, median(manifestIou), ious.size());
            QVERIFY2(m >= 0.7, qPrintable(QStringLiteral("median IoU %1").arg(m)));
            QVERIFY(m > median(manifestIou) + 0.1);
        }
    }

    void cliWritesProposalsAndSparesTheAnalyst()
    {
        QString error;
        const QString dbPath = m_dir.filePath(QStringLiteral("transfer.sqlite"));
        const auto &ir = m_truth.at(QStringLiteral("ir")), &rgb = m_truth.at(QStringLiteral("rgb"));
        std::int64_t analystOnRgb = 0, analystFrame = -1;
        int irBoxes = 0;
        {
            auto campaign = media::openCampaign(m_manifest, &error);
            QVERIFY2(campaign, qPrintable(error));
            auto dataset = db::Dataset::open(dbPath, db::Dataset::OpenMode::CreateIfMissing, &error);
            QVERIFY2(dataset, qPrintable(error));
            const int irCamera = campaign->manifest().cameraIndex(QStringLiteral("ir"));
            const int rgbCamera = campaign->manifest().cameraIndex(QStringLiteral("rgb"));
            db::RegisteredCamera irReg, rgbReg;
            QVERIFY2(jobs::registerCampaignCamera(*dataset, *campaign, m_manifest, irCamera, &irReg, &error), qPrintable(error));
            QVERIFY2(jobs::registerCampaignCamera(*dataset, *campaign, m_manifest, rgbCamera, &rgbReg, &error), qPrintable(error));
            const auto cls = dataset->ensureClass(campaign->manifest().targetClass, &error);
            QVERIFY(cls);
            BoxTransfer transfer(*campaign, irCamera, rgbCamera, std::int64_t(irReg.frameIds.size()), std::int64_t(rgbReg.frameIds.size()));
            std::vector<db::BoxRecord> records;
            auto record = [&](std::int64_t frameId, const QRectF &r) {
                db::BoxRecord b;
                b.frameId = frameId;
                b.classId = *cls;
                b.x = r.x(), b.y = r.y(), b.w = r.width(), b.h = r.height();
                b.source = db::BoxSource::Manual;
                b.state = db::BoxState::Accepted;
                b.author = QStringLiteral("analyst");
                return b;
            };
            std::vector<std::int64_t> both = shared(transfer, ir, rgb);
            for (std::int64_t f = 0; f < std::int64_t(ir.size()) && f < std::int64_t(irReg.frameIds.size()); ++f) {
                if (ir[size_t(f)].visible) {
                    records.push_back(record(irReg.frameIds[size_t(f)], ir[size_t(f)].box));
                    ++irBoxes;
                }
            }
            for (int k = 0; k < 5; ++k) {
                const std::int64_t g = *transfer.counterpart(both[size_t((2 * k + 1) * both.size() / 10)]);
                records.push_back(record(rgbReg.frameIds[size_t(g)], rgb[size_t(g)].box));
            }
            QVERIFY2(dataset->insertBoxes(records, &error), qPrintable(error));
            analystFrame = *transfer.counterpart(both[size_t(both.size() / 10)]);
            for (const db::BoxRecord &b : dataset->boxesOfCamera(rgbReg.id))
                if (b.frameId == rgbReg.frameIds[size_t(analystFrame)])
                    analystOnRgb = b.id;
            QVERIFY(analystOnRgb > 0);
        }
        std::int64_t firstRun = 0;
        for (int run = 0; run < 2; ++run) {
            QProcess cli;
            cli.start(QStringLiteral(VIGIE_CLI), {QStringLiteral("transfer"), m_manifest, QStringLiteral("--db"), dbPath,
                                                  QStringLiteral("--from"), QStringLiteral("ir"), QStringLiteral("--to"),
                                                  QStringLiteral("rgb"), QStringLiteral("--json")});
            QVERIFY(cli.waitForFinished(120000));
            QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
            const QJsonObject out = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
            QCOMPARE(out.value(QStringLiteral("offered")).toInt(), irBoxes);
            QCOMPARE(out.value(QStringLiteral("mounting")).toObject().value(QStringLiteral("pairs")).toInt(), 5);
            QVERIFY(out.value(QStringLiteral("mounting")).toObject().value(QStringLiteral("used")).toInt() >= 4);
            const std::int64_t boxes = out.value(QStringLiteral("boxes")).toInteger();
            QVERIFY2(boxes > irBoxes / 2, qPrintable(QString::number(boxes)));
            QCOMPARE(out.value(QStringLiteral("replaced")).toInteger(), run == 0 ? 0 : firstRun);
            firstRun = boxes;
        }
        auto dataset = db::Dataset::open(dbPath, db::Dataset::OpenMode::MustExist, &error);
        QVERIFY2(dataset, qPrintable(error));
        QCOMPARE(dataset->box(analystOnRgb)->source, db::BoxSource::Manual);
        std::int64_t transfers = 0;
        std::set<std::int64_t> frames;
        for (const db::BoxRecord &b : dataset->allBoxes()) {
            if (b.source != db::BoxSource::Transfer)
                continue;
            ++transfers;
            QCOMPARE(b.state, db::BoxState::Proposed);
            QVERIFY(frames.insert(b.frameId).second); // one per frame, never two
        }
        QCOMPARE(transfers, firstRun);

        // A camera the campaign does not have is named in a one-line error.
        QProcess bad;
        bad.start(QStringLiteral(VIGIE_CLI), {QStringLiteral("transfer"), m_manifest, QStringLiteral("--db"), dbPath,
                                              QStringLiteral("--from"), QStringLiteral("uv")});
        QVERIFY(bad.waitForFinished(60000));
        QVERIFY(bad.exitCode() != 0);
        const QString message = QString::fromUtf8(bad.readAllStandardError());
        QVERIFY2(message.contains(QLatin1String("uv")) && message.contains(QLatin1String("campaign.json")), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestTransfer)
#include "tst_transfer.moc"
