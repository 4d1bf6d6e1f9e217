#pragma once

// WHERE clauses for the alert filters, shared by the reader (queries) and the writer
// (acknowledge everything matching a filter).

#include "storage/storageconfig.h"
#include "storage/storagetypes.h"

#include <QString>
#include <QVariantList>

namespace fx::storage {

struct SqlWhere
{
    QString sql; // "" or " WHERE ... AND ..." (placeholders: ?)
    QVariantList values;

    // Appends one condition with its values.
    void add(const QString &condition, const QVariantList &conditionValues = {});
};

// "50%_off" -> "50\%\_off", for LIKE ... ESCAPE '\'.
QString escapeLike(const QString &text);

SqlWhere alertWhere(const AlertFilter &filter, Engine engine);

} // namespace fx::storage
