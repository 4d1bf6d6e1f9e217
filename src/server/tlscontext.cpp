#include "server/tlscontext.h"

#include "core/logging.h"
#include "server/nativesocket.h"
#include "server/serverlog.h"

#include <QFile>
#include <QFileInfo>
#include <QSslCipher>
#include <QSslKey>
#include <QSslSocket>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace fx::server {

namespace {

constexpr qint64 kMaxPemBytes = 1024 * 1024; // a certificate chain or a key is a few KB

struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};
struct X509Free
{
    void operator()(X509 *x) const { X509_free(x); }
};
struct PkeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};

// Refuses to ask for a passphrase: an encrypted key is reported, not prompted for.
int noPassphrase(char *, int, int, void *)
{
    return -1;
}

std::optional<QByteArray> readPem(const char *setting, const QString &path, QString *error)
{
    auto fail = [&](const QString &why) {
        *error = QStringLiteral("invalid %1: %2 %3").arg(QString::fromLatin1(setting), path, why);
        return std::nullopt;
    };
    const QFileInfo info(path);
    if (!info.exists())
        return fail(QStringLiteral("does not exist"));
    if (!info.isFile())
        return fail(QStringLiteral("is not a file"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot be read (%1)").arg(f.errorString()));
    if (f.size() > kMaxPemBytes)
        return fail(QStringLiteral("is larger than %1 bytes").arg(kMaxPemBytes));
    return f.readAll();
}

// The curated TLS 1.2 suites: forward secrecy (ECDHE) with an AEAD cipher only. TLS 1.3
// suites are all AEAD; OpenSSL's defaults are kept for them.
const char *const kTls12Ciphers[] = {
    "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",   "ECDHE-ECDSA-AES256-GCM-SHA384",
    "ECDHE-RSA-AES256-GCM-SHA384",   "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
};
const char *const kTls13Ciphers[] = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
                                     "TLS_CHACHA20_POLY1305_SHA256"};

// A private key others can read is a key others may have copied: said once per load.
void warnIfReadableByOthers(const QString &keyPath)
{
    if (QFileInfo(keyPath).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
        qCWarning(fxServerLog).noquote()
            << QStringLiteral("WEBSOCKET_TLS_KEY %1 can be read by other users than its owner: chmod 600 it")
                   .arg(keyPath);
}

} // namespace

QString TlsCertificateInfo::describe() const
{
    return QStringLiteral("certificate \"%1\" issued by \"%2\", serial %3, expires %4%5")
        .arg(subject, issuer, serial, expires.toUTC().toString(Qt::ISODate),
             chainLength ? QStringLiteral(", %1 chain certificate(s)").arg(chainLength) : QString());
}

QString tlsFailureName(TlsFailure f)
{
    switch (f) {
    case TlsFailure::PlainHttp: return QStringLiteral("plain_http");
    case TlsFailure::Protocol: return QStringLiteral("protocol");
    case TlsFailure::Timeout: return QStringLiteral("timeout");
    case TlsFailure::Other: return QStringLiteral("other");
    }
    return {};
}

TlsContext::TlsContext(QString certPath, QString keyPath)
    : m_certPath(std::move(certPath))
    , m_keyPath(std::move(keyPath))
{
}

std::optional<TlsMaterial> TlsContext::load(const QString &certPath, const QString &keyPath, QString *error)
{
    if (certPath.isEmpty() != keyPath.isEmpty()) {
        *error = certPath.isEmpty()
            ? QStringLiteral("invalid WEBSOCKET_TLS_CERT: must be set when WEBSOCKET_TLS_KEY is")
            : QStringLiteral("invalid WEBSOCKET_TLS_KEY: must be set when WEBSOCKET_TLS_CERT is");
        return std::nullopt;
    }
    const std::optional<QByteArray> certPem = readPem("WEBSOCKET_TLS_CERT", certPath, error);
    if (!certPem)
        return std::nullopt;
    const std::optional<QByteArray> keyPem = readPem("WEBSOCKET_TLS_KEY", keyPath, error);
    if (!keyPem)
        return std::nullopt;
    auto certFail = [&](const QString &why) {
        *error = QStringLiteral("invalid WEBSOCKET_TLS_CERT: %1 %2").arg(certPath, why);
        return std::nullopt;
    };
    auto keyFail = [&](const QString &why) {
        *error = QStringLiteral("invalid WEBSOCKET_TLS_KEY: %1 %2").arg(keyPath, why);
        return std::nullopt;
    };

    // The leaf, then its chain, read by OpenSSL (the same library that serves them).
    std::unique_ptr<X509, X509Free> leaf;
    {
        std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(certPem->constData(), int(certPem->size())));
        leaf.reset(PEM_read_bio_X509(bio.get(), nullptr, noPassphrase, nullptr));
    }
    ERR_clear_error();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certPem, QSsl::Pem);
    if (!leaf || chain.isEmpty() || chain.first().isNull())
        return certFail(QStringLiteral("holds no PEM certificate (-----BEGIN CERTIFICATE-----)"));

    if (keyPem->contains("ENCRYPTED"))
        return keyFail(QStringLiteral("is encrypted with a passphrase, which is not supported (write it "
                                      "unencrypted with: openssl pkey -in KEY -out PLAIN_KEY, readable by the "
                                      "server's user only)"));
    std::unique_ptr<EVP_PKEY, PkeyFree> pkey;
    {
        std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(keyPem->constData(), int(keyPem->size())));
        pkey.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr));
    }
    ERR_clear_error();
    if (!pkey)
        return keyFail(QStringLiteral("holds no PEM private key (-----BEGIN PRIVATE KEY-----)"));
    QSsl::KeyAlgorithm algorithm;
    switch (EVP_PKEY_get_base_id(pkey.get())) {
    case EVP_PKEY_RSA: algorithm = QSsl::Rsa; break;
    case EVP_PKEY_EC: algorithm = QSsl::Ec; break;
    default: return keyFail(QStringLiteral("is neither an RSA nor an EC key"));
    }
    // Compares the key's public half with the leaf certificate's public key.
    const bool matches = X509_check_private_key(leaf.get(), pkey.get()) == 1;
    ERR_clear_error();
    if (!matches)
        return keyFail(QStringLiteral("does not belong to the certificate in WEBSOCKET_TLS_CERT (%1)").arg(certPath));
    const QSslKey key(*keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        return keyFail(QStringLiteral("cannot be used by Qt's TLS backend"));

    TlsMaterial m;
    m.configuration = serverConfiguration(chain, key);
    const QSslCertificate &c = chain.first();
    m.info.subject = c.subjectInfo(QSslCertificate::CommonName).join(u", ");
    m.info.issuer = c.issuerInfo(QSslCertificate::CommonName).join(u", ");
    m.info.serial = QString::fromLatin1(c.serialNumber());
    m.info.expires = c.expiryDate();
    m.info.chainLength = int(chain.size()) - 1;
    return m;
}

QSslConfiguration TlsContext::serverConfiguration(const QList<QSslCertificate> &chain, const QSslKey &key)
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setProtocol(QSsl::TlsV1_2OrLater);
    c.setPeerVerifyMode(QSslSocket::VerifyNone); // clients present no certificate
    c.setLocalCertificateChain(chain);
    c.setPrivateKey(key);
    QList<QSslCipher> ciphers;
    for (const char *name : kTls13Ciphers) {
        const QSslCipher cipher(QString::fromLatin1(name));
        if (!cipher.isNull())
            ciphers << cipher;
    }
    for (const char *name : kTls12Ciphers) {
        const QSslCipher cipher(QString::fromLatin1(name));
        if (!cipher.isNull())
            ciphers << cipher;
    }
    c.setCiphers(ciphers);
    return c;
}

bool TlsContext::initialise(QString *error)
{
    std::optional<TlsMaterial> m = load(m_certPath, m_keyPath, error);
    if (!m)
        return false;
    warnIfReadableByOthers(m_keyPath);
    QMutexLocker lock(&m_mutex);
    m_configuration = std::move(m->configuration);
    m_info = m->info;
    return true;
}

bool TlsContext::reload(QString *error)
{
    if (!enabled()) {
        *error = QStringLiteral("TLS is not configured (WEBSOCKET_TLS_CERT and WEBSOCKET_TLS_KEY are empty)");
        return false;
    }
    std::optional<TlsMaterial> m = load(m_certPath, m_keyPath, error);
    if (!m) {
        m_reloadsFailed.fetch_add(1, std::memory_order_relaxed);
        qCWarning(fxServerLog).noquote()
            << QStringLiteral("TLS reload failed, the previous certificate stays in use: %1").arg(*error);
        return false;
    }
    {
        QMutexLocker lock(&m_mutex);
        m_configuration = std::move(m->configuration);
        m_info = m->info;
    }
    m_reloadsOk.fetch_add(1, std::memory_order_relaxed);
    warnIfReadableByOthers(m_keyPath);
    qCInfo(fxServerLog).noquote() << QStringLiteral("TLS reloaded: new connections get %1").arg(m->info.describe());
    return true;
}

QSslConfiguration TlsContext::configuration() const
{
    QMutexLocker lock(&m_mutex);
    return m_configuration;
}

TlsCertificateInfo TlsContext::certificate() const
{
    QMutexLocker lock(&m_mutex);
    return m_info;
}

void TlsContext::startServerEncryption(QSslSocket *socket)
{
    socket->setSslConfiguration(configuration());
    QObject::connect(socket, &QAbstractSocket::errorOccurred, socket,
                     [this, socket](QAbstractSocket::SocketError) { onHandshakeError(socket); });
    socket->startServerEncryption();
}

void TlsContext::onHandshakeError(QSslSocket *socket)
{
    // Errors after the handshake (a client that goes away) are not handshake failures; a
    // connection closed before it sent anything (a port probe) is not counted either.
    if (socket->isEncrypted() || socket->error() == QAbstractSocket::RemoteHostClosedError)
        return;
    QObject::disconnect(socket, &QAbstractSocket::errorOccurred, socket, nullptr);
    const QString text = socket->errorString();
    TlsFailure kind = TlsFailure::Other;
    if (text.contains(u"http request", Qt::CaseInsensitive))
        kind = TlsFailure::PlainHttp;
    else if (text.contains(u"protocol", Qt::CaseInsensitive) || text.contains(u"version", Qt::CaseInsensitive)
             || text.contains(u"no shared cipher", Qt::CaseInsensitive))
        kind = TlsFailure::Protocol;
    countFailure(kind);
    if (kind == TlsFailure::PlainHttp) {
        // Still the raw TCP connection (nothing of TLS was sent): one readable answer in plain
        // text, then Qt closes the socket.
        static const QByteArray answer =
            "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
            "Content-Length: 80\r\n\r\nthis port speaks TLS: use https:// or wss:// (plain HTTP and ws:// are "
            "refused)\n";
        nativesocket::sendNow(socket->socketDescriptor(), answer);
    }
    logFailure(socket, kind, text);
}

void TlsContext::handshakeTimedOut(QSslSocket *socket)
{
    countFailure(TlsFailure::Timeout);
    logFailure(socket, TlsFailure::Timeout, QStringLiteral("not finished within the handshake timeout"));
}

void TlsContext::logFailure(QSslSocket *socket, TlsFailure kind, const QString &why)
{
    static core::logging::RateLimiter limiter(5, 10000);
    qint64 suppressed = 0;
    if (limiter.allow(QStringLiteral("tls"), &suppressed)) {
        QString line = QStringLiteral("TLS handshake with %1 failed (%2): %3")
                           .arg(socket->peerAddress().toString(), tlsFailureName(kind), why.left(200));
        if (suppressed)
            line += QStringLiteral("; %1 more not shown").arg(suppressed);
        qCInfo(fxServerLog).noquote() << line;
    }
}

QByteArray TlsContext::metricsText() const
{
    if (!enabled())
        return {};
    QByteArray out = "# HELP fxmonitor_tls_handshake_failures_total TLS handshakes that failed, by reason.\n"
                     "# TYPE fxmonitor_tls_handshake_failures_total counter\n";
    for (int i = 0; i < kTlsFailureCount; ++i)
        out += "fxmonitor_tls_handshake_failures_total{reason=\"" + tlsFailureName(TlsFailure(i)).toLatin1() + "\"} "
            + QByteArray::number(failures(TlsFailure(i))) + '\n';
    out += "# HELP fxmonitor_tls_reloads_total Certificate reloads (SIGHUP or the desktop), by result.\n"
           "# TYPE fxmonitor_tls_reloads_total counter\n";
    out += "fxmonitor_tls_reloads_total{result=\"ok\"} " + QByteArray::number(reloads(true)) + '\n';
    out += "fxmonitor_tls_reloads_total{result=\"failed\"} " + QByteArray::number(reloads(false)) + '\n';
    out += "# HELP fxmonitor_tls_certificate_expiry_seconds When the served certificate expires (Unix time).\n"
           "# TYPE fxmonitor_tls_certificate_expiry_seconds gauge\n";
    out += "fxmonitor_tls_certificate_expiry_seconds " + QByteArray::number(certificate().expires.toSecsSinceEpoch())
        + '\n';
    return out;
}

} // namespace fx::server
