// The alert rules panel (PROTOCOL.md, "Alert rules"; issue 17, "the desk sees them"), offscreen:
// the real engine with its embedded server against a private redis-server, and real WebSocket
// clients on /ws that set rules with set_alert. The panel shows every client's rules with their
// owner and state; disabling from the panel sends the owner alert_updated, deleting sends it
// alert_deleted (reason deleted_by_operator) and the row goes. A monitor-only desk says the
// rules live on the servers.

#include "core/settings.h"
#include "engine/engine.h"
#include "gui/alertrulesmodel.h"
#include "gui/alertrulespanel.h"
#include "gui/alertsmodel.h"
#include "gui/alertspanel.h"
#include "gui/deskruledialog.h"
#include "gui/tablepanel.h"
#include "guitestmain.h"
#include "redis/redispublisher.h"
#include "server/streamserver.h"
#include "storage/storage.h"
#include "support/redisserver.h"
#include "support/tokenmint.h"
#include "support/wsclient.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace fx;
using namespace fx::gui;

class TestGuiAlertRules : public QObject
{
    Q_OBJECT

    test::RedisServer m_redis;
    QTemporaryDir m_dir;
    std::unique_ptr<engine::Engine> m_engine;
    AlertRulesModel *m_model = nullptr;
    std::unique_ptr<AlertRulesPanel> m_panel;

    QString wsUrl() const { return QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_engine->server()->port()); }

    static QByteArray idOf(const test::WsClient &c)
    {
        return c.welcome()
            .value(QStringLiteral("data"))
            .toObject()
            .value(QStringLiteral("client_id"))
            .toString()
            .toLatin1();
    }

    // set_alert; returns the rule id the server gave (empty on failure).
    static QString setAlert(test::WsClient &c, const QJsonObject &rule)
    {
        const QJsonObject reply = c.request(QStringLiteral("set_alert"), rule, QStringLiteral("alert_set"));
        return reply.value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString();
    }

    QString cell(const QString &id, int column) const
    {
        const int r = m_model->rowOf(id);
        return r < 0 ? QString() : m_model->index(r, column).data().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_redis.start());
        QString error;
        const auto settings =
            test::settingsWith({{QStringLiteral("WEBSOCKET_HOST"), QStringLiteral("127.0.0.1")},
                                {QStringLiteral("WEBSOCKET_PORT"), QStringLiteral("0")},
                                {QStringLiteral("REDIS_HOST"), QStringLiteral("127.0.0.1")},
                                {QStringLiteral("REDIS_PORT"), QString::number(m_redis.port())},
                                {QStringLiteral("DB_PATH"), m_dir.filePath(QStringLiteral("fx.sqlite"))},
                                {QStringLiteral("WEBSOCKET_IO_THREADS"), QStringLiteral("2")}},
                               &error);
        QVERIFY2(settings, qPrintable(error));
        m_engine = std::make_unique<engine::Engine>(*settings);
        QVERIFY2(m_engine->startKeepingPipeline(&error), qPrintable(error));
        QVERIFY(m_engine->serverRunning());
        m_model = new AlertRulesModel(m_engine.get());
        m_panel = std::make_unique<AlertRulesPanel>(m_model, m_engine.get());
        m_panel->resize(1200, 400);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }

    void cleanupTestCase()
    {
        m_panel.reset();
        if (m_engine) {
            QSignalSpy stopped(m_engine.get(), &engine::Engine::stopped);
            m_engine->stop();
            QVERIFY(stopped.size() == 1 || stopped.wait(5000));
            m_engine.reset();
        }
    }

    void showsEveryClientsRules()
    {
        test::WsClient a, b;
        QVERIFY(a.connectTo(wsUrl()));
        QVERIFY(b.connectTo(wsUrl()));
        const QString ra = setAlert(a,
                                    {{QStringLiteral("pair"), QStringLiteral("EUR_USD")},
                                     {QStringLiteral("field"), QStringLiteral("bid")},
                                     {QStringLiteral("condition"), QStringLiteral("above")},
                                     {QStringLiteral("value"), 9.5}});
        const QString rb =
            setAlert(b,
                     {{QStringLiteral("pair"), QStringLiteral("USD_JPY")},
                      {QStringLiteral("field"), QStringLiteral("ask")},
                      {QStringLiteral("condition"), QStringLiteral("below")},
                      {QStringLiteral("value"), 0.5},
                      {QStringLiteral("repeat"), QJsonObject{{QStringLiteral("cooldown_seconds"), 60}}}});
        QVERIFY(!ra.isEmpty());
        QVERIFY(!rb.isEmpty());
        // The panel refreshes by itself about once a second while visible.
        QTRY_VERIFY_WITH_TIMEOUT(m_model->rowOf(ra) >= 0 && m_model->rowOf(rb) >= 0, 5000);
        QCOMPARE(cell(ra, AlertRulesModel::Owner), QStringLiteral("client %1").arg(QString::fromLatin1(idOf(a))));
        QCOMPARE(cell(rb, AlertRulesModel::Owner), QStringLiteral("client %1").arg(QString::fromLatin1(idOf(b))));
        QCOMPARE(cell(ra, AlertRulesModel::Pair), QStringLiteral("EUR_USD"));
        QCOMPARE(cell(ra, AlertRulesModel::Field), QStringLiteral("Bid"));
        QCOMPARE(cell(ra, AlertRulesModel::Condition), QStringLiteral("above"));
        QCOMPARE(cell(ra, AlertRulesModel::Value), QStringLiteral("9.5"));
        QCOMPARE(cell(ra, AlertRulesModel::Repeat), QStringLiteral("once"));
        QCOMPARE(cell(rb, AlertRulesModel::Repeat), QStringLiteral("cooldown 60 s"));
        QCOMPARE(cell(ra, AlertRulesModel::State), QStringLiteral("enabled"));
        QCOMPARE(cell(ra, AlertRulesModel::TimesFired), QStringLiteral("0"));
        QCOMPARE(cell(ra, AlertRulesModel::LastFired), QStringLiteral("never"));
        QCOMPARE(cell(ra, AlertRulesModel::Expires), QStringLiteral("never"));

        // An anonymous client's rules go with its connection: the row goes too.
        b.socket().close();
        QTRY_VERIFY_WITH_TIMEOUT(m_model->rowOf(rb) < 0, 5000);
        QVERIFY(m_model->rowOf(ra) >= 0);
    }

    void disableEnableAndDelete()
    {
        test::WsClient c;
        QVERIFY(c.connectTo(wsUrl()));
        const QString id = setAlert(c,
                                    {{QStringLiteral("pair"), QStringLiteral("GBP_USD")},
                                     {QStringLiteral("field"), QStringLiteral("mid")},
                                     {QStringLiteral("condition"), QStringLiteral("crosses")},
                                     {QStringLiteral("value"), 7.25}});
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_model->rowOf(id) >= 0, 5000);
        QVERIFY(m_panel->selectRule(id));
        QCOMPARE(m_panel->selectedIds(), QStringList{id});
        auto *disable = m_panel->findChild<QAction *>(QStringLiteral("disableAlertRule"));
        auto *enable = m_panel->findChild<QAction *>(QStringLiteral("enableAlertRule"));
        QVERIFY(disable && enable);
        QVERIFY(disable->isEnabled());
        QVERIFY(!enable->isEnabled()); // the selection holds no disabled rule

        // Disable from the panel's action: the owner is told, the row shows it.
        disable->trigger();
        QJsonObject updated = c.waitFor(QStringLiteral("alert_updated"));
        QVERIFY2(!updated.isEmpty(), "the owner was not told of the operator's change");
        QJsonObject data = updated.value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(data.value(QStringLiteral("rule")).toObject().value(QStringLiteral("enabled")), QJsonValue(false));
        QVERIFY(data.contains(QStringLiteral("timestamp")));
        QTRY_COMPARE_WITH_TIMEOUT(cell(id, AlertRulesModel::State), QStringLiteral("disabled"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(enable->isEnabled() && !disable->isEnabled(), 5000);
        // The owner's own list says so too.
        const QJsonObject list = c.request(QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"));
        const QJsonArray rules =
            list.value(QStringLiteral("data")).toObject().value(QStringLiteral("alerts")).toArray();
        QCOMPARE(rules.size(), 1);
        QCOMPARE(rules.at(0).toObject().value(QStringLiteral("enabled")), QJsonValue(false));

        // Enable again.
        m_panel->setSelectedEnabled(true);
        updated = c.waitFor(QStringLiteral("alert_updated"));
        QCOMPARE(updated.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("rule"))
                     .toObject()
                     .value(QStringLiteral("enabled")),
                 QJsonValue(true));
        QTRY_COMPARE_WITH_TIMEOUT(cell(id, AlertRulesModel::State), QStringLiteral("enabled"), 5000);

        // Delete: alert_deleted with the operator's reason, and the row goes.
        QVERIFY(m_panel->selectRule(id));
        m_panel->deleteSelected(false);
        const QJsonObject deleted = c.waitFor(QStringLiteral("alert_deleted"));
        QVERIFY2(!deleted.isEmpty(), "the owner was not told of the operator's deletion");
        data = deleted.value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(data.value(QStringLiteral("reason")).toString(), QStringLiteral("deleted_by_operator"));
        QCOMPARE(data.value(QStringLiteral("rule")).toObject().value(QStringLiteral("id")).toString(), id);
        QTRY_VERIFY_WITH_TIMEOUT(m_model->rowOf(id) < 0, 5000);
        const QJsonObject after = c.request(QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"));
        QCOMPARE(after.value(QStringLiteral("data")).toObject().value(QStringLiteral("count")).toInt(), 0);
        QVERIFY(c.isConnected()); // the client itself stays
    }

    void otherClientsAreNotTold()
    {
        // The operator's change goes to the rule's owner only.
        test::WsClient owner, other;
        QVERIFY(owner.connectTo(wsUrl()));
        QVERIFY(other.connectTo(wsUrl()));
        const QString id = setAlert(owner,
                                    {{QStringLiteral("pair"), QStringLiteral("EUR_USD")},
                                     {QStringLiteral("field"), QStringLiteral("ask")},
                                     {QStringLiteral("condition"), QStringLiteral("below")},
                                     {QStringLiteral("value"), 0.01}});
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_model->rowOf(id) >= 0, 5000);
        QVERIFY(m_panel->selectRule(id));
        m_panel->deleteSelected(false);
        QVERIFY(!owner.waitFor(QStringLiteral("alert_deleted")).isEmpty());
        // A barrier on the other client: its reply comes after anything queued to it before.
        other.request(QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"));
        QCOMPARE(other.count(QStringLiteral("alert_deleted")), 0);
        QCOMPARE(other.count(QStringLiteral("alert_updated")), 0);
    }

    void newDeskRule()
    {
        // PROTOCOL.md, "Desk rules": the operator's own rule, through the New rule dialog. The
        // parser's message for what a client would be refused; a valid rule shows with owner
        // Desk, and its firing reaches the alerts panel (as the main window shows it).
        AlertsModel alertsModel;
        AlertsPanel alerts(&alertsModel, m_engine.get(), m_engine->instruments().pairs());
        QSignalSpy live(&alerts, &AlertsPanel::liveAlerts);
        auto *action = m_panel->findChild<QAction *>(QStringLiteral("newAlertRule"));
        QVERIFY(action && action->isEnabled());
        DeskRuleDialog *dialog = m_panel->newRule();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *pair = dialog->findChild<QComboBox *>(QStringLiteral("pair"));
        auto *condition = dialog->findChild<QComboBox *>(QStringLiteral("condition"));
        auto *value = dialog->findChild<QLineEdit *>(QStringLiteral("value"));
        auto *note = dialog->findChild<QLineEdit *>(QStringLiteral("note"));
        auto *broadcast = dialog->findChild<QCheckBox *>(QStringLiteral("broadcast"));
        QVERIFY(pair && condition && value && note && broadcast);
        pair->setCurrentText(QStringLiteral("NZD_USD"));
        condition->setCurrentIndex(condition->findData(QStringLiteral("above")));
        QSignalSpy added(dialog, &DeskRuleDialog::added);

        value->setText(QStringLiteral("abc"));
        dialog->submit();
        QCOMPARE(dialog->errorText(), QStringLiteral("value: \"value\" is required: a number"));
        value->setText(QStringLiteral("-1"));
        dialog->submit();
        QCOMPARE(dialog->errorText(), QStringLiteral("value: a price \"value\" must be more than 0"));
        QVERIFY(dialog->isVisible());
        QCOMPARE(added.size(), 0);

        value->setText(QStringLiteral("0.65"));
        note->setText(QStringLiteral("desk test"));
        broadcast->setChecked(true);
        QCOMPARE(dialog->ruleData().value(QStringLiteral("broadcast")), QJsonValue(true));
        dialog->submit();
        QVERIFY(added.size() == 1 || added.wait(5000));
        const QString id = added.at(0).at(0).toString();
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_model->rowOf(id) >= 0, 5000);
        QCOMPARE(cell(id, AlertRulesModel::Owner), QStringLiteral("Desk"));
        QCOMPARE(cell(id, AlertRulesModel::Pair), QStringLiteral("NZD_USD"));
        QCOMPARE(cell(id, AlertRulesModel::Value), QStringLiteral("0.65"));
        QCOMPARE(m_model->index(m_model->rowOf(id), AlertRulesModel::Owner).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("The desk's own rule: its alerts also go to every client"));

        // Ticks under, then over (again until the subscriber is surely in place): the alerts
        // panel shows the firing, owner Desk.
        const auto pub = test::publisherFor(m_redis.port());
        QString err;
        auto publish = [&](const char *bid) {
            return pub->publish(QStringLiteral("price_updates"),
                                QStringLiteral(R"({"instrument":"NZD_USD","price":{"bid":"%1","ask":"0.67000"}})")
                                    .arg(QLatin1String(bid))
                                    .toUtf8(),
                                &err);
        };
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (!publish("0.64000") || !publish("0.66000"))
                    return false;
                return QTest::qWaitFor([&] { return alertsModel.rowCount() > 0; }, 500);
            },
            10000));
        QCOMPARE(alertsModel.rowCount(), 1); // a once rule
        const int r = 0;
        QCOMPARE(alertsModel.index(r, AlertsModel::Type).data().toString(), QStringLiteral("Price alert"));
        QCOMPARE(alertsModel.index(r, AlertsModel::Owner).data().toString(), QStringLiteral("Desk"));
        QCOMPARE(alertsModel.index(r, AlertsModel::Pairs).data().toString(), QStringLiteral("NZD_USD"));
        QCOMPARE(alertsModel.row(r).message, QStringLiteral("NZD_USD bid rose above 0.65 (0.66): desk test"));
        QVERIFY(live.size() >= 1); // on to the charts, the badge and the tray
        QTRY_COMPARE_WITH_TIMEOUT(cell(id, AlertRulesModel::TimesFired), QStringLiteral("1"), 5000);

        // A once rule is disabled by its firing; enabled and deleted like any rule.
        QTRY_COMPARE_WITH_TIMEOUT(cell(id, AlertRulesModel::State), QStringLiteral("disabled"), 5000);
        QVERIFY(m_panel->selectRule(id));
        m_panel->setSelectedEnabled(true);
        QTRY_COMPARE_WITH_TIMEOUT(cell(id, AlertRulesModel::State), QStringLiteral("enabled"), 5000);
        QVERIFY(m_panel->selectRule(id));
        m_panel->deleteSelected(false);
        QTRY_VERIFY_WITH_TIMEOUT(m_model->rowOf(id) < 0, 5000);
    }

    void anonymousFiringInTheHistory()
    {
        // PROTOCOL.md, "In the alert history": a client without a token is named by its client
        // id; the Alerts panel shows the stored row with that owner; get_alert_history does not
        // give it back to anyone without a token (not even the client itself).
        AlertsModel alertsModel;
        AlertsPanel alerts(&alertsModel, m_engine.get(), m_engine->instruments().pairs());
        test::WsClient c;
        QVERIFY(c.connectTo(wsUrl()));
        const QString id = setAlert(c,
                                    {{QStringLiteral("pair"), QStringLiteral("USD_CAD")},
                                     {QStringLiteral("field"), QStringLiteral("bid")},
                                     {QStringLiteral("condition"), QStringLiteral("below")},
                                     {QStringLiteral("value"), 1.3},
                                     {QStringLiteral("repeat"), QStringLiteral("every")}});
        QVERIFY(!id.isEmpty());
        const auto pub = test::publisherFor(m_redis.port());
        QString err;
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const char *bid : {"1.31000", "1.29000"})
                    if (!pub->publish(QStringLiteral("price_updates"),
                                      QStringLiteral(R"({"instrument":"USD_CAD","price":{"bid":"%1","ask":"1.32"}})")
                                          .arg(QLatin1String(bid))
                                          .toUtf8(),
                                      &err))
                        return false;
                return !c.waitFor(QStringLiteral("price_alert"), 500).isEmpty();
            },
            10000));
        const QString owner = QStringLiteral("anonymous:") + QString::fromLatin1(idOf(c));
        // The panel reads the stored alerts again after each commit: the row comes with its owner.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int r = 0; r < alertsModel.rowCount(); ++r)
                    if (alertsModel.row(r).type == u"price_alert" && alertsModel.row(r).pair == u"USD_CAD"
                        && alertsModel.index(r, AlertsModel::Owner).data().toString() == owner)
                        return true;
                return false;
            }(),
            10000);
        const QJsonObject history = c.request(QStringLiteral("get_alert_history"),
                                              {{QStringLiteral("types"), QJsonArray{QStringLiteral("price_alert")}}},
                                              QStringLiteral("alert_history"));
        QCOMPARE(history.value(QStringLiteral("data")).toObject().value(QStringLiteral("count")).toInt(), 0);
    }

    void stoppedServerShowsNoRules()
    {
        test::WsClient c;
        QVERIFY(c.connectTo(wsUrl()));
        const QString id = setAlert(c,
                                    {{QStringLiteral("pair"), QStringLiteral("EUR_USD")},
                                     {QStringLiteral("field"), QStringLiteral("bid")},
                                     {QStringLiteral("condition"), QStringLiteral("above")},
                                     {QStringLiteral("value"), 5.0}});
        QTRY_VERIFY_WITH_TIMEOUT(m_model->rowOf(id) >= 0, 5000);
        QSignalSpy stopped(m_engine.get(), &engine::Engine::serverStopped);
        m_engine->stopServer();
        QVERIFY(stopped.size() == 1 || stopped.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 0, 5000);
        QVERIFY(!m_panel->findChild<QAction *>(QStringLiteral("deleteAlertRule"))->isEnabled());
    }

    void identifiedOwnerShownByTokenSub()
    {
        // WEBSOCKET_AUTH=jwt: the owner is the token's sub, and its rules outlive the connection
        // (PROTOCOL.md, "Who owns a rule"): the panel keeps showing them, and the operator may
        // delete one while its owner is away (nobody to tell; it is gone when the owner returns).
        QString error;
        const auto settings = test::settingsWith(
            {{QStringLiteral("WEBSOCKET_HOST"), QStringLiteral("127.0.0.1")},
             {QStringLiteral("WEBSOCKET_PORT"), QStringLiteral("0")},
             {QStringLiteral("WEBSOCKET_AUTH"), QStringLiteral("jwt")},
             {QStringLiteral("WEBSOCKET_JWT_SECRET"), QString::fromLatin1(test::TokenMint::secret())},
             {QStringLiteral("REDIS_HOST"), QStringLiteral("127.0.0.1")},
             {QStringLiteral("REDIS_PORT"), QString::number(m_redis.port())},
             {QStringLiteral("DB_PATH"), m_dir.filePath(QStringLiteral("fx-jwt.sqlite"))}},
            &error);
        QVERIFY2(settings, qPrintable(error));
        engine::Engine engine(*settings);
        QVERIFY2(engine.startKeepingPipeline(&error), qPrintable(error));
        AlertRulesModel model;
        AlertRulesPanel panel(&model, &engine);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QString url = QStringLiteral("ws://127.0.0.1:%1/ws?token=%2")
                                .arg(engine.server()->port())
                                .arg(QString::fromLatin1(test::TokenMint::hs256(R"({"sub":"alice","exp":"+3600"})")));
        QString kept, deleted;
        {
            test::WsClient alice;
            QVERIFY(alice.connectTo(url));
            kept = setAlert(alice,
                            {{QStringLiteral("pair"), QStringLiteral("EUR_USD")},
                             {QStringLiteral("field"), QStringLiteral("bid")},
                             {QStringLiteral("condition"), QStringLiteral("above")},
                             {QStringLiteral("value"), 3.0}});
            deleted = setAlert(alice,
                               {{QStringLiteral("pair"), QStringLiteral("EUR_USD")},
                                {QStringLiteral("field"), QStringLiteral("ask")},
                                {QStringLiteral("condition"), QStringLiteral("below")},
                                {QStringLiteral("value"), 0.2}});
            QVERIFY(!kept.isEmpty() && !deleted.isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(model.rowOf(kept) >= 0 && model.rowOf(deleted) >= 0, 5000);
            const int r = model.rowOf(kept);
            QCOMPARE(model.index(r, AlertRulesModel::Owner).data().toString(), QStringLiteral("alice"));
            QCOMPARE(model.index(r, AlertRulesModel::Owner).data(Qt::ToolTipRole).toString(),
                     QStringLiteral("Connected as client %1").arg(QString::fromLatin1(idOf(alice))));
            alice.socket().close();
            QVERIFY(alice.waitDisconnected());
        }
        // Away: the server lets the rules go once stored (PROTOCOL.md, "Rules that follow the
        // user"); the panel still shows them from the database, under the same name, without a
        // connection, as the owner's and away.
        QTRY_COMPARE_WITH_TIMEOUT(model.rowOf(kept) >= 0
                                      ? model.index(model.rowOf(kept), AlertRulesModel::Owner).data().toString()
                                      : QString(),
                                  QStringLiteral("alice (away)"), 8000);
        QCOMPARE(model.index(model.rowOf(kept), AlertRulesModel::Owner).data(Qt::ToolTipRole).toString(),
                 model.index(model.rowOf(kept), AlertRulesModel::State).data(Qt::ToolTipRole).toString());
        QVERIFY(model.index(model.rowOf(kept), AlertRulesModel::Owner)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"not connected"));
        // The operator deletes one and disables the other in the database.
        QVERIFY(panel.selectRule(deleted));
        panel.deleteSelected(false);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowOf(deleted) < 0, 5000);
        QVERIFY(model.rowOf(kept) >= 0);
        QVERIFY(panel.selectRule(kept));
        panel.setSelectedEnabled(false);
        QTRY_COMPARE_WITH_TIMEOUT(model.index(model.rowOf(kept), AlertRulesModel::State).data().toString(),
                                  AlertRulesModel::tr("disabled"), 5000);
        // The writes are in the database before alice comes back.
        QTRY_VERIFY_WITH_TIMEOUT(engine.storage()->bufferedRows() == 0, 5000);
        // Back: the kept rule only, disabled, in connection_established and list_alerts.
        test::WsClient again;
        QVERIFY(again.connectTo(url));
        const QJsonObject list = again.request(QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"));
        const QJsonArray rules =
            list.value(QStringLiteral("data")).toObject().value(QStringLiteral("alerts")).toArray();
        QCOMPARE(rules.size(), 1);
        QCOMPARE(rules.at(0).toObject().value(QStringLiteral("id")).toString(), kept);
        QCOMPARE(rules.at(0).toObject().value(QStringLiteral("enabled")).toBool(true), false);
        QCOMPARE(again.count(QStringLiteral("alert_deleted")), 0);
        QSignalSpy stopped(&engine, &engine::Engine::stopped);
        engine.stop();
        QVERIFY(stopped.size() == 1 || stopped.wait(5000));
    }

    void monitorOnlyDeskSaysRulesLiveOnServers()
    {
        QString error;
        const auto settings =
            test::settingsWith({{QStringLiteral("EMBEDDED_SERVER"), QStringLiteral("false")},
                                {QStringLiteral("REDIS_HOST"), QStringLiteral("127.0.0.1")},
                                {QStringLiteral("REDIS_PORT"), QString::number(m_redis.port())},
                                {QStringLiteral("DB_PATH"), m_dir.filePath(QStringLiteral("fx.sqlite"))}},
                               &error);
        QVERIFY2(settings, qPrintable(error));
        engine::Engine desk(*settings);
        QVERIFY2(desk.startKeepingPipeline(&error), qPrintable(error));
        QVERIFY(desk.monitorOnly());
        AlertRulesModel model;
        AlertRulesPanel panel(&model, &desk);
        panel.resize(800, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        bool said = false;
        for (QLabel *l : panel.findChildren<QLabel *>())
            said = said || (l->isVisible() && l->text().contains(QStringLiteral("live on the servers")));
        QVERIFY2(said, "the empty state does not say where the rules are");
        QCOMPARE(model.rowCount(), 0);
        // Desk rules need the embedded server: New rule… is disabled and says so.
        auto *newRule = panel.findChild<QAction *>(QStringLiteral("newAlertRule"));
        QVERIFY(newRule);
        QVERIFY(!newRule->isEnabled());
        QVERIFY(newRule->toolTip().contains(QStringLiteral("embedded server")));
        QVERIFY(!panel.newRule());
        QString field, message;
        QVERIFY(!desk.addDeskRule(
            {}, &panel, [](const engine::DeskRuleResult &) {}, &field, &message));
        QVERIFY(message.contains(QStringLiteral("embedded server")));
        QSignalSpy stopped(&desk, &engine::Engine::stopped);
        desk.stop();
        QVERIFY(stopped.size() == 1 || stopped.wait(5000));
    }
};

FX_GUI_TEST_MAIN(TestGuiAlertRules)
#include "tst_gui_alertrules.moc"
