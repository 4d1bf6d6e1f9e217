#include "gui/secretstore.h"

#include "core/settings.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QLibrary>
#include <QLoggingCategory>
#include <QPointer>
#include <QSettings>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <algorithm>
#include <memory>

Q_LOGGING_CATEGORY(fxKeyringLog, "fx.keyring")

namespace fx::gui {

namespace {

QStringList secretNames()
{
    QStringList out;
    for (const core::SettingSpec &s : core::settingSpecs())
        if (core::isSecretSetting(s.name))
            out << s.name;
    return out;
}

// QtKeychain's Secret Service backend (libsecret) delivers its results through GLib's default
// main context. The desktop runs Qt's plain UNIX event dispatcher (app::preferUnixEventDispatcher),
// which never iterates that context: without help every keyring job would hang. While jobs run,
// the store iterates the context itself, without blocking (may_block = FALSE). GLib is already
// loaded by QtKeychain; it is resolved at run time so the build needs no GLib headers.
using IterateFn = int (*)(void *context, int mayBlock);
IterateFn glibIterate()
{
    static const IterateFn fn = [] {
        QLibrary glib(QStringLiteral("glib-2.0"), 0);
        return reinterpret_cast<IterateFn>(glib.resolve("g_main_context_iteration"));
    }();
    return fn;
}

bool dispatcherRunsGlib()
{
    const QAbstractEventDispatcher *d = QAbstractEventDispatcher::instance();
    return d && QByteArray(d->metaObject()->className()).contains("Glib");
}

} // namespace

SecretStore *SecretStore::instance()
{
    static QPointer<SecretStore> store;
    if (!store)
        store = new SecretStore(QStringLiteral("fxmonitor"), QCoreApplication::instance());
    return store;
}

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_loadTimer(new QTimer(this))
    , m_pump(new QTimer(this))
{
    m_loadTimer->setSingleShot(true);
    connect(m_loadTimer, &QTimer::timeout, this, [this] {
        if (m_loadPending == 0)
            return;
        m_loadPending = 0;
        ++m_loadGeneration; // late answers change nothing
        setState(State::Unavailable,
                 tr("the system keyring did not answer within %1 s").arg(double(m_loadTimer->interval()) / 1000.0));
        qCWarning(fxKeyringLog).noquote() << "no system keyring:" << m_problem;
        Q_EMIT loadFinished();
    });
    m_pump->setInterval(10);
    connect(m_pump, &QTimer::timeout, this, &SecretStore::pumpGlib);
}

SecretStore::~SecretStore() = default;

QString SecretStore::noKeyringText()
{
    return tr("No system keyring: passwords are used for this session only and not saved");
}

void SecretStore::setState(State state, const QString &problem)
{
    if (m_state == state && m_problem == problem)
        return;
    m_state = state;
    m_problem = problem;
    Q_EMIT stateChanged();
}

void SecretStore::pumpGlib()
{
    const IterateFn iterate = glibIterate();
    if (!iterate) {
        m_pump->stop();
        return;
    }
    for (int i = 0; i < 100 && iterate(nullptr, 0); ++i) {}
}

void SecretStore::startJob(QKeychain::Job *job)
{
    // A child of the application, not of the store: a job outlives the store when the keyring
    // answers late (its connection to the store ends with the store) and deletes itself once
    // finished; one that never finishes goes with the application.
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file instead of the keyring
    ++m_jobsRunning;
    if (!dispatcherRunsGlib() && !m_pump->isActive())
        m_pump->start();
    job->start();
}

void SecretStore::jobDone()
{
    if (--m_jobsRunning <= 0) {
        m_jobsRunning = 0;
        m_pump->stop();
    }
}

void SecretStore::load(int timeoutMs)
{
    const QStringList names = secretNames();
    const quint64 generation = ++m_loadGeneration;
    m_loadPending = int(names.size());
    m_loadTimer->start(std::max(1, timeoutMs));
    auto errors = std::make_shared<QStringList>();
    for (const QString &name : names) {
        auto *job = new QKeychain::ReadPasswordJob(m_service, QCoreApplication::instance());
        job->setKey(name);
        connect(job, &QKeychain::Job::finished, this, [this, generation, name, errors](QKeychain::Job *j) {
            jobDone();
            if (generation != m_loadGeneration)
                return;
            auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
            if (j->error() == QKeychain::NoError)
                m_secrets.insert(name, read->textData());
            else if (j->error() != QKeychain::EntryNotFound && errors->isEmpty())
                *errors << j->errorString();
            if (--m_loadPending > 0)
                return;
            m_loadTimer->stop();
            if (errors->isEmpty()) {
                setState(State::Available);
            } else {
                setState(State::Unavailable, errors->first());
                qCWarning(fxKeyringLog).noquote() << "no system keyring:" << m_problem;
            }
            Q_EMIT loadFinished();
        });
        startJob(job);
    }
}

void SecretStore::write(const QString &name, const QString &value, std::function<void(const QString &)> done)
{
    QKeychain::Job *job;
    if (value.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(m_service, QCoreApplication::instance());
    } else {
        auto *w = new QKeychain::WritePasswordJob(m_service, QCoreApplication::instance());
        w->setTextData(value);
        job = w;
    }
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [this, done = std::move(done)](QKeychain::Job *j) {
        jobDone();
        const bool ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        if (!ok) {
            // Never the value: the keyring's message and the setting's name only.
            qCWarning(fxKeyringLog).noquote() << "the system keyring refused" << j->key() << ":" << j->errorString();
            setState(State::Unavailable, j->errorString());
        } else if (m_state == State::Unknown) {
            setState(State::Available);
        }
        done(ok ? QString() : j->errorString());
    });
    startJob(job);
}

void SecretStore::save(const QMap<QString, QString> &secrets)
{
    QStringList changed;
    for (const QString &name : secretNames()) {
        const QString value = secrets.value(name);
        if (value == m_secrets.value(name) && (m_secrets.contains(name) || value.isEmpty()))
            continue;
        if (value.isEmpty())
            m_secrets.remove(name);
        else
            m_secrets.insert(name, value);
        changed << name;
    }
    if (changed.isEmpty() || m_state == State::Unavailable) {
        // Nothing to write, or nowhere to write it: the values stay this session's only.
        const QString error = changed.isEmpty() ? QString() : noKeyringText();
        QTimer::singleShot(0, this, [this, changed, error] { Q_EMIT saveFinished(changed, error); });
        return;
    }
    auto pending = std::make_shared<int>(int(changed.size()));
    auto firstError = std::make_shared<QString>();
    for (const QString &name : std::as_const(changed))
        write(name, m_secrets.value(name), [this, changed, pending, firstError](const QString &error) {
            if (!error.isEmpty() && firstError->isEmpty())
                *firstError = error;
            if (--*pending == 0)
                Q_EMIT saveFinished(changed, *firstError);
        });
}

void SecretStore::migrate(const QMap<QString, QString> &plainText)
{
    for (auto it = plainText.cbegin(); it != plainText.cend(); ++it) {
        if (!core::isSecretSetting(it.key()))
            continue;
        m_secrets.insert(it.key(), it.value());
        if (m_state != State::Available)
            continue; // the file keeps it: nothing is removed without a copy in the keyring
        const QString name = it.key();
        write(name, it.value(), [this, name](const QString &error) {
            if (error.isEmpty()) {
                QSettings s;
                s.remove(QStringLiteral("settings/") + name);
                s.sync();
                qCInfo(fxKeyringLog).noquote() << name << "moved from the settings file to the system keyring";
            }
            Q_EMIT migrated(name, error);
        });
    }
}

} // namespace fx::gui
