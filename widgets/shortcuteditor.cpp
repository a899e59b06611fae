#include "widgets/shortcuteditor.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigie {

ShortcutEditor::ShortcutEditor(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    setObjectName(QStringLiteral("shortcutEditor"));
    for (QAction *a : actions) {
        if (a && !a->objectName().isEmpty() && !a->isSeparator()) {
            m_actions << a;
            m_sequences << a->shortcut();
        }
    }
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Click a shortcut and type the new keys. Backspace clears it."), this);
    layout->addWidget(hint);
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("Command"), tr("Shortcut")});
    m_table->setRowCount(int(m_actions.size()));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *message = new QLabel(this);
    message->setObjectName(QStringLiteral("conflictMessage"));
    message->setStyleSheet(QStringLiteral("color: #d04040"));
    for (int row = 0; row < m_actions.size(); ++row) {
        auto *name = new QTableWidgetItem(m_actions[row]->text().remove(QLatin1Char('&')));
        name->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, 0, name);
        auto *edit = new QKeySequenceEdit(m_sequences[row], m_table);
        edit->setObjectName(m_actions[row]->objectName());
        connect(edit, &QKeySequenceEdit::editingFinished, this, [this, row, edit, message] {
            const QString other = conflict(row, edit->keySequence());
            if (!other.isEmpty()) {
                message->setText(tr("%1 is already the shortcut of “%2”.")
                                     .arg(edit->keySequence().toString(QKeySequence::NativeText), other));
                edit->setKeySequence(m_sequences[row]);
                return;
            }
            message->clear();
            m_sequences[row] = edit->keySequence();
        });
        m_table->setCellWidget(row, 1, edit);
    }
    layout->addWidget(m_table, 1);
    layout->addWidget(message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                             | QDialogButtonBox::RestoreDefaults,
                                         this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        for (int row = 0; row < m_actions.size(); ++row) {
            const QVariant original = m_actions[row]->property("vigieDefaultShortcut");
            if (original.isValid()) {
                m_sequences[row] = original.value<QKeySequence>();
                static_cast<QKeySequenceEdit *>(m_table->cellWidget(row, 1))->setKeySequence(m_sequences[row]);
            }
        }
    });
    layout->addWidget(buttons);
    resize(520, 600);
}

QString ShortcutEditor::conflict(int row, const QKeySequence &sequence) const
{
    if (sequence.isEmpty())
        return {};
    for (int other = 0; other < m_actions.size(); ++other) {
        if (other != row && m_sequences[other] == sequence)
            return m_actions[other]->text().remove(QLatin1Char('&'));
    }
    return {};
}

bool ShortcutEditor::setSequence(int row, const QKeySequence &sequence)
{
    if (row < 0 || row >= m_actions.size() || !conflict(row, sequence).isEmpty())
        return false;
    m_sequences[row] = sequence;
    static_cast<QKeySequenceEdit *>(m_table->cellWidget(row, 1))->setKeySequence(sequence);
    return true;
}

int ShortcutEditor::rowOf(const QString &objectName) const
{
    for (int row = 0; row < m_actions.size(); ++row) {
        if (m_actions[row]->objectName() == objectName)
            return row;
    }
    return -1;
}

QMap<QString, QKeySequence> ShortcutEditor::changes() const
{
    QMap<QString, QKeySequence> out;
    for (int row = 0; row < m_actions.size(); ++row) {
        if (m_sequences[row] != m_actions[row]->shortcut())
            out.insert(m_actions[row]->objectName(), m_sequences[row]);
    }
    return out;
}

} // namespace vigie
