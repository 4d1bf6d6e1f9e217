// The desktop's item models: every one passes QAbstractItemModelTester (also behind the
// sorting/filtering proxy the views use), and keeps up with bursts of changes (1,000 rows
// changing 50 times) with incremental signals only: inserts for arrivals, removals for
// departures, dataChanged for updates, never a reset.

#include "core/instruments.h"
#include "gui/alertsmodel.h"
#include "gui/clientsmodel.h"
#include "gui/csvexport.h"
#include "gui/marketwatchmodel.h"
#include "gui/modelroles.h"
#include "gui/roomsmodel.h"
#include "gui/tablepanel.h"
#include "guitestmain.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace fx;
using namespace fx::gui;

namespace {

QList<server::ClientInfo> makeClients(int n, QRandomGenerator &rng, const QStringList &rooms, int firstId = 0)
{
    QList<server::ClientInfo> out;
    for (int i = 0; i < n; ++i) {
        server::ClientInfo c;
        c.id = QByteArray("client-") + QByteArray::number(firstId + i);
        c.peer = QStringLiteral("10.0.%1.%2:%3").arg(i / 250).arg(i % 250).arg(40000 + i);
        c.protocol = i % 3 ? QStringLiteral("websocket") : QStringLiteral("socket.io");
        c.transport = i % 7 ? QStringLiteral("websocket") : QStringLiteral("polling");
        c.connectedAtMicros = 1'700'000'000'000'000LL + i;
        for (const QString &r : rooms)
            if (rng.bounded(3) == 0)
                c.rooms << r;
        c.messagesSent = rng.bounded(1000);
        c.bytesSent = c.messagesSent * 180;
        c.rttMs = rng.bounded(2) ? qint64(rng.bounded(50)) : -1;
        out << c;
    }
    return out;
}

// What the model shows, by id, equals what was fed.
bool sameClients(const ClientsModel &m, const QList<server::ClientInfo> &in)
{
    if (m.rowCount() != in.size())
        return false;
    for (const server::ClientInfo &c : in) {
        const int row = m.rowOf(c.id);
        if (row < 0)
            return false;
        const server::ClientInfo &s = m.client(row);
        if (s.messagesSent != c.messagesSent || s.rooms != c.rooms || s.rttMs != c.rttMs)
            return false;
    }
    return true;
}

bool sortedBy(const QAbstractItemModel &proxy, int column, Qt::SortOrder order)
{
    for (int r = 1; r < proxy.rowCount(); ++r) {
        const QVariant a = proxy.index(r - 1, column).data(SortRole), b = proxy.index(r, column).data(SortRole);
        const bool ok = order == Qt::AscendingOrder ? !(QVariant::compare(b, a) == QPartialOrdering::Less)
                                                    : !(QVariant::compare(a, b) == QPartialOrdering::Less);
        if (!ok)
            return false;
    }
    return true;
}

core::PriceTick tick(const core::InstrumentSet &set, int index, double bid, double ask, qint64 micros)
{
    core::PriceTick t;
    t.instrument = set.pair(index);
    t.index = index;
    const int d = core::InstrumentSet::quoteDecimals(t.instrument);
    t.bid = bid;
    t.ask = ask;
    t.mid = (bid + ask) / 2;
    t.quote.bid = QString::number(bid, 'f', d);
    t.quote.ask = QString::number(ask, 'f', d);
    t.timeMicros = micros;
    return t;
}

AlertRow alert(qint64 micros, const QString &pair, const QString &severity, const QString &message, qint64 id = 0)
{
    AlertRow r;
    r.id = id;
    r.type = QStringLiteral("volatility");
    r.pair = pair;
    r.value = 0.12;
    r.threshold = 0.1;
    r.severity = severity;
    r.message = message;
    r.raisedMicros = micros;
    r.live = id == 0;
    return r;
}

} // namespace

class TestGuiModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientsBurst()
    {
        const core::InstrumentSet set;
        QRandomGenerator rng(42);
        ClientsModel model;
        model.setRoomTotal(set.size());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        FilterProxy proxy; // checked for order; the small run below puts a tester on it
        proxy.setSourceModel(&model);
        proxy.sort(ClientsModel::Messages, Qt::DescendingOrder);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removals(&model, &QAbstractItemModel::rowsRemoved);

        QList<server::ClientInfo> clients = makeClients(1000, rng, set.rooms());
        model.update(clients);
        QCOMPARE(inserts.size(), 1); // one insert for the whole first snapshot
        QVERIFY(sameClients(model, clients));
        int nextId = 1000;
        for (int round = 0; round < 50; ++round) {
            // Counters move for everyone; a few leave, a few arrive, rooms change for some.
            for (server::ClientInfo &c : clients) {
                c.messagesSent += rng.bounded(20);
                c.bytesSent = c.messagesSent * 180;
                if (rng.bounded(50) == 0)
                    c.rooms = QStringList{set.room(int(rng.bounded(set.size())))};
            }
            for (int k = 0; k < 5; ++k)
                clients.removeAt(int(rng.bounded(qsizetype(clients.size()))));
            clients += makeClients(5, rng, set.rooms(), nextId);
            nextId += 5;
            model.update(clients);
            QVERIFY(sameClients(model, clients));
            QVERIFY(sortedBy(proxy, ClientsModel::Messages, Qt::DescendingOrder));
        }
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(proxy.rowCount(), 1000);
        QVERIFY(removals.size() >= 50); // departures only, in runs

        // A quiet refresh: three rows change, three dataChanged.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        for (int k : {3, 500, 998})
            clients[k].messagesSent += 1;
        model.update(clients);
        QCOMPARE(changed.size(), 3);
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const QModelIndex a = args.at(0).toModelIndex(), b = args.at(1).toModelIndex();
            QCOMPARE(a.row(), b.row());
            QCOMPARE(a.column(), int(ClientsModel::Messages));
        }
        // Nothing changed: nothing emitted.
        changed.clear();
        model.update(clients);
        QCOMPARE(changed.size(), 0);
        // Everyone left: removed, not reset.
        model.update({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.size(), 0);
    }

    void clientsHighlightAndFilter()
    {
        const core::InstrumentSet set;
        QRandomGenerator rng(7);
        ClientsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<server::ClientInfo> clients = makeClients(100, rng, set.rooms());
        model.update(clients);
        int members = 0;
        for (const server::ClientInfo &c : clients)
            members += c.rooms.contains(QStringLiteral("price_EUR_USD")) ? 1 : 0;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setHighlightRoom(QStringLiteral("price_EUR_USD"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.highlightedCount(), members);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, 0).data(Qt::BackgroundRole).isValid(), model.isHighlighted(r));
        // The filter box matches any column.
        FilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterFixedString(QStringLiteral("client-42"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterFixedString(QStringLiteral("polling"));
        QVERIFY(proxy.rowCount() > 0 && proxy.rowCount() < 100);
    }

    void clientsRoundTripDisplay()
    {
        const core::InstrumentSet set;
        QRandomGenerator rng(8);
        QList<server::ClientInfo> clients = makeClients(3, rng, set.rooms());
        clients[0].rttMs = -1; // not measured yet
        clients[1].rttMs = 0; // under a millisecond (heartbeats are timed in whole ms)
        clients[2].rttMs = 12;
        ClientsModel model;
        model.update(clients);
        auto shown = [&](int i) {
            return model.index(model.rowOf(clients[i].id), ClientsModel::Rtt).data().toString();
        };
        QCOMPARE(shown(0), QStringLiteral("—"));
        QCOMPARE(shown(1), QStringLiteral("< 1 ms"));
        QCOMPARE(shown(2), QStringLiteral("12 ms"));
    }

    void clientsUserColumn()
    {
        const core::InstrumentSet set;
        QRandomGenerator rng(9);
        QList<server::ClientInfo> clients = makeClients(2, rng, set.rooms());
        clients[0].user = QStringLiteral("alice"); // the token's sub (SECURITY.md, "Tokens")
        clients[1].user.clear(); // WEBSOCKET_AUTH=none
        ClientsModel model;
        model.update(clients);
        auto cell = [&](int i, int role) {
            return model.index(model.rowOf(clients[i].id), ClientsModel::User).data(role).toString();
        };
        QCOMPARE(model.headerData(ClientsModel::User, Qt::Horizontal).toString(), QStringLiteral("User"));
        QCOMPARE(cell(0, Qt::DisplayRole), QStringLiteral("alice"));
        QCOMPARE(cell(1, Qt::DisplayRole), QStringLiteral("—"));
        QCOMPARE(cell(1, ExportRole), QString());
        // A refresh that changes the user is shown.
        clients[1].user = QStringLiteral("bob");
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.update(clients);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(cell(1, Qt::DisplayRole), QStringLiteral("bob"));
    }

    void roomsBurst_data()
    {
        QTest::addColumn<int>("clients");
        QTest::addColumn<bool>("tester");
        // QAbstractItemModelTester walks the whole tree on every insert and removal: with
        // 1,000 clients in 20 rooms (~7,000 member rows) that takes minutes, so the large burst
        // checks consistency and order, and the tester watches a 200-client burst.
        QTest::newRow("1000 clients") << 1000 << false;
        QTest::newRow("200 clients, tester") << 200 << true;
    }

    void roomsBurst()
    {
        QFETCH(int, clients);
        QFETCH(bool, tester);
        const core::InstrumentSet set;
        QRandomGenerator rng(3);
        RoomsModel model(set.rooms());
        std::unique_ptr<QAbstractItemModelTester> watch;
        if (tester)
            watch = std::make_unique<QAbstractItemModelTester>(&model,
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        FilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(RoomsModel::Subscribers, Qt::DescendingOrder);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QCOMPARE(model.rowCount(), set.size());

        QList<server::ClientInfo> list = makeClients(clients, rng, set.rooms());
        int nextId = clients;
        for (int round = 0; round < 50; ++round) {
            for (int k = 0; k < 10; ++k)
                list.removeAt(int(rng.bounded(qsizetype(list.size()))));
            list += makeClients(10, rng, set.rooms(), nextId);
            nextId += 10;
            for (int k = 0; k < 20; ++k) {
                server::ClientInfo &c = list[int(rng.bounded(qsizetype(list.size())))];
                c.rooms = rng.bounded(2) ? set.rooms() : QStringList{};
            }
            for (int k = 0; k < 5; ++k) // a few clients show another address (a polling client upgraded)
                list[int(rng.bounded(qsizetype(list.size())))].peer = QStringLiteral("10.9.%1.%2:1").arg(round).arg(k);
            model.update(list);
            QHash<QByteArray, QString> peerOf;
            for (const server::ClientInfo &c : std::as_const(list))
                peerOf.insert(c.id, c.peer);
            for (int r = 0; r < set.size(); ++r) {
                QSet<QByteArray> expected;
                for (const server::ClientInfo &c : std::as_const(list))
                    if (c.rooms.contains(set.room(r)))
                        expected.insert(c.id);
                QCOMPARE(model.memberCount(set.room(r)), int(expected.size()));
                const QModelIndex room = model.index(r, 0);
                QCOMPARE(model.rowCount(room), int(expected.size()));
                // Exactly those clients, each with its current address.
                QSet<QByteArray> shown;
                for (int i = 0; i < model.rowCount(room); ++i) {
                    const QByteArray id = model.clientAt(model.index(i, 0, room));
                    shown.insert(id);
                    QCOMPARE(model.index(i, RoomsModel::Address, room).data().toString(), peerOf.value(id));
                }
                QCOMPARE(shown, expected);
            }
            QVERIFY(sortedBy(proxy, RoomsModel::Subscribers, Qt::DescendingOrder));
        }
        QCOMPARE(resets.size(), 0);
        // A member row knows its room and client.
        const QModelIndex room = model.index(0, 0);
        if (model.rowCount(room) > 0) {
            const QModelIndex member = model.index(0, 0, room);
            QCOMPARE(model.roomAt(member), set.room(0));
            QVERIFY(!model.clientAt(member).isEmpty());
            QVERIFY(model.clientAt(room).isEmpty());
        }
        // Filtering by a room name keeps that room's members.
        proxy.setFilterFixedString(QStringLiteral("price_USD_JPY"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.rowCount(proxy.index(0, 0)), model.memberCount(QStringLiteral("price_USD_JPY")));
    }

    // The proxies the views use, under a tester too (smaller: the tester walks the whole model
    // on every layout change).
    void proxiesUnderTesters()
    {
        const core::InstrumentSet set;
        QRandomGenerator rng(11);
        ClientsModel clients;
        RoomsModel rooms(set.rooms());
        FilterProxy cp, rp;
        cp.setSourceModel(&clients);
        rp.setSourceModel(&rooms);
        QAbstractItemModelTester ct(&cp, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester rt(&rp, QAbstractItemModelTester::FailureReportingMode::QtTest);
        cp.sort(ClientsModel::Bytes, Qt::AscendingOrder);
        rp.sort(RoomsModel::Subscribers, Qt::DescendingOrder);
        QList<server::ClientInfo> list = makeClients(60, rng, set.rooms());
        int nextId = 60;
        for (int round = 0; round < 10; ++round) {
            list.removeAt(int(rng.bounded(qsizetype(list.size()))));
            list += makeClients(2, rng, set.rooms(), nextId);
            nextId += 2;
            for (int k = 0; k < 3; ++k)
                list[int(rng.bounded(qsizetype(list.size())))].bytesSent += 1000 + rng.bounded(100000);
            clients.update(list);
            rooms.update(list);
            QVERIFY(sortedBy(cp, ClientsModel::Bytes, Qt::AscendingOrder));
            QVERIFY(sortedBy(rp, RoomsModel::Subscribers, Qt::DescendingOrder));
        }
        cp.setFilterFixedString(QStringLiteral("client-1"));
        rp.setFilterFixedString(QStringLiteral("client-1"));
        QVERIFY(cp.rowCount() > 0);
        QVERIFY(rp.rowCount() > 0);
    }

    void marketWatchFlashStaleAndPips()
    {
        const core::InstrumentSet set;
        MarketWatchModel model(set);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        qint64 now = 1'000'000;
        model.setClock([&now] { return now; });
        model.setStaleSeconds(15);
        const int eur = set.indexOf(u"EUR_USD"), jpy = set.indexOf(u"USD_JPY");
        QHash<int, core::PriceTick> q;
        q.insert(eur, tick(set, eur, 1.08412, 1.08421, 1));
        q.insert(jpy, tick(set, jpy, 150.101, 150.111, 1));
        model.applyQuotes(q);
        QCOMPARE(model.index(eur, MarketWatchModel::Spread).data().toString(), QStringLiteral("0.9"));
        QCOMPARE(model.index(jpy, MarketWatchModel::Spread).data().toString(), QStringLiteral("1.0"));
        QCOMPARE(model.index(eur, MarketWatchModel::Bid).data().toString(), QStringLiteral("1.08412"));
        QCOMPARE(model.flashing(eur, MarketWatchModel::Bid), 0); // first quote: no direction yet

        // Up: blue flash and blue text.
        now += 100;
        q.clear();
        q.insert(eur, tick(set, eur, 1.08420, 1.08429, 2));
        model.applyQuotes(q);
        QCOMPARE(model.direction(eur), 1);
        QCOMPARE(model.flashing(eur, MarketWatchModel::Bid), 1);
        QVERIFY(model.index(eur, MarketWatchModel::Bid).data(Qt::BackgroundRole).isValid());
        // Down while the flash runs: the text turns red at once, the flash does not restart.
        now += 50;
        q.insert(eur, tick(set, eur, 1.08400, 1.08409, 3));
        model.applyQuotes(q);
        QCOMPARE(model.direction(eur), -1);
        QCOMPARE(model.flashing(eur, MarketWatchModel::Bid), 1);
        // The flash ends after kFlashMs, and the next waits for the gap: never a strobe.
        now += MarketWatchModel::kFlashMs;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refreshTimers();
        QCOMPARE(model.flashing(eur, MarketWatchModel::Bid), 0);
        QCOMPARE(changed.size(), 1);
        q.insert(eur, tick(set, eur, 1.08410, 1.08419, 4));
        model.applyQuotes(q);
        QCOMPARE(model.flashing(eur, MarketWatchModel::Bid), 0);
        now += MarketWatchModel::kFlashGapMs;
        q.insert(eur, tick(set, eur, 1.08420, 1.08430, 5));
        model.applyQuotes(q);
        QCOMPARE(model.flashing(eur, MarketWatchModel::Bid), 1);
        // Flashing off: no flash at all.
        model.setFlashEnabled(false);
        QCOMPARE(model.flashing(eur, MarketWatchModel::Bid), 0);
        model.setFlashEnabled(true);

        // Change against the day's reference, in pips.
        model.setReference(eur, 1.08000, 0);
        QCOMPARE(model.index(eur, MarketWatchModel::Change).data().toString(), QStringLiteral("+42.5"));
        model.setReference(jpy, 150.0, 0);
        QCOMPARE(model.index(jpy, MarketWatchModel::Change).data().toString(), QStringLiteral("+10.6"));

        // Stale after 15 s without a tick: greyed, italic, marked.
        now += 15'000;
        model.refreshTimers();
        QVERIFY(model.isStale(eur));
        QVERIFY(model.index(eur, MarketWatchModel::Time).data().toString().contains(QStringLiteral("stale")));
        QVERIFY(model.index(eur, MarketWatchModel::Bid).data(Qt::FontRole).value<QFont>().italic());
        q.clear();
        q.insert(eur, tick(set, eur, 1.08430, 1.08439, 6));
        model.applyQuotes(q);
        QVERIFY(!model.isStale(eur));
        QVERIFY(model.isStale(jpy));
        model.setStaleSeconds(60);
        QVERIFY(!model.isStale(jpy));
    }

    void marketWatchBurst()
    {
        const core::InstrumentSet set;
        MarketWatchModel model(set);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        FilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(MarketWatchModel::Spread, Qt::DescendingOrder);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QRandomGenerator rng(9);
        for (int round = 0; round < 50; ++round) {
            QHash<int, core::PriceTick> q;
            const int n = round % 2 ? set.size() : 3; // all pairs, or a few
            for (int k = 0; k < n; ++k) {
                const int i = round % 2 ? k : int(rng.bounded(set.size()));
                const double base = set.pair(i).endsWith(u"JPY") ? 150.0 : 1.1;
                const double bid = base * (1 + rng.bounded(100) / 10000.0);
                q.insert(i, tick(set, i, bid, bid + base * 0.0002 * (1 + rng.bounded(5)), round));
            }
            QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
            model.applyQuotes(q);
            QCOMPARE(changed.size(), n == set.size() ? 1 : int(q.size())); // one range when most changed
            QString order;
            for (int r = 0; r < proxy.rowCount(); ++r)
                order += proxy.index(r, MarketWatchModel::Spread).data(SortRole).toString() + u' ';
            QVERIFY2(sortedBy(proxy, MarketWatchModel::Spread, Qt::DescendingOrder),
                     qPrintable(QString::number(round) + u' ' + order));
        }
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserts.size(), 0);
        QCOMPARE(model.rowCount(), set.size());
    }

    void alertsLiveMergeAcknowledge()
    {
        AlertsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        FilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(AlertsModel::Time, Qt::DescendingOrder);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);

        // History page (newest first), then live alerts on top in one insert each time.
        QVector<AlertRow> page;
        for (int i = 0; i < 200; ++i)
            page << alert(1'000'000 - i * 10, QStringLiteral("EUR_USD"), QStringLiteral("warning"),
                          QStringLiteral("old %1").arg(i), 500 - i);
        model.merge(page);
        QCOMPARE(model.rowCount(), 200);
        QCOMPARE(inserts.size(), 1);
        qint64 t = 2'000'000;
        for (int round = 0; round < 50; ++round) {
            QVector<AlertRow> live;
            for (int k = 0; k < 20; ++k) {
                t += 10;
                live << alert(t, QStringLiteral("GBP_USD"),
                              k % 5 ? QStringLiteral("warning") : QStringLiteral("critical"),
                              QStringLiteral("live %1").arg(t));
            }
            inserts.clear();
            model.addLive(live);
            QCOMPARE(inserts.size(), 1);
            QCOMPARE(inserts.first().at(1).toInt(), 0); // at the top
            QCOMPARE(model.row(0).raisedMicros, t); // newest first
        }
        QCOMPARE(model.rowCount(), 200 + 50 * 20);
        QVERIFY(sortedBy(proxy, AlertsModel::Time, Qt::DescendingOrder));

        // The database's page gives the live rows their ids, in place, without duplicates.
        QVector<AlertRow> stored;
        for (int i = 0; i < 1000; ++i) {
            AlertRow r = model.row(i);
            r.id = 10'000 + i;
            r.live = false;
            stored << r;
        }
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        inserts.clear();
        model.merge(stored);
        QCOMPARE(inserts.size(), 0);
        QCOMPARE(model.rowCount(), 1200);
        QCOMPARE(changed.size(), 1000);
        QCOMPARE(model.databaseRowCount(), 1200);

        // Acknowledge two rows, then all.
        model.setAcknowledged({0, 5}, 42, QStringLiteral("op"));
        QVERIFY(model.row(0).ackMicros && model.row(5).ackMicros && !model.row(1).ackMicros);
        QVERIFY(model.index(0, AlertsModel::Acknowledged).data().toString().contains(QStringLiteral("op")));
        QCOMPARE(model.unacknowledgedCount(), 1198);
        // A later page without the acknowledgement (not committed yet) does not undo it.
        AlertRow stale = model.row(0);
        stale.ackMicros = 0;
        model.merge({stale});
        QVERIFY(model.row(0).ackMicros);
        model.acknowledgeAll(43, QStringLiteral("op"));
        QCOMPARE(model.unacknowledgedCount(), 0);

        // Severity: coloured and with an icon.
        QVERIFY(model.index(0, AlertsModel::Severity).data(Qt::DecorationRole).isValid());
        QVERIFY(model.index(0, AlertsModel::Severity).data(Qt::ForegroundRole).isValid());
        proxy.sort(AlertsModel::Severity, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, AlertsModel::Severity).data(SortRole).toInt(), 2);
        QVERIFY(sortedBy(proxy, AlertsModel::Severity, Qt::DescendingOrder));
        QCOMPARE(resets.size(), 0);

        // A new filter replaces the rows (the only reset).
        model.replaceAll({alert(5, QStringLiteral("USD_JPY"), QStringLiteral("info"), QStringLiteral("x"), 1)});
        QCOMPARE(model.rowCount(), 1);
    }

    void alertFilterMatchesLikeTheDatabase()
    {
        const AlertRow a =
            alert(100, QStringLiteral("EUR_USD"), QStringLiteral("critical"), QStringLiteral("Volatility HIGH"));
        storage::AlertFilter f;
        QVERIFY(a.matches(f));
        f.text = QStringLiteral("high");
        QVERIFY(a.matches(f));
        f.severity = QStringLiteral("warning");
        QVERIFY(!a.matches(f));
        f = {};
        f.fromMicros = 100;
        f.toMicros = 101;
        QVERIFY(a.matches(f));
        f.toMicros = 100;
        QVERIFY(!a.matches(f));
        f = {};
        AlertRow c = a;
        c.type = QStringLiteral("correlation");
        c.pairB = QStringLiteral("GBP_USD");
        f.pair = QStringLiteral("GBP_USD");
        QVERIFY(c.matches(f));
        f.acknowledged = storage::AckFilter::Acknowledged;
        QVERIFY(!c.matches(f));
    }

    void csv()
    {
        QCOMPARE(csvField(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        ClientsModel model;
        QRandomGenerator rng(1);
        const core::InstrumentSet set;
        model.update(makeClients(3, rng, set.rooms()));
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QVERIFY(writeCsv(model, &out));
        const QList<QByteArray> lines = out.data().trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.first().startsWith("Client id,Remote address"));
        QVERIFY(lines.at(1).startsWith("client-0,10.0.0.0:40000"));
        QVERIFY(lines.at(1).contains("2023-11-14T22:13:20.000000Z")); // ISO UTC, not the display format
        // A tree: members follow their room with the room in a leading column.
        RoomsModel rooms(set.rooms());
        server::ClientInfo c;
        c.id = "abc";
        c.peer = QStringLiteral("1.2.3.4:5");
        c.rooms = {QStringLiteral("price_EUR_USD")};
        rooms.update({c});
        QBuffer tree;
        tree.open(QIODevice::WriteOnly);
        QVERIFY(writeCsv(rooms, &tree));
        QVERIFY(tree.data().contains("\nprice_EUR_USD,abc,,1.2.3.4:5\n"));
        QVERIFY(tree.data().startsWith("Parent,Room / client,Subscribers"));
    }
};

FX_GUI_TEST_MAIN(TestGuiModels)
#include "tst_gui_models.moc"
