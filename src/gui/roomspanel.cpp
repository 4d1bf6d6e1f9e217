#include "gui/roomspanel.h"

#include "gui/roomsmodel.h"
#include "gui/tablepanel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace fx::gui {

RoomsPanel::RoomsPanel(RoomsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new TablePanel(model, tr("No rooms: FX_PAIRS lists no pair."), this))
{
    setObjectName(QStringLiteral("roomsPanel"));
    m_table->setObjectName(QStringLiteral("rooms")); // also the CSV file name
    QTreeView *view = m_table->view();
    view->setRootIsDecorated(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->sortByColumn(-1, Qt::AscendingOrder); // configured order until the operator sorts
    m_table->filterEdit()->setPlaceholderText(tr("Filter rooms or clients (Ctrl+F)"));
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        Q_EMIT roomSelected(m_model->roomAt(m_table->sourceIndex(current)));
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    view->header()->resizeSection(0, 220);
}

RoomsPanel::~RoomsPanel() = default;

bool RoomsPanel::selectRoom(const QString &room)
{
    const int r = m_model->roomRow(room);
    if (r < 0)
        return false;
    const QModelIndex p = m_table->proxy()->mapFromSource(m_model->index(r, 0));
    if (!p.isValid())
        return false;
    m_table->view()->setCurrentIndex(p);
    return true;
}

void RoomsPanel::clearSelection()
{
    m_table->view()->selectionModel()->clear();
}

} // namespace fx::gui
