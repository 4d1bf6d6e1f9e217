#include "server/pingmeter.h"

#include "protocol/wsframe.h"
#include "server/serverlog.h"
#include "server/serverstats.h"

#include <QPointer>
#include <QTcpSocket>
#include <QWebSocket>

#include <atomic>

namespace fx::server {

namespace {

// Receives the pings of one WebSocket in place of QWebSocket; a child of it.
class PingRelay final : public QObject
{
    Q_OBJECT
public:
    PingRelay(QWebSocket *ws, QTcpSocket *tcp, ShardCounters &counters, std::function<bool()> admit)
        : QObject(ws)
        , m_ws(ws)
        , m_tcp(tcp)
        , m_counters(counters)
        , m_admit(std::move(admit))
    {
    }

public Q_SLOTS:
    void onPing(const QByteArray &payload)
    {
        if (!m_tcp || m_ws->state() != QAbstractSocket::ConnectedState)
            return;
        m_counters.add(m_counters.wsPings);
        if (!m_admit())
            return;
        if (m_tcp && m_tcp->state() == QAbstractSocket::ConnectedState)
            m_tcp->write(protocol::wsFrame(payload, protocol::WsOpcode::Pong)); // payload: at most 125 bytes
    }

private:
    QWebSocket *m_ws;
    QPointer<QTcpSocket> m_tcp;
    ShardCounters &m_counters;
    std::function<bool()> m_admit;
};

} // namespace

bool meterPings(QWebSocket *ws, QTcpSocket *tcp, ShardCounters &counters, std::function<bool()> admit)
{
    // Qt 6's QWebSocket parses frames in a child QWebSocketDataProcessor whose pingReceived
    // signal it answers with a pong; the signal is part of that object's meta-object.
    QObject *processor = nullptr;
    for (QObject *child : ws->findChildren<QObject *>(Qt::FindDirectChildrenOnly)) {
        if (qstrcmp(child->metaObject()->className(), "QWebSocketDataProcessor") == 0) {
            processor = child;
            break;
        }
    }
    if (!processor || processor->metaObject()->indexOfSignal("pingReceived(QByteArray)") < 0) {
        static std::atomic<bool> warned{false}; // shards run on several threads
        if (!warned.exchange(true))
            qCWarning(fxServerLog) << "WebSocket pings cannot be metered with this Qt version; Qt answers them";
        return false;
    }
    QObject::disconnect(processor, SIGNAL(pingReceived(QByteArray)), ws, nullptr); // Qt's automatic pong
    auto *relay = new PingRelay(ws, tcp, counters, std::move(admit));
    QObject::connect(processor, SIGNAL(pingReceived(QByteArray)), relay, SLOT(onPing(QByteArray)));
    return true;
}

} // namespace fx::server

#include "pingmeter.moc"
