#pragma once

// TLS on the server's one port (SECURITY.md, "TLS"): the certificate and key named by
// WEBSOCKET_TLS_CERT / WEBSOCKET_TLS_KEY, loaded and checked (PEM, leaf first then its chain,
// an unencrypted RSA or EC key that belongs to the leaf), the configuration every new
// handshake uses (TLS 1.2 or newer, a curated cipher list), its replacement at run time
// (reload) and the counters of failed handshakes.
//
// Thread contract: configuration() and the counters are safe from any thread (the shards read
// the current configuration under a mutex, once per accepted connection); reload() runs on
// the thread that asks (the main thread: two small files), never waits on a shard, and
// leaves connected clients alone: only handshakes after it use the new certificate.

#include <QDateTime>
#include <QMutex>
#include <QSslConfiguration>
#include <QString>
#include <array>
#include <atomic>
#include <optional>

class QSslSocket;

namespace fx::server {

// What one loaded certificate is, for the log and the operator (never key material).
struct TlsCertificateInfo
{
    QString subject; // common name of the leaf
    QString issuer; // common name of its issuer
    QString serial; // hex, colon-separated as Qt prints it
    QDateTime expires;
    int chainLength = 0; // intermediates sent after the leaf
    QString describe() const;
};

// Why a TLS handshake failed (labels of fxmonitor_tls_handshake_failures_total).
enum class TlsFailure {
    PlainHttp, // a plain HTTP / ws:// request to the TLS port
    Protocol, // no common protocol version or cipher (e.g. a TLS 1.1-only client)
    Timeout, // not finished within the handshake timeout
    Other, // anything else (bad record, a client that refused our certificate, ...)
};
inline constexpr int kTlsFailureCount = 4;
QString tlsFailureName(TlsFailure f);

struct TlsMaterial
{
    QSslConfiguration configuration;
    TlsCertificateInfo info;
};

class TlsContext
{
public:
    // Disabled (plain ws:// and http://) when both paths are empty.
    TlsContext(QString certPath, QString keyPath);

    bool enabled() const { return !m_certPath.isEmpty(); }
    const QString &certPath() const { return m_certPath; }
    const QString &keyPath() const { return m_keyPath; }

    // Reads and checks both files. On failure: nullopt and one line naming the setting (no key
    // material ever). Used at start-up and by reload().
    static std::optional<TlsMaterial> load(const QString &certPath, const QString &keyPath, QString *error);
    // The curated configuration for a certificate chain and key.
    static QSslConfiguration serverConfiguration(const QList<QSslCertificate> &chain, const QSslKey &key);

    // Loads the files the first time (start-up); false with *error.
    bool initialise(QString *error);
    // Re-reads both files; on success new handshakes use them, on failure the old ones stay.
    bool reload(QString *error);

    // Any thread: a copy of the current configuration (implicitly shared, cheap).
    QSslConfiguration configuration() const;
    TlsCertificateInfo certificate() const;

    // Starts the server side of the handshake on an accepted socket (its thread), counting and
    // logging (rate limited) a handshake that fails. A plain HTTP request is answered with a
    // plain-text 400 that names https:// and wss:// before the connection is closed.
    void startServerEncryption(QSslSocket *socket);
    // The handshake timeout passed before the handshake finished: counted and logged.
    void handshakeTimedOut(QSslSocket *socket);
    void countFailure(TlsFailure f) { m_failures[size_t(f)].fetch_add(1, std::memory_order_relaxed); }
    quint64 failures(TlsFailure f) const { return m_failures[size_t(f)].load(std::memory_order_relaxed); }
    quint64 reloads(bool ok) const { return (ok ? m_reloadsOk : m_reloadsFailed).load(std::memory_order_relaxed); }

    // The TLS part of /metrics (Prometheus text).
    QByteArray metricsText() const;

private:
    void onHandshakeError(QSslSocket *socket);
    void logFailure(QSslSocket *socket, TlsFailure kind, const QString &why);

    QString m_certPath;
    QString m_keyPath;
    mutable QMutex m_mutex;
    QSslConfiguration m_configuration; // under m_mutex
    TlsCertificateInfo m_info; // under m_mutex
    std::array<std::atomic<quint64>, kTlsFailureCount> m_failures{};
    std::atomic<quint64> m_reloadsOk{0};
    std::atomic<quint64> m_reloadsFailed{0};
};

} // namespace fx::server
