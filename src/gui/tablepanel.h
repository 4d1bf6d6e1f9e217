#pragma once

// A table as the desk expects it: a filter box above (Ctrl+F), sortable columns, Ctrl+C copies
// the selected rows, CSV export of what is shown, and an empty state that says what to do.
// Used by every panel that shows rows. GUI thread.

#include <QSortFilterProxyModel>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTreeView;

namespace fx::gui {

// Filters on every column (case-insensitive), children of matching parents stay visible,
// sorts on SortRole.
class FilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterProxy)

public:
    explicit FilterProxy(QObject *parent = nullptr);
    ~FilterProxy() override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
};

class TablePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TablePanel)

public:
    TablePanel(QAbstractItemModel *source, const QString &emptyText, QWidget *parent = nullptr);
    ~TablePanel() override;

    QTreeView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QAbstractItemModel *sourceModel() const { return m_proxy->sourceModel(); }
    QLineEdit *filterEdit() const { return m_filter; }
    // Widgets added here sit right of the filter box.
    QHBoxLayout *toolbar() const { return m_toolbar; }

    void setEmptyText(const QString &text);
    void focusFilter();
    // Selected rows as source-model indexes (column 0), in view order.
    QModelIndexList selectedSourceRows() const;
    QModelIndex sourceIndex(const QModelIndex &viewIndex) const;
    // Tab-separated selected rows to the clipboard.
    void copySelection() const;
    bool exportCsv(const QString &path, QString *error) const;
    // Asks for a file name, then exports; reports errors in a message box.
    void exportCsvInteractive(const QString &suggestedName);
    // Column widths from content (call once rows exist).
    void fitColumns();
    // Column widths from the header text and a typical value per column (number columns in
    // the monospaced font), so headers are never clipped; an empty sample keeps the width.
    void setColumnSamples(const QStringList &samples);
    // Off: the filter box does not filter the proxy; its text goes to filterChanged() for the
    // owner to apply (the alerts panel searches the database).
    void setProxyFiltering(bool on);

Q_SIGNALS:
    void exported(const QString &path);
    void filterChanged(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateEmptyState();

    QTreeView *m_view;
    FilterProxy *m_proxy;
    QLineEdit *m_filter;
    QHBoxLayout *m_toolbar;
    QLabel *m_empty;
    QString m_emptyText;
    bool m_proxyFilter = true;
};

} // namespace fx::gui
