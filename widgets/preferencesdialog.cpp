#include "widgets/preferencesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vigie {

PreferencesDialog::PreferencesDialog(const QList<Language> &languages,
                                     const QString &currentCode, QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_proposerSteps(new QSpinBox(this))
{
    setWindowTitle(tr("Preferences"));

    m_language->addItem(tr("System language"), QString());
    for (const Language &language : languages)
        m_language->addItem(language.nativeName, language.code);
    const int current = m_language->findData(currentCode);
    m_language->setCurrentIndex(current >= 0 ? current : 0);

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    m_proposerSteps->setObjectName(QStringLiteral("proposerSteps"));
    m_proposerSteps->setRange(10, 20000);
    m_proposerSteps->setSingleStep(100);
    m_proposerSteps->setValue(400);
    m_proposerSteps->setToolTip(tr("Proposals › Train Proposer: batches of 32 weak-label crops (400 take about 20 s on two cores)"));
    form->addRow(tr("&Proposer training steps:"), m_proposerSteps);

    auto *note = new QLabel(tr("A new language takes effect when Vigie restarts."), this);
    note->setWordWrap(true);
    note->setEnabled(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addStretch();
    layout->addWidget(buttons);
}

QString PreferencesDialog::languageCode() const
{
    return m_language->currentData().toString();
}

void PreferencesDialog::setProposerSteps(int steps)
{
    m_proposerSteps->setValue(steps);
}

int PreferencesDialog::proposerSteps() const
{
    return m_proposerSteps->value();
}

} // namespace vigie
