#include "server/connectionlimits.h"

#include "core/logging.h"
#include "protocol/httpcodec.h"
#include "server/serverlog.h"

#include <QTcpSocket>
#include <QVariant>

namespace fx::server {

QString clientPeer(const core::TrustedProxies &trusted, const QTcpSocket *socket, const protocol::HttpRequest &request)
{
    if (!socket)
        return {};
    QByteArray forwardedFor;
    if (!trusted.isEmpty() && trusted.contains(socket->peerAddress())) {
        // Several X-Forwarded-For lines are one list, in order (RFC 9110, 5.3).
        for (const auto &[name, value] : request.headers)
            if (name.compare("X-Forwarded-For", Qt::CaseInsensitive) == 0)
                forwardedFor += (forwardedFor.isEmpty() ? QByteArray() : QByteArrayLiteral(",")) + value;
    }
    return trusted.clientPeer(socket->peerAddress(), socket->peerPort(), forwardedFor);
}

QString clientPeerOf(const QTcpSocket *socket)
{
    if (!socket)
        return {};
    const QString kept = socket->property(kClientPeerProperty).toString();
    return !kept.isEmpty() ? kept : socket->peerAddress().toString() + u':' + QString::number(socket->peerPort());
}

void logBound(const QString &key, const QString &line)
{
    static core::logging::RateLimiter limiter(5, 10000);
    qint64 suppressed = 0;
    if (!limiter.allow(key, &suppressed))
        return;
    if (suppressed)
        qCWarning(fxServerLog).noquote() << line << QStringLiteral("(%1 more not shown)").arg(suppressed);
    else
        qCWarning(fxServerLog).noquote() << line;
}

QHostAddress ConnectionLimits::key(const QHostAddress &peer)
{
    if (peer.isNull())
        return {};
    bool v4 = false;
    const quint32 a = peer.toIPv4Address(&v4);
    return v4 ? QHostAddress(a) : QHostAddress(peer.toIPv6Address());
}

QHostAddress ConnectionLimits::addressOfPeer(const QString &peer)
{
    const qsizetype colon = peer.lastIndexOf(u':');
    QString host = colon > 0 ? peer.left(colon) : peer;
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    return key(QHostAddress(host));
}

void ConnectionLimits::dropIfEmpty(QHash<QHostAddress, Counts>::iterator it)
{
    if (it->handshakes <= 0 && it->clients <= 0)
        m_byAddress.erase(it);
}

ConnectionLimits::Admission ConnectionLimits::beginHandshake(const QHostAddress &peer)
{
    const QHostAddress k = key(peer);
    QMutexLocker lock(&m_mutex);
    if (m_handshakes >= kMaxHandshakes)
        return Admission::TooManyHandshakes;
    Counts &c = m_byAddress[k];
    if (c.handshakes >= kMaxHandshakesPerAddress && !m_trusted.contains(k))
        return Admission::TooManyHandshakesFromAddress; // c.handshakes > 0: the entry stays
    ++c.handshakes;
    ++m_handshakes;
    return Admission::Admitted;
}

void ConnectionLimits::endHandshake(const QHostAddress &peer)
{
    const QHostAddress k = key(peer);
    QMutexLocker lock(&m_mutex);
    const auto it = m_byAddress.find(k);
    if (it == m_byAddress.end() || it->handshakes <= 0)
        return; // never taken: nothing to give back
    --it->handshakes;
    --m_handshakes;
    dropIfEmpty(it);
}

bool ConnectionLimits::tryAddClient(const QHostAddress &peer)
{
    const QHostAddress k = key(peer);
    QMutexLocker lock(&m_mutex);
    Counts &c = m_byAddress[k];
    if (m_maxClientsPerAddress > 0 && c.clients >= m_maxClientsPerAddress) {
        if (c.handshakes <= 0 && c.clients <= 0)
            m_byAddress.remove(k);
        return false;
    }
    ++c.clients;
    return true;
}

void ConnectionLimits::removeClient(const QHostAddress &peer)
{
    const QHostAddress k = key(peer);
    QMutexLocker lock(&m_mutex);
    const auto it = m_byAddress.find(k);
    if (it == m_byAddress.end() || it->clients <= 0)
        return;
    --it->clients;
    dropIfEmpty(it);
}

int ConnectionLimits::handshakes() const
{
    QMutexLocker lock(&m_mutex);
    return m_handshakes;
}

int ConnectionLimits::trackedAddresses() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_byAddress.size());
}

int ConnectionLimits::maxClientsPerAddress() const
{
    QMutexLocker lock(&m_mutex);
    return m_maxClientsPerAddress;
}

void ConnectionLimits::setMaxClientsPerAddress(int maxClientsPerAddress)
{
    QMutexLocker lock(&m_mutex);
    m_maxClientsPerAddress = maxClientsPerAddress;
}

} // namespace fx::server
