#include "protocol/rawpricenumbers.h"

#include <QList>
#include <QStringList>

#include <algorithm>
#include <cctype>

namespace fx::protocol::payload {

namespace {

struct Frame
{
    bool isObject = false;
    int index = 0; // arrays: next element index
    QByteArray key; // objects: current key
    bool expectKey = true;
};

} // namespace

void RawPriceNumbers::scan(QByteArrayView s)
{
    QList<Frame> stack;
    qsizetype i = 0;
    const qsizetype n = s.size();
    auto path = [&stack]() {
        QStringList parts;
        for (const Frame &f : stack)
            parts << (f.isObject ? QString::fromUtf8(f.key) : QString::number(f.index));
        return parts.join(u'.');
    };
    auto valueDone = [&stack]() {
        if (stack.isEmpty())
            return;
        Frame &f = stack.last();
        if (f.isObject)
            f.expectKey = true;
    };
    while (i < n) {
        const char c = s[i];
        if (c == '{' || c == '[') {
            Frame f;
            f.isObject = (c == '{');
            stack.append(f);
            ++i;
        } else if (c == '}' || c == ']') {
            if (!stack.isEmpty())
                stack.removeLast();
            valueDone();
            ++i;
        } else if (c == ',') {
            if (!stack.isEmpty() && !stack.last().isObject)
                ++stack.last().index;
            if (!stack.isEmpty() && stack.last().isObject)
                stack.last().expectKey = true;
            ++i;
        } else if (c == ':') {
            if (!stack.isEmpty())
                stack.last().expectKey = false;
            ++i;
        } else if (c == '"') {
            const qsizetype start = ++i;
            while (i < n && s[i] != '"') {
                if (s[i] == '\\')
                    ++i;
                ++i;
            }
            const QByteArray text = s.sliced(start, std::min(i, n) - start).toByteArray();
            ++i;
            if (!stack.isEmpty() && stack.last().isObject && stack.last().expectKey)
                stack.last().key = text; // escapes in key names are not expected here
            else
                valueDone();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            const qsizetype start = i;
            while (i < n
                   && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.' || s[i] == 'e' || s[i] == 'E'
                       || s[i] == '+' || s[i] == '-'))
                ++i;
            if (stack.size() >= 2 && stack.last().isObject) {
                const Frame &leaf = stack.last();
                const Frame &parent = stack.at(stack.size() - 2);
                if (parent.isObject && parent.key == "price"
                    && (leaf.key == "bid" || leaf.key == "ask" || leaf.key == "mid"))
                    m_values.insert(path(), QString::fromLatin1(s.sliced(start, i - start)));
            }
            valueDone();
        } else if (c == 't' || c == 'f' || c == 'n') {
            while (i < n && std::isalpha(static_cast<unsigned char>(s[i])))
                ++i;
            valueDone();
        } else {
            ++i; // whitespace
        }
    }
}

} // namespace fx::protocol::payload
