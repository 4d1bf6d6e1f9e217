#include "gui/csvexport.h"

#include "gui/modelroles.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QSaveFile>
#include <QStringList>

namespace fx::gui {

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString v = value;
    v.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + v + u'"';
}

namespace {
QString cell(const QAbstractItemModel &m, const QModelIndex &i)
{
    QVariant v = m.data(i, ExportRole);
    if (!v.isValid())
        v = m.data(i, Qt::DisplayRole);
    if (v.typeId() == QMetaType::Double)
        return QString::number(v.toDouble(), 'g', 15);
    return v.toString();
}

bool hasChildren(const QAbstractItemModel &m)
{
    for (int r = 0; r < m.rowCount(); ++r)
        if (m.rowCount(m.index(r, 0)) > 0)
            return true;
    return false;
}

void writeRows(const QAbstractItemModel &m, const QModelIndex &parent, bool tree, QByteArray &out)
{
    const int cols = m.columnCount(parent.isValid() ? parent : QModelIndex());
    for (int r = 0; r < m.rowCount(parent); ++r) {
        QStringList fields;
        if (tree)
            fields << csvField(parent.isValid() ? cell(m, parent.siblingAtColumn(0)) : QString());
        for (int c = 0; c < cols; ++c)
            fields << csvField(cell(m, m.index(r, c, parent)));
        out += fields.join(u',').toUtf8();
        out += '\n';
        const QModelIndex child = m.index(r, 0, parent);
        if (tree && m.rowCount(child) > 0)
            writeRows(m, child, tree, out);
    }
}
} // namespace

bool writeCsv(const QAbstractItemModel &model, QIODevice *out)
{
    const bool tree = hasChildren(model);
    QStringList header;
    if (tree)
        header << csvField(QCoreApplication::translate("fx::gui::CsvExport", "Parent"));
    for (int c = 0; c < model.columnCount(); ++c)
        header << csvField(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    QByteArray text = header.join(u',').toUtf8() + '\n';
    writeRows(model, QModelIndex(), tree, text);
    return out->write(text) == text.size();
}

bool writeCsvFile(const QAbstractItemModel &model, const QString &path, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = f.errorString();
        return false;
    }
    if (!writeCsv(model, &f) || !f.commit()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace fx::gui
