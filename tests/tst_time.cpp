#include "models/utctime.h"

#include <QTest>

using namespace vigie;

class TestTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void calendarRoundTrip()
    {
        const UtcTime t = UtcTime::fromCalendar(2020, 3, 18, 13, 28, 19, 600000);
        QCOMPARE(t.microseconds(), 1584538099600000LL);
        QCOMPARE(t.toIso(), QStringLiteral("2020-03-18T13:28:19.600Z"));
        const auto c = t.calendar();
        QCOMPARE(c.year, 2020);
        QCOMPARE(c.month, 3);
        QCOMPARE(c.day, 18);
        QCOMPARE(c.hour, 13);
        QCOMPARE(c.microsecond, 600000);
        QCOMPARE(UtcTime::fromCalendar(1969, 12, 31, 23, 59, 59).toIso(),
                 QStringLiteral("1969-12-31T23:59:59.000Z"));
        QCOMPARE((t + 1).toIso(), QStringLiteral("2020-03-18T13:28:19.600001Z"));
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("iso");
        QTest::newRow("Z") << "2020-03-18T13:28:19.6Z" << "2020-03-18T13:28:19.600Z";
        QTest::newRow("space, no zone") << "2020-03-18 13:28:19" << "2020-03-18T13:28:19.000Z";
        QTest::newRow("+00:00") << "2020-03-18T13:28:19.123456+00:00" << "2020-03-18T13:28:19.123456Z";
        QTest::newRow("nanoseconds round") << "2020-03-18T13:28:19.1234567Z" << "2020-03-18T13:28:19.123457Z";
        QTest::newRow("epoch seconds") << "1584538099.6" << "2020-03-18T13:28:19.600Z";
        QTest::newRow("bad month") << "2020-13-18T13:28:19Z" << "";
        QTest::newRow("30 February") << "2021-02-30T00:00:00Z" << "";
        QTest::newRow("other zone") << "2020-03-18T13:28:19+02:00" << "";
        QTest::newRow("French decimal") << "1584538099,6" << "";
        QTest::newRow("garbage") << "yesterday" << "";
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, iso);
        const auto t = UtcTime::parse(text);
        if (iso.isEmpty()) {
            QVERIFY(!t);
        } else {
            QVERIFY(t);
            QCOMPARE(t->toIso(), iso);
        }
    }

    void leapSeconds()
    {
        QCOMPARE(gpst::leapSecondsAtUtc(UtcTime::fromCalendar(1980, 1, 6)), 0);
        QCOMPARE(gpst::leapSecondsAtUtc(UtcTime::fromCalendar(2016, 12, 31, 23, 59, 59)), 17);
        QCOMPARE(gpst::leapSecondsAtUtc(UtcTime::fromCalendar(2017, 1, 1)), 18);
        QCOMPARE(gpst::leapSecondsAtUtc(UtcTime::fromCalendar(2026, 11, 24)), 18);
        // The .pos fixture's first row: 06:04:32 GPST is 06:04:14 UTC.
        QCOMPARE(gpst::toUtc(2023, 7, 11, 6, 4, 32, 0).toIso(),
                 QStringLiteral("2023-07-11T06:04:14.000Z"));
        // Across the 2017 leap second: 18 s of GPST before 2017-01-01 00:00:18 GPST is 2016.
        QCOMPARE(gpst::toUtc(2017, 1, 1, 0, 0, 18, 0).toIso(), QStringLiteral("2017-01-01T00:00:00.000Z"));
        QCOMPARE(gpst::toUtc(2016, 12, 31, 23, 59, 0, 0).toIso(), QStringLiteral("2016-12-31T23:58:43.000Z"));
    }

    void weekAndTimeOfWeek()
    {
        // 2023-07-11 06:04:32 GPST is week 2270, 194672 s.
        QCOMPARE(gpst::fromWeekSeconds(2270, 194672.0).toIso(),
                 QStringLiteral("2023-07-11T06:04:14.000Z"));
        QCOMPARE(gpst::fromWeekSeconds(0, 0.0).toIso(), QStringLiteral("1980-01-06T00:00:00.000Z"));
    }
};

QTEST_GUILESS_MAIN(TestTime)
#include "tst_time.moc"
