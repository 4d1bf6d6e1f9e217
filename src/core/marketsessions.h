#pragma once

// The four FX trading sessions and which of them are open at an instant. Pure functions: no
// database, no clock (the caller passes the instant), usable from any thread.
//
// Hours are fixed in UTC (daylight saving time is not followed):
//   Sydney   21:00-06:00   Tokyo    00:00-09:00   London   08:00-17:00   New York 13:00-22:00
// Intervals are half-open ([open, close)). Each session trades Monday to Friday; an overnight
// session (Sydney) belongs to the day on which it closes, so Sydney's Sunday 21:00 opening is
// the Monday session and nothing opens on Friday 21:00. The FX week therefore opens on Sunday
// 21:00 UTC and closes on Friday 22:00 UTC, with no session open in between.
//
// The migration seeds the market_sessions table from all(): one source for both.

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace fx::core {

struct MarketSession
{
    QString name; // "Sydney", "Tokyo", "London", "New York"
    QString timeZone; // the city's IANA zone, for reference only
    int openMinute; // minutes after 00:00 UTC
    int closeMinute; // may be smaller than openMinute: the session spans midnight

    bool spansMidnight() const { return closeMinute <= openMinute; }
    // "21:00"
    static QString formatMinute(int minute);
};

class MarketSessions
{
public:
    // In opening order through the UTC day: Sydney, Tokyo, London, New York.
    static const QList<MarketSession> &all();
    // Names of the sessions open at utc (converted to UTC when given in another zone), in
    // the order of all(); empty on the weekend.
    static QStringList openAt(const QDateTime &utc);
    // True between Sunday 21:00 and Friday 22:00 UTC.
    static bool isMarketOpen(const QDateTime &utc);
    static bool isOpen(const MarketSession &session, const QDateTime &utc);
};

} // namespace fx::core
