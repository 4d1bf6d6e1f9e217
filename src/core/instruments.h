#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

namespace fx::core {

// The configured currency pairs, each with its room. Immutable after construction and
// therefore safe to share between threads by const reference.
class InstrumentSet
{
public:
    static constexpr int kMaxPairs = 256;

    InstrumentSet() : InstrumentSet(defaultPairs()) {}
    explicit InstrumentSet(const QStringList &pairs);

    static QStringList defaultPairs();

    // "EUR_USD": three upper-case letters, underscore, three upper-case letters.
    static bool isWellFormed(QStringView pair);
    // Accepts eur_usd, EUR/USD, EURUSD, EUR-USD and returns EUR_USD; nullopt if it cannot be a pair.
    static std::optional<QString> normalize(QStringView input);
    // Pip size: 0.01 for JPY-quoted pairs, 0.0001 otherwise.
    static double pipSize(QStringView pair);
    // Decimals a quote carries: 3 for JPY-quoted pairs, 5 otherwise.
    static int quoteDecimals(QStringView pair);
    static QString roomFor(QStringView pair) { return QStringLiteral("price_") + pair.toString(); }

    int size() const { return int(m_pairs.size()); }
    bool isEmpty() const { return m_pairs.isEmpty(); }
    const QStringList &pairs() const { return m_pairs; }
    const QStringList &rooms() const { return m_rooms; }
    const QString &pair(int index) const { return m_pairs.at(index); }
    const QString &room(int index) const { return m_rooms.at(index); }
    // Index of an exact configured pair name, or -1.
    int indexOf(QStringView pair) const;
    // Index after normalize(), or -1.
    int lookup(QStringView input) const;
    // Index of a room name (price_EUR_USD), or -1.
    int roomIndex(QStringView room) const;

private:
    QStringList m_pairs;
    QStringList m_rooms;
    QHash<QString, int> m_index;
};

} // namespace fx::core
