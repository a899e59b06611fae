#include "database/dbinfo.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace vigie::db {

QList<ComponentVersion> components()
{
    ComponentVersion sqlite{QStringLiteral("SQLite"), {}, {}};
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        sqlite.detail = QCoreApplication::translate(
            "vigie::db", "Qt's SQLite driver is missing: install libqt6sql6-sqlite");
        return {sqlite};
    }
    // A connection is tied to its thread: name it after this thread and close it before leaving.
    const QString name = QStringLiteral("vigie-info-%1")
                             .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (!db.open()) {
            sqlite.detail = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT sqlite_version()")) && query.next()) {
                sqlite.version = query.value(0).toString();
                sqlite.detail = QStringLiteral("through Qt's QSQLITE driver");
            } else {
                sqlite.detail = query.lastError().text();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return {sqlite};
}

} // namespace vigie::db
