#include "app/playbackcontroller.h"

#include "app/campaignsession.h"
#include "app/commandregistry.h"
#include "app/mainwindow.h"
#include "models/media/syncplayer.h"

#include <QAction>

namespace vigie {

PlaybackController::PlaybackController(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    auto player = [this] { return m_window->session() ? m_window->session()->player() : nullptr; };
    m_play = m_window->commands()->add(tr("&Play/Pause"), "actionPlay", {QKeySequence(Qt::Key_Space)}, CommandRegistry::NeedsCampaign);
    connect(m_play, &QAction::triggered, this, [player] { if (auto *p = player()) p->togglePlay(); });
    const struct
    {
        QAction **action;
        QString text;
        const char *name;
        QKeySequence key;
        int frames;
    } steps[] = {
        {&m_stepForward, tr("Step &Forward"), "actionStepForward", QKeySequence(Qt::Key_Right), 1},
        {&m_stepBack, tr("Step &Back"), "actionStepBack", QKeySequence(Qt::Key_Left), -1},
        {&m_forward10, tr("Forward 10 Frames"), "actionForward10", QKeySequence(Qt::SHIFT | Qt::Key_Right), 10},
        {&m_back10, tr("Back 10 Frames"), "actionBack10", QKeySequence(Qt::SHIFT | Qt::Key_Left), -10},
    };
    for (const auto &s : steps) {
        *s.action = m_window->commands()->add(s.text, s.name, {s.key}, CommandRegistry::NeedsCampaign);
        const int frames = s.frames;
        connect(*s.action, &QAction::triggered, this, [this, player, frames] {
            if (auto *p = player()) {
                p->pause();
                p->step(frames);
            }
        });
    }
    m_first = m_window->commands()->add(tr("First Frame"), "actionFirstFrame", {QKeySequence(Qt::Key_Home)}, CommandRegistry::NeedsCampaign);
    connect(m_first, &QAction::triggered, this, [player] { if (auto *p = player()) p->seek(p->begin()); });
    m_last = m_window->commands()->add(tr("Last Frame"), "actionLastFrame", {QKeySequence(Qt::Key_End)}, CommandRegistry::NeedsCampaign);
    connect(m_last, &QAction::triggered, this, [player] {
        if (auto *p = player())
            p->seekFrame(p->master(), p->frameCount(p->master()) - 1);
    });
    m_faster = m_window->commands()->add(tr("Faster"), "actionFaster", {QKeySequence(Qt::Key_BracketRight)}, CommandRegistry::NeedsCampaign);
    connect(m_faster, &QAction::triggered, this, [player] { if (auto *p = player()) p->setRate(p->rate() * 2); });
    m_slower = m_window->commands()->add(tr("Slower"), "actionSlower", {QKeySequence(Qt::Key_BracketLeft)}, CommandRegistry::NeedsCampaign);
    connect(m_slower, &QAction::triggered, this, [player] { if (auto *p = player()) p->setRate(p->rate() / 2); });
    m_normal = m_window->commands()->add(tr("Normal Speed"), "actionNormalSpeed", {QKeySequence(Qt::Key_Backslash)}, CommandRegistry::NeedsCampaign);
    connect(m_normal, &QAction::triggered, this, [player] { if (auto *p = player()) p->setRate(1.0); });
}

QList<QAction *> PlaybackController::transportActions() const
{
    return {m_play, m_stepForward, m_stepBack, m_forward10, m_back10, m_first, m_last};
}

QList<QAction *> PlaybackController::speedActions() const
{
    return {m_faster, m_slower, m_normal};
}

QList<QAction *> PlaybackController::toolbarActions() const
{
    return {m_back10, m_stepBack, m_play, m_stepForward, m_forward10};
}

void PlaybackController::campaignOpened()
{
    connect(m_window->session()->player(), &media::SyncPlayer::playingChanged, this,
            [this](bool playing) { m_play->setText(playing ? tr("&Pause") : tr("&Play")); });
}

} // namespace vigie
