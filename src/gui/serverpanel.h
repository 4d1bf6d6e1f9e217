#pragma once

// The server panel: listening address, uptime, clients now / peak / maximum, messages and
// bytes per second as live graphs (from the 4-a-second status samples), the delivery latency
// (p50/p99 of the last ten seconds and a graph of p99), rooms, the Redis
// subscriber's state and per-channel message and drop counts, and the database state. The
// start / stop / restart buttons are the main window's actions.

#include "gui/enginesampler.h"

#include <QWidget>

class QAction;
class QFormLayout;
class QLabel;
class QStandardItemModel;
class QTreeView;

namespace fx::gui {

class RateGraph;

class ServerPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPanel)

public:
    ServerPanel(QAction *start, QAction *stop, QAction *restart, QWidget *parent = nullptr);
    ~ServerPanel() override;

    void onStatus(const StatusSnapshot &s);
    QStandardItemModel *channelsModel() const { return m_channels; }
    QString redisText() const;

private:
    QLabel *addRow(const QString &label, QWidget *value = nullptr);
    void showLatency(const server::StatsSnapshot &st);

    QLabel *m_listening;
    QLabel *m_exposure; // shown while the server listens beyond loopback
    QLabel *m_tls; // the served certificate, shown while the server speaks TLS
    QLabel *m_uptime;
    QLabel *m_clients;
    QLabel *m_connections;
    RateGraph *m_messages;
    RateGraph *m_bytes;
    QLabel *m_latency; // ARCHITECTURE.md, "Delivery latency": p50/p99 of the last 10 s
    RateGraph *m_latencyGraph; // p99 over the last two minutes
    QLabel *m_rooms;
    QLabel *m_redis;
    QLabel *m_database;
    QLabel *m_errors;
    QLabel *m_refused; // SECURITY.md: requests refused by the access controls
    QStandardItemModel *m_channels;
    QTreeView *m_channelView;
    QFormLayout *m_form;
};

} // namespace fx::gui
