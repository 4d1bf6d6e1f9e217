#pragma once

// The statements of the read path. Each call reads from one snapshot (a read transaction), so
// a page and its total agree even while the writer commits.
//
// Thread contract: called only on the thread that opened the connection (the reader thread).

#include "storage/storagetypes.h"

class QSqlQuery;

namespace fx::storage {

class SqlConnection;

class SqlReader
{
public:
    static bool alerts(SqlConnection &c, const AlertQuery &query, AlertPage *page, QString *error);
    // sqlalerthistory.cpp: one keyset page (page->more: older rows match).
    static bool alertHistory(SqlConnection &c, const AlertHistoryQuery &query, AlertPage *page, QString *error);
    static bool ticks(SqlConnection &c, const SeriesQuery &query, QList<TickRecord> *rows, QString *error);
    static bool bars(SqlConnection &c, const SeriesQuery &query, QList<BarRecord> *rows, QString *error);
    // Newest connection first.
    static bool connections(SqlConnection &c, const ConnectionQuery &query, QList<ConnectionRecord> *rows,
                            QString *error);

    // sqluserrules.cpp: a user's stored alert rules (oldest first, at most maxRules) and
    // subscriptions (PROTOCOL.md, "Alert rules").
    static bool userRules(SqlConnection &c, const QString &owner, int maxRules, UserRules *out, QString *error);
    // Every user's stored rules, oldest first, at most maxRules.
    static bool storedRules(SqlConnection &c, int maxRules, QList<StoredRule> *out, QString *error);

    // "SELECT <every column alertFromRow reads> FROM alerts", shared by alerts() and alertHistory().
    static QString alertSelect();
    static AlertRecord alertFromRow(const QSqlQuery &q);
};

} // namespace fx::storage
