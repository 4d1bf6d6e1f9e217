#pragma once

// Test keys and tokens for client authentication (SECURITY.md, "Tokens"): keys made with the
// openssl command-line tool in a temporary directory, tokens minted by PyJWT through
// tests/support/mint_token.py. Nothing here uses the server's own code.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace fx::test {

class TokenMint
{
public:
    // 40-byte HMAC secret used with every HS* token.
    static QByteArray secret() { return QByteArrayLiteral("test-secret-0123456789-abcdefghij-KLMNOP"); }

    // Generates the keys (RSA 2048, EC P-256, P-384, P-521, RSA 1024, Ed25519); false on failure.
    bool generate();
    // Paths: "<kind>.pem" (private) and "<kind>.pub" (public), kind = rsa, ec256, ec384, ec521,
    // rsa1024, ed25519.
    QString privateKey(const QString &kind) const { return m_dir.filePath(kind + QStringLiteral(".pem")); }
    QString publicKey(const QString &kind) const { return m_dir.filePath(kind + QStringLiteral(".pub")); }
    QByteArray publicKeyPem(const QString &kind) const;
    QString dir() const { return m_dir.path(); }

    // A token: alg HS*/RS*/ES*/none; key: a secret, or "@path" of a private key; claims JSON
    // (exp/nbf/iat as "+N"/"-N" are relative to now). raw: hand-made HMAC over any key bytes.
    static QByteArray mint(const QString &alg, const QString &key, const QByteArray &claims, bool raw = false);
    // HS256 with secret() and these claims.
    static QByteArray hs256(const QByteArray &claims)
    {
        return mint(QStringLiteral("HS256"), QString::fromLatin1(secret()), claims);
    }

private:
    QTemporaryDir m_dir;
};

} // namespace fx::test
