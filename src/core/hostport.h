#pragma once

// "host:port" endpoints as the Redis settings (REDIS_SENTINELS, REDIS_CLUSTER_NODES) and the
// replies of Redis (a Sentinel's master address, a cluster's MOVED/ASK) name them, parsed and
// bounded: a host is a name or an IPv4 address (1..255 characters of letters, digits, '.', '-',
// '_') or an IPv6 address in brackets ("[::1]:6379"); a port is 1..65535.

#include <QList>
#include <QString>
#include <QStringView>

namespace fx::core {

struct HostPort
{
    QString host;
    quint16 port = 0;

    QString toString() const; // "host:port", "[v6]:port"
    bool operator==(const HostPort &o) const = default;
};

inline constexpr int kMaxHostLength = 255;
// The most endpoints one setting may list.
inline constexpr int kMaxEndpoints = 32;

// One "host:port"; false with *error (naming the problem, not the whole input) when invalid.
bool parseHostPort(QStringView text, HostPort *out, QString *error);
// A host and a port given apart (a Sentinel replies with two strings): the same rules.
bool checkHost(QStringView host, QString *error);
bool parsePort(QStringView text, quint16 *port, QString *error);
// A comma-separated list of 1..kMaxEndpoints endpoints, spaces around items allowed, no
// duplicates. An empty text is an empty list (not an error).
bool parseHostPortList(QStringView text, QList<HostPort> *out, QString *error);

} // namespace fx::core
