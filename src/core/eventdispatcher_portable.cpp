#include "core/eventdispatcher.h"

namespace fx::core {

// Qt's own dispatcher: it polls every socket of the thread on each pass (PERFORMANCE.md,
// "Kernel pace"), which costs more per pass at thousands of clients, but works everywhere.
QAbstractEventDispatcher *createIoEventDispatcher()
{
    return nullptr;
}

} // namespace fx::core
