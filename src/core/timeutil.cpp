#include "core/timeutil.h"

#include <QDateTime>

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
    const int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ",
                                tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                                tm.tm_min, tm.tm_sec, static_cast<long long>(frac));
    return QString::fromLatin1(buf, n);
}

bool parseIsoTimestamp(QStringView text, qint64 *micros)
{
    // Qt parses milliseconds only; take the fraction ourselves to keep microseconds.
    const QString s = text.trimmed().toString();
    if (s.size() < 19)
        return false;
    QDateTime base = QDateTime::fromString(s.left(19), Qt::ISODate);
    if (!base.isValid())
        return false;
    int i = 19;
    qint64 fracMicros = 0;
    if (i < s.size() && s.at(i) == u'.') {
        ++i;
        int digits = 0;
        while (i < s.size() && s.at(i).isDigit()) {
            if (digits < 6)
                fracMicros = fracMicros * 10 + s.at(i).digitValue();
            ++digits;
            ++i;
        }
        if (digits == 0)
            return false;
        for (int d = digits; d < 6; ++d)
            fracMicros *= 10;
    }
    qint64 offsetSecs = 0;
    const QStringView rest = QStringView(s).mid(i);
    if (rest.isEmpty() || rest == u"Z" || rest == u"z") {
        // UTC
    } else if ((rest.startsWith(u'+') || rest.startsWith(u'-')) && (rest.size() == 6 || rest.size() == 5)) {
        const int sign = rest.startsWith(u'-') ? -1 : 1;
        const QStringView hh = rest.mid(1, 2);
        const QStringView mm = rest.size() == 6 ? rest.mid(4, 2) : rest.mid(3, 2);
        bool ok1 = false, ok2 = false;
        const int h = hh.toInt(&ok1);
        const int m = mm.toInt(&ok2);
        if (!ok1 || !ok2 || h > 23 || m > 59)
            return false;
        offsetSecs = sign * (h * 3600 + m * 60);
    } else {
        return false;
    }
    base.setTimeSpec(Qt::UTC);
    *micros = (base.toSecsSinceEpoch() - offsetSecs) * 1000000 + fracMicros;
    return true;
}

} // namespace fx::core
