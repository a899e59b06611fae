#pragma once

#include <QDialog>
#include <QList>

class QComboBox;
class QSpinBox;

namespace vigie {

/// Application preferences. It edits values only; the caller reads them back after exec() and
/// stores and applies them (the widget knows nothing of QSettings or translators).
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    struct Language
    {
        QString code;       ///< "" for the system's language, else "en", "fr", ...
        QString nativeName; ///< "Français"
    };

    PreferencesDialog(const QList<Language> &languages, const QString &currentCode,
                      QWidget *parent = nullptr);

    QString languageCode() const;
    /// Steps of Proposals › Train Proposer (batches of 32 crops).
    void setProposerSteps(int steps);
    int proposerSteps() const;

private:
    QComboBox *m_language;
    QSpinBox *m_proposerSteps;
};

} // namespace vigie
