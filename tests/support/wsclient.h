#pragma once

// A real QWebSocket client speaking the plain JSON protocol, with helpers to wait for events.

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QWebSocket>

#include <functional>

namespace fx::test {

class WsClient : public QObject
{
    Q_OBJECT

public:
    explicit WsClient(QObject *parent = nullptr);

    // Opens and waits for connection_established; false on failure.
    bool connectTo(const QString &url, int timeoutMs = 5000);
    void send(const QString &event, const QJsonObject &data = {}, const QJsonValue &id = QJsonValue::Undefined);
    void sendRaw(const QString &text) { m_ws.sendTextMessage(text); }
    void sendBinary(const QByteArray &data) { m_ws.sendBinaryMessage(data); }
    // The next received envelope with this event name (removed from the queue); empty on timeout.
    QJsonObject waitFor(const QString &event, int timeoutMs = 5000);
    // Sends and waits for the reply event.
    QJsonObject request(const QString &event, const QJsonObject &data, const QString &replyEvent, int timeoutMs = 5000);
    // Every envelope received so far (and clears the queue).
    QList<QJsonObject> takeAll();
    // The envelopes with this event name received so far (removed from the queue); never waits.
    QList<QJsonObject> take(const QString &event);
    // How many envelopes with this event name are in the queue.
    qsizetype count(const QString &event) const;
    // Waits for the first envelope that `match` accepts, then returns every envelope received up to
    // and including it (removed from the queue); empty on timeout. With a marker the server sends
    // after everything of interest, this is a barrier: what came before it is all that came.
    QList<QJsonObject> takeUntil(const std::function<bool(const QJsonObject &)> &match, int timeoutMs = 5000);
    bool waitDisconnected(int timeoutMs = 5000);
    bool isConnected() const { return m_ws.state() == QAbstractSocket::ConnectedState; }
    QWebSocket &socket() { return m_ws; }
    QJsonObject welcome() const { return m_welcome; }

private:
    QWebSocket m_ws;
    QList<QJsonObject> m_queue;
    QJsonObject m_welcome;
};

} // namespace fx::test
