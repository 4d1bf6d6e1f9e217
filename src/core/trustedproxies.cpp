#include "core/trustedproxies.h"

#include <QStringList>

namespace fx::core {

namespace {
// IPv4 peers of a dual-stack socket arrive as ::ffff:a.b.c.d: compare them as IPv4.
QHostAddress plain(const QHostAddress &a)
{
    bool ok = false;
    const quint32 v4 = a.toIPv4Address(&ok);
    return ok && a.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress(v4) : a;
}

// One X-Forwarded-For hop: an address, "[v6]" or "[v6]:port" or "v4:port" (some proxies add the
// port); a null address for anything else.
QHostAddress hopAddress(QByteArrayView hop)
{
    QString text = QString::fromLatin1(hop.trimmed());
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0)
            return {};
        text = text.mid(1, close - 1);
    } else if (text.count(u':') == 1) {
        text = text.left(text.indexOf(u':'));
    }
    if (text.isEmpty() || text.size() > 45)
        return {};
    return plain(QHostAddress(text));
}
} // namespace

bool TrustedProxies::parse(const QString &list, TrustedProxies *out, QString *error)
{
    TrustedProxies t;
    const QStringList entries = list.split(u',', Qt::SkipEmptyParts);
    for (const QString &raw : entries) {
        const QString e = raw.trimmed();
        if (e.isEmpty())
            continue;
        if (t.m_subnets.size() >= kMaxEntries) {
            *error = QStringLiteral("at most %1 entries").arg(kMaxEntries);
            return false;
        }
        const QString withPrefix =
            e.contains(u'/') ? e : e + (e.contains(u':') ? QStringLiteral("/128") : QStringLiteral("/32"));
        QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(withPrefix);
        if (subnet.first.isNull() || subnet.second < 0) {
            *error = QStringLiteral("'%1' is not an address or a subnet (e.g. 10.0.0.0/8 or ::1)").arg(e.left(60));
            return false;
        }
        subnet.first = plain(subnet.first);
        t.m_subnets << subnet;
    }
    *out = std::move(t);
    return true;
}

bool TrustedProxies::contains(const QHostAddress &address) const
{
    const QHostAddress a = plain(address);
    for (const auto &s : m_subnets)
        if (a.isInSubnet(s))
            return true;
    return false;
}

QHostAddress TrustedProxies::clientAddress(const QHostAddress &peer, QByteArrayView forwardedFor) const
{
    QHostAddress client = plain(peer);
    if (m_subnets.isEmpty() || !contains(client))
        return client;
    qsizetype end = forwardedFor.size();
    for (int hops = 0; hops < kMaxHops && end > 0; ++hops) {
        qsizetype comma = end - 1;
        while (comma >= 0 && forwardedFor[comma] != ',')
            --comma;
        const QHostAddress hop = hopAddress(forwardedFor.sliced(comma + 1, end - comma - 1));
        if (hop.isNull())
            return client;
        client = hop;
        if (!contains(hop))
            return client;
        end = comma;
    }
    return client;
}

QString TrustedProxies::clientPeer(const QHostAddress &peer, quint16 port, QByteArrayView forwardedFor) const
{
    const QHostAddress client = clientAddress(peer, forwardedFor);
    const bool forwarded = client != plain(peer);
    return client.toString() + u':' + QString::number(forwarded ? 0 : port);
}

} // namespace fx::core
