#include "widgets/shortcutsheet.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigie {

namespace {

QString plainText(QString text)
{
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("...")))
        text.chop(3);
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    return text;
}

void addMenuActions(QTreeWidgetItem *parent, const QMenu *menu)
{
    const auto actions = menu->actions();
    for (QAction *action : actions) {
        if (action->isSeparator())
            continue;
        if (QMenu *sub = action->menu()) {
            addMenuActions(parent, sub);
            continue;
        }
        QStringList keys;
        const auto shortcuts = action->shortcuts();
        for (const QKeySequence &key : shortcuts)
            keys << key.toString(QKeySequence::NativeText);
        auto *item = new QTreeWidgetItem(parent);
        item->setText(0, plainText(action->text()));
        item->setText(1, keys.join(QStringLiteral(", ")));
        item->setData(1, Qt::UserRole, !shortcuts.isEmpty());
        item->setToolTip(0, action->toolTip());
    }
}

} // namespace

ShortcutSheet::ShortcutSheet(const QList<QMenu *> &menus, QWidget *parent)
    : QDialog(parent)
    , m_menus(menus)
    , m_tree(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree);
    layout->addWidget(buttons);
    resize(480, 560);
    refresh();
}

void ShortcutSheet::refresh()
{
    m_tree->clear();
    for (const QMenu *menu : std::as_const(m_menus)) {
        auto *group = new QTreeWidgetItem(m_tree);
        group->setText(0, plainText(menu->title()));
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
        addMenuActions(group, menu);
    }
    m_tree->expandAll();
}

int ShortcutSheet::shortcutCount() const
{
    int count = 0;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *group = m_tree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j)
            count += group->child(j)->data(1, Qt::UserRole).toBool() ? 1 : 0;
    }
    return count;
}

} // namespace vigie
