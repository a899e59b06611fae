#pragma once

namespace vigie {

class MessageLogModel;

/// Routes Qt's messages (qInfo/qWarning/qCritical from any thread) into `model` as well as to the
/// previous handler (the terminal). Messages from worker threads reach the model through a queued
/// call, so the model is only touched on its own thread. Install once, from the GUI thread; pass
/// nullptr to stop routing before the model dies. Debug messages are not shown to the analyst.
void routeMessagesTo(MessageLogModel *model);

} // namespace vigie
