#include "app/savestatus.h"

#include "app/campaignsession.h"
#include "database/datasetsession.h"

#include <QApplication>
#include <QDebug>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace vigie {

SaveStatus::SaveStatus(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_label(new QLabel(window))
{
    m_label->setObjectName(QStringLiteral("saveLabel"));
}

void SaveStatus::watch(CampaignSession *session)
{
    connect(session, &CampaignSession::saveStateChanged, this, [this](CampaignSession::SaveState state, const QString &detail) {
        switch (state) {
        case CampaignSession::SaveState::Saved:
            m_label->setText(tr("Saved"));
            break;
        case CampaignSession::SaveState::Saving:
            m_label->setText(tr("Saving…"));
            break;
        case CampaignSession::SaveState::Failed:
            m_label->setText(tr("Not saved: retrying"));
            if (auto *window = qobject_cast<QMainWindow *>(m_window))
                window->statusBar()->showMessage(detail, 10000);
            break;
        }
        m_label->setToolTip(detail);
        m_label->setStyleSheet(state == CampaignSession::SaveState::Failed ? QStringLiteral("color: #c62828; font-weight: bold")
                                                                               : QString());
    });
}

void SaveStatus::clear()
{
    m_label->clear();
    m_label->setToolTip({});
    m_label->setStyleSheet({});
}

bool SaveStatus::confirmClose(CampaignSession *session)
{
    db::DatasetSession *dataset = session ? session->dataset() : nullptr;
    if (!dataset)
        return true;
    for (;;) {
        if (dataset->failedWrites() == 0)
            dataset->flush(); // what is queued commits in milliseconds
        const int unsaved = dataset->pendingWrites();
        if (unsaved == 0)
            return true;
        QMessageBox box(QMessageBox::Warning, tr("Edits not saved"),
                        tr("Unsaved edits: %1 could not be written to %2.").arg(unsaved).arg(session->datasetPath()), QMessageBox::NoButton, m_window);
        box.setInformativeText(tr("Free some disk space or close the program that locks the file, then retry. "
                                  "Discarding loses these edits."));
        box.setDetailedText(m_label->toolTip());
        QPushButton *retry = box.addButton(tr("&Retry"), QMessageBox::AcceptRole);
        QPushButton *discard = box.addButton(tr("&Discard Edits"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(retry);
        box.exec();
        if (box.clickedButton() == discard) {
            qWarning().noquote() << tr("Unsaved edits discarded: %1").arg(unsaved);
            return true;
        }
        if (box.clickedButton() != retry)
            return false;
        QApplication::setOverrideCursor(Qt::WaitCursor);
        dataset->retry();
        dataset->flush();
        QApplication::restoreOverrideCursor();
    }
}

} // namespace vigie
