#pragma once

// The latest price per pair as one I/O thread has relayed it. Each shard keeps its own copy,
// updated from the broadcasts it delivers, so request_price needs no lock and always agrees
// with what that shard's clients were last sent.

#include "server/broadcast.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <optional>
#include <vector>

namespace fx::server {

class PriceBook
{
public:
    explicit PriceBook(int pairs) : m_entries(size_t(pairs)) {}

    void update(int pair, const Broadcast &b)
    {
        if (pair < 0 || size_t(pair) >= m_entries.size())
            return;
        Entry &e = m_entries[size_t(pair)];
        if (!e.present)
            ++m_count;
        e.present = true;
        e.payload = b.data;
        e.offset = b.offset;
        e.price.reset();
    }
    bool has(int pair) const { return pair >= 0 && size_t(pair) < m_entries.size() && m_entries[size_t(pair)].present; }
    // The last price_update payload (compact JSON), shared.
    const QByteArray &payload(int pair) const { return m_entries[size_t(pair)].payload; }
    // Its position in the pair's history (PROTOCOL.md, "History and recovery"); 0: none (a
    // warm-up price, or no history).
    quint64 offset(int pair) const { return m_entries[size_t(pair)].offset; }
    // Its "price" object ({bid, ask, mid, time}), read from the payload when first asked for.
    const QJsonObject &price(int pair) const
    {
        const Entry &e = m_entries[size_t(pair)];
        if (!e.price)
            e.price = QJsonDocument::fromJson(e.payload).object().value(QStringLiteral("price")).toObject();
        return *e.price;
    }
    int count() const { return m_count; }
    int size() const { return int(m_entries.size()); }

private:
    struct Entry
    {
        bool present = false;
        QByteArray payload;
        quint64 offset = 0;
        mutable std::optional<QJsonObject> price; // a cache of the payload's "price"
    };
    std::vector<Entry> m_entries;
    int m_count = 0;
};

} // namespace fx::server
