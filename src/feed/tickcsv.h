#pragma once

#include "core/instruments.h"
#include "feed/feeditem.h"

#include <QString>
#include <optional>

class QIODevice;

namespace fx::feed {

// The replay file format (FEED.md): a header naming the columns, then one tick per line.
//   time,instrument,bid,ask[,mid]
//   2025-11-18T12:34:56.789123Z,EUR_USD,1.08412,1.08421
// Columns in any order, names case-insensitive; other columns are ignored. Fields are
// trimmed and may be wrapped in double quotes. Blank lines and lines starting with # are
// skipped. Pure: no I/O.
class TickCsv
{
public:
    explicit TickCsv(core::InstrumentSet instruments);

    bool readHeader(QStringView line, QString *error);
    bool hasHeader() const { return m_columns > 0; }
    bool hasMidColumn() const { return m_mid >= 0; }

    // One data line: the tick, or nullopt and one line in *error (without the line number).
    std::optional<FeedTick> parseLine(QStringView line, QString *error) const;

    static bool isSkippable(QStringView line);

private:
    core::InstrumentSet m_instruments;
    int m_columns = 0;
    int m_time = -1;
    int m_instrument = -1;
    int m_bid = -1;
    int m_ask = -1;
    int m_mid = -1;
};

// Reads a replay file from a device, line by line (files larger than memory are fine).
// Single-threaded; the device must stay open while reading.
class TickCsvReader
{
public:
    static constexpr qsizetype kMaxLineLength = 4096;

    // `name` prefixes messages ("ticks.csv:12: ...").
    TickCsvReader(QIODevice *device, const QString &name, core::InstrumentSet instruments);

    // Reads up to and including the header line. False with *error ("name:line: ...").
    bool readHeader(QString *error);

    enum class Status { Tick, Bad, End };
    struct Result
    {
        Status status = Status::End;
        FeedTick tick;
        qint64 line = 0;
        QString error; // "name:line: why" for Bad
    };
    Result next();

    qint64 goodLines() const { return m_good; }
    qint64 badLines() const { return m_bad; }

private:
    // The next physical line without its end-of-line; false at the end. *tooLong when the line
    // exceeded kMaxLineLength (the rest of it is consumed).
    bool readLine(QString *line, bool *tooLong);

    QIODevice *m_device;
    QString m_name;
    TickCsv m_csv;
    qint64 m_line = 0;
    qint64 m_good = 0;
    qint64 m_bad = 0;
};

} // namespace fx::feed
