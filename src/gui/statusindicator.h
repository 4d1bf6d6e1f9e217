#pragma once

// A coloured dot and the state in words, for the status bar and the toolbar: the text always
// says the state; the colour only repeats it.

#include "gui/statustext.h"

#include <QWidget>

class QLabel;

namespace fx::gui {

class StatusIndicator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusIndicator)

public:
    explicit StatusIndicator(const QString &objectName, QWidget *parent = nullptr);
    ~StatusIndicator() override;

    void setState(const StateText &state);
    QString text() const;
    QColor colour() const { return m_colour; }

private:
    QLabel *m_dot;
    QLabel *m_text;
    QColor m_colour;
};

} // namespace fx::gui
