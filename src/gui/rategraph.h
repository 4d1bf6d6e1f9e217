#pragma once

#include <QVector>
#include <QWidget>
#include <functional>

namespace fx::gui {

// A live graph of one rate (messages/s, bytes/s) over the last two minutes, painted by hand.
class RateGraph final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateGraph)

public:
    static constexpr int kSamples = 480; // 2 minutes at 4 samples a second

    explicit RateGraph(std::function<QString(double)> format, QWidget *parent = nullptr);
    ~RateGraph() override;

    void addSample(double value);
    void clear();
    int sampleCount() const { return int(m_samples.size()); }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::function<QString(double)> m_format;
    QVector<double> m_samples;
};

} // namespace fx::gui
