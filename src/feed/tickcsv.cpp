#include "feed/tickcsv.h"

#include "core/marketdata.h"
#include "core/timeutil.h"

#include <QIODevice>

namespace fx::feed {

namespace {

QStringList splitFields(QStringView line)
{
    QStringList fields;
    for (QStringView f : line.split(u',')) {
        f = f.trimmed();
        if (f.size() >= 2 && f.startsWith(u'"') && f.endsWith(u'"'))
            f = f.mid(1, f.size() - 2).trimmed();
        fields << f.toString();
    }
    return fields;
}

QString clip(const QString &s)
{
    return s.size() > 40 ? s.left(40) + QStringLiteral("...") : s;
}

} // namespace

TickCsv::TickCsv(core::InstrumentSet instruments) : m_instruments(std::move(instruments))
{
}

bool TickCsv::isSkippable(QStringView line)
{
    const QStringView t = line.trimmed();
    return t.isEmpty() || t.startsWith(u'#');
}

bool TickCsv::readHeader(QStringView line, QString *error)
{
    QStringView text = line;
    if (text.startsWith(QChar(0xFEFF))) // a UTF-8 byte order mark from spreadsheet exports
        text = text.mid(1);
    const QStringList names = splitFields(text);
    int time = -1, instrument = -1, bid = -1, ask = -1, mid = -1;
    for (int i = 0; i < names.size(); ++i) {
        const QString n = names.at(i).toLower();
        int *slot = n == u"time" ? &time
            : n == u"instrument" ? &instrument
            : n == u"bid"        ? &bid
            : n == u"ask"        ? &ask
            : n == u"mid"        ? &mid
                                 : nullptr;
        if (!slot)
            continue; // extra columns are ignored
        if (*slot >= 0) {
            *error = QStringLiteral("header names column \"%1\" twice").arg(n);
            return false;
        }
        *slot = i;
    }
    QStringList missing;
    if (time < 0)
        missing << QStringLiteral("time");
    if (instrument < 0)
        missing << QStringLiteral("instrument");
    if (bid < 0)
        missing << QStringLiteral("bid");
    if (ask < 0)
        missing << QStringLiteral("ask");
    if (!missing.isEmpty()) {
        *error = QStringLiteral("header must name the columns time,instrument,bid,ask[,mid]; missing: %1")
                     .arg(missing.join(QStringLiteral(", ")));
        return false;
    }
    m_columns = int(names.size());
    m_time = time;
    m_instrument = instrument;
    m_bid = bid;
    m_ask = ask;
    m_mid = mid;
    return true;
}

std::optional<FeedTick> TickCsv::parseLine(QStringView line, QString *error) const
{
    if (!hasHeader()) {
        *error = QStringLiteral("no header line");
        return std::nullopt;
    }
    const QStringList f = splitFields(line);
    if (f.size() != m_columns) {
        *error = QStringLiteral("expected %1 fields, got %2").arg(m_columns).arg(f.size());
        return std::nullopt;
    }
    FeedTick t;
    if (!core::parseIsoTimestamp(f.at(m_time), &t.timeMicros)) {
        *error = QStringLiteral("time \"%1\" is not an ISO 8601 timestamp").arg(clip(f.at(m_time)));
        return std::nullopt;
    }
    t.index = m_instruments.lookup(f.at(m_instrument));
    if (t.index < 0) {
        *error = QStringLiteral("instrument \"%1\" is not a configured pair").arg(clip(f.at(m_instrument)));
        return std::nullopt;
    }
    t.instrument = m_instruments.pair(t.index);
    auto price = [&](int column, const char *what, QString *text, double *value) {
        const QString &s = f.at(column);
        const double v = s.toDouble();
        if (!core::decimal::isPlain(s) || !(v > 0)) {
            *error = QStringLiteral("%1 \"%2\" is not a positive plain decimal").arg(QLatin1String(what), clip(s));
            return false;
        }
        *text = s;
        *value = v;
        return true;
    };
    double bid = 0, ask = 0;
    if (!price(m_bid, "bid", &t.bid, &bid) || !price(m_ask, "ask", &t.ask, &ask))
        return std::nullopt;
    if (bid > ask) {
        *error = QStringLiteral("bid %1 is above ask %2").arg(t.bid, t.ask);
        return std::nullopt;
    }
    if (m_mid >= 0 && !f.at(m_mid).isEmpty()) {
        if (!price(m_mid, "mid", &t.mid, &t.midValue))
            return std::nullopt;
        if (t.midValue < bid || t.midValue > ask) {
            *error = QStringLiteral("mid %1 is outside bid %2 / ask %3").arg(t.mid, t.bid, t.ask);
            return std::nullopt;
        }
    } else {
        t.mid = core::decimal::midpoint(t.bid, t.ask);
        t.midValue = t.mid.toDouble();
    }
    return t;
}

TickCsvReader::TickCsvReader(QIODevice *device, const QString &name, core::InstrumentSet instruments)
    : m_device(device)
    , m_name(name)
    , m_csv(std::move(instruments))
{
}

bool TickCsvReader::readLine(QString *line, bool *tooLong)
{
    *tooLong = false;
    if (!m_device || m_device->atEnd())
        return false;
    QByteArray bytes = m_device->readLine(kMaxLineLength + 1);
    if (bytes.isEmpty() && m_device->atEnd())
        return false;
    ++m_line;
    if (!bytes.endsWith('\n') && !m_device->atEnd()) {
        // Longer than any sane tick line: drop the rest of it so the next line starts clean.
        *tooLong = true;
        while (!m_device->atEnd()) {
            const QByteArray rest = m_device->readLine(kMaxLineLength + 1);
            if (rest.isEmpty() || rest.endsWith('\n'))
                break;
        }
        line->clear();
        return true;
    }
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    *line = QString::fromUtf8(bytes);
    return true;
}

bool TickCsvReader::readHeader(QString *error)
{
    QString line;
    bool tooLong = false;
    while (readLine(&line, &tooLong)) {
        if (tooLong) {
            *error = QStringLiteral("%1:%2: header line is too long").arg(m_name).arg(m_line);
            return false;
        }
        if (TickCsv::isSkippable(line))
            continue;
        QString why;
        if (!m_csv.readHeader(line, &why)) {
            *error = QStringLiteral("%1:%2: %3").arg(m_name).arg(m_line).arg(why);
            return false;
        }
        return true;
    }
    *error = QStringLiteral("%1: no header line (expected time,instrument,bid,ask[,mid])").arg(m_name);
    return false;
}

TickCsvReader::Result TickCsvReader::next()
{
    Result r;
    QString line;
    bool tooLong = false;
    while (readLine(&line, &tooLong)) {
        r.line = m_line;
        QString why;
        if (tooLong) {
            why = QStringLiteral("line longer than %1 characters").arg(kMaxLineLength);
        } else if (TickCsv::isSkippable(line)) {
            continue;
        } else if (auto tick = m_csv.parseLine(line, &why)) {
            ++m_good;
            r.status = Status::Tick;
            r.tick = std::move(*tick);
            return r;
        }
        ++m_bad;
        r.status = Status::Bad;
        r.error = QStringLiteral("%1:%2: %3").arg(m_name).arg(m_line).arg(why);
        return r;
    }
    r.status = Status::End;
    r.line = m_line;
    return r;
}

} // namespace fx::feed
