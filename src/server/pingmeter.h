#pragma once

// SECURITY.md, "Bounds": WebSocket ping frames from a client are metered like its requests.
// QWebSocket answers every ping by itself and tells nobody; meterPings() takes that answer
// over: each ping is counted (websocket_pings_received) and passed to admit(), and only an
// admitted ping gets its pong. Shard thread only.

#include <QByteArray>
#include <functional>

class QTcpSocket;
class QWebSocket;

namespace fx::server {

struct ShardCounters;

// admit: false drops the ping unanswered (the caller notifies or closes the client). Returns
// false when QWebSocket's own ping handling could not be found (pings are then answered by Qt,
// unmetered).
bool meterPings(QWebSocket *ws, QTcpSocket *tcp, ShardCounters &counters, std::function<bool()> admit);

} // namespace fx::server
