#include "core/marketsessions.h"

namespace fx::core {

namespace {
constexpr int kMinutesPerDay = 24 * 60;
constexpr int kWeekOpenMinute = 21 * 60; // Sunday
constexpr int kWeekCloseMinute = 22 * 60; // Friday

// Qt::DayOfWeek: Monday = 1 ... Sunday = 7.
bool isBusinessDay(int dayOfWeek)
{
    return dayOfWeek >= Qt::Monday && dayOfWeek <= Qt::Friday;
}

int dayAfter(int dayOfWeek)
{
    return dayOfWeek % 7 + 1;
}
} // namespace

QString MarketSession::formatMinute(int minute)
{
    return QStringLiteral("%1:%2").arg(minute / 60, 2, 10, QLatin1Char('0')).arg(minute % 60, 2, 10, QLatin1Char('0'));
}

const QList<MarketSession> &MarketSessions::all()
{
    static const QList<MarketSession> sessions{
        {QStringLiteral("Sydney"), QStringLiteral("Australia/Sydney"), 21 * 60, 6 * 60},
        {QStringLiteral("Tokyo"), QStringLiteral("Asia/Tokyo"), 0, 9 * 60},
        {QStringLiteral("London"), QStringLiteral("Europe/London"), 8 * 60, 17 * 60},
        {QStringLiteral("New York"), QStringLiteral("America/New_York"), 13 * 60, 22 * 60},
    };
    return sessions;
}

bool MarketSessions::isOpen(const MarketSession &session, const QDateTime &when)
{
    if (!when.isValid())
        return false;
    const QDateTime utc = when.toUTC();
    const int day = utc.date().dayOfWeek();
    const int minute = utc.time().hour() * 60 + utc.time().minute();
    if (!session.spansMidnight())
        return isBusinessDay(day) && minute >= session.openMinute && minute < session.closeMinute;
    // Overnight: the evening part belongs to tomorrow's session, the morning part to today's.
    if (minute >= session.openMinute)
        return isBusinessDay(dayAfter(day));
    if (minute < session.closeMinute)
        return isBusinessDay(day);
    return false;
}

QStringList MarketSessions::openAt(const QDateTime &when)
{
    QStringList open;
    for (const MarketSession &s : all()) {
        if (isOpen(s, when))
            open << s.name;
    }
    return open;
}

bool MarketSessions::isMarketOpen(const QDateTime &when)
{
    if (!when.isValid())
        return false;
    const QDateTime utc = when.toUTC();
    const int day = utc.date().dayOfWeek();
    const int minute = utc.time().hour() * 60 + utc.time().minute();
    switch (day) {
    case Qt::Saturday: return false;
    case Qt::Sunday: return minute >= kWeekOpenMinute;
    case Qt::Friday: return minute < kWeekCloseMinute;
    default: return minute < kMinutesPerDay;
    }
}

} // namespace fx::core
