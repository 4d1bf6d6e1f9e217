#pragma once

// Details of one connected client and its address's recent connection history, read from
// storage asynchronously (StorageReader::requestConnections; the answer arrives queued).

#include "server/clientinfo.h"
#include "storage/storagetypes.h"

#include <QDialog>
#include <memory>

class QStandardItemModel;

namespace Ui {
class ClientDetailsDialog;
}
namespace fx::storage {
class StorageReader;
}

namespace fx::gui {

class ClientDetailsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientDetailsDialog)

public:
    ClientDetailsDialog(const server::ClientInfo &client, storage::StorageReader *reader, QWidget *parent = nullptr);
    ~ClientDetailsDialog() override;

    QStandardItemModel *historyModel() const { return m_history; }
    static QString hostOf(const QString &peer);

Q_SIGNALS:
    void historyLoaded(int rows);

private:
    void onConnections(quint64 requestId, const QList<storage::ConnectionRecord> &rows);
    void onFailed(quint64 requestId, const QString &error);

    std::unique_ptr<Ui::ClientDetailsDialog> m_ui;
    QStandardItemModel *m_history;
    QString m_clientId;
    quint64 m_request = 0;
};

} // namespace fx::gui
