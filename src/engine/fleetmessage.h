#pragma once

// One message of the fleet channel: a server's heartbeat or its leave, read and validated by the
// readers' rules of ARCHITECTURE.md, "Fleet heartbeat". Plain value types and a pure function:
// any thread.

#include <QByteArrayView>
#include <QString>
#include <optional>

namespace fx::engine {

// What a heartbeat says (the fields the desk shows; unknown fields are ignored).
struct FleetReport
{
    QString serverId;
    QString version;
    QString mode; // "headless" / "desktop" (free text, shown as sent)
    QString host;
    qint64 pid = 0;
    QString listen;
    bool tls = false;
    qint64 startedAtMs = 0;
    double uptimeS = 0;
    qint64 timeMs = 0; // sender clock
    qint64 seq = 0;
    qint64 intervalMs = 1000;
    qint64 clients = 0;
    qint64 rooms = 0;
    double messagesPerS = 0;
    double bytesPerS = 0;
    QString redisState;
    QString redisEndpoint;
    QString redisVia;
    QString databaseState;
    QString databaseDriver;
    std::optional<double> latencyP50Ms; // null: no delivery in the window
    std::optional<double> latencyP99Ms;
    qint64 conflated = 0;
    qint64 dropped = 0;
};

// Why a message was refused (counted per reason).
enum class FleetReject {
    TooLarge,
    NotJson,
    UnknownType,
    BadSchema,
    BadServerId,
    BadField,
};
inline constexpr int kFleetRejectCount = 6;
QString fleetRejectName(FleetReject reason);

struct FleetMessage
{
    enum class Kind { Heartbeat, Leave };
    Kind kind = Kind::Heartbeat;
    FleetReport heartbeat; // serverId (and timeMs) only for a leave
};

struct FleetParse
{
    std::optional<FleetMessage> message;
    FleetReject reason = FleetReject::NotJson; // when !message
    QString detail; // one line, for the log (never the whole payload)
};

inline constexpr qsizetype kFleetMaxMessageBytes = 16 * 1024;
inline constexpr qsizetype kFleetMaxServerIdChars = 128;

FleetParse parseFleetMessage(QByteArrayView payload);

} // namespace fx::engine
