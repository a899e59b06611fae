#include "models/telemetry/parsereport.h"

#include <QCoreApplication>
#include <QFile>

namespace vigie {

QString ParseReport::firstIssueText() const
{
    if (issues.isEmpty())
        return {};
    return QStringLiteral("%1:%2: %3").arg(file).arg(issues.first().line).arg(issues.first().reason);
}

QString ParseReport::summary() const
{
    return QCoreApplication::translate("vigie::ParseReport",
                                       "%1 lines: %2 accepted, %3 skipped, %4 rejected")
        .arg(linesRead)
        .arg(accepted)
        .arg(skipped)
        .arg(rejected);
}

std::optional<QByteArray> readLogFile(const QString &path, const QString &format, ParseReport &report)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report.file = path;
        report.format = format;
        report.error = QCoreApplication::translate("vigie::ParseReport", "cannot open: %1").arg(file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

} // namespace vigie
