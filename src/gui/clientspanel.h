#pragma once

// The clients panel: every connected client (ClientsModel behind a TablePanel), a context
// menu to disconnect a client (StreamServer::kick) or copy its id, details with its stored
// connection history on double-click, and a banner while a room's members are highlighted.

#include <QWidget>

class QAction;
class QLabel;
class QToolButton;

namespace fx::engine {
class Engine;
}

namespace fx::gui {

class ClientsModel;
class TablePanel;

class ClientsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientsPanel)

public:
    ClientsPanel(ClientsModel *model, engine::Engine *engine, QWidget *parent = nullptr);
    ~ClientsPanel() override;

    TablePanel *table() const { return m_table; }
    ClientsModel *model() const { return m_model; }
    QAction *disconnectAction() const { return m_disconnect; }
    QAction *copyIdAction() const { return m_copyId; }
    QAction *detailsAction() const { return m_details; }

    // Selects the row of this client (tests, the rooms panel).
    bool selectClient(const QByteArray &id);
    QList<QByteArray> selectedIds() const;
    // Highlights the members of a room (empty: clears).
    void highlightRoom(const QString &room);
    void showDetails(int sourceRow);
    // Age of the rows shown: above 2 s (an overloaded server answers late) a note says so.
    void setSnapshotAge(qint64 ms);

Q_SIGNALS:
    void message(const QString &text);
    void highlightCleared();

private:
    void disconnectSelected();
    void updateActions();
    void updateBanner();

    ClientsModel *m_model;
    engine::Engine *m_engine;
    TablePanel *m_table;
    QAction *m_disconnect;
    QAction *m_copyId;
    QAction *m_details;
    QWidget *m_banner;
    QLabel *m_bannerText;
    QLabel *m_age;
};

} // namespace fx::gui
