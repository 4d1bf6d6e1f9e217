// The Qt side of a plain JSON client's WebSocket (wschannel.h): the QWebSocket that
// QWebSocketServer made, its signals turned into the client's calls.

#include "server/wschannel.h"

#include "server/pingmeter.h"
#include "server/plainjsonclient.h"
#include "server/socketwriter.h"

#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QWebSocket>

namespace fx::server {

namespace {

class QtWsChannel final : public WsChannel
{
public:
    QtWsChannel(QWebSocket *ws, QTcpSocket *tcp)
        : m_ws(ws)
        , m_tcp(tcp)
        , m_tls(qobject_cast<QSslSocket *>(tcp) != nullptr)
    {
    }

    void wire(ShardCounters &counters)
    {
        QWebSocket *ws = m_ws;
        QObject::connect(ws, &QWebSocket::textMessageReceived, ws, [this](const QString &text) {
            if (m_client)
                m_client->onChannelText(text.toUtf8());
        });
        QObject::connect(ws, &QWebSocket::binaryMessageReceived, ws, [this](const QByteArray &data) {
            if (m_client)
                m_client->onChannelBinary(data.size());
        });
        QObject::connect(ws, &QWebSocket::pong, ws, [this](quint64 elapsed, const QByteArray &) {
            if (m_client)
                m_client->onChannelPong(qint64(elapsed));
        });
        // SECURITY.md, "Bounds": a ping costs a request; a dropped one gets no pong.
        meterPings(ws, m_tcp, counters, [this] { return m_client && m_client->onChannelPing(); });
        QObject::connect(ws, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), ws,
                         [this](QAbstractSocket::SocketError) {
                             if (m_client) // the connection broke without a close handshake
                                 m_client->onChannelBroken();
                         });
        QObject::connect(ws, &QWebSocket::disconnected, ws, [this] {
            if (m_client)
                m_client->onChannelClosed(int(m_ws->closeCode()));
        });
        QObject::connect(m_tcp, &QTcpSocket::bytesWritten, ws, [this] {
            if (m_client)
                m_client->onBytesWritten();
        });
        if (auto *ssl = qobject_cast<QSslSocket *>(m_tcp.data())) // drained means sent, not only encrypted
            QObject::connect(ssl, &QSslSocket::encryptedBytesWritten, ws, [this] {
                if (m_client)
                    m_client->onBytesWritten();
            });
    }

    quint64 writeFrames(FrameRefs frames) override { return server::writeFrames(m_tcp, frames); }
    void writeFrame(const QByteArray &frame) override
    {
        if (m_tcp)
            m_tcp->write(frame);
    }
    qint64 pendingBytes() const override { return server::pendingBytes(m_tcp); }
    qint64 kernelQueuedBytes() const override { return server::kernelQueuedBytes(m_tcp); }
    bool isTls() const override { return m_tls; }
    void ping() override
    {
        if (m_ws)
            m_ws->ping();
    }
    void close(int code, const QString &reason) override
    {
        if (m_ws)
            m_ws->close(QWebSocketProtocol::CloseCode(code), reason);
    }
    void abort() override
    {
        if (m_ws)
            m_ws->abort();
    }
    void release() override
    {
        m_client = nullptr; // every hook above checks it: none calls back from now on
        if (!m_ws) {
            delete this;
            return;
        }
        QObject::disconnect(m_ws, nullptr, nullptr, nullptr);
        if (m_tcp) {
            QObject::disconnect(m_tcp, &QTcpSocket::bytesWritten, nullptr, nullptr);
            if (auto *ssl = qobject_cast<QSslSocket *>(m_tcp.data()))
                QObject::disconnect(ssl, &QSslSocket::encryptedBytesWritten, nullptr, nullptr);
        }
        m_ws->abort();
        // Freed with the socket: a hook Qt still runs before then finds no client.
        QObject::connect(m_ws, &QObject::destroyed, [this] { delete this; });
        m_ws->deleteLater();
    }

private:
    QPointer<QWebSocket> m_ws;
    QPointer<QTcpSocket> m_tcp;
    bool m_tls;
};

} // namespace

WsChannel *makeQtWsChannel(QWebSocket *ws, QTcpSocket *tcp, ShardCounters &counters)
{
    auto *c = new QtWsChannel(ws, tcp);
    c->wire(counters);
    return c;
}

} // namespace fx::server
