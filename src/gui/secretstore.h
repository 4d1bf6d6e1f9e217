#pragma once

// The desktop's secrets (every name core::isSecretSetting() marks) in the system keyring
// through QtKeychain (the Secret Service on Linux: GNOME Keyring, KWallet), never in the
// settings file (SECURITY.md, "Secrets at rest"). Every keyring job is asynchronous: nothing
// here waits, a read that does not finish within its timeout counts as "no keyring".
//
// Without a keyring (no D-Bus session bus, no Secret Service, an error or a timeout) the
// secrets typed in the settings dialog are kept for this session only and nothing is saved.
// GUI thread.

#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>

class QTimer;

namespace QKeychain {
class Job;
}

namespace fx::gui {

class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class State { Unknown, Available, Unavailable };

    // The application's store (a child of the application object).
    static SecretStore *instance();
    // service: the keyring's "server" attribute of every entry (tests use their own).
    explicit SecretStore(const QString &service = QStringLiteral("fxmonitor"), QObject *parent = nullptr);
    ~SecretStore() override;

    State state() const { return m_state; }
    bool isAvailable() const { return m_state == State::Available; }
    // Why there is no keyring (the keyring's own error text), empty otherwise.
    QString problem() const { return m_problem; }
    // "No system keyring: passwords are used for this session only and not saved", translated.
    static QString noKeyringText();

    // Reads every secret setting; loadFinished() follows once, after the last read or after
    // timeoutMs, whichever is first. Entries that do not exist are not an error.
    void load(int timeoutMs);
    bool isLoading() const { return m_loadGeneration != 0 && m_loadPending > 0; }
    // The secrets of this session: read from the keyring, migrated or saved in the dialog.
    QMap<QString, QString> secrets() const { return m_secrets; }

    // The settings dialog saved: every secret name with its value (a name missing or empty:
    // none, the keyring entry is deleted). Changed values are written to the keyring when it is
    // available; they are the session's values either way. saveFinished() follows.
    void save(const QMap<QString, QString> &secrets);

    // Secrets an earlier version saved in plain text in the settings file: used this session;
    // with a keyring each one is written there and removed from the file once written
    // (migrated()); without one the file is left as it is.
    void migrate(const QMap<QString, QString> &plainText);

Q_SIGNALS:
    void loadFinished();
    // names: the secrets this save concerned; error empty when each one is in the keyring.
    void saveFinished(const QStringList &names, const QString &error);
    void migrated(const QString &name, const QString &error);
    void stateChanged();

private:
    void setState(State state, const QString &problem = {});
    void startJob(QKeychain::Job *job);
    void jobDone();
    void pumpGlib();
    void write(const QString &name, const QString &value, std::function<void(const QString &error)> done);

    QString m_service;
    State m_state = State::Unknown;
    QString m_problem;
    QMap<QString, QString> m_secrets;
    quint64 m_loadGeneration = 0;
    int m_loadPending = 0;
    int m_jobsRunning = 0;
    QTimer *m_loadTimer;
    QTimer *m_pump;
};

} // namespace fx::gui
