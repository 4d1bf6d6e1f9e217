#include "support/testpki.h"

#include <QFile>
#include <QProcess>

namespace fx::test {

namespace {
bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}
} // namespace

bool TestPki::openssl(const QStringList &args) const
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("openssl %s failed: %s", qPrintable(args.join(u' ')), p.readAll().constData());
        return false;
    }
    return true;
}

bool TestPki::copy(const QString &src, const QString &dst) const
{
    QFile in(path(src));
    if (!in.open(QIODevice::ReadOnly))
        return false;
    return writeFile(path(dst), in.readAll());
}

bool TestPki::create()
{
    if (!m_dir.isValid())
        return false;
    const QString ec = QStringLiteral("ec_paramgen_curve:prime256v1");
    const QString days = QStringLiteral("2");
    if (!writeFile(path(QStringLiteral("leaf.cnf")),
                   "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                   "basicConstraints=critical,CA:FALSE\n"
                   "keyUsage=critical,digitalSignature,keyEncipherment\n"
                   "extendedKeyUsage=serverAuth\n")
        || !writeFile(path(QStringLiteral("ca.cnf")),
                      "basicConstraints=critical,CA:TRUE\n"
                      "keyUsage=critical,keyCertSign,cRLSign\n")
        || !writeFile(path(QStringLiteral("notpem.txt")), "this is not a certificate\n"))
        return false;
    auto newKeyAndCsr = [&](const QString &name, const QString &cn, bool rsa) {
        QStringList args{QStringLiteral("req"), QStringLiteral("-newkey")};
        if (rsa)
            args << QStringLiteral("rsa:2048");
        else
            args << QStringLiteral("ec") << QStringLiteral("-pkeyopt") << ec;
        args << QStringLiteral("-nodes") << QStringLiteral("-keyout") << name + QStringLiteral(".key")
             << QStringLiteral("-out") << name + QStringLiteral(".csr") << QStringLiteral("-subj")
             << QStringLiteral("/CN=") + cn;
        return openssl(args);
    };
    auto sign = [&](const QString &name, const QString &ca, const QString &serial, const QString &ext) {
        return openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                        name + QStringLiteral(".csr"), QStringLiteral("-CA"), ca + QStringLiteral(".pem"),
                        QStringLiteral("-CAkey"), ca + QStringLiteral(".key"), QStringLiteral("-set_serial"), serial,
                        QStringLiteral("-days"), days, QStringLiteral("-out"), name + QStringLiteral(".pem"),
                        QStringLiteral("-extfile"), ext});
    };
    const bool ok =
        openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                 QStringLiteral("-pkeyopt"), ec, QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                 QStringLiteral("ca.key"), QStringLiteral("-out"), QStringLiteral("ca.pem"), QStringLiteral("-days"),
                 days, QStringLiteral("-subj"), QStringLiteral("/CN=FX Test Root CA"), QStringLiteral("-addext"),
                 QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                 QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")})
        && newKeyAndCsr(QStringLiteral("int"), QStringLiteral("FX Test Intermediate CA"), false)
        && sign(QStringLiteral("int"), QStringLiteral("ca"), QStringLiteral("0x77"), QStringLiteral("ca.cnf"))
        && newKeyAndCsr(QStringLiteral("a"), QStringLiteral("localhost"), false)
        && sign(QStringLiteral("a"), QStringLiteral("ca"), QStringLiteral("0x1001"), QStringLiteral("leaf.cnf"))
        && newKeyAndCsr(QStringLiteral("b"), QStringLiteral("localhost"), true)
        && sign(QStringLiteral("b"), QStringLiteral("int"), QStringLiteral("0x2002"), QStringLiteral("leaf.cnf"))
        && openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                    QStringLiteral("-pkeyopt"), ec, QStringLiteral("-out"), QStringLiteral("other.key")})
        && openssl({QStringLiteral("pkey"), QStringLiteral("-in"), QStringLiteral("a.key"), QStringLiteral("-aes256"),
                    QStringLiteral("-passout"), QStringLiteral("pass:test-only"), QStringLiteral("-out"),
                    QStringLiteral("enc.key")});
    if (!ok)
        return false;
    QFile b(path(QStringLiteral("b.pem"))), i(path(QStringLiteral("int.pem")));
    if (!b.open(QIODevice::ReadOnly) || !i.open(QIODevice::ReadOnly))
        return false;
    return writeFile(path(QStringLiteral("bchain.pem")), b.readAll() + i.readAll());
}

} // namespace fx::test
