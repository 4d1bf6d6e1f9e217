#include "gui/fleetpanel.h"

#include "core/timeutil.h"
#include "engine/fleetwatch.h"
#include "gui/alertsmodel.h"
#include "gui/fleetmodel.h"
#include "gui/format.h"
#include "gui/tablepanel.h"
#include "gui/theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace fx::gui {

SparklineDelegate::SparklineDelegate(QObject *parent) : QStyledItemDelegate(parent)
{
}

SparklineDelegate::~SparklineDelegate() = default;

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem bg = option;
    initStyleOption(&bg, index);
    bg.text.clear();
    QStyle *style = bg.widget ? bg.widget->style() : nullptr;
    if (style)
        style->drawControl(QStyle::CE_ItemViewItem, &bg, painter, bg.widget);
    const QVector<double> points = index.data(SparklineRole).value<QVector<double>>();
    if (points.size() < 2)
        return;
    const QRectF r = QRectF(option.rect).adjusted(3, 3, -3, -3);
    double lo = points.first(), hi = points.first();
    for (double v : points) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    // At least a quarter of the value high, so a change of 3 clients in 230 is not a cliff;
    // the line centred in that range. The points span the cell, the newest on the right.
    const double span = std::max({hi - lo, 0.25 * std::abs(hi), 1.0});
    lo -= (span - (hi - lo)) / 2;
    const double step = r.width() / double(points.size() - 1);
    const double x0 = r.left();
    QPainterPath path;
    for (int i = 0; i < points.size(); ++i) {
        const QPointF p(x0 + step * i, r.bottom() - (points.at(i) - lo) / span * r.height());
        if (i == 0)
            path.moveTo(p);
        else
            path.lineTo(p);
    }
    const QVariant fg = index.data(Qt::ForegroundRole);
    const QColor colour = fg.canConvert<QBrush>() ? fg.value<QBrush>().color() : Theme::up();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(colour, 1.3));
    painter->drawPath(path);
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(std::max(s.width(), 110));
    s.setHeight(std::max(s.height(), 22));
    return s;
}

FleetPanel::FleetPanel(FleetModel *model, engine::FleetWatch *watch, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_watch(watch)
    , m_table(new TablePanel(model,
                             watch ? tr("No server on this Redis has sent a heartbeat yet: every fxmonitor-server "
                                        "(and every desktop with its embedded server) publishes one a second on "
                                        "the fxmonitor:fleet channel.")
                                   : tr("The fleet is not watched by this desk."),
                             this))
    , m_totals(new QLabel(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("fleetPanel"));
    m_table->setObjectName(QStringLiteral("fleet")); // also the CSV file name
    m_totals->setObjectName(QStringLiteral("fleetTotals"));
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_totals->setContentsMargins(6, 2, 6, 2);
    QTreeView *view = m_table->view();
    auto *spark = new SparklineDelegate(this);
    view->setItemDelegateForColumn(FleetModel::ClientsTrend, spark);
    view->setItemDelegateForColumn(FleetModel::MessagesTrend, spark);
    view->sortByColumn(-1, Qt::AscendingOrder); // the order servers joined until the operator sorts
    m_table->filterEdit()->setPlaceholderText(tr("Filter servers (Ctrl+F)"));
    m_table->setColumnSamples({QStringLiteral("fx-prod-ldn-01.example:8765"), QStringLiteral("Stale: silent 10 s"),
                               QStringLiteral("headless"), QStringLiteral("1.22.3"),
                               QStringLiteral("000.000.000.000:00000"), QStringLiteral("0 d 00:00:00"),
                               QStringLiteral("00,000"), QString(), QStringLiteral("000"), QStringLiteral("00,000"),
                               QString(), QStringLiteral("000.0 KB/s"), QStringLiteral("connected · 127.0.0.1:6379"),
                               QStringLiteral("ok · postgres"), QStringLiteral("0.0 / 00.0 ms"),
                               QStringLiteral("000,000"), QStringLiteral("000,000"), QStringLiteral("just now")});
    view->header()->resizeSection(FleetModel::ClientsTrend, 120);
    view->header()->resizeSection(FleetModel::MessagesTrend, 120);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_totals);
    layout->addWidget(m_table, 1);

    if (m_watch) {
        connect(m_watch, &engine::FleetWatch::serverStale, this, [this](const QString &id, qint64 silentMs) {
            refresh();
            Q_EMIT operatorAlert(staleAlert(id, silentMs, m_watch->staleSeconds()));
        });
        connect(m_watch, &engine::FleetWatch::serverReturned, this, [this](const QString &id, qint64 silentMs) {
            refresh();
            Q_EMIT operatorAlert(returnedAlert(id, silentMs));
        });
    }
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible() || !m_watch || m_model->rowCount() != int(m_watch->servers().size()))
            refresh();
    });
    m_timer->start();
    refresh();
}

FleetPanel::~FleetPanel() = default;

void FleetPanel::refresh()
{
    m_model->refresh(engine::FleetWatch::nowMs());
    if (!m_watch) {
        m_totals->setText(tr("Fleet: not watched"));
        return;
    }
    const engine::FleetTotals t = m_watch->totals();
    QString text = tr("Fleet: %1 live, %2 stale · %3 clients · %4 msg/s · %5/s")
                       .arg(t.live)
                       .arg(t.stale)
                       .arg(fmt::count(t.clients), fmt::count(qint64(std::llround(t.messagesPerS))),
                            fmt::bytes(qint64(t.bytesPerS)));
    const quint64 bad = m_watch->rejectedTotal();
    if (bad > 0)
        text += QStringLiteral(" · ") + tr("%1 bad messages ignored").arg(fmt::count(qint64(bad)));
    if (m_watch->overLimit() > 0)
        text += QStringLiteral(" · ") + tr("servers beyond %1 ignored").arg(engine::FleetWatch::kMaxServers);
    const QColor dot = t.stale > 0 ? Theme::error() : (t.live > 0 ? Theme::ok() : Theme::idle());
    m_totals->setText(QStringLiteral("<span style=\"color:%1\">●</span> %2").arg(dot.name(), text.toHtmlEscaped()));
}

AlertRow FleetPanel::staleAlert(const QString &serverId, qint64 silentMs, int staleSeconds)
{
    AlertRow r;
    r.type = QStringLiteral("operator");
    r.pair = serverId;
    r.value = double(silentMs) / 1000.0;
    r.threshold = staleSeconds;
    r.severity = QStringLiteral("critical");
    r.message = tr("Server %1 is stale: no heartbeat for %2 s (FLEET_STALE_SECONDS=%3)")
                    .arg(serverId)
                    .arg(silentMs / 1000)
                    .arg(staleSeconds);
    r.raisedMicros = core::nowMicros();
    r.live = true;
    return r;
}

AlertRow FleetPanel::returnedAlert(const QString &serverId, qint64 silentMs)
{
    AlertRow r;
    r.type = QStringLiteral("operator");
    r.pair = serverId;
    r.value = double(silentMs) / 1000.0;
    r.severity = QStringLiteral("info");
    r.message = tr("Server %1 returned after %2 s without a heartbeat").arg(serverId).arg(silentMs / 1000);
    r.raisedMicros = core::nowMicros();
    r.live = true;
    return r;
}

} // namespace fx::gui
