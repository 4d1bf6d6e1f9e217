// The portable side of the WebSocket channel's platform seam (wschannel.h): Qt's QWebSocket
// stays (makeQtWsChannel), the project's own framing needs the bare descriptor.

#include "server/wschannel.h"

namespace fx::server {

bool ownFramingFor(const QTcpSocket *)
{
    return false;
}

WsChannel *acceptOwnUpgrade(QTcpSocket *, const protocol::HttpRequest &, qsizetype, qint64, QObject *, ShardCounters &,
                            ServerStats &)
{
    return nullptr;
}

} // namespace fx::server
