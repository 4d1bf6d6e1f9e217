#include "gui/tablepanel.h"

#include "gui/csvexport.h"
#include "gui/format.h"
#include "gui/modelroles.h"
#include "gui/shortcuts.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTreeView>
#include <QVBoxLayout>

namespace fx::gui {

FilterProxy::FilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(-1);
    setSortRole(SortRole);
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
}

FilterProxy::~FilterProxy() = default;

bool FilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent))
        return true;
    // Members of a room that matches stay visible (a tree filtered by the room name).
    return sourceParent.isValid() && QSortFilterProxyModel::filterAcceptsRow(sourceParent.row(), sourceParent.parent());
}

TablePanel::TablePanel(QAbstractItemModel *source, const QString &emptyText, QWidget *parent)
    : QWidget(parent)
    , m_view(new QTreeView(this))
    , m_proxy(new FilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_toolbar(new QHBoxLayout)
    , m_empty(new QLabel(m_view->viewport()))
    , m_emptyText(emptyText)
{
    m_proxy->setSourceModel(source);
    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("view"));
    m_view->setSortingEnabled(true);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setRootIsDecorated(false);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionsMovable(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter (Ctrl+F)"));
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_proxyFilter)
            m_proxy->setFilterFixedString(text);
        updateEmptyState();
        Q_EMIT filterChanged(text);
    });

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    QPalette pal = m_empty->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    m_empty->setPalette(pal);
    m_view->viewport()->installEventFilter(this);

    auto *copy = new QAction(tr("Copy"), m_view);
    copy->setShortcut(Shortcuts::key(Shortcuts::Id::Copy));
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &TablePanel::copySelection);
    m_view->addAction(copy);
    auto *exportCsv = new QAction(tr("Export as CSV…"), m_view);
    exportCsv->setToolTip(tr("Export the rows shown as CSV (Ctrl+E)"));
    connect(exportCsv, &QAction::triggered, this, [this] {
        exportCsvInteractive(
            QStringLiteral("%1.csv").arg(objectName().isEmpty() ? QStringLiteral("table") : objectName()));
    });
    m_view->addAction(exportCsv);
    auto *sep = new QAction(m_view);
    sep->setSeparator(true);
    m_view->addAction(sep);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    m_toolbar->setSpacing(4);
    m_toolbar->addWidget(m_filter, 1);
    layout->addLayout(m_toolbar);
    layout->addWidget(m_view, 1);

    for (auto sig : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, sig, this, &TablePanel::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TablePanel::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TablePanel::updateEmptyState);
    updateEmptyState();
}

TablePanel::~TablePanel() = default;

void TablePanel::setEmptyText(const QString &text)
{
    m_emptyText = text;
    updateEmptyState();
}

void TablePanel::updateEmptyState()
{
    const bool empty = m_proxy->rowCount() == 0;
    if (empty) {
        const bool filtered = m_proxyFilter && !m_filter->text().isEmpty() && m_proxy->sourceModel()->rowCount() > 0;
        m_empty->setText(filtered
                             ? tr("No row matches \"%1\". Clear the filter to see every row.").arg(m_filter->text())
                             : m_emptyText);
        m_empty->setGeometry(m_view->viewport()->rect().adjusted(16, 16, -16, -16));
    }
    m_empty->setVisible(empty);
}

bool TablePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        m_empty->setGeometry(m_view->viewport()->rect().adjusted(16, 16, -16, -16));
    return QWidget::eventFilter(watched, event);
}

void TablePanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

QModelIndex TablePanel::sourceIndex(const QModelIndex &viewIndex) const
{
    return m_proxy->mapToSource(viewIndex);
}

QModelIndexList TablePanel::selectedSourceRows() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows(0);
    std::sort(rows.begin(), rows.end(), [this](const QModelIndex &a, const QModelIndex &b) {
        return m_view->visualRect(a).top() < m_view->visualRect(b).top();
    });
    QModelIndexList out;
    for (const QModelIndex &i : std::as_const(rows))
        out << m_proxy->mapToSource(i);
    return out;
}

void TablePanel::copySelection() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows(0);
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.parent() == b.parent() ? a.row() < b.row() : a.parent().row() < b.parent().row();
    });
    QStringList lines;
    const int cols = m_proxy->columnCount();
    for (const QModelIndex &r : std::as_const(rows)) {
        QStringList fields;
        for (int c = 0; c < cols; ++c)
            fields << r.siblingAtColumn(c).data(Qt::DisplayRole).toString();
        lines << fields.join(u'\t');
    }
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(u'\n') + u'\n');
}

bool TablePanel::exportCsv(const QString &path, QString *error) const
{
    return writeCsvFile(*m_proxy, path, error);
}

void TablePanel::exportCsvInteractive(const QString &suggestedName)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export as CSV"), QDir(dir).filePath(suggestedName),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error)) {
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1: %2").arg(path, error));
        return;
    }
    Q_EMIT exported(path);
}

void TablePanel::setProxyFiltering(bool on)
{
    m_proxyFilter = on;
    m_proxy->setFilterFixedString(on ? m_filter->text() : QString());
}

void TablePanel::setColumnSamples(const QStringList &samples)
{
    const QFontMetrics header(m_view->header()->font()), mono(fmt::numberFont()), plain(m_view->font());
    for (int c = 0; c < samples.size() && c < m_proxy->columnCount(); ++c) {
        if (samples.at(c).isEmpty())
            continue;
        const QString title = m_proxy->headerData(c, Qt::Horizontal).toString();
        const int sample = std::max(mono.horizontalAdvance(samples.at(c)), plain.horizontalAdvance(samples.at(c)));
        m_view->header()->resizeSection(c, std::max(header.horizontalAdvance(title) + 30, sample + 16));
    }
}

void TablePanel::fitColumns()
{
    for (int c = 0; c < m_proxy->columnCount() - 1; ++c)
        m_view->resizeColumnToContents(c);
}

} // namespace fx::gui
