#pragma once

#include <QByteArray>
#include <QString>
#include <cstdint>

namespace fx::core {

// Wall clock in microseconds since the Unix epoch (UTC).
qint64 nowMicros();
inline qint64 nowMillis()
{
    return nowMicros() / 1000;
}

// UTC ISO 8601 with microseconds and a trailing Z: 2025-11-18T12:34:56.789123Z
QString isoTimestamp(qint64 micros);
inline QString isoNow()
{
    return isoTimestamp(nowMicros());
}

// Parses ISO 8601 (with or without fraction, with Z, an offset or nothing = UTC).
// Returns false when the text is not a timestamp.
bool parseIsoTimestamp(QStringView text, qint64 *micros);

// Monotonic clock in nanoseconds (for intervals, never for display).
qint64 monotonicNanos();
inline qint64 monotonicMillis()
{
    return monotonicNanos() / 1000000;
}

} // namespace fx::core
