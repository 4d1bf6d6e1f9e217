#pragma once

// get_alert_history (PROTOCOL.md): the request read and checked, the opaque page cursor, and
// the interface through which the server reads the stored alerts without knowing the
// database. Whoever composes the server (the engine) gives an AlertHistorySource in
// ServerOptions::alertHistory; without one the request is answered HISTORY_UNAVAILABLE.
//
// Thread contract: parseAlertHistoryRequest and the cursor functions are pure (any thread).
// AlertHistorySource::fetch is called on an I/O thread, must not block, and calls `done`
// exactly once, on any thread.

#include "core/instruments.h"
#include "protocol/contract.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace fx::server {

class Client;

inline constexpr int kAlertHistoryDefaultLimit = 100;
inline constexpr int kAlertHistoryMaxLimit = 1000;
// SECURITY.md, "Bounds": history queries running at once, per client and per server (the
// database reader is shared with the desktop and answers one query at a time).
inline constexpr int kMaxHistoryQueriesPerClient = 2;
inline constexpr int kMaxHistoryQueriesPerServer = 16;

struct AlertHistoryQuery
{
    qint64 sinceMicros = 0; // raised_at >= since (0: open)
    qint64 untilMicros = 0; // raised_at <= until (0: open)
    QStringList types; // "volatility", "correlation", "price_alert"; empty: any
    QStringList severities; // "info", "warning", "critical"; empty: any
    QStringList pairs; // alerts about any of these; empty: any
    bool restricted = false; // SECURITY.md, "Pair permissions": only alerts whose every pair
    QStringList permittedPairs; // is in permittedPairs
    // Fired alert rules (price_alert rows) are the owner's alone: the pipeline's alerts and,
    // when owner is not empty (a token's sub), that owner's.
    bool ownerFiltered = false;
    QString owner;
    bool hasCursor = false; // continue after (beforeRaisedAt, beforeId), newest first
    qint64 beforeRaisedAt = 0;
    qint64 beforeId = 0;
    int limit = kAlertHistoryDefaultLimit;
};

struct AlertHistoryResult
{
    enum class Status { Ok, Disabled, Failed };
    Status status = Status::Ok;
    QString reason; // Disabled / Failed: for people, without secrets
    QJsonArray alerts; // the alert_history rows (PROTOCOL.md), newest first
    bool more = false; // older alerts match beyond this page
    qint64 lastRaisedAt = 0; // the last row's key (for the next cursor)
    qint64 lastId = 0;
};

class AlertHistorySource
{
public:
    virtual ~AlertHistorySource() = default;
    virtual void fetch(const AlertHistoryQuery &query, std::function<void(AlertHistoryResult)> done) = 0;
};

struct AlertHistoryError
{
    protocol::ErrorCode code = protocol::ErrorCode::InvalidPayload;
    QString message;
    QJsonObject details;
};

// Reads the request of a client (its pair permissions included). Returns the query, or
// sets *error.
std::optional<AlertHistoryQuery> parseAlertHistoryRequest(const QJsonObject &data, const core::InstrumentSet &pairs,
                                                          const Client &client, AlertHistoryError *error);

// The opaque cursor of the page after (raisedAt, id) for this query's filters: base64url of
// the key and a MAC over the key and the filters (a per-process secret), so a cursor cannot
// be forged, altered or reused with other filters; it does not outlive the server process.
QString encodeAlertHistoryCursor(const AlertHistoryQuery &query, qint64 raisedAt, qint64 id);
// Sets query's cursor fields; false when the cursor is not one encodeAlertHistoryCursor gave
// for the same filters.
bool decodeAlertHistoryCursor(const QString &cursor, AlertHistoryQuery *query);

// The alert_history payload for a page.
QJsonObject alertHistoryPayload(const AlertHistoryQuery &query, const AlertHistoryResult &result);

// A way back to an object's thread from any thread, safe after the object is gone: post()
// queues work to run on the object's thread, or drops it once close() was called (the
// object's destructor calls it). Shared by the object and every pending answer.
class ReturnPath
{
public:
    explicit ReturnPath(QObject *target) : m_target(target) {}
    void close();
    // False (nothing queued) when closed.
    bool post(std::function<void()> work);

private:
    QMutex m_mutex;
    QObject *m_target;
};

} // namespace fx::server
