#pragma once

// The words for every state the window shows, translated, always with the state in the text
// (colour is only a second signal): "Redis disconnected (Connection refused), retrying in 2 s".

#include "gui/enginesampler.h"

#include <QColor>
#include <QString>

namespace fx::gui {

struct StateText
{
    QString text;
    QColor colour;
};

class StatusText
{
public:
    static StateText server(const StatusSnapshot &s);
    static StateText redis(const StatusSnapshot &s);
    static StateText database(const StatusSnapshot &s);
    static StateText sessions(const StatusSnapshot &s);
    static StateText clients(const StatusSnapshot &s);
};

} // namespace fx::gui
