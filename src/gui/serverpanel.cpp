#include "gui/serverpanel.h"

#include "gui/format.h"
#include "gui/modelroles.h"
#include "gui/rategraph.h"
#include "gui/statustext.h"
#include "gui/theme.h"

#include <QAction>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStandardItemModel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <cmath>

namespace fx::gui {

// A latency in milliseconds with the digits that matter: "0.42 ms", "3.2 ms", "120 ms", "1.5 s".
static QString latencyText(double ms)
{
    if (ms >= 1000)
        return ServerPanel::tr("%1 s").arg(QLocale().toString(ms / 1000, 'f', 1));
    const int decimals = ms < 1 ? 2 : ms < 10 ? 1 : 0;
    return ServerPanel::tr("%1 ms").arg(QLocale().toString(ms, 'f', decimals));
}

static void setStateLabel(QLabel *label, const StateText &st)
{
    label->setText(
        QStringLiteral("<span style=\"color:%1\">●</span> %2").arg(st.colour.name(), st.text.toHtmlEscaped()));
    label->setToolTip(st.text);
}

ServerPanel::ServerPanel(QAction *start, QAction *stop, QAction *restart, QWidget *parent)
    : QWidget(parent)
    , m_listening(new QLabel(this))
    , m_exposure(new QLabel(this))
    , m_tls(new QLabel(this))
    , m_uptime(new QLabel(this))
    , m_clients(new QLabel(this))
    , m_connections(new QLabel(this))
    , m_messages(new RateGraph([](double v) { return tr("%1 msg/s").arg(fmt::count(std::llround(v))); }, this))
    , m_bytes(new RateGraph([](double v) { return tr("%1/s").arg(fmt::bytes(qint64(v))); }, this))
    , m_latency(new QLabel(this))
    , m_latencyGraph(new RateGraph([](double v) { return tr("p99 %1").arg(latencyText(v)); }, this))
    , m_rooms(new QLabel(this))
    , m_redis(new QLabel(this))
    , m_database(new QLabel(this))
    , m_errors(new QLabel(this))
    , m_refused(new QLabel(this))
    , m_channels(new QStandardItemModel(0, 3, this))
    , m_channelView(new QTreeView(this))
    , m_form(new QFormLayout)
{
    setObjectName(QStringLiteral("serverPanel"));
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QAction *a : {start, stop, restart}) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        b->setAutoRaise(true);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);

    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setContentsMargins(6, 6, 6, 6);
    m_exposure->setObjectName(QStringLiteral("networkWarning"));
    m_tls->setObjectName(QStringLiteral("tlsCertificate"));
    m_refused->setObjectName(QStringLiteral("refusedCounts"));
    for (QLabel *l : {m_listening, m_exposure, m_tls, m_latency, m_redis, m_database, m_errors, m_refused}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    for (QLabel *l : {m_uptime, m_clients, m_connections, m_rooms})
        l->setFont(fmt::numberFont());
    m_latency->setObjectName(QStringLiteral("deliveryLatency"));
    m_latencyGraph->setObjectName(QStringLiteral("latencyGraph"));
    m_latency->setToolTip(tr("From the receipt of a message on the Redis thread to its write to a client's socket, "
                             "over the last 10 seconds; \"age\" counts from the price's own time"));
    addRow(tr("Listening:"), m_listening);
    addRow(tr("Security:"), m_exposure);
    m_form->setRowVisible(m_exposure, false);
    addRow(tr("TLS:"), m_tls);
    m_form->setRowVisible(m_tls, false);
    addRow(tr("Uptime:"), m_uptime);
    addRow(tr("Clients:"), m_clients);
    addRow(tr("Connections:"), m_connections);
    addRow(tr("Messages/s:"), m_messages);
    addRow(tr("Bytes/s:"), m_bytes);
    addRow(tr("Latency:"), m_latency);
    addRow(QString(), m_latencyGraph);
    addRow(tr("Rooms:"), m_rooms);
    addRow(tr("Redis:"), m_redis);
    addRow(tr("Database:"), m_database);
    addRow(tr("Errors:"), m_errors);
    addRow(tr("Refused:"), m_refused);

    m_channels->setHorizontalHeaderLabels({tr("Redis channel"), tr("Messages"), tr("Dropped")});
    m_channels->setSortRole(SortRole);
    m_channelView->setModel(m_channels);
    m_channelView->setObjectName(QStringLiteral("redisChannels"));
    m_channelView->setRootIsDecorated(false);
    m_channelView->setUniformRowHeights(true);
    m_channelView->setSortingEnabled(true);
    m_channelView->sortByColumn(-1, Qt::AscendingOrder);
    m_channelView->header()->setStretchLastSection(false);
    m_channelView->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_channelView->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_channelView->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_channelView->setMinimumHeight(110);
    m_channelView->setToolTip(
        tr("Messages received per channel and messages dropped as invalid (hover a count for the reasons)"));

    auto *content = new QWidget(this);
    auto *inner = new QVBoxLayout(content);
    inner->setContentsMargins(4, 4, 4, 4);
    inner->addLayout(buttons);
    inner->addLayout(m_form);
    inner->addWidget(m_channelView, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // wraps instead
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

ServerPanel::~ServerPanel() = default;

QLabel *ServerPanel::addRow(const QString &label, QWidget *value)
{
    auto *l = new QLabel(label, this);
    m_form->addRow(l, value);
    return l;
}

void ServerPanel::showLatency(const server::StatsSnapshot &st)
{
    const auto &receipt = st.latency.receiptWindow;
    const auto p50 = receipt.quantileSeconds(0.5);
    const auto p99 = receipt.quantileSeconds(0.99);
    if (!p50 || !p99) {
        m_latency->setText(tr("nothing delivered in the last 10 s"));
        m_latencyGraph->addSample(0);
        return;
    }
    QString text = tr("p50 %1 · p99 %2").arg(latencyText(*p50 * 1000), latencyText(*p99 * 1000));
    const auto &age = st.latency.ageWindow;
    if (const auto a50 = age.quantileSeconds(0.5), a99 = age.quantileSeconds(0.99); a50 && a99)
        text += u'\n' + tr("age p50 %1 · p99 %2").arg(latencyText(*a50 * 1000), latencyText(*a99 * 1000));
    if (st.latency.age.negative)
        text += QStringLiteral(" · ") + tr("%1 ahead of this clock").arg(fmt::count(qint64(st.latency.age.negative)));
    m_latency->setText(text);
    m_latencyGraph->addSample(*p99 * 1000);
}

QString ServerPanel::redisText() const
{
    return m_redis->toolTip();
}

void ServerPanel::onStatus(const StatusSnapshot &s)
{
    setStateLabel(m_listening, StatusText::server(s));
    // SECURITY.md, "Admin endpoints": a warning, not a refusal.
    const bool open = s.serverRunning && s.openToNetwork;
    if (open)
        setStateLabel(m_exposure,
                      {tr("Open to the network: any client that reaches the port can read every price "
                          "and alert (WEBSOCKET_AUTH=none: clients need no token)"),
                       Theme::warning()});
    m_form->setRowVisible(m_exposure, open);
    // SECURITY.md, "TLS": which certificate new connections get (it changes on a reload).
    const bool tls = s.serverRunning && s.tls;
    if (tls)
        m_tls->setText(s.tlsCertificate);
    m_form->setRowVisible(m_tls, tls);
    const server::StatsSnapshot &st = s.stats;
    if (s.serverRunning) {
        m_uptime->setText(fmt::duration(qint64(st.uptimeSeconds)));
        m_clients->setText(
            tr("%1 of %2 (peak %3)")
                .arg(fmt::count(st.connectedClients), fmt::count(st.maxClients), fmt::count(st.peakClients)));
        m_connections->setText(tr("%1 since start").arg(fmt::count(qint64(st.totalConnections))));
        int used = 0;
        for (const int n : st.roomSubscribers)
            used += n > 0 ? 1 : 0;
        m_rooms->setText(tr("%1 rooms, %2 with subscribers").arg(st.roomSubscribers.size()).arg(used));
        quint64 errors = 0;
        for (const quint64 e : st.errors)
            errors += e;
        m_errors->setText(tr("%1 client errors, %2 conflated updates")
                              .arg(fmt::count(qint64(errors)), fmt::count(qint64(st.conflated))));
        // SECURITY.md: what the access controls turned away since the server started.
        const quint64 tokens = st.authRefusedTotal();
        const bool anyRefused = tokens + st.forbidden + st.originRefused + st.adminRefused + s.tlsHandshakeFailures > 0;
        setStateLabel(m_refused,
                      {tr("%1 tokens, %2 forbidden pairs, %3 origins, %4 admin requests, %5 TLS handshakes")
                           .arg(fmt::count(qint64(tokens)), fmt::count(qint64(st.forbidden)),
                                fmt::count(qint64(st.originRefused)), fmt::count(qint64(st.adminRefused)),
                                fmt::count(qint64(s.tlsHandshakeFailures))),
                       anyRefused ? Theme::warning() : Theme::idle()});
        QStringList why;
        for (const auto &[reason, n] : st.authRefusedByReason())
            why << QStringLiteral("%1: %2").arg(reason, fmt::count(qint64(n)));
        m_refused->setToolTip(why.isEmpty() ? tr("No token refused")
                                            : tr("Tokens refused, by reason:\n%1").arg(why.join(u'\n')));
        m_messages->addSample(s.messagesPerSecond);
        m_bytes->addSample(s.bytesPerSecond);
        showLatency(st);
    } else if (s.monitorOnly) {
        // EMBEDDED_SERVER=false: no figures of a server that does not exist (not zeros). The
        // rows stay (changing this form's rows at run time crashed Qt 6.4.2's layout).
        const QString none = tr("— (no embedded server)");
        for (QLabel *l : {m_uptime, m_clients, m_connections, m_rooms, m_errors, m_refused, m_latency})
            if (l->text() != none)
                l->setText(none);
    } else {
        for (QLabel *l : {m_uptime, m_clients, m_connections, m_rooms, m_errors, m_refused, m_latency})
            l->setText(QStringLiteral("—"));
        m_messages->addSample(0);
        m_bytes->addSample(0);
        m_latencyGraph->addSample(0);
    }
    setStateLabel(m_redis, StatusText::redis(s));
    StateText db = StatusText::database(s);
    if (s.hasDatabase && s.database.ok() && s.monitorOnly)
        db.text += QStringLiteral(" · ") + tr("read only: the servers sharing it write (monitor-only desk)");
    else if (s.hasDatabase && s.database.ok())
        db.text += QStringLiteral(" · ")
            + tr("%1 ticks, %2 alerts written · %3 waiting")
                  .arg(fmt::count(qint64(s.database.writtenTicks)), fmt::count(qint64(s.database.writtenAlerts)),
                       fmt::count(s.database.bufferedRows));
    setStateLabel(m_database, db);
    if (s.hasDatabase)
        m_database->setToolTip(QStringLiteral("%1 %2").arg(s.database.engine, s.database.location));

    // Redis channels: one row each, updated in place.
    const QJsonObject messages = s.redisJson.value(QStringLiteral("messages")).toObject();
    const QJsonObject dropped = s.redisJson.value(QStringLiteral("dropped")).toObject();
    const QStringList names = messages.keys();
    if (m_channels->rowCount() != names.size()) {
        m_channels->setRowCount(0);
        for (const QString &n : names) {
            QList<QStandardItem *> row{new QStandardItem(n), new QStandardItem, new QStandardItem};
            for (QStandardItem *i : std::as_const(row))
                i->setEditable(false);
            row[1]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            row[2]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            row[1]->setFont(fmt::numberFont());
            row[2]->setFont(fmt::numberFont());
            m_channels->appendRow(row);
        }
    }
    for (int r = 0; r < m_channels->rowCount(); ++r) {
        const QString name = m_channels->item(r, 0)->text();
        const qint64 n = messages.value(name).toInteger();
        const QJsonObject reasons = dropped.value(name).toObject();
        qint64 d = 0;
        QStringList why;
        for (auto it = reasons.begin(); it != reasons.end(); ++it) {
            d += it.value().toInteger();
            why << QStringLiteral("%1: %2").arg(it.key(), fmt::count(it.value().toInteger()));
        }
        m_channels->item(r, 0)->setData(name, SortRole);
        m_channels->item(r, 1)->setText(fmt::count(n));
        m_channels->item(r, 1)->setData(n, SortRole);
        m_channels->item(r, 2)->setText(fmt::count(d));
        m_channels->item(r, 2)->setData(d, SortRole);
        m_channels->item(r, 2)->setToolTip(why.isEmpty() ? tr("Nothing dropped") : why.join(u'\n'));
        m_channels->item(r, 2)->setForeground(d > 0 ? QBrush(Theme::warning()) : QBrush());
    }
}

} // namespace fx::gui
