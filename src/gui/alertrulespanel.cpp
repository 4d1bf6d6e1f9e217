#include "gui/alertrulespanel.h"

#include "engine/engine.h"
#include "gui/alertrulesmodel.h"
#include "gui/deskruledialog.h"
#include "gui/format.h"
#include "gui/tablepanel.h"

#include <QAction>
#include <QElapsedTimer>
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

static qint64 monotonicMs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed() + 1; // never 0 (0: nothing in flight)
}

AlertRulesPanel::AlertRulesPanel(AlertRulesModel *model, engine::Engine *engine, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_engine(engine)
    , m_table(new TablePanel(model,
                             engine->monitorOnly()
                                 ? tr("Alert rules live on the servers: this monitor-only desk runs no server, so "
                                      "it holds none. Each server's clients set and list their own rules.")
                                 : tr("No alert rules: clients set them with set_alert (docs/PROTOCOL.md, "
                                      "\"Alert rules\")."),
                             this))
    , m_disable(new QAction(tr("Disable"), this))
    , m_enable(new QAction(tr("Enable"), this))
    , m_delete(new QAction(tr("Delete"), this))
    , m_new(new QAction(tr("New rule…"), this))
    , m_count(new QLabel(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("alertRulesPanel"));
    m_table->setObjectName(QStringLiteral("alert-rules")); // also the CSV file name
    m_disable->setObjectName(QStringLiteral("disableAlertRule"));
    m_enable->setObjectName(QStringLiteral("enableAlertRule"));
    m_delete->setObjectName(QStringLiteral("deleteAlertRule"));
    m_new->setObjectName(QStringLiteral("newAlertRule"));
    m_new->setToolTip(engine->monitorOnly()
                          ? tr("Desk rules need the embedded server: this monitor-only desk runs none")
                          : tr("Add a rule of the desk's own: its alerts come here and, when chosen, to every client"));
    connect(m_new, &QAction::triggered, this, [this] { newRule(); });
    m_disable->setToolTip(tr("Stop the selected rules from firing; their owners are told"));
    m_enable->setToolTip(tr("Let the selected rules fire again; their owners are told"));
    m_delete->setToolTip(tr("Delete the selected rules; their owners are told"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetShortcut);
    QTreeView *view = m_table->view();
    auto *sep = new QAction(this);
    sep->setSeparator(true);
    view->addActions({m_new, m_disable, m_enable, sep, m_delete});
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->sortByColumn(AlertRulesModel::Id, Qt::AscendingOrder); // in the order they were set
    m_table->filterEdit()->setPlaceholderText(tr("Filter rules, owners or pairs (Ctrl+F)"));
    connect(m_disable, &QAction::triggered, this, [this] { setSelectedEnabled(false); });
    connect(m_enable, &QAction::triggered, this, [this] { setSelectedEnabled(true); });
    connect(m_delete, &QAction::triggered, this, [this] { deleteSelected(true); });
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertRulesPanel::updateActions);
    m_table->setColumnSamples({QStringLiteral("fx1-000000"), QStringLiteral("client k-94RF0EuZYyEtFD3tr8"),
                               QStringLiteral("EUR_USD"), QStringLiteral("Spread"),
                               QStringLiteral("changes by % in 3600 s"), QStringLiteral("000.00000"),
                               QStringLiteral("cooldown 3600 s"), QStringLiteral("disabled"), QStringLiteral("000,000"),
                               QStringLiteral("00/00/00 00:00:00"), QStringLiteral("00/00/00 00:00:00"), QString()});

    auto *bottom = new QHBoxLayout;
    bottom->setContentsMargins(4, 0, 4, 2);
    bottom->addWidget(m_count, 1);
    for (QAction *a : {m_new, m_disable, m_enable, m_delete}) {
        auto *b = new QPushButton(a->text(), this);
        b->setObjectName(a->objectName() + QStringLiteral("Button"));
        b->setToolTip(a->toolTip());
        connect(b, &QPushButton::clicked, a, &QAction::trigger);
        connect(a, &QAction::changed, b, [a, b] { b->setEnabled(a->isEnabled()); });
        bottom->addWidget(b);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    m_timer->setInterval(kRefreshIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &AlertRulesPanel::refresh);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AlertRulesPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &AlertRulesPanel::updateActions);
    updateActions();
}

AlertRulesPanel::~AlertRulesPanel() = default;

void AlertRulesPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_engine->monitorOnly()) {
        refresh();
        m_timer->start();
    }
}

void AlertRulesPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

void AlertRulesPanel::refresh()
{
    if (!m_engine->serverRunning()) {
        m_model->update({}); // a stopped server holds no rule
        m_askedAtMs = 0;
        updateActions();
        Q_EMIT refreshed();
        return;
    }
    // One request at a time; a server that stopped meanwhile never answers, so an old request
    // is given up after a few intervals.
    if (m_askedAtMs != 0 && monotonicMs() - m_askedAtMs < 5 * kRefreshIntervalMs)
        return;
    m_askedAtMs = monotonicMs();
    m_engine->requestAlertRules(this, [this](const QList<engine::AlertRuleRow> &rows) {
        m_askedAtMs = 0;
        m_model->update(rows);
        updateActions();
        Q_EMIT refreshed();
    });
}

DeskRuleDialog *AlertRulesPanel::newRule()
{
    if (!m_engine->serverRunning())
        return nullptr;
    auto *dialog = new DeskRuleDialog(m_engine, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DeskRuleDialog::added, this, [this](const QString &id) {
        Q_EMIT message(tr("Added desk alert rule %1").arg(id));
        m_askedAtMs = 0;
        refresh();
    });
    dialog->open();
    return dialog;
}

QStringList AlertRulesPanel::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &i : m_table->selectedSourceRows())
        if (i.row() >= 0 && i.row() < m_model->rowCount())
            ids << m_model->ruleAt(i.row()).id;
    return ids;
}

bool AlertRulesPanel::selectRule(const QString &id)
{
    const int r = m_model->rowOf(id);
    if (r < 0)
        return false;
    const QModelIndex p = m_table->proxy()->mapFromSource(m_model->index(r, 0));
    if (!p.isValid())
        return false;
    m_table->view()->setCurrentIndex(p);
    m_table->view()->selectionModel()->select(p, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

void AlertRulesPanel::setSelectedEnabled(bool enabled)
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty() || !m_engine->serverRunning())
        return;
    for (const QString &id : ids)
        m_engine->setAlertRuleEnabled(id, enabled);
    Q_EMIT message(enabled ? tr("Enabled %n alert rule(s)", nullptr, int(ids.size()))
                           : tr("Disabled %n alert rule(s)", nullptr, int(ids.size())));
    m_askedAtMs = 0;
    refresh(); // queued after the change on the same I/O thread: the answer shows it
}

void AlertRulesPanel::deleteSelected(bool confirm)
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty() || !m_engine->serverRunning())
        return;
    if (confirm
        && QMessageBox::question(this, tr("Delete alert rules"),
                                 tr("Delete %n alert rule(s)? Their owners are told the operator deleted them.",
                                    nullptr, int(ids.size())))
            != QMessageBox::Yes)
        return;
    for (const QString &id : ids)
        m_engine->deleteAlertRule(id);
    Q_EMIT message(tr("Deleted %n alert rule(s)", nullptr, int(ids.size())));
    m_askedAtMs = 0;
    refresh();
}

void AlertRulesPanel::updateActions()
{
    const QStringList ids = selectedIds();
    bool anyEnabled = false;
    bool anyDisabled = false;
    for (const QString &id : ids) {
        const int r = m_model->rowOf(id);
        if (r < 0)
            continue;
        (m_model->ruleAt(r).enabled ? anyEnabled : anyDisabled) = true;
    }
    const bool running = m_engine->serverRunning();
    m_disable->setEnabled(running && anyEnabled);
    m_enable->setEnabled(running && anyDisabled);
    m_delete->setEnabled(running && !ids.isEmpty());
    m_new->setEnabled(running);
    int enabled = 0;
    for (int r = 0; r < m_model->rowCount(); ++r)
        enabled += m_model->ruleAt(r).enabled ? 1 : 0;
    m_count->setText(m_model->rowCount() == 0
                         ? QString()
                         : tr("%1 rules, %2 enabled").arg(fmt::count(m_model->rowCount()), fmt::count(enabled)));
}

} // namespace fx::gui
