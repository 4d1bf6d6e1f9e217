#include "support/wsclient.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace fx::test {

WsClient::WsClient(QObject *parent) : QObject(parent)
{
    connect(&m_ws, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const QJsonDocument d = QJsonDocument::fromJson(text.toUtf8());
        m_queue.append(d.object());
    });
}

bool WsClient::connectTo(const QString &url, int timeoutMs)
{
    m_ws.open(QUrl(url));
    m_welcome = waitFor(QStringLiteral("connection_established"), timeoutMs);
    return !m_welcome.isEmpty();
}

void WsClient::send(const QString &event, const QJsonObject &data, const QJsonValue &id)
{
    QJsonObject o{{QStringLiteral("event"), event}, {QStringLiteral("data"), data}};
    if (!id.isUndefined())
        o.insert(QStringLiteral("id"), id);
    m_ws.sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
}

QJsonObject WsClient::waitFor(const QString &event, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        for (qsizetype i = 0; i < m_queue.size(); ++i) {
            if (m_queue.at(i).value(QStringLiteral("event")).toString() == event)
                return m_queue.takeAt(i);
        }
        if (deadline.hasExpired())
            return {};
        QTest::qWait(5);
    }
}

QJsonObject WsClient::request(const QString &event, const QJsonObject &data, const QString &replyEvent, int timeoutMs)
{
    send(event, data);
    return waitFor(replyEvent, timeoutMs);
}

QList<QJsonObject> WsClient::takeAll()
{
    QList<QJsonObject> out;
    out.swap(m_queue);
    return out;
}

QList<QJsonObject> WsClient::collect(const QString &event, int ms)
{
    QTest::qWait(ms);
    QList<QJsonObject> out;
    for (qsizetype i = 0; i < m_queue.size();) {
        if (m_queue.at(i).value(QStringLiteral("event")).toString() == event)
            out.append(m_queue.takeAt(i));
        else
            ++i;
    }
    return out;
}

bool WsClient::waitDisconnected(int timeoutMs)
{
    if (m_ws.state() == QAbstractSocket::UnconnectedState)
        return true;
    QSignalSpy spy(&m_ws, &QWebSocket::disconnected);
    return spy.wait(timeoutMs) || m_ws.state() == QAbstractSocket::UnconnectedState;
}

} // namespace fx::test
