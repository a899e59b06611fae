#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

namespace vigie {

/// The messages Vigie showed the analyst (warnings from parsers, errors from workers, ...), newest
/// last, bounded so that a flood of warnings cannot exhaust memory: past capacity(), the oldest
/// messages go. GUI thread only; other threads post through QMetaObject::invokeMethod(append).
class MessageLogModel : public QAbstractListModel
{
    Q_OBJECT

public:
    struct Entry
    {
        QDateTime utc;
        QtMsgType severity = QtInfoMsg;
        QString category;
        QString text;
    };

    explicit MessageLogModel(QObject *parent = nullptr, int capacity = 10000);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int capacity() const { return m_capacity; }
    const Entry &entry(int row) const { return m_entries.at(row); }

public Q_SLOTS:
    void append(int severity, const QString &category, const QString &text);
    void clear();

private:
    QList<Entry> m_entries;
    int m_capacity;
};

} // namespace vigie
