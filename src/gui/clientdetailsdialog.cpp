#include "gui/clientdetailsdialog.h"

#include "gui/format.h"
#include "gui/modelroles.h"
#include "storage/storagereader.h"
#include "ui_clientdetailsdialog.h"

#include <QHeaderView>
#include <QStandardItemModel>

namespace fx::gui {

QString ClientDetailsDialog::hostOf(const QString &peer)
{
    const qsizetype colon = peer.lastIndexOf(u':');
    if (colon <= 0)
        return peer;
    if (peer.startsWith(u'[')) // [::1]:5000
        return peer.mid(1, peer.indexOf(u']') - 1);
    return peer.count(u':') == 1 ? peer.left(colon) : peer;
}

ClientDetailsDialog::ClientDetailsDialog(const server::ClientInfo &c, storage::StorageReader *reader, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ClientDetailsDialog>())
    , m_history(new QStandardItemModel(this))
    , m_clientId(QString::fromLatin1(c.id))
{
    m_ui->setupUi(this);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Client %1").arg(m_clientId));
    m_ui->idValue->setText(c.user.isEmpty() ? m_clientId : tr("%1 (user %2)").arg(m_clientId, c.user));
    m_ui->idValue->setFont(fmt::numberFont());
    m_ui->addressValue->setText(c.peer);
    m_ui->protocolValue->setText(
        QStringLiteral("%1 / %2").arg(c.protocol == u"socket.io" ? tr("Socket.IO") : tr("JSON"), c.transport));
    m_ui->sinceValue->setText(fmt::localDateTime(c.connectedAtMicros));
    m_ui->sinceValue->setToolTip(fmt::utc(c.connectedAtMicros));
    m_ui->roomsValue->setText(c.rooms.isEmpty() ? tr("none") : c.rooms.join(QStringLiteral(", ")));
    m_ui->trafficValue->setText(tr("%1 messages (%2) sent, %3 received")
                                    .arg(fmt::count(qint64(c.messagesSent)), fmt::bytes(qint64(c.bytesSent)),
                                         fmt::count(qint64(c.messagesReceived))));
    m_ui->rttValue->setText(QStringLiteral("%1 / %2").arg(
        c.rttMs < 0 ? tr("not measured yet") : fmt::roundTrip(c.rttMs), fmt::bytes(c.queuedBytes)));

    m_history->setHorizontalHeaderLabels({tr("Client id"), tr("Connected"), tr("Disconnected"), tr("Address"),
                                          tr("Protocol"), tr("Rooms"), tr("Messages sent"), tr("Bytes sent"),
                                          tr("Reason")});
    m_history->setSortRole(SortRole);
    m_ui->historyView->setModel(m_history);
    m_ui->historyView->sortByColumn(1, Qt::DescendingOrder); // newest first
    m_ui->historyView->header()->setStretchLastSection(true);

    if (!reader) {
        m_ui->historyStatus->setText(tr("No database: the connection history is not available."));
        return;
    }
    connect(reader, &storage::StorageReader::connectionsReady, this, &ClientDetailsDialog::onConnections);
    connect(reader, &storage::StorageReader::queryFailed, this, &ClientDetailsDialog::onFailed);
    storage::ConnectionQuery q;
    q.remoteAddress = hostOf(c.peer);
    q.limit = 200;
    m_request = reader->requestConnections(q);
}

ClientDetailsDialog::~ClientDetailsDialog() = default;

void ClientDetailsDialog::onConnections(quint64 requestId, const QList<storage::ConnectionRecord> &rows)
{
    if (requestId != m_request)
        return;
    for (const storage::ConnectionRecord &r : rows) {
        auto item = [](const QString &text, const QVariant &sort) {
            auto *i = new QStandardItem(text);
            i->setData(sort, SortRole);
            i->setEditable(false);
            return i;
        };
        QList<QStandardItem *> line{
            item(r.id, r.id),
            item(fmt::localDateTime(r.connectedAtMicros), r.connectedAtMicros),
            item(r.disconnectedAtMicros ? fmt::localDateTime(r.disconnectedAtMicros) : tr("connected"),
                 r.disconnectedAtMicros),
            item(r.peer, r.peer),
            item(QStringLiteral("%1 / %2").arg(r.protocol == u"socket.io" ? tr("Socket.IO") : tr("JSON"), r.transport),
                 r.protocol),
            item(r.rooms.isEmpty() ? tr("none") : tr("%n room(s)", nullptr, int(r.rooms.size())), int(r.rooms.size())),
            item(fmt::count(qint64(r.messagesSent)), r.messagesSent),
            item(fmt::bytes(qint64(r.bytesSent)), r.bytesSent),
            item(r.reason, r.reason),
        };
        line[1]->setToolTip(fmt::utc(r.connectedAtMicros));
        line[5]->setToolTip(r.rooms.join(u'\n'));
        for (int c : {6, 7})
            line[c]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (r.id == m_clientId)
            for (QStandardItem *i : std::as_const(line)) {
                QFont f = i->font();
                f.setBold(true);
                i->setFont(f);
            }
        m_history->appendRow(line);
    }
    for (int c = 0; c < m_history->columnCount() - 1; ++c)
        m_ui->historyView->resizeColumnToContents(c);
    m_ui->historyStatus->setText(
        rows.isEmpty() ? tr("No stored connection from this address yet (connections are written within a second).")
                       : tr("%n stored connection(s) from %1.", nullptr, int(rows.size()))
                             .arg(hostOf(m_ui->addressValue->text())));
    Q_EMIT historyLoaded(int(rows.size()));
}

void ClientDetailsDialog::onFailed(quint64 requestId, const QString &error)
{
    if (requestId == m_request)
        m_ui->historyStatus->setText(tr("The history could not be read: %1").arg(error));
}

} // namespace fx::gui
