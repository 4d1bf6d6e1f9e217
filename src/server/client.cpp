#include "server/client.h"

#include "rules/rulebook.h"

#include "server/serveroptions.h"

#include <QRandomGenerator>

namespace fx::server {

Client::Client(QByteArray id, WireProtocol protocol, QString peer, qint64 connectedAtMicros)
    : m_id(std::move(id))
    , m_protocol(protocol)
    , m_peer(std::move(peer))
    , m_connectedAt(connectedAtMicros)
{
}

Client::~Client() = default;

QString Client::logName() const
{
    QString s = QString::fromLatin1(m_id) + u' ' + m_peer;
    if (!m_user.isEmpty())
        s += QStringLiteral(" user \"%1\"").arg(m_user);
    return s;
}

void Client::markDead(DisconnectReason reason)
{
    if (m_dead)
        return;
    m_dead = true;
    m_reason = reason;
}

void Client::skipUpTo(int stream, quint64 offset)
{
    if (stream < 0 || offset == 0)
        return;
    if (m_skipOffset.size() <= size_t(stream))
        m_skipOffset.resize(size_t(stream) + 1, 0);
    if (m_skipOffset[size_t(stream)] == 0)
        ++m_skipPending;
    m_skipOffset[size_t(stream)] = offset;
}

void Client::skipUpToSeq(quint64 seq)
{
    if (seq == 0)
        return;
    if (m_skipSeq == 0)
        ++m_skipPending;
    m_skipSeq = seq;
}

bool Client::alreadyHas(const Broadcast &b)
{
    if (b.seq == 0)
        return false;
    if (m_skipSeq) {
        if (b.seq <= m_skipSeq)
            return true;
        m_skipSeq = 0; // caught up
        --m_skipPending;
    }
    if (size_t(b.stream) < m_skipOffset.size() && m_skipOffset[size_t(b.stream)]) {
        quint64 &until = m_skipOffset[size_t(b.stream)];
        if (b.offset <= until)
            return true;
        until = 0;
        --m_skipPending;
    }
    return false;
}

Client::Admission Client::admitRequest(qint64 nowMs, const ServerOptions &options)
{
    return admitRequest(nowMs, options.rateLimit, options.rateBurst, options.rateLimitCloseAfterMs);
}

Client::Admission Client::admitRequest(qint64 nowMs, double ratePerSecond, int burst, int closeAfterMs)
{
    if (m_tokens < 0) {
        m_tokens = burst;
        m_lastRefillMs = nowMs;
    }
    const double elapsed = double(std::max<qint64>(0, nowMs - m_lastRefillMs));
    m_tokens = std::min<double>(burst, m_tokens + elapsed * ratePerSecond / 1000.0);
    m_lastRefillMs = nowMs;
    // The flood is over once the bucket has refilled to half.
    if (m_limitedSinceMs && m_tokens >= burst / 2.0)
        m_limitedSinceMs = 0;
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        return Admission::Accept;
    }
    ++m_dropped;
    if (!m_limitedSinceMs)
        m_limitedSinceMs = nowMs;
    if (nowMs - m_limitedSinceMs > closeAfterMs)
        return Admission::Close;
    if (nowMs - m_lastNoticeMs >= 1000) {
        m_lastNoticeMs = nowMs;
        return Admission::DropAndNotify;
    }
    return Admission::Drop;
}

QByteArray newSessionId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray raw(reinterpret_cast<const char *>(words), 15);
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

rules::Owner Client::rulesOwner() const
{
    return rules::Owner{ownerKey, alertHandle};
}

} // namespace fx::server
