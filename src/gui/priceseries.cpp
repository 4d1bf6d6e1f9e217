#include "gui/priceseries.h"

#include "gui/theme.h"

#include <QApplication>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QChart>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

namespace fx::gui {

// The series' names keep the translation context they had in the chart view (translations/*.ts).
PriceSeries::PriceSeries(QChart *chart)
    : m_chart(chart)
    , m_bid(new QLineSeries)
    , m_ask(new QLineSeries)
    , m_mid(new QLineSeries)
    , m_candles(new QCandlestickSeries)
    , m_x(new QDateTimeAxis)
    , m_y(new QValueAxis)
{
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignTop);
    m_bid->setName(QCoreApplication::translate("fx::gui::PriceChartView", "Bid"));
    m_ask->setName(QCoreApplication::translate("fx::gui::PriceChartView", "Ask"));
    m_mid->setName(QCoreApplication::translate("fx::gui::PriceChartView", "Mid"));
    m_candles->setName(QCoreApplication::translate("fx::gui::PriceChartView", "Mid, OHLC"));
    m_candles->setBodyOutlineVisible(false);
    m_candles->setMinimumColumnWidth(2);
    for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(m_bid), static_cast<QAbstractSeries *>(m_ask),
                               static_cast<QAbstractSeries *>(m_mid), static_cast<QAbstractSeries *>(m_candles)})
        chart->addSeries(s);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignRight);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    m_x->setTickCount(6);
    m_y->setTickCount(6);
}

PriceSeries::~PriceSeries() = default;

void PriceSeries::applyTheme()
{
    m_chart->setTheme(Theme::isDark() ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_chart->setBackgroundBrush(QApplication::palette().color(QPalette::Base));
    const QColor text = QApplication::palette().color(QPalette::Text);
    m_chart->legend()->setLabelColor(text);
    m_x->setLabelsColor(text);
    m_y->setLabelsColor(text);
    QColor grid = text;
    grid.setAlpha(40);
    m_x->setGridLineColor(grid);
    m_y->setGridLineColor(grid);
    // Thin cosmetic pens take the rasteriser's fast line path (wide or dashed pens go through
    // the stroker: several times the cost for 4,500 points).
    QColor midColour = text;
    midColour.setAlpha(150);
    QPen bid(Theme::up(), 1), ask(Theme::down(), 1), mid(midColour, 1);
    for (QPen *pen : {&bid, &ask, &mid})
        pen->setCosmetic(true);
    m_bid->setPen(bid);
    m_ask->setPen(ask);
    m_mid->setPen(mid);
    m_candles->setIncreasingColor(Theme::up());
    m_candles->setDecreasingColor(Theme::down());
    m_candles->setPen(QPen(text, 1));
}

void PriceSeries::showLines(bool lines)
{
    m_bid->setVisible(lines);
    m_ask->setVisible(lines);
    m_mid->setVisible(lines);
    m_candles->setVisible(!lines);
    for (QLegendMarker *mk : m_chart->legend()->markers())
        mk->setVisible(mk->series()->isVisible());
}

void PriceSeries::setLines(const QVector<ChartPoint> &points)
{
    QList<QPointF> bid, ask, mid;
    bid.reserve(points.size());
    ask.reserve(points.size());
    mid.reserve(points.size());
    for (const ChartPoint &p : points) {
        if (std::isfinite(p.bid))
            bid.append(QPointF(double(p.t), p.bid));
        if (std::isfinite(p.ask))
            ask.append(QPointF(double(p.t), p.ask));
        mid.append(QPointF(double(p.t), p.mid));
    }
    m_bid->replace(bid);
    m_ask->replace(ask);
    m_mid->replace(mid);
}

void PriceSeries::setCandles(const QVector<Candle> &cs, qint64 periodMs)
{
    // Candles that fell off the front go; a different history means a rebuild.
    while (!m_sets.isEmpty() && (cs.isEmpty() || qint64(m_sets.first()->timestamp()) < cs.first().start)) {
        m_candles->remove(m_sets.first());
        m_sets.removeFirst();
    }
    if (!m_sets.isEmpty() && qint64(m_sets.first()->timestamp()) != cs.first().start) {
        m_candles->clear();
        m_sets.clear();
    }
    QList<QCandlestickSet *> fresh;
    for (qsizetype i = 0; i < cs.size(); ++i) {
        const Candle &c = cs.at(i);
        if (i < m_sets.size()) {
            QCandlestickSet *s = m_sets.at(i);
            if (s->close() != c.close || s->high() != c.high || s->low() != c.low || s->open() != c.open) {
                s->setOpen(c.open);
                s->setHigh(c.high);
                s->setLow(c.low);
                s->setClose(c.close);
            }
            continue;
        }
        const qint64 middleMs = c.start + periodMs / 2;
        auto *s = new QCandlestickSet(c.open, c.high, c.low, c.close, double(middleMs));
        fresh.append(s);
        m_sets.append(s);
    }
    if (!fresh.isEmpty())
        m_candles->append(fresh);
    // The mid series stays attached for the crosshair's coordinates, but holds nothing.
    if (m_mid->count())
        m_mid->clear();
}

void PriceSeries::clearCandles()
{
    m_candles->clear(); // deletes its sets
    m_sets.clear();
}

} // namespace fx::gui
