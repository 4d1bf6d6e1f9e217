#include "core/timeutil.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace fx::core {

qint64 nowMicros()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

qint64 monotonicNanos()
{
    using namespace std::chrono;
    return duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count();
}

QString isoTimestamp(qint64 micros)
{
    qint64 secs = micros / 1000000;
    qint64 frac = micros % 1000000;
    if (frac < 0) {
        frac += 1000000;
        --secs;
    }
    const std::time_t t = static_cast<std::time_t>(secs);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    const int n =
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", tm.tm_year + 1900, tm.tm_mon + 1,
                      tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(frac));
    return QString::fromLatin1(buf, n);
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

int daysInMonth(int y, int m)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

// n ASCII digits at s[at], or -1.
int digitsAt(QStringView s, qsizetype at, int n)
{
    if (at + n > s.size())
        return -1;
    int v = 0;
    for (int k = 0; k < n; ++k) {
        const char16_t c = s[at + k].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        v = v * 10 + (c - u'0');
    }
    return v;
}

} // namespace

bool parseIsoTimestamp(QStringView text, qint64 *micros)
{
    // YYYY-MM-DD[T|t| ]hh:mm:ss[.fraction][Z|z|+hh:mm|-hh:mm|+hhmm|-hhmm]; no zone means UTC.
    // Plain arithmetic (this runs for every tick): QDateTime::fromString() goes through the local
    // time zone, which costs a stat() of /etc/localtime per call, and keeps milliseconds only.
    const QStringView s = text.trimmed();
    if (s.size() < 19 || s[4] != u'-' || s[7] != u'-' || s[13] != u':' || s[16] != u':')
        return false;
    const char16_t sep = s[10].unicode();
    if (sep != u'T' && sep != u't' && sep != u' ')
        return false;
    const int year = digitsAt(s, 0, 4), month = digitsAt(s, 5, 2), day = digitsAt(s, 8, 2);
    const int hour = digitsAt(s, 11, 2), minute = digitsAt(s, 14, 2), second = digitsAt(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 24
        || minute < 0 || minute > 59 || second < 0 || second > 59)
        return false;
    qsizetype i = 19;
    qint64 fracMicros = 0;
    if (i < s.size() && s[i] == u'.') {
        ++i;
        int digits = 0;
        while (i < s.size() && s[i] >= u'0' && s[i] <= u'9') {
            if (digits < 6)
                fracMicros = fracMicros * 10 + (s[i].unicode() - u'0');
            ++digits;
            ++i;
        }
        if (digits == 0)
            return false;
        for (int d = digits; d < 6; ++d)
            fracMicros *= 10;
    }
    if (hour == 24 && (minute || second || fracMicros)) // 24:00:00 is the next midnight, as in Qt::ISODate
        return false;
    qint64 offsetSecs = 0;
    const QStringView rest = s.mid(i);
    if (rest.isEmpty() || rest == u"Z" || rest == u"z") {
        // UTC
    } else if ((rest[0] == u'+' || rest[0] == u'-') && (rest.size() == 6 || rest.size() == 5)) {
        const int sign = rest[0] == u'-' ? -1 : 1;
        if (rest.size() == 6 && rest[3] != u':')
            return false;
        const int h = digitsAt(rest, 1, 2);
        const int m = digitsAt(rest, rest.size() == 6 ? 4 : 3, 2);
        if (h < 0 || m < 0 || h > 23 || m > 59)
            return false;
        offsetSecs = sign * (h * 3600 + m * 60);
    } else {
        return false;
    }
    const qint64 secs = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetSecs;
    // Years 1 to 9999 after the offset, the range isoTimestamp() writes (there is no year 0).
    if (secs < daysFromCivil(1, 1, 1) * 86400 || secs >= daysFromCivil(10000, 1, 1) * 86400)
        return false;
    *micros = secs * 1000000 + fracMicros;
    return true;
}

} // namespace fx::core
