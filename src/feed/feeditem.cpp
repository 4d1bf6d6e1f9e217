#include "feed/feeditem.h"

#include "core/timeutil.h"

namespace fx::feed {

QString FeedTick::timeText() const
{
    return core::isoTimestamp(timeMicros);
}

QByteArray FeedTick::toJson() const
{
    // Written by hand: every field is ASCII we produced or validated (pair names are [A-Z_],
    // prices are plain decimals, the time is ISO 8601), so nothing needs escaping, and this
    // runs once per tick at up to a million ticks per second.
    QByteArray out;
    out.reserve(128);
    out += "{\"instrument\":\"";
    out += instrument.toLatin1();
    out += "\",\"price\":{\"bid\":\"";
    out += bid.toLatin1();
    out += "\",\"ask\":\"";
    out += ask.toLatin1();
    out += "\",\"mid\":\"";
    out += mid.toLatin1();
    out += "\",\"time\":\"";
    out += timeText().toLatin1();
    out += "\"}}";
    return out;
}

QString formatTicks(qint64 ticks, int decimals)
{
    const bool negative = ticks < 0;
    QString digits = QString::number(negative ? -ticks : ticks);
    if (decimals > 0) {
        if (digits.size() <= decimals)
            digits = digits.rightJustified(decimals + 1, u'0');
        digits.insert(digits.size() - decimals, u'.');
    }
    return negative ? u'-' + digits : digits;
}

} // namespace fx::feed
