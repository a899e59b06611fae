#pragma once

// Where the analyst's edits are, in the status bar: "Saving…", "Saved" only when every edit is on
// disk, "Not saved: retrying" in red with the reason when a write failed (decision 27); and the
// question asked before a campaign with unsaved edits closes. GUI thread only.

#include <QObject>

class QLabel;
class QWidget;

namespace vigie {

class CampaignSession;

class SaveStatus : public QObject
{
    Q_OBJECT

public:
    explicit SaveStatus(QWidget *window);
    QLabel *label() const { return m_label; }

    /// Follows a session's writes.
    void watch(CampaignSession *session);
    void clear();
    /// Before closing: commits what is queued; if edits could not be written, asks whether to
    /// retry, discard them or keep the campaign open (false).
    bool confirmClose(CampaignSession *session);

private:
    QWidget *m_window;
    QLabel *m_label;
};

} // namespace vigie
