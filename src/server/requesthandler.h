#pragma once

// The application protocol of PROTOCOL.md ("Requests you send", "Events you receive"),
// independent of the wire format: a decoded request in, reply events out. Runs on the I/O
// thread that owns the client.

#include "protocol/contract.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fx::server {

class PriceBook;
class RoomRegistry;
class ServerContext;
class Client;
struct RestoreResult;

struct Reply
{
    QString event;
    QByteArray data; // compact JSON object
};

class RequestHandler
{
public:
    RequestHandler(ServerContext &context, RoomRegistry &rooms, const PriceBook &prices);

    // Appends the replies to one request, in order. Every error reply is counted.
    void handle(Client &client, const QString &event, const QJsonObject &data, QList<Reply> *out);

    // An error event payload, counted in the statistics.
    Reply error(protocol::ErrorCode code, const QString &message, const QString &event = {},
                const QJsonObject &details = {});
    // connection_established for a new client.
    // restored: what the client's stored rules and rooms were read as (an identified client
    // with a database: PROTOCOL.md, "Alert rules").
    Reply welcome(const Client &client, const RestoreResult *restored = nullptr) const;

private:
    // Parses "pairs" (PROTOCOL.md, subscribe): all / list; sets *all, fills valid indexes and invalid names.
    bool readPairs(const QJsonObject &data, const QString &event, QList<int> *valid, QStringList *invalid,
                   QList<Reply> *out, bool *all = nullptr);
    void subscribe(Client &s, const QJsonObject &data, QList<Reply> *out);
    void unsubscribe(Client &s, const QJsonObject &data, QList<Reply> *out);
    void subscriptions(Client &s, QList<Reply> *out);
    void requestPrice(const Client &s, const QJsonObject &data, QList<Reply> *out);
    void requestAllPrices(const Client &s, QList<Reply> *out);
    void ping(const QJsonObject &data, QList<Reply> *out);

    ServerContext &m_ctx;
    RoomRegistry &m_rooms;
    const PriceBook &m_prices;
};

} // namespace fx::server
