#pragma once

// CSV of what a view shows: the rows of a (proxy) model in its order, every column, values
// from ExportRole (plain numbers, ISO 8601 UTC times) or DisplayRole. Child rows of a tree are
// written after their parent with the parent's first column in a leading "Parent" column.

#include <QString>

class QAbstractItemModel;
class QIODevice;

namespace fx::gui {

QString csvField(const QString &value);
bool writeCsv(const QAbstractItemModel &model, QIODevice *out);
bool writeCsvFile(const QAbstractItemModel &model, const QString &path, QString *error);

} // namespace fx::gui
