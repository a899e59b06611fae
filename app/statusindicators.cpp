#include "app/statusindicators.h"

#include "models/media/syncplayer.h"
#include "widgets/frameview.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>

namespace vigie {

StatusIndicators::StatusIndicators(QStatusBar *bar, QLabel *saveLabel)
    : QObject(bar)
    , m_progress(new QProgressBar(bar))
    , m_frame(new QLabel(bar))
    , m_cursor(new QLabel(bar))
    , m_zoom(new QLabel(bar))
{
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_frame->setObjectName(QStringLiteral("frameLabel"));
    bar->addPermanentWidget(m_progress);
    bar->addPermanentWidget(m_frame);
    bar->addPermanentWidget(saveLabel);
    bar->addPermanentWidget(m_cursor);
    bar->addPermanentWidget(m_zoom);
}

void StatusIndicators::watch(FrameView *view)
{
    connect(view, &ImageView::cursorMoved, this, [this](const QPointF &p, bool inside) {
        m_cursor->setText(inside ? tr("x %1  y %2").arg(int(p.x())).arg(int(p.y())) : QString());
    });
    connect(view, &ImageView::zoomChanged, this, [this](double zoom) { m_zoom->setText(tr("%1 %").arg(qRound(zoom * 100))); });
}

void StatusIndicators::showProgress(const QString &phase, qint64 done, qint64 total)
{
    // No known end (total 0): a busy bar.
    m_progress->show();
    m_progress->setRange(0, total > 0 ? 1000 : 0);
    if (total > 0)
        m_progress->setValue(int(1000 * std::min(done, total) / total));
    m_progress->setFormat(phase);
}

void StatusIndicators::hideProgress()
{
    m_progress->hide();
}

void StatusIndicators::showTime(const media::SyncPlayer *p)
{
    if (!p) {
        m_frame->clear();
        return;
    }
    const int master = p->master();
    const QString rate = p->rate() == 1.0 ? QString() : tr("  ×%1").arg(p->rate());
    m_frame->setText(tr("frame %1 / %2  %3%4").arg(p->currentFrame(master)).arg(p->frameCount(master)).arg(p->time().toIso(), rate));
}

} // namespace vigie
