#include "gui/clientspanel.h"

#include "engine/engine.h"
#include "gui/clientdetailsdialog.h"
#include "gui/clientsmodel.h"
#include "gui/shortcuts.h"
#include "gui/tablepanel.h"
#include "gui/theme.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace fx::gui {

ClientsPanel::ClientsPanel(ClientsModel *model, engine::Engine *engine, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_engine(engine)
    , m_table(new TablePanel(model,
                             tr("No clients yet: connect with examples/client.js or python3 examples/client.py "
                                "(see examples/README.md), or any WebSocket client on ws://HOST:PORT/ws."),
                             this))
    , m_disconnect(new QAction(tr("Disconnect client"), this))
    , m_copyId(new QAction(tr("Copy client id"), this))
    , m_details(new QAction(tr("Details and history…"), this))
    , m_banner(new QWidget(this))
    , m_bannerText(new QLabel(m_banner))
    , m_age(new QLabel(this))
{
    setObjectName(QStringLiteral("clientsPanel"));
    m_table->setObjectName(QStringLiteral("clients")); // also the CSV file name
    m_disconnect->setObjectName(QStringLiteral("disconnectClient"));
    m_copyId->setObjectName(QStringLiteral("copyClientId"));
    m_details->setObjectName(QStringLiteral("clientDetails"));
    m_disconnect->setShortcut(Shortcuts::key(Shortcuts::Id::Disconnect));
    m_disconnect->setShortcutContext(Qt::WidgetShortcut);
    QTreeView *view = m_table->view();
    auto *sep = new QAction(this);
    sep->setSeparator(true);
    view->addActions({m_details, m_copyId, sep, m_disconnect});
    connect(m_disconnect, &QAction::triggered, this, &ClientsPanel::disconnectSelected);
    connect(m_copyId, &QAction::triggered, this, [this] {
        QStringList ids;
        for (const QByteArray &id : selectedIds())
            ids << QString::fromLatin1(id);
        if (!ids.isEmpty())
            QApplication::clipboard()->setText(ids.join(u'\n'));
    });
    connect(m_details, &QAction::triggered, this, [this] {
        const QModelIndexList rows = m_table->selectedSourceRows();
        if (!rows.isEmpty())
            showDetails(rows.first().row());
    });
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(ClientsModel::Rooms, QHeaderView::Stretch);
    m_table->setColumnSamples({QStringLiteral("k-94RF0EuZYyEtFD3tr8"), QStringLiteral("000.000.000.000:00000"),
                               QStringLiteral("Socket.IO / websocket"), QStringLiteral("00:00:00"), QString(),
                               QStringLiteral("000,000,000"), QStringLiteral("0,000.0 MB"), QStringLiteral("0,000 ms"),
                               QStringLiteral("000.0 KB")});
    connect(view, &QTreeView::doubleClicked, this,
            [this](const QModelIndex &i) { showDetails(m_table->sourceIndex(i).row()); });
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ClientsPanel::updateActions);
    updateActions();

    // Banner: "Highlighting the 12 members of price_EUR_USD [Clear]".
    auto *bl = new QHBoxLayout(m_banner);
    bl->setContentsMargins(6, 2, 6, 2);
    auto *clear = new QToolButton(m_banner);
    clear->setText(tr("Clear"));
    clear->setAutoRaise(true);
    bl->addWidget(m_bannerText, 1);
    bl->addWidget(clear);
    m_banner->setAutoFillBackground(true);
    m_banner->hide();
    connect(clear, &QToolButton::clicked, this, [this] {
        highlightRoom(QString());
        Q_EMIT highlightCleared();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ClientsPanel::updateBanner);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ClientsPanel::updateBanner);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ClientsPanel::updateBanner);

    m_age->setObjectName(QStringLiteral("snapshotAge"));
    m_age->hide();
    m_table->toolbar()->addWidget(m_age);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_table, 1);
}

ClientsPanel::~ClientsPanel() = default;

void ClientsPanel::updateActions()
{
    const bool any = m_table->view()->selectionModel()->hasSelection();
    m_disconnect->setEnabled(any && m_engine->serverRunning());
    m_copyId->setEnabled(any);
    m_details->setEnabled(any);
}

QList<QByteArray> ClientsPanel::selectedIds() const
{
    QList<QByteArray> ids;
    for (const QModelIndex &i : m_table->selectedSourceRows())
        if (i.row() >= 0 && i.row() < m_model->rowCount())
            ids << m_model->client(i.row()).id;
    return ids;
}

bool ClientsPanel::selectClient(const QByteArray &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex proxyIndex = m_table->proxy()->mapFromSource(m_model->index(row, 0));
    if (!proxyIndex.isValid())
        return false;
    m_table->view()->selectionModel()->select(proxyIndex,
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->view()->setCurrentIndex(proxyIndex);
    m_table->view()->scrollTo(proxyIndex);
    return true;
}

void ClientsPanel::disconnectSelected()
{
    if (!m_engine->serverRunning())
        return;
    const QList<QByteArray> ids = selectedIds();
    for (const QByteArray &id : ids)
        m_engine->disconnectClient(id);
    if (ids.size() == 1)
        Q_EMIT message(tr("Disconnecting client %1").arg(QString::fromLatin1(ids.first())));
    else if (!ids.isEmpty())
        Q_EMIT message(tr("Disconnecting %n client(s)", nullptr, int(ids.size())));
}

void ClientsPanel::highlightRoom(const QString &room)
{
    m_model->setHighlightRoom(room);
    updateBanner();
}

void ClientsPanel::updateBanner()
{
    const QString room = m_model->highlightRoom();
    if (room.isEmpty()) {
        m_banner->hide();
        return;
    }
    QPalette pal = m_banner->palette();
    pal.setColor(QPalette::Window, Theme::highlight());
    m_banner->setPalette(pal);
    m_bannerText->setText(tr("Highlighting the %n member(s) of %1", nullptr, m_model->highlightedCount()).arg(room));
    m_banner->show();
}

void ClientsPanel::setSnapshotAge(qint64 ms)
{
    const bool old = ms > 2000;
    if (old)
        m_age->setText(QStringLiteral("<span style=\"color:%1\">⏳</span> %2")
                           .arg(Theme::warning().name(), tr("Server busy: these rows are %1 s old").arg(ms / 1000)));
    m_age->setVisible(old);
}

void ClientsPanel::showDetails(int sourceRow)
{
    if (sourceRow < 0 || sourceRow >= m_model->rowCount())
        return;
    auto *dialog = new ClientDetailsDialog(m_model->client(sourceRow), m_engine->storageReader(), this);
    dialog->setObjectName(QStringLiteral("clientDetailsDialog"));
    dialog->show();
}

} // namespace fx::gui
