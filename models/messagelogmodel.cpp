#include "models/messagelogmodel.h"

#include "models/roles.h"

#include <QBrush>
#include <QColor>

namespace vigie {

MessageLogModel::MessageLogModel(QObject *parent, int capacity)
    : QAbstractListModel(parent)
    , m_capacity(std::max(1, capacity))
{
}

int MessageLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant MessageLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1  %2").arg(e.utc.toString(QStringLiteral("HH:mm:ss")), e.text);
    case Qt::ToolTipRole:
        return QStringLiteral("%1 UTC [%2]\n%3")
            .arg(e.utc.toString(Qt::ISODateWithMs), e.category, e.text);
    case Qt::ForegroundRole:
        switch (e.severity) {
        case QtWarningMsg:
            return QBrush(QColor(0xb3, 0x6b, 0x00));
        case QtCriticalMsg:
        case QtFatalMsg:
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        default:
            return {};
        }
    case TimestampRole:
        return e.utc;
    case SeverityRole:
        return int(e.severity);
    case CategoryRole:
        return e.category;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TimestampRole, "timestamp");
    names.insert(SeverityRole, "severity");
    names.insert(CategoryRole, "category");
    return names;
}

void MessageLogModel::append(int severity, const QString &category, const QString &text)
{
    if (m_entries.size() >= m_capacity) {
        const int drop = int(m_entries.size()) - m_capacity + 1;
        beginRemoveRows({}, 0, drop - 1);
        m_entries.remove(0, drop);
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append({QDateTime::currentDateTimeUtc(), QtMsgType(severity), category, text});
    endInsertRows();
}

void MessageLogModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

} // namespace vigie
