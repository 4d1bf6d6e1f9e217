#pragma once

#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace fx::core {

// Reads the dotenv format the predecessor's .env files use (python-dotenv subset):
//   KEY=value, export KEY=value, # comments, blank lines, 'single' and "double" quoted
//   values (double quotes understand \n \t \" \\), inline " # comment" after unquoted values.
// Pure: no file access. Later duplicates of a key win.
struct EnvEntry
{
    QString key;
    QString value;
    int line = 0;
};

struct EnvParseResult
{
    QList<EnvEntry> entries;
    QString error; // empty when the text parsed
    int errorLine = 0;
    bool ok() const { return error.isEmpty(); }
};

EnvParseResult parseEnvText(QByteArrayView text);

} // namespace fx::core
