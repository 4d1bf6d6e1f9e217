#include "support/tokenmint.h"

#include <QFile>
#include <QProcess>
#include <QtTest>

namespace fx::test {

static bool run(const QString &program, const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning().noquote() << program << args.join(u' ') << "failed:" << p.readAllStandardError();
        return false;
    }
    if (out)
        *out = p.readAllStandardOutput().trimmed();
    return true;
}

bool TokenMint::generate()
{
    if (!m_dir.isValid())
        return false;
    const QString openssl = QStringLiteral("openssl");
    struct Kind
    {
        const char *name;
        QStringList genArgs;
    };
    const QList<Kind> kinds{
        {"rsa",
         {QStringLiteral("-algorithm"), QStringLiteral("RSA"), QStringLiteral("-pkeyopt"),
          QStringLiteral("rsa_keygen_bits:2048")}},
        {"rsa1024",
         {QStringLiteral("-algorithm"), QStringLiteral("RSA"), QStringLiteral("-pkeyopt"),
          QStringLiteral("rsa_keygen_bits:1024")}},
        {"ec256",
         {QStringLiteral("-algorithm"), QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
          QStringLiteral("ec_paramgen_curve:P-256")}},
        {"ec384",
         {QStringLiteral("-algorithm"), QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
          QStringLiteral("ec_paramgen_curve:P-384")}},
        {"ec521",
         {QStringLiteral("-algorithm"), QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
          QStringLiteral("ec_paramgen_curve:P-521")}},
        {"ed25519", {QStringLiteral("-algorithm"), QStringLiteral("ED25519")}},
    };
    for (const Kind &k : kinds) {
        const QString name = QString::fromLatin1(k.name);
        if (!run(openssl,
                 QStringList{QStringLiteral("genpkey")} + k.genArgs
                     + QStringList{QStringLiteral("-out"), privateKey(name)}))
            return false;
        if (!run(openssl,
                 {QStringLiteral("pkey"), QStringLiteral("-in"), privateKey(name), QStringLiteral("-pubout"),
                  QStringLiteral("-out"), publicKey(name)}))
            return false;
    }
    return true;
}

QByteArray TokenMint::publicKeyPem(const QString &kind) const
{
    QFile f(publicKey(kind));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray TokenMint::mint(const QString &alg, const QString &key, const QByteArray &claims, bool raw)
{
    QStringList args{QStringLiteral(FX_SOURCE_DIR "/tests/support/mint_token.py"), alg, key, QString::fromUtf8(claims)};
    if (raw)
        args << QStringLiteral("--raw");
    QByteArray out;
    if (!run(QStringLiteral("/usr/bin/python3"), args, &out))
        return {};
    return out;
}

} // namespace fx::test
