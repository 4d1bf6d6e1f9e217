#pragma once

// Throw-away certificates for the TLS tests (SECURITY.md, "TLS"), made with the openssl command
// line at test time in a temporary directory: nothing secret is committed.
//
//   ca.pem            root CA "FX Test Root CA" (EC P-256), what clients trust
//   int.pem           intermediate CA "FX Test Intermediate CA", signed by the root
//   a.pem / a.key     server certificate A (EC), CN and SAN localhost and 127.0.0.1, serial 1001,
//                     signed by the root
//   b.pem / b.key     server certificate B (RSA 2048), same names, serial 2002, signed by the
//                     intermediate; bchain.pem is b.pem followed by int.pem (leaf then chain)
//   other.key         an EC key that belongs to no certificate here
//   enc.key           a.key encrypted with a passphrase
//   notpem.txt        a text file that is no PEM at all

#include <QString>
#include <QTemporaryDir>

namespace fx::test {

class TestPki
{
public:
    // Creates every file; false (with a warning naming the step) when openssl fails.
    bool create();
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString dir() const { return m_dir.path(); }
    // Copies src over dst (both names in this directory), replacing it in place.
    bool copy(const QString &src, const QString &dst) const;

private:
    bool openssl(const QStringList &args) const;
    QTemporaryDir m_dir;
};

} // namespace fx::test
