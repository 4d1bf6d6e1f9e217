// Chart data stays bounded whatever the tick rate (SeriesBuffer, CandleBuffer), the chart
// appends in batches and draws only while it can be seen, small multiples and the PNG export.

#include "core/instruments.h"
#include "core/timeutil.h"
#include "engine/marketdeltabuffer.h"
#include "gui/chartpanel.h"
#include "gui/guisettings.h"
#include "gui/pricechartview.h"
#include "gui/rategraph.h"
#include "gui/seriesbuffer.h"
#include "gui/smallmultiplespanel.h"
#include "gui/sparkline.h"
#include "guitestmain.h"

#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fx;
using namespace fx::gui;

namespace {
QVector<engine::TickPoint> ticks(qint64 fromMs, int n, int stepMs, double base)
{
    QVector<engine::TickPoint> out;
    for (int i = 0; i < n; ++i) {
        const double mid = base + 0.0001 * std::sin(i / 50.0);
        out.append(engine::TickPoint{fromMs + qint64(i) * stepMs, mid - 0.00005, mid + 0.00005, mid});
    }
    return out;
}
} // namespace

class TestGuiCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seriesBufferIsBounded()
    {
        SeriesBuffer b(1000, 300'000);
        const qint64 t0 = 1'700'000'000'000;
        // 20,000 ticks/s for 10 s in 50 ms batches (1,000 points a batch).
        for (int batch = 0; batch < 200; ++batch) {
            QVector<ChartPoint> pts;
            for (int i = 0; i < 1000; ++i) {
                const qint64 t = t0 + batch * 50 + i / 20;
                pts.append(ChartPoint{t, 1.0, 1.1, 1.05});
            }
            b.append(pts);
            QVERIFY(b.points().size() <= 1000);
        }
        QVERIFY(b.decimations() > 0);
        for (qsizetype i = 1; i < b.points().size(); ++i)
            QVERIFY(b.points().at(i - 1).t <= b.points().at(i).t);
        // The newest point is always kept; the span is covered from old to new.
        QCOMPARE(b.points().constLast().t, t0 + 199 * 50 + 999 / 20);
        QCOMPARE(b.points().constFirst().t, t0);
        // Older than the span (plus slack) is dropped.
        b.append(ChartPoint{t0 + 3'600'000, 1, 1, 1});
        QCOMPARE(b.points().size(), 1);
        // History goes before live points, never after them.
        SeriesBuffer h(100, 60'000);
        h.append(ChartPoint{t0 + 1000, 1, 1, 1});
        h.prepend({ChartPoint{t0, 2, 2, 2}, ChartPoint{t0 + 500, 2, 2, 2}, ChartPoint{t0 + 2000, 3, 3, 3}});
        QCOMPARE(h.points().size(), 3);
        QCOMPARE(h.points().constLast().mid, 1.0);
    }

    void candles()
    {
        CandleBuffer c(60'000, 5);
        const qint64 m = 1'700'000'040'000; // a minute boundary is at a multiple of 60,000
        const qint64 start = m - m % 60'000;
        c.addTick(start + 1000, 1.0);
        c.addTick(start + 2000, 1.3);
        c.addTick(start + 3000, 0.9);
        c.addTick(start + 59'000, 1.1);
        QCOMPARE(c.candles().size(), 1);
        const Candle k = c.candles().first();
        QCOMPARE(k.open, 1.0);
        QCOMPARE(k.high, 1.3);
        QCOMPARE(k.low, 0.9);
        QCOMPARE(k.close, 1.1);
        for (int i = 1; i < 10; ++i)
            c.addTick(start + i * 60'000, 1.0 + i);
        QCOMPARE(c.candles().size(), 5); // bounded
        // Stored one-minute bars regrouped into five-minute candles.
        CandleBuffer five(300'000, 10);
        QVector<Candle> bars;
        for (int i = 0; i < 10; ++i)
            bars.append(Candle{start - start % 300'000 + i * 60'000, 1.0 + i, 2.0 + i, 0.5, 1.5 + i});
        five.prependBars(bars);
        QCOMPARE(five.candles().size(), 2);
        QCOMPARE(five.candles().first().open, 1.0);
        QCOMPARE(five.candles().first().close, 5.5);
        QCOMPARE(five.candles().first().high, 6.0);
    }

    void chartAppendsInBatchesAndSkipsDrawingWhileHidden()
    {
        const core::InstrumentSet set;
        ChartPanel panel(set, nullptr, GuiSettings{});
        panel.resize(900, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        PriceChartView *chart = panel.chart();
        QCOMPARE(chart->pair(), QStringLiteral("EUR_USD"));
        const qint64 now = core::nowMillis();
        // A minute of ticks at 1,000 per second in 50 ms batches.
        for (int b = 0; b < 1200; ++b)
            chart->addTicks(ticks(now - 60'000 + b * 50, 50, 1, 1.0845));
        QVERIFY(chart->pointCount() <= PriceChartView::kMaxPoints);
        QVERIFY(chart->pointCount() > 100);
        QTRY_VERIFY(chart->redraws() > 0);
        // Hidden: ticks are kept, nothing is drawn.
        panel.hide();
        const quint64 before = chart->redraws();
        chart->addTicks(ticks(now, 50, 1, 1.0846));
        chart->redraw(); // what the redraw timer calls
        chart->redraw();
        QCOMPARE(chart->redraws(), before);
        panel.show();
        QTRY_VERIFY(chart->redraws() > before);

        // Candles: one-minute candles of the mid.
        panel.setCandles(true);
        chart->addTicks(ticks(now + 100, 100, 600, 1.0845)); // a minute
        QTRY_VERIFY(chart->candleCount() >= 1);
        QCOMPARE(chart->mode(), PriceChartView::Mode::Candles);
        panel.setCandles(false);

        // Alert markers only for alerts about this pair.
        chart->addAlert(AlertMark{now, QStringLiteral("critical"), QStringLiteral("x"), QStringLiteral("EUR_USD"), {}});
        chart->addAlert(AlertMark{now, QStringLiteral("warning"), QStringLiteral("y"), QStringLiteral("USD_JPY"),
                                  QStringLiteral("EUR_USD")});
        chart->addAlert(AlertMark{now, QStringLiteral("info"), QStringLiteral("z"), QStringLiteral("GBP_USD"), {}});
        QCOMPARE(chart->markCount(), 2);

        // Zooming stops following the live edge; Live returns to it.
        QWheelEvent wheel(QPointF(400, 200), chart->mapToGlobal(QPointF(400, 200)), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(chart->viewport(), &wheel);
        QVERIFY(!chart->isFollowing());
        chart->followLive();
        QVERIFY(chart->isFollowing());

        // The crosshair reads out price and time.
        QMouseEvent move(QEvent::MouseMove, QPointF(400, 250), chart->mapToGlobal(QPointF(400, 250)), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(chart->viewport(), &move);
        QVERIFY2(chart->crosshairText().contains(QStringLiteral("UTC")), qPrintable(chart->crosshairText()));

        // PNG export.
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY(panel.exportPng(png));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 300);
    }

    // Feed outages are shaded on the time axis: the pixels of the outage's span change and no
    // others; an outage outside the visible window changes nothing; one still going on reaches
    // the right edge.
    void feedOutagesAreShaded()
    {
        const core::InstrumentSet set;
        ChartPanel panel(set, nullptr, GuiSettings{});
        panel.resize(900, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        PriceChartView *chart = panel.chart();
        chart->setWindow(ChartWindow::OneMinute);
        const qint64 now = core::nowMillis();
        chart->addTicks(ticks(now - 60'000, 600, 100, 1.0845)); // the last minute, a tick each 100 ms
        QTRY_VERIFY(chart->redraws() > 0);
        // Hold the time axis still (a zoom stops following the live edge) so grabs compare.
        QWheelEvent wheel(QPointF(450, 200), chart->mapToGlobal(QPointF(450, 200)), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(chart->viewport(), &wheel);
        QVERIFY(!chart->isFollowing());
        chart->redraw();
        const QImage plain = chart->grab().toImage();
        QCOMPARE(chart->grab().toImage(), plain);

        // Which columns differ from the chart without outages.
        auto changedColumns = [&](const QImage &img) {
            QList<int> cols;
            for (int x = 0; x < img.width(); ++x)
                for (int y = 0; y < img.height(); ++y)
                    if (img.pixel(x, y) != plain.pixel(x, y)) {
                        cols.append(x);
                        break;
                    }
            return cols;
        };

        // Long before the window: nothing shaded.
        chart->setFeedOutages({engine::FeedOutage{(now - 600'000) * 1000, (now - 590'000) * 1000}});
        chart->redraw();
        QCOMPARE(chart->visibleFeedGaps(), 0);
        QVERIFY(changedColumns(chart->grab().toImage()).isEmpty());

        // 10 s in the middle of the window: a band about a fifth of the plot wide.
        chart->setFeedOutages({engine::FeedOutage{(now - 35'000) * 1000, (now - 25'000) * 1000}});
        chart->redraw();
        QCOMPARE(chart->visibleFeedGaps(), 1);
        const QList<int> band = changedColumns(chart->grab().toImage());
        QVERIFY(!band.isEmpty());
        const int width = band.constLast() - band.constFirst() + 1;
        QVERIFY2(width > 80 && width < 300, qPrintable(QString::number(width))); // ~10/48 of an ~750 px plot
        QVERIFY2(band.size() >= width - 2, "one band, no stray pixels elsewhere");

        // Still going on: from its start to the right edge of the plot.
        chart->setFeedOutages({engine::FeedOutage{(now - 20'000) * 1000, 0}});
        chart->redraw();
        QCOMPARE(chart->visibleFeedGaps(), 1);
        const QList<int> ongoing = changedColumns(chart->grab().toImage());
        QVERIFY(!ongoing.isEmpty());
        QVERIFY2(ongoing.constFirst() > band.constLast(), "starts after the earlier band's end");
        QVERIFY(ongoing.constLast() > 900 - 120); // reaches the plot's right edge (the axis labels are right of it)

        // Cleared: the chart is as before.
        chart->setFeedOutages({});
        chart->redraw();
        QVERIFY(changedColumns(chart->grab().toImage()).isEmpty());
    }

    void smallMultiples()
    {
        const core::InstrumentSet set;
        SmallMultiplesPanel panel(set, nullptr);
        panel.resize(800, 420);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.count(), set.size());
        engine::MarketDelta d;
        const qint64 now = core::nowMillis();
        for (int i = 0; i < set.size(); ++i)
            d.ticks.insert(i, ticks(now - 10'000, 2000, 5, set.pair(i).endsWith(u"JPY") ? 150.0 : 1.1));
        panel.onMarket(d);
        for (int i = 0; i < set.size(); ++i) {
            QVERIFY(panel.sparkline(i)->pointCount() > 0);
            QVERIFY(panel.sparkline(i)->pointCount() <= Sparkline::kMaxPoints);
        }
        QSignalSpy clicked(&panel, &SmallMultiplesPanel::pairActivated);
        QTest::mouseClick(panel.sparkline(2), Qt::LeftButton);
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.first().first().toString(), set.pair(2));
    }

    void rateGraphIsBounded()
    {
        RateGraph g([](double v) { return QString::number(v); });
        for (int i = 0; i < 2000; ++i)
            g.addSample(i);
        QCOMPARE(g.sampleCount(), RateGraph::kSamples);
    }
};

FX_GUI_TEST_MAIN(TestGuiCharts)
#include "tst_gui_charts.moc"
