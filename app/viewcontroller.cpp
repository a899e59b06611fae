#include "app/viewcontroller.h"

#include "app/campaignsession.h"
#include "app/commandregistry.h"
#include "app/mainwindow.h"
#include "widgets/frameview.h"

#include <QAction>
#include <QActionGroup>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSettings>
#include <QSpinBox>

namespace vigie {

namespace {
const QString paletteKey = QStringLiteral("view/irPalette");
const QString followKey = QStringLiteral("view/followTarget");
const QString followZoomKey = QStringLiteral("view/followZoom");
const QString overlaysKey = QStringLiteral("view/overlays");
const QString autoContrastKey = QStringLiteral("view/autoContrast");
} // namespace

ViewController::ViewController(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_zoomIn = m_window->commands()->add(tr("Zoom &In"), "actionZoomIn", {QKeySequence::ZoomIn, QKeySequence(Qt::Key_Plus)});
    connect(m_zoomIn, &QAction::triggered, this, [this] {
        for (ImageView *view : targetViews())
            view->zoomIn();
    });
    m_zoomOut = m_window->commands()->add(tr("Zoom &Out"), "actionZoomOut", {QKeySequence::ZoomOut, QKeySequence(Qt::Key_Minus)});
    connect(m_zoomOut, &QAction::triggered, this, [this] {
        for (ImageView *view : targetViews())
            view->zoomOut();
    });
    m_fit = m_window->commands()->add(tr("&Fit to View"), "actionFit", {QKeySequence(Qt::CTRL | Qt::Key_0), QKeySequence(Qt::Key_F)});
    connect(m_fit, &QAction::triggered, this, [this] {
        m_follow->setChecked(false);
        for (ImageView *view : targetViews())
            view->fitToView();
    });
    m_actualSize = m_window->commands()->add(tr("&Actual Pixels"), "actionActualSize", {QKeySequence(Qt::CTRL | Qt::Key_1)});
    connect(m_actualSize, &QAction::triggered, this, [this] {
        for (ImageView *view : targetViews())
            view->actualSize();
    });
    m_follow = m_window->commands()->add(tr("Follow &Target"), "actionFollowTarget", {QKeySequence(Qt::Key_T)});
    m_follow->setCheckable(true);
    connect(m_follow, &QAction::toggled, this, [this](bool on) {
        const double zoom = QSettings().value(followZoomKey, 4.0).toDouble();
        for (FrameView *view : {m_window->rgbView(), m_window->irView()})
            view->setFollowTarget(on, zoom);
    });

    const struct
    {
        FrameView::Overlay overlay;
        QString text;
        const char *name;
        Qt::Key key;
    } overlays[] = {
        {FrameView::PointOverlay, tr("Projected &Point"), "actionOverlayPoint", Qt::Key_1},
        {FrameView::EllipseOverlay, tr("Uncertainty &Ellipse"), "actionOverlayEllipse", Qt::Key_2},
        {FrameView::ExpectedBoxOverlay, tr("E&xpected Box"), "actionOverlayExpected", Qt::Key_3},
        {FrameView::ArrowOverlay, tr("Out-of-View &Arrow"), "actionOverlayArrow", Qt::Key_4},
        {FrameView::BoxesOverlay, tr("&Boxes"), "actionOverlayBoxes", Qt::Key_5},
    };
    for (const auto &o : overlays) {
        QAction *action = m_window->commands()->add(o.text, o.name, {QKeySequence(o.key)});
        action->setCheckable(true);
        action->setChecked(true);
        action->setData(int(o.overlay));
        connect(action, &QAction::toggled, this, [this] {
            int mask = 0;
            for (QAction *a : std::as_const(m_overlays))
                mask |= a->isChecked() ? a->data().toInt() : 0;
            m_window->rgbView()->setOverlays(mask);
            m_window->irView()->setOverlays(mask);
        });
        m_overlays << action;
    }

    m_palettes = new QActionGroup(this);
    const struct
    {
        ThermalPalette palette;
        QString text;
        const char *name;
    } palettes[] = {
        {ThermalPalette::WhiteHot, tr("&White Hot"), "actionPaletteWhiteHot"},
        {ThermalPalette::BlackHot, tr("&Black Hot"), "actionPaletteBlackHot"},
        {ThermalPalette::Ironbow, tr("&Ironbow"), "actionPaletteIronbow"},
    };
    for (const auto &p : palettes) {
        auto *action = m_window->commands()->add(p.text, p.name, {});
        action->setCheckable(true);
        action->setData(int(p.palette));
        m_palettes->addAction(action);
        const ThermalPalette palette = p.palette;
        connect(action, &QAction::triggered, this, [this, palette] {
            m_palette = palette;
            if (m_window->session())
                m_window->session()->setPalette(palette);
        });
    }
    m_cyclePalette = m_window->commands()->add(tr("&Next Palette"), "actionCyclePalette", {QKeySequence(Qt::Key_P)});
    connect(m_cyclePalette, &QAction::triggered, this, [this] {
        const auto actions = m_palettes->actions();
        actions.at((int(m_palette) + 1) % actions.size())->trigger();
    });
    m_autoContrast = m_window->commands()->add(tr("&Automatic Contrast"), "actionAutoContrast", {QKeySequence(Qt::SHIFT | Qt::Key_A)});
    m_autoContrast->setCheckable(true);
    m_autoContrast->setChecked(true);
    connect(m_autoContrast, &QAction::toggled, this, [this](bool on) {
        if (!m_window->session())
            return;
        ContrastWindow w = m_window->session()->contrast();
        w.automatic = on;
        m_window->session()->setContrast(w);
    });
    m_contrast = m_window->commands()->add(tr("Contrast &Window…"), "actionContrastWindow", {QKeySequence(Qt::CTRL | Qt::Key_K)});
    connect(m_contrast, &QAction::triggered, this, &ViewController::editContrast);
}

QList<QAction *> ViewController::zoomActions() const
{
    return {m_zoomIn, m_zoomOut, m_fit, m_actualSize, m_follow};
}

QList<QAction *> ViewController::overlayActions() const
{
    return m_overlays;
}

QList<QAction *> ViewController::infraredActions() const
{
    QList<QAction *> out = m_palettes->actions();
    out << m_cyclePalette << nullptr << m_autoContrast << m_contrast;
    return out;
}

QList<QAction *> ViewController::toolbarActions() const
{
    return {m_follow, m_cyclePalette};
}

void ViewController::restoreSettings()
{
    QSettings settings;
    const int palette = std::clamp(settings.value(paletteKey, 0).toInt(), 0, 2);
    m_palette = ThermalPalette(palette);
    m_palettes->actions().at(palette)->setChecked(true);
    m_follow->setChecked(settings.value(followKey, false).toBool());
    const int overlays = settings.value(overlaysKey, int(FrameView::AllOverlays)).toInt();
    for (QAction *a : std::as_const(m_overlays))
        a->setChecked(overlays & a->data().toInt());
    m_autoContrast->setChecked(settings.value(autoContrastKey, true).toBool());
}

void ViewController::saveSettings() const
{
    QSettings settings;
    settings.setValue(paletteKey, int(m_palette));
    settings.setValue(followKey, m_follow->isChecked());
    if (m_follow->isChecked() && m_window->activeView())
        settings.setValue(followZoomKey, m_window->activeView()->followZoom());
    int overlays = 0;
    for (QAction *a : m_overlays)
        overlays |= a->isChecked() ? a->data().toInt() : 0;
    settings.setValue(overlaysKey, overlays);
    settings.setValue(autoContrastKey, m_autoContrast->isChecked());
}

void ViewController::campaignOpened()
{
    CampaignSession *s = m_window->session();
    const int rgb = s->cameraOf(QStringLiteral("rgb")), ir = s->cameraOf(QStringLiteral("ir"));
    m_window->rgbView()->setEditor(s->editor(), rgb);
    m_window->irView()->setEditor(s->editor(), ir);
    if (rgb < 0)
        m_window->rgbView()->setPlaceholderText(tr("This campaign has no RGB camera"));
    if (ir < 0)
        m_window->irView()->setPlaceholderText(tr("This campaign has no IR camera"));
    for (FrameView *view : {m_window->rgbView(), m_window->irView()})
        view->setDrawClass(s->campaign()->manifest().targetClass);
    connect(s, &CampaignSession::overlaysChanged, this, [this] { // an offset was nudged
        for (FrameView *view : {m_window->rgbView(), m_window->irView()}) {
            if (view->camera() >= 0 && view->frame() >= 0)
                view->setOverlay(m_window->session()->overlayAt(view->camera(), view->frame()));
        }
    });
    s->setPalette(m_palette);
    ContrastWindow w = s->contrast();
    w.automatic = m_autoContrast->isChecked();
    s->setContrast(w);
}

QList<ImageView *> ViewController::targetViews() const
{
    const QList<ImageView *> views{m_window->rgbView(), m_window->irView()};
    for (ImageView *view : views) {
        if (view->hasFocus() && view->isVisible())
            return {view};
    }
    QList<ImageView *> visible;
    for (ImageView *view : views) {
        if (view->isVisible())
            visible.append(view);
    }
    return visible;
}

void ViewController::campaignClosed()
{
    for (FrameView *view : {m_window->rgbView(), m_window->irView()}) {
        view->setEditor(nullptr, -1);
        view->clearFrame();
    }
}

FrameView *ViewController::showFrame(int camera, const QImage &image, qint64 frame, const FrameOverlay &overlay)
{
    FrameView *view = m_window->viewOf(camera);
    if (!view)
        return nullptr;
    if (frame < 0) {
        view->clearFrame();
        view->setPlaceholderText(tr("No %1 frame at this time").arg(m_window->session()->cameraName(camera)));
        return nullptr;
    }
    view->showFrame(image, frame, overlay);
    return view;
}

void ViewController::editContrast()
{
    if (!m_window->session())
        return;
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("IR Contrast Window"));
    auto *form = new QFormLayout(&dialog);
    auto *low = new QSpinBox(&dialog);
    auto *high = new QSpinBox(&dialog);
    for (QSpinBox *b : {low, high})
        b->setRange(0, 65535);
    const ContrastWindow w = m_window->session()->contrast();
    low->setValue(w.low);
    high->setValue(w.high);
    form->addRow(tr("Low (black)"), low);
    form->addRow(tr("High (white)"), high);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_autoContrast->setChecked(false);
    m_window->session()->setContrast({false, low->value(), std::max(low->value() + 1, high->value())});
}

} // namespace vigie
