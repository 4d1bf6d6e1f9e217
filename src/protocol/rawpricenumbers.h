#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QString>

namespace fx::protocol::payload {

// QJsonDocument turns numbers into doubles, which would lose "1.09450"'s last zero. This
// scanner walks the (already validated) JSON text once and records the literal text of every
// number whose key is bid/ask/mid inside an object under the key "price", by path
// ("price.bid" for a single object, "3.price.bid" for item 3 of a batch).
class RawPriceNumbers
{
public:
    explicit RawPriceNumbers(QByteArrayView json) { scan(json); }
    QString value(const QString &path) const { return m_values.value(path); }

private:
    void scan(QByteArrayView s);

    QHash<QString, QString> m_values;
};

} // namespace fx::protocol::payload
