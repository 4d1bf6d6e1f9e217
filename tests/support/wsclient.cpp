#include "support/wsclient.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

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
    qsizetype at = -1;
    const auto arrived = [&] {
        for (at = 0; at < m_queue.size(); ++at) {
            if (m_queue.at(at).value(QStringLiteral("event")).toString() == event)
                return true;
        }
        return false;
    };
    return QTest::qWaitFor(arrived, timeoutMs) ? m_queue.takeAt(at) : QJsonObject();
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

QList<QJsonObject> WsClient::take(const QString &event)
{
    QList<QJsonObject> out;
    for (qsizetype i = 0; i < m_queue.size();) {
        if (m_queue.at(i).value(QStringLiteral("event")).toString() == event)
            out.append(m_queue.takeAt(i));
        else
            ++i;
    }
    return out;
}

qsizetype WsClient::count(const QString &event) const
{
    return std::count_if(m_queue.cbegin(), m_queue.cend(),
                         [&](const QJsonObject &e) { return e.value(QStringLiteral("event")).toString() == event; });
}

QList<QJsonObject> WsClient::takeUntil(const std::function<bool(const QJsonObject &)> &match, int timeoutMs)
{
    qsizetype at = -1;
    const auto arrived = [&] {
        const auto it = std::find_if(m_queue.cbegin(), m_queue.cend(), match);
        at = it - m_queue.cbegin();
        return it != m_queue.cend();
    };
    if (!QTest::qWaitFor(arrived, timeoutMs))
        return {};
    QList<QJsonObject> out = m_queue.first(at + 1);
    m_queue.remove(0, at + 1);
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
