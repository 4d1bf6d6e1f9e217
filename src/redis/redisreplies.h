#pragma once

// Parsers for what Sentinel and Cluster reply (REDIS.md, "Sentinel" and "Cluster"). Every
// address in a reply is checked like a setting (core/hostport.h) and every reply's type and
// size before it is used: a bad one is an error for the caller to count and log (rate-limited,
// without secrets), never a crash or a connection to a half-parsed address.

#include "core/hostport.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

struct redisReply;

namespace fx::redis {

// A Redis Cluster has 16384 hash slots.
inline constexpr int kClusterSlots = 16384;
// The most MOVED/ASK redirections one command follows before it fails.
inline constexpr int kMaxRedirects = 5;
// The longest error or +switch-master message looked at (longer ones are refused unread).
inline constexpr int kMaxControlMessage = 1024;

// The hash slot of a key (CRC16/XMODEM of the key, or of its first non-empty {hash tag}).
int keySlot(QByteArrayView key);

struct Redirect
{
    enum Kind { Moved, Ask };
    Kind kind = Moved;
    int slot = 0;
    core::HostPort node;
};

enum class RedirectParse { NotRedirect, Ok, Invalid };
// An error reply's text: "MOVED <slot> <host>:<port>" or "ASK <slot> <host>:<port>". Any other
// error is NotRedirect; a MOVED/ASK with a bad slot or address is Invalid (with *why).
RedirectParse parseRedirect(QByteArrayView error, Redirect *out, QString *why);

// A +switch-master message: "<master-name> <old-ip> <old-port> <new-ip> <new-port>".
bool parseSwitchMaster(QByteArrayView payload, QString *masterName, core::HostPort *newMaster, QString *why);

// The reply of SENTINEL get-master-addr-by-name: an array of two strings (host, port); a nil
// reply means the Sentinel does not know that master name.
bool masterAddressFromReply(const redisReply *reply, core::HostPort *out, QString *why);
// The role in a ROLE reply (an array whose first element is "master", "slave" or "sentinel").
bool roleFromReply(const redisReply *reply, QByteArray *role, QString *why);
// True when an error reply's text starts with READONLY (a replica refusing a write).
bool isReadOnlyError(QByteArrayView error);

} // namespace fx::redis
