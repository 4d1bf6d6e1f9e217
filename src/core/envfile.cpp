#include "core/envfile.h"

namespace fx::core {

static bool isKeyChar(QChar c, bool first)
{
    if (c == u'_' || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z'))
        return true;
    return !first && ((c >= u'0' && c <= u'9') || c == u'.');
}

EnvParseResult parseEnvText(QByteArrayView text)
{
    EnvParseResult r;
    const QString all = QString::fromUtf8(text);
    const QStringList lines = all.split(u'\n');
    for (int ln = 0; ln < lines.size(); ++ln) {
        QString line = lines.at(ln);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (ln == 0 && line.startsWith(QChar(0xFEFF)))
            line.remove(0, 1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        QStringView rest(trimmed);
        if (rest.startsWith(u"export ") || rest.startsWith(u"export\t"))
            rest = rest.mid(7).trimmed();
        qsizetype i = 0;
        while (i < rest.size() && isKeyChar(rest.at(i), i == 0))
            ++i;
        const QString key = rest.left(i).toString();
        QStringView after = rest.mid(i).trimmed();
        if (key.isEmpty() || !after.startsWith(u'=')) {
            r.error = QStringLiteral("expected KEY=VALUE");
            r.errorLine = ln + 1;
            return r;
        }
        QStringView raw = after.mid(1).trimmed();
        QString value;
        if (raw.startsWith(u'"') || raw.startsWith(u'\'')) {
            const QChar q = raw.at(0);
            qsizetype j = 1;
            bool closed = false;
            while (j < raw.size()) {
                const QChar c = raw.at(j);
                if (q == u'"' && c == u'\\' && j + 1 < raw.size()) {
                    const QChar e = raw.at(j + 1);
                    if (e == u'n')
                        value += u'\n';
                    else if (e == u't')
                        value += u'\t';
                    else if (e == u'r')
                        value += u'\r';
                    else if (e == u'"' || e == u'\\')
                        value += e;
                    else {
                        value += c;
                        value += e;
                    }
                    j += 2;
                    continue;
                }
                if (c == q) {
                    closed = true;
                    ++j;
                    break;
                }
                value += c;
                ++j;
            }
            if (!closed) {
                r.error = QStringLiteral("unterminated quoted value");
                r.errorLine = ln + 1;
                return r;
            }
            const QStringView tail = raw.mid(j).trimmed();
            if (!tail.isEmpty() && !tail.startsWith(u'#')) {
                r.error = QStringLiteral("unexpected text after the closing quote");
                r.errorLine = ln + 1;
                return r;
            }
        } else {
            // An unquoted value ends at " #" (inline comment).
            qsizetype hash = -1;
            for (qsizetype j = 0; j < raw.size(); ++j) {
                if (raw.at(j) == u'#' && (j == 0 || raw.at(j - 1).isSpace())) {
                    hash = j;
                    break;
                }
            }
            value = (hash >= 0 ? raw.left(hash) : raw).trimmed().toString();
        }
        r.entries.append({key, value, ln + 1});
    }
    return r;
}

} // namespace fx::core
