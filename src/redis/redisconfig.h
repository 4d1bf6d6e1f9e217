#pragma once

#include "core/hostport.h"
#include "core/instruments.h"
#include "core/settings.h"
#include "protocol/payloadparser.h"

#include <QString>
#include <array>

namespace fx::redis {

// How the Redis is found (REDIS.md): one address, a master named by Sentinels, or a cluster.
enum class RedisTopology { Direct, Sentinel, Cluster };

// Where Redis is and what to read from it. Plain value type.
struct RedisConfig
{
    QString host = QStringLiteral("localhost");
    quint16 port = 6379;
    QString socketPath; // wins over host/port when set
    int db = 0;
    QString password; // empty: no AUTH
    QString username; // REDIS_USERNAME: AUTH <username> <password> (Redis 6 ACL); empty: AUTH <password>
    // Full channel names (prefix applied), indexed by protocol::ChannelKind.
    std::array<QString, protocol::kChannelKindCount> channels{
        QStringLiteral("price_updates"), QStringLiteral("volatility_alerts"), QStringLiteral("correlation_alerts"),
        QStringLiteral("data_ready")};
    QStringList pairs = core::InstrumentSet::defaultPairs();
    qint64 maxMessageSize = protocol::PayloadParser::kDefaultMaxPayload;
    int connectTimeoutMs = 3000;
    int commandTimeoutMs = 5000; // RedisPublisher: how long a reply may take
    int backoffInitialMs = 100;
    int backoffMaxMs = 5000;
    // REDIS.md, "Sentinel": with sentinels set, host/port are ignored and the master is asked for.
    QList<core::HostPort> sentinels;
    QString sentinelMaster;
    QString sentinelUsername;
    QString sentinelPassword; // never logged
    // Bound of each step of a Sentinel query or a cluster redirection (connect, one reply).
    int sentinelTimeoutMs = 1000;
    // REDIS.md, "Cluster": any reachable node serves Pub/Sub; keys follow MOVED/ASK.
    QList<core::HostPort> clusterNodes;
    // Further channels (full names) whose messages are handed on raw through
    // RedisSubscriber::rawMessage (the desk's fleet channel): subscribed together with the
    // pipeline's channels, and again after every reconnect.
    QStringList extraChannels;
    // Keys matching this glob pattern are read after every (re)connect, before the subscription
    // (SCAN + GET in one bounded server-side script), and handed on through
    // RedisSubscriber::rawKeyRead; empty: none.
    QString rawKeyPattern;
    int rawKeyLimit = 1000; // at most this many keys
    int rawKeyScanLimit = 100; // at most this many SCAN steps of 1000 keys each

    static RedisConfig fromSettings(const core::Settings &s);
    QString endpoint() const; // "host:port" or "unix:/path"
    RedisTopology topology() const;
    QString via() const; // "direct", "sentinel" or "cluster" (the status' "via")
    // AUTH arguments for the Sentinels (empty: none); never logged.
    QList<QByteArray> sentinelAuthArguments() const;
    // The AUTH command's arguments after "AUTH" (empty: send none), or *error when a user is
    // set without a password (Redis has no AUTH <user> without one). Never logged.
    QList<QByteArray> authArguments(QString *error) const;
};

} // namespace fx::redis
