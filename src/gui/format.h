#pragma once

// Display formatting shared by every panel: numbers with the locale's thousands separators,
// byte sizes, local times with their UTC for tooltips, durations. GUI thread.

#include <QFont>
#include <QString>

namespace fx::gui::fmt {

QString count(qint64 n); // "18,220"
QString decimal(double v, int decimals); // "1,234.5"
QString signedDecimal(double v, int decimals); // "+12.3", "-0.4"
QString price(const QString &quote); // the feed's "1.09451": its digits in the locale's notation
QString bytes(qint64 n); // "18.2 KB"
QString localTime(qint64 micros); // "09:12:03" today, "11/17/25 09:12:03" (the locale's date) otherwise
QString localTimeMs(qint64 micros); // "09:12:03.123"
QString localDateTime(qint64 micros); // "11/18/25 09:12:03": the locale's short date
QString utc(qint64 micros); // "2025-11-18 08:12:03.123 UTC"
QString isoUtc(qint64 micros); // "2025-11-18T08:12:03.123456Z" (CSV)
QString duration(qint64 seconds); // "02:14:09", "3 d 02:14:09"
QString milliseconds(qint64 ms); // "3 ms", "1.2 s"
QString roundTrip(qint64 ms); // a round trip measured in whole ms: "< 1 ms", "3 ms"

// Font for number columns: monospaced, so digits line up.
QFont numberFont();

} // namespace fx::gui::fmt
