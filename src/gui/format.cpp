#include "gui/format.h"

#include "core/timeutil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFontDatabase>
#include <QLocale>
#include <QTimeZone>

namespace fx::gui::fmt {

QString count(qint64 n)
{
    return QLocale().toString(n);
}

QString decimal(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

QString signedDecimal(double v, int decimals)
{
    const QString s = QLocale().toString(v, 'f', decimals);
    return v > 0 && !s.startsWith(u'+') ? QLatin1Char('+') + s : s;
}

QString price(const QString &quote)
{
    // The feed's text has the pair's digits ("1.09451", "150.101"): keep exactly those, in the
    // locale's notation (French: "1,09451").
    bool ok = false;
    const double v = quote.toDouble(&ok);
    if (!ok)
        return quote;
    const qsizetype dot = quote.indexOf(u'.');
    const int digits = dot < 0 ? 0 : int(quote.size() - dot - 1);
    return QLocale().toString(v, 'f', digits);
}

QString bytes(qint64 n)
{
    return QLocale().formattedDataSize(n, n < 1024 ? 0 : 1, QLocale::DataSizeTraditionalFormat);
}

static QDateTime local(qint64 micros)
{
    return QDateTime::fromMSecsSinceEpoch(micros / 1000).toLocalTime();
}

QString localTime(qint64 micros)
{
    if (micros <= 0)
        return QString();
    const QDateTime t = local(micros);
    if (t.date() == QDate::currentDate())
        return t.toString(QStringLiteral("HH:mm:ss"));
    return localDateTime(micros);
}

QString localTimeMs(qint64 micros)
{
    return micros <= 0 ? QString() : local(micros).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString localDateTime(qint64 micros)
{
    if (micros <= 0)
        return QString();
    // The date in the locale's short form ("17/11/2025", "2025/11/17"), the time in 24 hours.
    const QDateTime t = local(micros);
    return QLocale().toString(t.date(), QLocale::ShortFormat) + u' ' + t.toString(QStringLiteral("HH:mm:ss"));
}

QString utc(qint64 micros)
{
    if (micros <= 0)
        return QString();
    return QDateTime::fromMSecsSinceEpoch(micros / 1000, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
        + QStringLiteral(" UTC");
}

QString isoUtc(qint64 micros)
{
    return micros <= 0 ? QString() : core::isoTimestamp(micros);
}

QString duration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    const qint64 days = seconds / 86400;
    const QString hms = QStringLiteral("%1:%2:%3")
                            .arg((seconds / 3600) % 24, 2, 10, QLatin1Char('0'))
                            .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
                            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? QCoreApplication::translate("fx::gui::fmt", "%1 d %2").arg(days).arg(hms) : hms;
}

QString milliseconds(qint64 ms)
{
    if (ms < 1000)
        return QCoreApplication::translate("fx::gui::fmt", "%1 ms").arg(ms);
    return QCoreApplication::translate("fx::gui::fmt", "%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
}

QString roundTrip(qint64 ms)
{
    return ms < 1 ? QStringLiteral("< ") + milliseconds(1) : milliseconds(ms);
}

QFont numberFont()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setPointSizeF(QFont().pointSizeF());
    return f;
}

} // namespace fx::gui::fmt
