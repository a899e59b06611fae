#include "app/messagesink.h"

#include "models/messagelogmodel.h"

#include <QMetaObject>
#include <QPointer>

#include <atomic>

namespace vigie {

namespace {

QtMessageHandler previousHandler = nullptr;
std::atomic<MessageLogModel *> sink{nullptr};

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (previousHandler)
        previousHandler(type, context, message);
    MessageLogModel *model = sink.load();
    if (!model || type == QtDebugMsg)
        return;
    // The offscreen platform plugin's chatter is not the analyst's business.
    if (message.startsWith(QLatin1String("This plugin does not support")))
        return;
    const QString category = QString::fromLatin1(context.category ? context.category : "default");
    QMetaObject::invokeMethod(model, "append", Qt::QueuedConnection, Q_ARG(int, int(type)),
                              Q_ARG(QString, category), Q_ARG(QString, message));
}

} // namespace

void routeMessagesTo(MessageLogModel *model)
{
    const bool wasInstalled = sink.exchange(model) != nullptr;
    if (model && !wasInstalled && !previousHandler)
        previousHandler = qInstallMessageHandler(handler);
}

} // namespace vigie
