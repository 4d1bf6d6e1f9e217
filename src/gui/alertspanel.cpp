#include "gui/alertspanel.h"

#include "core/timeutil.h"
#include "engine/engine.h"
#include "engine/marketdeltabuffer.h"
#include "gui/format.h"
#include "gui/tablepanel.h"
#include "gui/theme.h"
#include "storage/storagereader.h"

#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace fx::gui {

namespace {
enum Period { AllTime, LastHour, Today, Last7Days, Custom };
}

QString AlertsPanel::operatorName()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("operator") : user;
}

AlertsPanel::AlertsPanel(AlertsModel *model, engine::Engine *engine, const QStringList &pairs, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_engine(engine)
    , m_table(new TablePanel(
          model,
          tr("No alerts. Volatility and correlation alerts from the pipeline appear here as they "
             "arrive (fxmonitor-feed raises some within a minute); stored history is read from the database."),
          this))
    , m_type(new QComboBox(this))
    , m_severity(new QComboBox(this))
    , m_pair(new QComboBox(this))
    , m_ackState(new QComboBox(this))
    , m_period(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_more(new QPushButton(tr("Load older"), this))
    , m_status(new QLabel(this))
    , m_ack(new QAction(Theme::severityIcon(QStringLiteral("info")), tr("Acknowledge"), this))
    , m_ackAll(new QAction(tr("Acknowledge all"), this))
    , m_refreshTimer(new QTimer(this))
    , m_textTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("alertsPanel"));
    m_table->setObjectName(QStringLiteral("alerts")); // also the CSV file name
    m_ack->setObjectName(QStringLiteral("acknowledgeAlerts"));
    m_ackAll->setObjectName(QStringLiteral("acknowledgeAllAlerts"));
    m_ack->setToolTip(tr("Acknowledge the selected alerts (Ctrl+K)"));
    m_ackAll->setToolTip(tr("Acknowledge every unacknowledged alert matching the filter (Ctrl+Shift+K)"));

    m_type->addItem(tr("Any type"), QString());
    m_type->addItem(tr("Volatility"), QStringLiteral("volatility"));
    m_type->addItem(tr("Correlation"), QStringLiteral("correlation"));
    m_type->addItem(tr("Price alert"), QStringLiteral("price_alert"));
    m_type->addItem(tr("Operator"), QStringLiteral("operator"));
    m_severity->addItem(tr("Any severity"), QString());
    for (const char *s : {"critical", "warning", "info"}) {
        const QString sev = QString::fromLatin1(s);
        m_severity->addItem(Theme::severityIcon(sev),
                            sev == u"critical" ? tr("Critical") : (sev == u"warning" ? tr("Warning") : tr("Info")),
                            sev);
    }
    m_pair->addItem(tr("Any pair"), QString());
    for (const QString &p : pairs)
        m_pair->addItem(p, p);
    m_ackState->addItem(tr("Acknowledged or not"), int(storage::AckFilter::Any));
    m_ackState->addItem(tr("Unacknowledged"), int(storage::AckFilter::Unacknowledged));
    m_ackState->addItem(tr("Acknowledged"), int(storage::AckFilter::Acknowledged));
    m_period->addItems({tr("All time"), tr("Last hour"), tr("Today"), tr("Last 7 days"), tr("From … to …")});
    const QDateTime now = QDateTime::currentDateTime();
    m_from->setDateTime(now.addDays(-1));
    m_to->setDateTime(now.addSecs(3600));
    for (QDateTimeEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        e->setVisible(false);
    }
    m_from->setToolTip(tr("From (local time)"));
    m_to->setToolTip(tr("To (local time, exclusive)"));

    m_table->setProxyFiltering(false);
    m_table->filterEdit()->setPlaceholderText(tr("Search messages (Ctrl+F)"));
    QHBoxLayout *bar = m_table->toolbar();
    for (QWidget *w : std::initializer_list<QWidget *>{m_type, m_severity, m_pair, m_ackState, m_period, m_from, m_to})
        bar->addWidget(w);

    auto *bottom = new QHBoxLayout;
    bottom->setContentsMargins(4, 0, 4, 2);
    auto *ackButton = new QPushButton(tr("Acknowledge"), this);
    auto *ackAllButton = new QPushButton(tr("Acknowledge all"), this);
    ackButton->setToolTip(m_ack->toolTip());
    ackAllButton->setToolTip(m_ackAll->toolTip());
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_more);
    bottom->addWidget(ackButton);
    bottom->addWidget(ackAllButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    QTreeView *view = m_table->view();
    view->sortByColumn(AlertsModel::Time, Qt::DescendingOrder);
    view->addActions({m_ack, m_ackAll});
    m_table->setColumnSamples({QStringLiteral("00:00:00"), tr("Correlation"), QStringLiteral("EUR_USD / GBP_USD"),
                               QStringLiteral("MM ") + tr("Critical"), QStringLiteral("00.00 %"),
                               QStringLiteral("00.00 %"), QString(), QString(), QStringLiteral("anonymous:k-94RF0E")});
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(AlertsModel::Message, QHeaderView::Stretch);
    view->header()->resizeSection(AlertsModel::Acknowledged, 170);

    connect(m_ack, &QAction::triggered, this, &AlertsPanel::acknowledgeSelected);
    connect(m_ackAll, &QAction::triggered, this, [this] { acknowledgeAll(true); });
    connect(ackButton, &QPushButton::clicked, this, &AlertsPanel::acknowledgeSelected);
    connect(ackAllButton, &QPushButton::clicked, this, [this] { acknowledgeAll(true); });
    connect(m_more, &QPushButton::clicked, this, &AlertsPanel::loadMore);
    // PROTOCOL.md, "Desk rules": the desk's own rules fire in here like the pipeline's alerts
    // (and on by liveAlerts to the charts, the badge and the tray).
    connect(m_engine, &engine::Engine::deskAlertsFired, this, [this](const QList<storage::AlertRecord> &alerts) {
        QVector<AlertRow> rows;
        for (const storage::AlertRecord &a : alerts) {
            AlertRow row = AlertRow::fromRecord(a);
            row.live = true;
            rows.append(row);
        }
        addLiveAlerts(rows);
    });
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsPanel::updateActions);
    for (QComboBox *c : {m_type, m_severity, m_pair, m_ackState})
        connect(c, &QComboBox::currentIndexChanged, this, &AlertsPanel::onFilterChanged);
    connect(m_period, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_from->setVisible(i == Custom);
        m_to->setVisible(i == Custom);
        onFilterChanged();
    });
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &AlertsPanel::onFilterChanged);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &AlertsPanel::onFilterChanged);
    m_textTimer->setSingleShot(true);
    m_textTimer->setInterval(300);
    connect(m_table, &TablePanel::filterChanged, m_textTimer, qOverload<>(&QTimer::start));
    connect(m_textTimer, &QTimer::timeout, this, &AlertsPanel::onFilterChanged);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(500);
    connect(m_refreshTimer, &QTimer::timeout, this, &AlertsPanel::refresh);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AlertsPanel::updateStatus);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AlertsPanel::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AlertsPanel::updateStatus);

    if (storage::StorageReader *reader = m_engine->storageReader()) {
        connect(reader, &storage::StorageReader::alertsReady, this, &AlertsPanel::onAlerts);
        connect(reader, &storage::StorageReader::queryFailed, this, &AlertsPanel::onFailed);
    }
    if (m_engine->hasStorage()) {
        connect(m_engine, &engine::Engine::storedAlertsChanged, this, &AlertsPanel::scheduleRefresh);
        connect(m_engine, &engine::Engine::databaseStatusChanged, this, [this](const storage::StorageStatus &s) {
            if (s.ok() && !m_error.isEmpty())
                reload(); // the database is back: read what could not be read
        });
    }
    updateActions();
    reload();
}

AlertsPanel::~AlertsPanel() = default;

storage::AlertFilter AlertsPanel::filter() const
{
    storage::AlertFilter f;
    f.type = m_type->currentData().toString();
    f.severity = m_severity->currentData().toString();
    f.pair = m_pair->currentData().toString();
    f.text = m_table->filterEdit()->text().trimmed();
    f.acknowledged = storage::AckFilter(m_ackState->currentData().toInt());
    const qint64 now = core::nowMicros();
    switch (m_period->currentIndex()) {
    case LastHour: f.fromMicros = now - 3'600'000'000LL; break;
    case Today: f.fromMicros = QDateTime(QDate::currentDate(), QTime(0, 0)).toMSecsSinceEpoch() * 1000; break;
    case Last7Days: f.fromMicros = now - 7 * 86'400'000'000LL; break;
    case Custom:
        f.fromMicros = m_from->dateTime().toMSecsSinceEpoch() * 1000;
        f.toMicros = m_to->dateTime().toMSecsSinceEpoch() * 1000;
        break;
    default: break;
    }
    return f;
}

void AlertsPanel::onFilterChanged()
{
    reload();
}

void AlertsPanel::reload()
{
    storage::StorageReader *reader = m_engine->storageReader();
    if (!reader) {
        m_error = tr("no database");
        updateStatus();
        return;
    }
    storage::AlertQuery q;
    q.filter = filter();
    q.limit = kPageSize;
    m_moreId = m_refreshId = 0;
    m_reloadId = reader->requestAlerts(q);
}

void AlertsPanel::loadMore()
{
    storage::StorageReader *reader = m_engine->storageReader();
    if (!reader)
        return;
    storage::AlertQuery q;
    q.filter = filter();
    q.offset = m_model->databaseRowCount();
    q.limit = kPageSize;
    m_moreId = reader->requestAlerts(q);
}

void AlertsPanel::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void AlertsPanel::refresh()
{
    storage::StorageReader *reader = m_engine->storageReader();
    if (!reader || m_reloadId)
        return; // a reload is on its way anyway
    storage::AlertQuery q;
    q.filter = filter();
    q.limit = std::clamp(m_model->databaseRowCount(), kPageSize, storage::kMaxAlertPage);
    m_refreshId = reader->requestAlerts(q);
}

void AlertsPanel::onAlerts(quint64 id, const storage::AlertPage &page)
{
    if (id != m_reloadId && id != m_moreId && id != m_refreshId)
        return;
    QVector<AlertRow> rows;
    rows.reserve(page.rows.size());
    for (const storage::AlertRecord &r : page.rows)
        rows.append(AlertRow::fromRecord(r));
    m_error.clear();
    m_total = page.total;
    if (id == m_reloadId) {
        m_reloadId = 0;
        // Live rows not stored yet stay (they are newer than the page).
        QVector<AlertRow> keep;
        for (int i = 0; i < m_model->rowCount(); ++i)
            if (!m_model->row(i).id && m_model->row(i).matches(filter()))
                keep.append(m_model->row(i));
        m_model->replaceAll(rows);
        m_model->merge(keep);
    } else {
        if (id == m_moreId)
            m_moreId = 0;
        else
            m_refreshId = 0;
        m_model->merge(rows);
    }
    updateStatus();
    Q_EMIT pageLoaded();
}

void AlertsPanel::onFailed(quint64 id, const QString &error)
{
    if (id != m_reloadId && id != m_moreId && id != m_refreshId)
        return;
    if (id == m_reloadId)
        m_reloadId = 0;
    if (id == m_moreId)
        m_moreId = 0;
    if (id == m_refreshId)
        m_refreshId = 0;
    m_error = error;
    updateStatus();
}

void AlertsPanel::onMarket(const engine::MarketDelta &delta)
{
    if (delta.alerts.isEmpty())
        return;
    QVector<AlertRow> all;
    for (const core::MarketEvent &e : delta.alerts)
        if (auto row = AlertRow::fromEvent(e))
            all.append(*row);
    addLiveAlerts(all);
}

void AlertsPanel::addLiveAlerts(const QVector<AlertRow> &all)
{
    QVector<AlertRow> shown;
    const storage::AlertFilter f = filter();
    for (const AlertRow &row : all)
        if (row.matches(f))
            shown.append(row);
    m_model->addLive(shown);
    m_total += shown.size();
    updateStatus();
    if (!all.isEmpty())
        Q_EMIT liveAlerts(all);
}

void AlertsPanel::addOperatorAlert(const AlertRow &row)
{
    if (!row.matches(filter()))
        return;
    m_model->addLive({row});
    ++m_total;
    updateStatus();
}

bool AlertsPanel::selectMessage(const QString &text)
{
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (!m_model->row(r).message.contains(text))
            continue;
        const QModelIndex p = m_table->proxy()->mapFromSource(m_model->index(r, 0));
        if (!p.isValid())
            return false;
        m_table->view()->selectionModel()->select(p, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->view()->setCurrentIndex(p);
        return true;
    }
    return false;
}

void AlertsPanel::acknowledgeSelected()
{
    const bool stored = m_engine->hasStorage();
    const QString by = operatorName();
    QVector<int> rows;
    QList<qint64> ids;
    for (const QModelIndex &i : m_table->selectedSourceRows()) {
        const AlertRow &r = m_model->row(i.row());
        if (r.ackMicros)
            continue;
        rows.append(i.row());
        if (!stored || r.type == u"operator")
            continue; // operator alerts live in this desk only
        if (r.id) {
            ids.append(r.id);
        } else {
            // Not in the database yet: match it exactly (it is written before the acknowledgement).
            storage::AlertFilter exact;
            exact.type = r.type;
            exact.severity = r.severity;
            exact.pair = r.pair;
            exact.text = r.message;
            exact.fromMicros = r.raisedMicros;
            exact.toMicros = r.raisedMicros + 1;
            exact.acknowledged = storage::AckFilter::Unacknowledged;
            m_engine->acknowledgeMatching(exact, by);
        }
    }
    if (rows.isEmpty())
        return;
    if (!ids.isEmpty())
        m_engine->acknowledgeAlerts(ids, by);
    m_model->setAcknowledged(rows, core::nowMicros(), by);
    Q_EMIT message(tr("Acknowledged %n alert(s)", nullptr, int(rows.size())));
    updateActions();
}

void AlertsPanel::acknowledgeAll(bool confirm)
{
    const int n = m_model->unacknowledgedCount();
    if (confirm
        && QMessageBox::question(this, tr("Acknowledge all"),
                                 tr("Acknowledge every unacknowledged alert that matches the current filter "
                                    "(%n shown here, older ones in the database included)?",
                                    nullptr, n))
            != QMessageBox::Yes)
        return;
    storage::AlertFilter f = filter();
    f.acknowledged = storage::AckFilter::Unacknowledged;
    m_engine->acknowledgeMatching(f, operatorName());
    m_model->acknowledgeAll(core::nowMicros(), operatorName());
    Q_EMIT message(tr("Acknowledged every alert matching the filter"));
    updateActions();
}

void AlertsPanel::updateActions()
{
    bool any = false;
    for (const QModelIndex &i : m_table->selectedSourceRows())
        any = any || !m_model->row(i.row()).ackMicros;
    m_ack->setEnabled(any);
}

void AlertsPanel::updateStatus()
{
    QString text = tr("%1 of %2 alerts shown · %3 unacknowledged")
                       .arg(fmt::count(m_model->rowCount()), fmt::count(std::max<qint64>(m_total, m_model->rowCount())),
                            fmt::count(m_model->unacknowledgedCount()));
    if (!m_error.isEmpty())
        text += u' ' + tr("· history unavailable: %1").arg(m_error);
    m_status->setText(text);
    m_more->setEnabled(m_model->databaseRowCount() < m_total);
}

} // namespace fx::gui
