// A seeded mutation fuzzer in the test suite: a million mutated lines into each parser of
// untrusted input. In the sanitizer build (scripts/test.sh, build-asan) any out-of-bounds read,
// overflow or undefined behaviour aborts the test. The invariants checked here hold for any
// input: every line lands in exactly one bin, and every fix is a real place.
#include "models/campaign.h"
#include "models/telemetry/nmea.h"
#include "models/telemetry/rtklibpos.h"
#include "models/telemetry/turretlog.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace vigie;

namespace {

constexpr int linesPerParser = 1'000'000;
constexpr int linesPerBatch = 5'000;

QList<QByteArray> linesOf(const QString &path, bool keepComments = true)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines;
    const QList<QByteArray> all = file.readAll().split('\n');
    for (const QByteArray &line : all) {
        if (!line.isEmpty() && (keepComments || !line.startsWith('#')))
            lines.append(line);
    }
    return lines;
}

class Mutator
{
public:
    explicit Mutator(std::uint64_t seed)
        : m_rng(seed)
    {
    }

    std::uint64_t below(std::uint64_t n) { return n ? m_rng() % n : 0; }

    QByteArray mutate(QByteArray line)
    {
        const int rounds = 1 + int(below(3));
        for (int r = 0; r < rounds; ++r) {
            const qsizetype n = line.size();
            const qsizetype at = qsizetype(below(std::uint64_t(n) + 1));
            switch (below(12)) {
            case 0: // flip a byte
                if (n)
                    line[at % n] = char(line[at % n] ^ char(1 << below(8)));
                break;
            case 1: // random byte
                line.insert(at, char(below(256)));
                break;
            case 2: // delete a run
                line.remove(at, qsizetype(below(8)));
                break;
            case 3: // truncate
                line.truncate(at);
                break;
            case 4: // separators
                line.insert(at, "*,$\t"[below(4)]);
                break;
            case 5: { // hostile numbers
                static const char *numbers[] = {"1e400", "-0", "nan", "inf", "99999999999999999999",
                                                "0x1p3", "+-1", "3,14", "", "-", ".", "1.",
                                                "9223372036854775807", "-9223372036854775808"};
                line.insert(at, numbers[below(14)]);
                break;
            }
            case 6: { // duplicate a field
                const qsizetype comma = line.indexOf(',', at);
                if (comma > 0)
                    line.insert(comma, line.mid(at, comma - at));
                break;
            }
            case 7: // digit swap
                if (n)
                    line[at % n] = char('0' + below(10));
                break;
            case 8: // NUL and high bytes
                line.insert(at, below(2) ? '\0' : char(0xff));
                break;
            case 9: // repeat the whole line
                line += line;
                break;
            case 10: // very long field
                line.insert(at, QByteArray(qsizetype(below(300)), char('0' + below(10))));
                break;
            default: // carriage return in the middle
                line.insert(at, '\r');
                break;
            }
        }
        return line;
    }

private:
    std::mt19937_64 m_rng;
};

template<typename Parse>
void fuzz(const QList<QByteArray> &corpus, std::uint64_t seed, Parse &&parse)
{
    QVERIFY(!corpus.isEmpty());
    Mutator m(seed);
    for (int done = 0; done < linesPerParser; done += linesPerBatch) {
        QByteArray batch;
        batch.reserve(linesPerBatch * 90);
        for (int i = 0; i < linesPerBatch; ++i) {
            const QByteArray &base = corpus[qsizetype(m.below(std::uint64_t(corpus.size())))];
            // A quarter of the lines stay intact, so that epochs, headers and state build up.
            batch += m.below(4) == 0 ? base : m.mutate(base);
            batch += '\n';
        }
        parse(batch);
        if (QTest::currentTestFailed())
            return;
    }
}

void checkFixes(const GnssLog &log)
{
    for (const GnssFix &f : log.fixes) {
        QVERIFY(std::isfinite(f.latitudeDeg) && std::abs(f.latitudeDeg) <= 90.0);
        QVERIFY(std::isfinite(f.longitudeDeg) && std::abs(f.longitudeDeg) <= 180.0);
        QVERIFY(f.quality != FixQuality::Invalid);
        QVERIFY(f.line >= 1 && f.line <= log.report.linesRead);
    }
    QVERIFY(log.report.issues.size() <= ParseReport::maxIssues);
}

} // namespace

class TestFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nmea()
    {
        QList<QByteArray> corpus = linesOf(QStringLiteral(VIGIE_FIXTURES_DIR "/gnss/nmea-rtk.log"));
        corpus += linesOf(QStringLiteral(VIGIE_FIXTURES_DIR "/gnss/skytraq-PX1172RH_DS.log"));
        corpus += linesOf(QStringLiteral(VIGIE_FIXTURES_DIR "/gnss/ublox-zed-f9p-rtk.log"));
        corpus += QByteArray("$GLGST,101500.00,0.5,0.04,0.02,90.0,0.02,0.04,0.05*4B");
        corpus += QByteArray("$GBGNS,101500.00,4404.1271062,N,12118.8438377,W,RRN,18,0.7,1127.63,-20.30,1.0,0000,V*1F");
        std::int64_t fixes = 0;
        fuzz(corpus, 20261124, [&](const QByteArray &batch) {
            const GnssLog log = parseNmea(batch, QStringLiteral("fuzz.nmea"));
            QCOMPARE(log.report.accepted + log.report.skipped + log.report.rejected,
                     log.report.linesRead);
            checkFixes(log);
            fixes += std::int64_t(log.fixes.size());
        });
        QVERIFY(fixes > 0); // the intact lines still make fixes among the mutants
    }

    void rtklibPos()
    {
        const QList<QByteArray> corpus =
            linesOf(QStringLiteral(VIGIE_FIXTURES_DIR "/gnss/rover_1Hz_rtk.pos"));
        std::int64_t fixes = 0;
        fuzz(corpus, 7, [&](const QByteArray &batch) {
            const GnssLog log = parseRtklibPos(batch, QStringLiteral("fuzz.pos"));
            QVERIFY(log.report.accepted + log.report.rejected <= log.report.linesRead);
            checkFixes(log);
            fixes += std::int64_t(log.fixes.size());
        });
        QVERIFY(fixes > 0);
    }

    void turretLog()
    {
        const QList<QByteArray> corpus{
            "utc,pan_deg,tilt_deg,roll_deg,hfov_deg.rgb",
            "2026-05-12T10:15:00.000Z,31.25,10.5,0.0,10.0",
            "2026-05-12T10:15:00.020Z,31.30,10.5,0.1,",
            "1778580900.04,359.99,-2.5,0.1,9.5",
            "# comment"};
        fuzz(corpus, 11, [&](const QByteArray &batch) {
            // Keep a valid header first so that rows are exercised.
            const QByteArray text = corpus[0] + '\n' + batch;
            const TurretLog log = parseTurretLog(text, QStringLiteral("fuzz.csv"));
            for (size_t i = 1; i < log.samples.size(); ++i)
                QVERIFY(log.samples[i].utc > log.samples[i - 1].utc);
            for (const TurretSample &s : log.samples)
                QVERIFY(std::abs(s.tiltDeg) <= 90.0 && std::isfinite(s.panDeg));
        });
    }

    void frameTimes()
    {
        const QList<QByteArray> corpus{"2026-05-12T10:15:00.000Z", "12,2026-05-12T10:15:00.480Z",
                                       "1778580900.04", "# rgb"};
        fuzz(corpus, 13, [&](const QByteArray &batch) {
            const FrameTimes times = parseFrameTimes(batch, QStringLiteral("fuzz.times"));
            for (size_t i = 1; i < times.utc.size(); ++i)
                QVERIFY(times.utc[i] > times.utc[i - 1]);
        });
    }

    void manifest()
    {
        // Fewer rounds: each one writes a file and runs Qt's JSON parser.
        QTemporaryDir dir;
        QFile good(QStringLiteral(VIGIE_SOURCE_DIR "/docs/examples/campaign.json"));
        QVERIFY2(good.open(QIODevice::ReadOnly), "docs/examples/campaign.json is missing");
        const QByteArray base = good.readAll();
        Mutator m(17);
        const QString path = dir.filePath(QStringLiteral("campaign.json"));
        int loaded = 0;
        for (int i = 0; i < 20000; ++i) {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(i == 0 ? base : m.mutate(base));
            out.close();
            QString error;
            const auto manifest = CampaignManifest::load(path, &error);
            if (manifest)
                ++loaded;
            else
                QVERIFY(error.startsWith(path) && !error.contains(QLatin1Char('\n')));
        }
        QVERIFY(loaded >= 1);
    }
};

QTEST_GUILESS_MAIN(TestFuzz)
#include "tst_fuzz.moc"
