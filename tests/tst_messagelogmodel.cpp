#include "models/messagelogmodel.h"
#include "models/roles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using vigie::MessageLogModel;

class TestMessageLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendAndRoles()
    {
        MessageLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.append(QtWarningMsg, QStringLiteral("vigie.nmea"),
                     QStringLiteral("line 12: bad checksum"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(inserted.count(), 1);
        const QModelIndex index = model.index(0);
        QVERIFY(index.data().toString().endsWith(QStringLiteral("line 12: bad checksum")));
        QCOMPARE(index.data(vigie::SeverityRole).toInt(), int(QtWarningMsg));
        QCOMPARE(index.data(vigie::CategoryRole).toString(), QStringLiteral("vigie.nmea"));
        QCOMPARE(index.data(vigie::TimestampRole).toDateTime().timeSpec(), Qt::UTC);
        QVERIFY(index.data(Qt::ForegroundRole).isValid());
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("vigie.nmea")));
        QVERIFY(model.roleNames().contains(vigie::SeverityRole));
    }

    void boundedCapacityDropsOldest()
    {
        MessageLogModel model(nullptr, 3);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 5; ++i)
            model.append(QtInfoMsg, QStringLiteral("c"), QStringLiteral("m%1").arg(i));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.entry(0).text, QStringLiteral("m2"));
        QCOMPARE(model.entry(2).text, QStringLiteral("m4"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMessageLogModel)
#include "tst_messagelogmodel.moc"
