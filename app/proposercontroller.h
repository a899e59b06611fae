#pragma once

// The workstation's proposer area (docs/PROPOSER.md), on the active view's camera: Proposals ›
// Train Proposer (a ProposerTrainer, from GPS labels), Propose Boxes on Campaign (a
// ProposerRunner whose boxes come back as one undoable run), Cancel, and Show Class Map (a
// ClassMapper following the frames shown). Model look-ups run off the GUI thread. GUI thread only.

#include <QObject>

class QAction;
class QImage;

namespace vigie {

class ClassMapper;
class MainWindow;
class ProposerRunner;
class ProposerTrainer;

class ProposerController : public QObject
{
    Q_OBJECT

public:
    explicit ProposerController(MainWindow *window);
    ~ProposerController() override;

    /// The camera the commands act on: the active view's.
    int camera() const;
    QList<QAction *> menuActions() const; ///< for the Proposals menu; nullptr is a separator

    void campaignClosing();
    /// A frame reached a view: the class map follows it.
    void frameShown(int camera, qint64 frame);
    void updateActions(bool open);

    void train();
    void propose();
    void setClassMapShown(bool shown);

private:
    MainWindow *m_window;
    ProposerTrainer *m_trainer;
    ProposerRunner *m_runner;
    ClassMapper *m_mapper;
    QAction *m_train, *m_cancel, *m_propose, *m_classMap;
    int m_proposingCamera = -1; ///< the camera of the run in progress
    int m_classMapCamera = -1;  ///< the camera whose frames get the class map
    quint64 m_mapRequest = 0;   ///< the latest Show Class Map, so that an older look-up is dropped
};

} // namespace vigie
