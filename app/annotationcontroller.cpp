#include "app/annotationcontroller.h"

#include "app/campaignsession.h"
#include "app/commandregistry.h"
#include "app/mainwindow.h"
#include "app/trackrunner.h"
#include "models/annotation/attention.h"
#include "models/campaign.h"
#include "models/media/syncplayer.h"
#include "widgets/frameview.h"

#include <QAction>
#include <QDebug>
#include <QStatusBar>

#include <algorithm>

namespace vigie {

AnnotationController::AnnotationController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_tracker(new TrackRunner(this))
{
    auto command = [&](const QString &text, const char *name, const QList<QKeySequence> &keys, auto slot, QList<QAction *> *menu) {
        QAction *a = window->commands()->add(text, name, keys, CommandRegistry::NeedsCampaign);
        connect(a, &QAction::triggered, this, slot);
        menu->append(a);
    };
    command(tr("&Accept Box"), "actionAccept", {QKeySequence(Qt::Key_A), QKeySequence(Qt::Key_Return)}, [this] { acceptBox(); }, &m_edit);
    command(tr("Re&ject Box"), "actionReject", {QKeySequence(Qt::Key_X)}, [this] { rejectBox(); }, &m_edit);
    command(tr("Accept All Proposals on &Frame"), "actionAcceptFrame", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)},
            [this] { setFrameProposals(true); }, &m_edit);
    command(tr("Reject All Propo&sals on Frame"), "actionRejectFrame", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X)},
            [this] { setFrameProposals(false); }, &m_edit);
    command(tr("&Interpolate from Previous Keyframe"), "actionInterpolate", {QKeySequence(Qt::Key_I)}, [this] { interpolate(); },
            &m_edit);
    command(tr("&Track from Keyframe"), "actionTrack", {QKeySequence(Qt::Key_K)}, [this] { track(); }, &m_edit);
    m_cancelTracking = window->commands()->add(tr("Cancel Trac&king"), "actionCancelTracking", {QKeySequence(Qt::SHIFT | Qt::Key_K)});
    m_cancelTracking->setEnabled(false);
    connect(m_cancelTracking, &QAction::triggered, this, &AnnotationController::cancelTracking);
    m_edit.append(m_cancelTracking);
    connect(m_tracker, &TrackRunner::progress, window, &MainWindow::showProgress);
    connect(m_tracker, &TrackRunner::message, this, [](const QString &text) { qInfo().noquote() << text; });
    connect(m_tracker, &TrackRunner::finished, this, &AnnotationController::trackingFinished);
    connect(m_tracker, &TrackRunner::failed, this, [this](const QString &error) {
        m_window->hideProgress();
        m_cancelTracking->setEnabled(false);
        m_window->statusBar()->showMessage(error, 8000);
        qWarning().noquote() << error;
        Q_EMIT trackingDone(0);
    });
    command(tr("Carry Track to Other Camera"), "actionCarryTrack", {QKeySequence(Qt::Key_B)}, [this] { carryToOtherCamera(); },
            &m_edit);
    m_carryOnAccept = window->commands()->add(tr("Carry Accepted Boxes to Other Camera"), "actionCarryOnAccept", {});
    m_carryOnAccept->setCheckable(true);
    m_carryOnAccept->setChecked(true);
    m_edit.append(m_carryOnAccept);
    // Each campaign's editor carries the analyst's boxes to the other camera while this is on.
    connect(window, &MainWindow::campaignOpened, this, [this] {
        CampaignSession *s = m_window->session();
        if (!s)
            return;
        s->editor()->setCompanion([this, s](const Annotation &box) {
            return m_carryOnAccept->isChecked() ? s->carriedToOtherCameras(box) : std::vector<Annotation>{};
        });
    });
    command(tr("&Delete Box"), "actionDelete", {QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)}, [this] { deleteBox(); }, &m_edit);
    command(tr("Cycle &Class"), "actionCycleClass", {QKeySequence(Qt::Key_C)}, [this] { cycleClass(); }, &m_edit);
    command(tr("&Next Proposal"), "actionNextProposal", {QKeySequence(Qt::Key_Tab)}, [this] { nextProposal(1); }, &m_edit);
    command(tr("&Previous Proposal"), "actionPreviousProposal", {QKeySequence(Qt::SHIFT | Qt::Key_Backtab)}, [this] { nextProposal(-1); },
            &m_edit);
    m_edit.append(nullptr);
    command(tr("Mark Frame &Reviewed"), "actionMarkReviewed", {QKeySequence(Qt::Key_V)}, [this] { toggleReviewed(); }, &m_edit);
    command(tr("Mark Frame: &No Target"), "actionMarkNoTarget", {QKeySequence(Qt::Key_O)}, [this] { toggleNoTarget(); }, &m_edit);
    command(tr("Next &Unreviewed Frame"), "actionNextUnreviewed", {QKeySequence(Qt::Key_N)}, [this] { nextUnreviewed(1); }, &m_navigation);
    command(tr("Previous Unreviewed Frame"), "actionPreviousUnreviewed", {QKeySequence(Qt::SHIFT | Qt::Key_N)}, [this] { nextUnreviewed(-1); },
            &m_navigation);
    command(tr("Next Frame Needing &You"), "actionNextAttention", {QKeySequence(Qt::Key_J)}, [this] { nextNeedingAnalyst(1); },
            &m_navigation);
    command(tr("Previous Frame Needing You"), "actionPreviousAttention", {QKeySequence(Qt::SHIFT | Qt::Key_J)},
            [this] { nextNeedingAnalyst(-1); }, &m_navigation);
}

QList<QAction *> AnnotationController::editActions() const
{
    return m_edit;
}

QList<QAction *> AnnotationController::navigationActions() const
{
    return m_navigation;
}

void AnnotationController::frameShown(FrameView *view)
{
    if (m_selectProposalOnArrival && view == m_window->activeView()) {
        m_selectProposalOnArrival = false;
        view->selectBox(currentBox(true));
    }
}

std::int64_t AnnotationController::currentBox(bool proposalsFirst) const
{
    FrameView *view = m_window->activeView();
    if (!m_window->session() || !view || view->camera() < 0 || view->frame() < 0)
        return 0;
    if (view->selectedBox() != 0 && m_window->session()->annotations()->box(view->selectedBox()))
        return view->selectedBox();
    const auto boxes = m_window->session()->annotations()->boxes(view->camera(), view->frame());
    for (const Annotation &b : boxes) {
        if (!proposalsFirst || b.state == db::BoxState::Proposed)
            return b.handle;
    }
    return boxes.empty() || proposalsFirst ? 0 : boxes.front().handle;
}

void AnnotationController::acceptBox()
{
    if (const std::int64_t h = currentBox(true); h && m_window->session()) {
        m_window->activeView()->selectBox(h);
        m_window->session()->editor()->accept(h);
    }
}

void AnnotationController::setFrameProposals(bool accept)
{
    FrameView *view = m_window->activeView();
    CampaignSession *s = m_window->session();
    if (!s || !view || view->camera() < 0 || view->frame() < 0)
        return;
    std::vector<std::int64_t> proposals;
    for (const Annotation &b : s->annotations()->boxes(view->camera(), view->frame())) {
        if (b.state == db::BoxState::Proposed)
            proposals.push_back(b.handle);
    }
    // One command for the frame: one undo brings every proposal back.
    const int n = accept ? s->editor()->acceptMany(proposals) : s->editor()->rejectMany(proposals);
    m_window->statusBar()->showMessage(n == 0 ? tr("No proposal on this frame")
                                              : (accept ? tr("%1 proposals accepted") : tr("%1 proposals rejected")).arg(n),
                                       3000);
}

void AnnotationController::interpolate()
{
    CampaignSession *s = m_window->session();
    FrameView *view = m_window->activeView();
    if (!s || !view)
        return;
    const std::int64_t handle = currentBox(false);
    const auto key = handle ? s->annotations()->box(handle) : std::nullopt;
    if (!key || !AnnotationEditor::isKeyframe(*key)) {
        m_window->statusBar()->showMessage(tr("Select an accepted or corrected box: it is the keyframe the interpolation ends on"), 5000);
        return;
    }
    const auto previous = s->editor()->previousKeyframe(handle);
    if (!previous) {
        m_window->statusBar()->showMessage(tr("No earlier keyframe of class %1 on this camera").arg(key->className), 5000);
        return;
    }
    int followed = 0;
    const int n = s->editor()->interpolate(previous->handle, handle, s->interpolationGeometry(key->camera), &followed);
    m_window->statusBar()->showMessage(n == 0 ? tr("Keyframes %1 and %2 are adjacent: nothing to interpolate").arg(previous->frame).arg(key->frame)
                                              : tr("%1 boxes interpolated between frames %2 and %3 (%4 following the GPS projection)")
                                                    .arg(n)
                                                    .arg(previous->frame)
                                                    .arg(key->frame)
                                                    .arg(followed),
                                       5000);
}

bool AnnotationController::carriesOnAccept() const
{
    return m_carryOnAccept->isChecked();
}

void AnnotationController::carryToOtherCamera()
{
    CampaignSession *s = m_window->session();
    FrameView *view = m_window->activeView();
    if (!s || !view || view->camera() < 0)
        return;
    const int from = view->camera();
    int to = -1;
    for (int c = 0; c < s->cameraCount() && to < 0; ++c) {
        if (c != from && s->frameCount(c) > 0)
            to = c;
    }
    if (to < 0) {
        m_window->statusBar()->showMessage(tr("This campaign has no other camera to carry boxes to"), 5000);
        return;
    }
    MountingFit fit;
    std::vector<Annotation> boxes = s->carryCamera(from, to, &fit);
    const int offered = int(boxes.size());
    const int n = s->editor()->addTransfers(std::move(boxes), tr("Carry %1 boxes from %2 to %3")
                                                                 .arg(offered)
                                                                 .arg(s->cameraName(from), s->cameraName(to)));
    const QString mounting = fit.used > 0 ? tr("mounting refined from %1 instants with boxes on both cameras (median "
                                               "residual %2 px, was %3 px)")
                                                .arg(fit.used)
                                                .arg(fit.medianAfterPx, 0, 'f', 1)
                                                .arg(fit.medianBeforePx, 0, 'f', 1)
                                          : tr("mounting as in the manifest until %1 instants hold boxes on both cameras (%2 "
                                               "now)")
                                                .arg(TransferOptions{}.minPairs)
                                                .arg(fit.pairs);
    m_window->statusBar()->showMessage(offered == 0 ? tr("No accepted box on %1 to carry").arg(s->cameraName(from))
                                                    : tr("%1 boxes carried from %2 to %3 as proposals (%4 left out: "
                                                         "their frames hold boxes of yours); %5")
                                                          .arg(n)
                                                          .arg(s->cameraName(from), s->cameraName(to))
                                                          .arg(offered - n)
                                                          .arg(mounting),
                                       8000);
}

void AnnotationController::track()
{
    if (m_window->activeView())
        trackFrom(currentBox(false));
}

bool AnnotationController::trackFrom(std::int64_t handle)
{
    CampaignSession *s = m_window->session();
    if (!s || !s->campaign())
        return false;
    if (m_tracker->isRunning()) {
        m_window->statusBar()->showMessage(tr("A tracker is already running: wait for it or cancel it (Shift+K)"), 5000);
        return false;
    }
    const auto key = handle ? s->annotations()->box(handle) : std::nullopt;
    if (!key || !AnnotationEditor::isKeyframe(*key)) {
        m_window->statusBar()->showMessage(tr("Select an accepted or corrected box: the tracker starts from it"), 5000);
        return false;
    }
    jobs::PropagationSpec spec;
    spec.campaign = s->sharedCampaign();
    spec.camera = key->camera;
    spec.from = {key->frame, key->rect};
    if (const auto previous = s->editor()->previousKeyframe(handle))
        spec.previous = jobs::Keyframe{previous->frame, previous->rect};
    if (const auto next = s->editor()->nextKeyframe(handle))
        spec.next = jobs::Keyframe{next->frame, next->rect};
    for (const std::int64_t f : s->annotations()->flaggedFrames(key->camera)) {
        const db::FrameFlags flags = s->annotations()->flags(key->camera, f);
        if (flags.notVisible || flags.outOfView)
            spec.stops.insert(f);
    }
    m_trackedClass = key->className;
    m_trackedHandle = handle;
    if (!m_tracker->start(spec))
        return false;
    m_cancelTracking->setEnabled(true);
    m_window->showProgress(tr("Tracking"), 0, 0);
    return true;
}

void AnnotationController::cancelTracking()
{
    m_tracker->cancel();
}

bool AnnotationController::isTracking() const
{
    return m_tracker->isRunning();
}

void AnnotationController::campaignClosing()
{
    m_tracker->cancel();
}

void AnnotationController::trackingFinished()
{
    m_window->hideProgress();
    m_cancelTracking->setEnabled(false);
    const jobs::PropagationSpec spec = m_tracker->spec();
    jobs::PropagationResult result = m_tracker->takeResult();
    CampaignSession *s = m_window->session();
    if (!s || s->sharedCampaign() != spec.campaign) {
        Q_EMIT trackingDone(0); // another campaign since: nowhere to go
        return;
    }
    if (!s->annotations()->box(m_trackedHandle)) {
        m_window->statusBar()->showMessage(tr("The keyframe was deleted while the tracker ran: its boxes were dropped"), 8000);
        Q_EMIT trackingDone(0);
        return;
    }
    Q_EMIT trackingLanding();
    const int n = s->editor()->replaceDerived(spec.camera, m_trackedClass, result.firstFrame, result.lastFrame, jobs::trackerBoxes(result),
                                              tr("Track from frame %1").arg(spec.from.frame));
    const double fps = result.seconds > 0 ? double(result.framesTracked) / result.seconds : 0;
    const int flagged = result.flagged();
    const QString text = flagged == 0 ? tr("%1 boxes tracked from frame %2 (%3 frames/s)").arg(n).arg(spec.from.frame).arg(fps, 0, 'f', 0)
                                      : tr("%1 boxes tracked from frame %2 (%3 frames/s); the tracker stopped on %4 frames: they wait for you as proposals")
                                            .arg(n)
                                            .arg(spec.from.frame)
                                            .arg(fps, 0, 'f', 0)
                                            .arg(flagged);
    m_window->statusBar()->showMessage(text, 10000);
    qInfo().noquote() << text;
    Q_EMIT trackingDone(n);
}

void AnnotationController::rejectBox()
{
    if (const std::int64_t h = currentBox(true); h && m_window->session()) {
        m_window->activeView()->selectBox(h);
        m_window->session()->editor()->reject(h);
    }
}

void AnnotationController::deleteBox()
{
    if (m_window->session() && m_window->activeView() && m_window->activeView()->selectedBox()) {
        const std::int64_t h = m_window->activeView()->selectedBox();
        m_window->activeView()->selectBox(0);
        m_window->session()->editor()->remove(h);
    }
}

void AnnotationController::cycleClass()
{
    if (const std::int64_t h = currentBox(false); h && m_window->session()) {
        m_window->activeView()->selectBox(h);
        m_window->session()->editor()->cycleClass(h);
    }
}

void AnnotationController::nextProposal(int direction)
{
    FrameView *view = m_window->activeView();
    if (!m_window->session() || !view || view->camera() < 0)
        return;
    const int camera = view->camera();
    std::vector<std::int64_t> here;
    for (const Annotation &b : m_window->session()->annotations()->boxes(camera, view->frame())) {
        if (b.state == db::BoxState::Proposed)
            here.push_back(b.handle);
    }
    // Another proposal on this frame, in handle order.
    const auto at = std::find(here.begin(), here.end(), view->selectedBox());
    if (at != here.end()) {
        const auto next = direction > 0 ? at + 1 : (at == here.begin() ? here.end() : at - 1);
        if (next != here.end()) {
            view->selectBox(*next);
            return;
        }
    } else if (!here.empty()) {
        view->selectBox(direction > 0 ? here.front() : here.back());
        return;
    }
    // Else the nearest frame with one.
    const auto frames = m_window->session()->annotations()->annotatedFrames(camera);
    auto hasProposal = [&](std::int64_t f) {
        for (const Annotation &b : m_window->session()->annotations()->boxes(camera, f)) {
            if (b.state == db::BoxState::Proposed)
                return true;
        }
        return false;
    };
    std::int64_t target = -1;
    if (direction > 0) {
        for (auto it = std::upper_bound(frames.begin(), frames.end(), view->frame()); it != frames.end(); ++it) {
            if (hasProposal(*it)) {
                target = *it;
                break;
            }
        }
    } else {
        for (auto it = std::lower_bound(frames.begin(), frames.end(), view->frame()); it != frames.begin();) {
            --it;
            if (hasProposal(*it)) {
                target = *it;
                break;
            }
        }
    }
    if (target < 0) {
        m_window->statusBar()->showMessage(tr("No more proposals in this direction"), 3000);
        return;
    }
    m_selectProposalOnArrival = true;
    m_window->session()->player()->pause();
    m_window->session()->player()->seekFrame(camera, target);
}

void AnnotationController::nextUnreviewed(int direction)
{
    FrameView *view = m_window->activeView();
    if (!m_window->session() || !view || view->camera() < 0)
        return;
    const int camera = view->camera();
    const std::int64_t count = m_window->session()->frameCount(camera);
    for (std::int64_t f = m_window->session()->currentFrame(camera) + direction; f >= 0 && f < count; f += direction) {
        if (m_window->session()->annotations()->frameState(camera, f) != FrameAnnotationState::Accepted) {
            m_window->session()->player()->pause();
            m_window->session()->player()->seekFrame(camera, f);
            return;
        }
    }
    m_window->statusBar()->showMessage(tr("Every frame in this direction is reviewed"), 3000);
}

void AnnotationController::nextNeedingAnalyst(int direction)
{
    CampaignSession *s = m_window->session();
    FrameView *view = m_window->activeView();
    if (!s || !s->campaign() || !view || view->camera() < 0)
        return;
    const int camera = view->camera();
    const auto queue = framesNeedingAnalyst(*s->annotations(), camera, s->campaign()->manifest().targetClass,
                                            s->interpolationGeometry(camera));
    const std::int64_t current = s->currentFrame(camera);
    std::optional<std::pair<std::int64_t, unsigned>> found;
    if (direction > 0) {
        if (const auto it = queue.upper_bound(current); it != queue.end())
            found = *it;
    } else if (auto it = queue.lower_bound(current); it != queue.begin()) {
        found = *std::prev(it);
    }
    if (!found) {
        m_window->statusBar()->showMessage(queue.empty() ? tr("No frame needs you on this camera")
                                                         : tr("No frame needs you in this direction (%1 in all)").arg(queue.size()),
                                           4000);
        return;
    }
    s->player()->pause();
    s->player()->seekFrame(camera, found->first);
    m_selectProposalOnArrival = true;
    const auto position = std::distance(queue.begin(), queue.find(found->first)) + 1;
    m_window->statusBar()->showMessage(tr("Frame %1 (%2 of %3 needing you): %4")
                                           .arg(found->first)
                                           .arg(position)
                                           .arg(queue.size())
                                           .arg(describeAttention(found->second)),
                                       8000);
}

void AnnotationController::toggleReviewed()
{
    FrameView *view = m_window->activeView();
    if (!m_window->session() || !view || view->camera() < 0 || view->frame() < 0)
        return;
    db::FrameFlags flags = m_window->session()->annotations()->flags(view->camera(), view->frame());
    flags.reviewed = !flags.reviewed;
    m_window->session()->editor()->setFrameFlags(view->camera(), view->frame(), flags);
}

void AnnotationController::toggleNoTarget()
{
    FrameView *view = m_window->activeView();
    if (!m_window->session() || !view || view->camera() < 0 || view->frame() < 0)
        return;
    db::FrameFlags flags = m_window->session()->annotations()->flags(view->camera(), view->frame());
    flags.notVisible = !flags.notVisible;
    m_window->session()->editor()->setFrameFlags(view->camera(), view->frame(), flags);
}

} // namespace vigie
