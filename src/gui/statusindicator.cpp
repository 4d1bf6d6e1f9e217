#include "gui/statusindicator.h"

#include "gui/theme.h"

#include <QHBoxLayout>
#include <QLabel>

namespace fx::gui {

StatusIndicator::StatusIndicator(const QString &objectName, QWidget *parent)
    : QWidget(parent)
    , m_dot(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(objectName);
    auto *l = new QHBoxLayout(this);
    l->setContentsMargins(4, 0, 6, 0);
    l->setSpacing(4);
    l->addWidget(m_dot);
    l->addWidget(m_text);
}

StatusIndicator::~StatusIndicator() = default;

void StatusIndicator::setState(const StateText &state)
{
    if (state.colour != m_colour) {
        m_colour = state.colour;
        m_dot->setPixmap(Theme::dot(state.colour, 11).pixmap(11, 11));
    }
    if (state.text != m_text->text()) {
        m_text->setText(state.text);
        setToolTip(state.text);
    }
}

QString StatusIndicator::text() const
{
    return m_text->text();
}

} // namespace fx::gui
