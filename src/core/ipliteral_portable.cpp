// The portable side of the IP literal seam (ipliteral.h), standard C++ and Qt only: the grammar
// inet_pton() accepts and the form inet_ntop() writes, implemented here.

#include "core/ipliteral.h"

#include <array>

namespace fx::core {

namespace {

// "a.b.c.d": four decimal numbers 0..255, no leading zeros, nothing else.
bool parseIpv4(QStringView text, std::array<quint8, 4> *out)
{
    int part = 0;
    int value = -1; // -1: no digit yet in this part
    for (const QChar c : text) {
        if (c >= u'0' && c <= u'9') {
            if (value == 0)
                return false; // a leading zero
            value = (value < 0 ? 0 : value * 10) + (c.unicode() - u'0');
            if (value > 255)
                return false;
        } else if (c == u'.') {
            if (value < 0 || part == 3)
                return false;
            (*out)[size_t(part++)] = quint8(value);
            value = -1;
        } else {
            return false;
        }
    }
    if (value < 0 || part != 3)
        return false;
    (*out)[3] = quint8(value);
    return true;
}

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

// Eight groups of 1..4 hex digits, one "::" standing for one or more zero groups, the last two
// groups optionally written as an IPv4 address.
bool parseIpv6(QStringView text, std::array<quint16, 8> *out)
{
    std::array<quint16, 8> words{};
    int count = 0;
    int gap = -1; // where "::" stands
    qsizetype i = 0;
    const qsizetype n = text.size();
    if (n < 2)
        return false;
    if (text.startsWith(u"::")) {
        gap = 0;
        i = 2;
        if (i == n) {
            *out = words;
            return true;
        }
    } else if (text.front() == u':') {
        return false;
    }
    while (i < n) {
        // One group (or an IPv4 tail).
        const qsizetype start = i;
        int value = 0;
        int digits = 0;
        while (i < n && hexValue(text[i]) >= 0 && digits < 5) {
            value = value * 16 + hexValue(text[i]);
            ++digits;
            ++i;
        }
        if (i < n && text[i] == u'.') {
            std::array<quint8, 4> v4{};
            if (count > 6 || !parseIpv4(text.mid(start), &v4))
                return false;
            words[size_t(count++)] = quint16(v4[0] << 8 | v4[1]);
            words[size_t(count++)] = quint16(v4[2] << 8 | v4[3]);
            i = n;
            break;
        }
        if (digits == 0 || digits > 4 || count == 8)
            return false;
        words[size_t(count++)] = quint16(value);
        if (i == n)
            break;
        if (text[i] != u':')
            return false;
        ++i;
        if (i < n && text[i] == u':') {
            if (gap >= 0)
                return false; // a second "::"
            gap = count;
            ++i;
        } else if (i == n) {
            return false; // a trailing single ':'
        }
    }
    if (gap < 0) {
        if (count != 8)
            return false;
        *out = words;
        return true;
    }
    if (count > 7)
        return false; // "::" must stand for at least one group
    std::array<quint16, 8> full{};
    for (int k = 0; k < gap; ++k)
        full[size_t(k)] = words[size_t(k)];
    const int tail = count - gap;
    for (int k = 0; k < tail; ++k)
        full[size_t(8 - tail + k)] = words[size_t(gap + k)];
    *out = full;
    return true;
}

} // namespace

bool isIpLiteral(QStringView text)
{
    std::array<quint8, 4> v4{};
    std::array<quint16, 8> v6{};
    return parseIpv4(text, &v4) || parseIpv6(text, &v6);
}

std::optional<QString> canonicalIpv6Literal(QStringView text)
{
    std::array<quint16, 8> w{};
    if (text.size() > 45 || !parseIpv6(text, &w))
        return std::nullopt;
    // The longest run of two or more zero groups (the first of equal ones) becomes "::".
    int best = -1, bestLen = 0;
    for (int i = 0; i < 8;) {
        if (w[size_t(i)] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && w[size_t(j)] == 0)
            ++j;
        if (j - i > bestLen) {
            best = i;
            bestLen = j - i;
        }
        i = j;
    }
    if (bestLen < 2)
        best = -1;
    QString s;
    for (int i = 0; i < 8; ++i) {
        if (best >= 0 && i >= best && i < best + bestLen) {
            if (i == best)
                s += u':';
            continue;
        }
        if (i > 0)
            s += u':';
        // An IPv4 address inside (::a.b.c.d or ::ffff:a.b.c.d) in its dotted form.
        if (i == 6 && best == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
            s += QStringLiteral("%1.%2.%3.%4").arg(w[6] >> 8).arg(w[6] & 0xff).arg(w[7] >> 8).arg(w[7] & 0xff);
            return s;
        }
        s += QString::number(w[size_t(i)], 16);
    }
    if (best >= 0 && best + bestLen == 8)
        s += u':';
    return s;
}

} // namespace fx::core
