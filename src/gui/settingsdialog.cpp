#include "gui/settingsdialog.h"

#include "gui/format.h"
#include "gui/secretstore.h"
#include "gui/theme.h"
#include "gui/translations.h"
#include "ui_settingsdialog.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace fx::gui {

// The help lines of core::settingSpecs(), for lupdate: the dialog translates spec.help in
// this context and falls back to the English text when a line changes.
[[maybe_unused]] static const char *const kSettingHelp[] = {
    QT_TRANSLATE_NOOP("fx::core::Settings", "Address the server listens on (IP address or localhost)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Port for WebSocket, Socket.IO and HTTP (0: any free port)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Most clients connected at once"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Most clients connected at once from one IP address (0: no limit)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Seconds between keep-alive pings (fractions allowed)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Seconds a client has to answer a ping (fractions allowed)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Largest message a client may send, in bytes"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Server I/O threads (0: one per core)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Requests per second a client may send (sustained)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Requests a client may send in a burst"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Bytes queued for a slow client before it is disconnected"),
    QT_TRANSLATE_NOOP("fx::core::Settings",
                      "Client authentication: none, or jwt (every client presents a JSON Web Token)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "HMAC secret for HS256/384/512 tokens (at least 32 bytes)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "PEM public key file for RS256/384/512 or ES256/384 tokens"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Seconds of clock skew allowed for a token's exp and nbf"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Required token audience (aud); empty: not checked"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Required token issuer (iss); empty: not checked"),
    QT_TRANSLATE_NOOP("fx::core::Settings",
                      "TLS certificate (PEM, leaf then chain): serve wss:// and https:// (empty: plain)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Private key of the TLS certificate (PEM, RSA or EC, unencrypted)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Origins browsers may connect from: * or a comma-separated list"),
    QT_TRANSLATE_NOOP("fx::core::Settings",
                      "Proxies whose X-Forwarded-For names the client: addresses or subnets, comma-separated (empty: "
                      "none)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Comma-separated currency pairs (empty: the 20 default pairs)"),
    QT_TRANSLATE_NOOP("fx::core::Settings",
                      "Send the last known price of each newly subscribed pair right after subscribing (true/false)"),
    QT_TRANSLATE_NOOP("fx::core::Settings",
                      "Messages kept per room and for alerts, for recovery after a reconnect (0: no history)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Seconds a message stays in the recovery history"),
    QT_TRANSLATE_NOOP("fx::core::Settings",
                      "Socket.IO connection state recovery: an offset argument on every event (true/false)"),
    QT_TRANSLATE_NOOP("fx::core::Settings",
                      "This server's name in the fleet heartbeat (empty: <hostname>:<port>; at most 128 characters)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Seconds without a heartbeat before the desk shows a server as stale"),
    QT_TRANSLATE_NOOP("fx::core::Settings",
                      "Desktop: run the embedded server (false: monitor-only desk, watching the fleet through Redis)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Redis host"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Redis port"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Redis database number"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Redis password (None: no AUTH)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Redis 6+ ACL user for AUTH (empty: AUTH with the password only)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Redis Unix socket path (wins over host and port)"),
    QT_TRANSLATE_NOOP("fx::core::Settings",
                      "Redis Sentinels as host:port,host:port,...: find the master through them (empty: no Sentinel)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Name of the master the Sentinels monitor (needed with REDIS_SENTINELS)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "ACL user for AUTH to the Sentinels (empty: AUTH with the password only)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Password of the Sentinels (empty: no AUTH to the Sentinels)"),
    QT_TRANSLATE_NOOP("fx::core::Settings",
                      "Redis Cluster nodes as host:port,host:port,... (empty: a single Redis or Sentinel)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Prefix of every channel name, e.g. fx:"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Channel of price updates"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Channel of volatility alerts"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Channel of correlation alerts"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Channel of data-ready notices"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Largest Redis message accepted, in bytes"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "PostgreSQL host (empty: embedded SQLite)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "PostgreSQL port"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "PostgreSQL database"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "PostgreSQL user"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "PostgreSQL password"),
    QT_TRANSLATE_NOOP("fx::core::Settings",
                      "PostgreSQL sslmode: disable, allow, prefer, require, verify-ca, verify-full"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "SQLite file (empty: ~/.local/share/FXMonitor/fxmonitor.sqlite)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Days raw ticks are kept"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Days one-minute bars are kept"),
    QT_TRANSLATE_NOOP("fx::core::Settings",
                      "Seconds the database writes may take at stop, retrying while it is down (0: do not wait)"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "DEBUG, INFO, WARNING, ERROR or CRITICAL"),
    QT_TRANSLATE_NOOP("fx::core::Settings", "Also write the log to this file"),
};

QString SettingsDialog::translatedHelp(const core::SettingSpec &spec)
{
    const QByteArray utf8 = spec.help.toUtf8();
    return QCoreApplication::translate("fx::core::Settings", utf8.constData());
}

static bool isSecret(const QString &name)
{
    return core::isSecretSetting(name);
}

static bool overrides(core::SettingSource s)
{
    return s == core::SettingSource::EnvFile || s == core::SettingSource::Environment
        || s == core::SettingSource::CommandLine;
}

bool SettingsDialog::needsServerRestart(const QString &name)
{
    return name.startsWith(u"WEBSOCKET_") || name == u"CORS_ALLOWED_ORIGINS";
}

bool SettingsDialog::needsRedisRestart(const QString &name)
{
    return name.startsWith(u"REDIS_");
}

bool SettingsDialog::needsAppRestart(const QString &name)
{
    return name == u"FX_PAIRS" || name.startsWith(u"DB_") || name.startsWith(u"LOG_") || name == u"EMBEDDED_SERVER";
}

SettingsDialog::SettingsDialog(const core::Settings &current, const QMap<QString, QString> &stored,
                               const GuiSettings &gui, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_current(current)
    , m_effective(current)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("settingsDialog"));
    buildPage(m_ui->serverPage, QStringLiteral("Server"));
    buildPage(m_ui->redisPage, QStringLiteral("Redis"));
    buildPage(m_ui->databasePage, QStringLiteral("Database"));
    buildPage(m_ui->loggingPage, QStringLiteral("Logging"));
    for (auto it = stored.begin(); it != stored.end(); ++it)
        if (!isSecret(it.key()))
            setValue(it.key(), it.value());
    // Secrets: this session's (read from the system keyring, migrated, or typed here before).
    const QMap<QString, QString> secrets = SecretStore::instance()->secrets();
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        setValue(it.key(), it.value());

    for (int w = 0; w < kChartWindowCount; ++w)
        m_ui->chartWindow->addItem(chartWindowLabel(ChartWindow(w)));
    m_ui->notifyCritical->setChecked(gui.notifyCritical);
    m_ui->notifyWarning->setChecked(gui.notifyWarning);
    m_ui->notifyInfo->setChecked(gui.notifyInfo);
    m_ui->notifyCritical->setIcon(Theme::severityIcon(QStringLiteral("critical")));
    m_ui->notifyWarning->setIcon(Theme::severityIcon(QStringLiteral("warning")));
    m_ui->notifyInfo->setIcon(Theme::severityIcon(QStringLiteral("info")));
    m_ui->chartWindow->setCurrentIndex(int(gui.chartWindow));
    m_ui->chartMode->setCurrentIndex(gui.chartCandles ? 1 : 0);
    m_ui->flash->setChecked(gui.flash);
    m_ui->staleSeconds->setValue(gui.staleSeconds);
    m_ui->theme->setCurrentIndex(int(gui.theme));
    m_ui->closeAction->setCurrentIndex(int(gui.closeAction));
    // Each language in its own name, the system's first; a change applies at the next start.
    m_ui->language->addItem(tr("System default"), QString());
    for (const Language &l : availableLanguages())
        m_ui->language->addItem(l.nativeName, l.code);
    m_ui->language->setCurrentIndex(std::max(0, m_ui->language->findData(gui.language)));
    m_ui->languageNote->setVisible(false);
    connect(m_ui->language, &QComboBox::currentIndexChanged, this,
            [this, started = gui.language] { m_ui->languageNote->setVisible(languageChoice() != started); });

    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &SettingsDialog::restoreDefaults);
    m_ui->messageLabel->hide();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::buildPage(QWidget *page, const QString &group)
{
    auto *outer = new QVBoxLayout(page);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *grid = new QGridLayout(content);
    grid->setColumnStretch(1, 1);
    grid->setVerticalSpacing(2);
    int line = 0;
    for (const core::SettingSpec &spec : core::settingSpecs()) {
        if (spec.group != group)
            continue;
        Row row;
        row.defaultValue = spec.defaultValue;
        auto *name = new QLabel(spec.name, content);
        name->setFont(fmt::numberFont());
        name->setTextInteractionFlags(Qt::TextSelectableByMouse);
        name->setToolTip(translatedHelp(spec));
        QWidget *editor;
        if (spec.name == u"LOG_LEVEL") {
            auto *combo = new QComboBox(content);
            combo->addItems({QStringLiteral("DEBUG"), QStringLiteral("INFO"), QStringLiteral("WARNING"),
                             QStringLiteral("ERROR"), QStringLiteral("CRITICAL")});
            combo->setCurrentText(spec.defaultValue);
            editor = combo;
        } else {
            auto *edit = new QLineEdit(spec.defaultValue, content);
            edit->setPlaceholderText(spec.defaultValue.isEmpty() ? tr("(empty)") : spec.defaultValue);
            edit->setClearButtonEnabled(true);
            if (isSecret(spec.name))
                edit->setEchoMode(QLineEdit::PasswordEchoOnEdit);
            connect(edit, &QLineEdit::textEdited, this, [edit] { edit->setStyleSheet(QString()); });
            editor = edit;
        }
        editor->setObjectName(spec.name);
        row.editor = editor;
        editor->setToolTip(translatedHelp(spec));
        name->setBuddy(editor);
        const core::SettingValue v = m_current.values.value(spec.name);
        const QString shown =
            isSecret(spec.name) && !v.value.isEmpty() && v.value != u"None" ? QStringLiteral("********") : v.value;
        auto *help = new QLabel(content);
        help->setWordWrap(true);
        QPalette pal = help->palette();
        pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
        help->setPalette(pal);
        help->setText(
            tr("%1. In use: %2 (%3)").arg(translatedHelp(spec), shown.isEmpty() ? tr("empty") : shown, v.origin));
        row.origin = help;
        grid->addWidget(name, line, 0, Qt::AlignRight | Qt::AlignVCenter);
        grid->addWidget(editor, line++, 1);
        grid->addWidget(help, line++, 1);
        if (isSecret(spec.name))
            addKeyringNote(grid, line, spec.name);
        if (overrides(v.source)) {
            auto *warn = new QLabel(content);
            warn->setWordWrap(true);
            warn->setText(QStringLiteral("<span style=\"color:%1\">⚠</span> %2")
                              .arg(Theme::warning().name(),
                                   tr("Overridden by %1: what you save here is used only when %1 no longer sets it.")
                                       .arg(v.origin)
                                       .toHtmlEscaped()));
            warn->setObjectName(spec.name + QStringLiteral("_override"));
            row.warning = warn;
            grid->addWidget(warn, line++, 1);
        }
        grid->setRowMinimumHeight(line++, 6);
        m_rows.insert(spec.name, row);
    }
    grid->setRowStretch(line, 1);
    scroll->setWidget(content);
    outer->addWidget(scroll);
}

void SettingsDialog::addKeyringNote(QGridLayout *grid, int &line, const QString &name)
{
    // SECURITY.md, "Secrets at rest": where a secret typed here goes.
    const SecretStore *store = SecretStore::instance();
    if (store->state() == SecretStore::State::Unknown)
        return;
    auto *note = new QLabel(grid->parentWidget());
    note->setWordWrap(true);
    note->setObjectName(name + QStringLiteral("_keyring"));
    if (store->isAvailable()) {
        QPalette pal = note->palette(); // quiet, like the help line above it
        pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
        note->setPalette(pal);
        note->setText(tr("Saved in the system keyring, never in the settings file."));
    } else {
        note->setText(QStringLiteral("<span style=\"color:%1\">⚠</span> %2")
                          .arg(Theme::warning().name(), SecretStore::noKeyringText().toHtmlEscaped()));
        note->setToolTip(store->problem());
    }
    grid->addWidget(note, line++, 1);
}

QWidget *SettingsDialog::editor(const QString &name) const
{
    return m_rows.value(name).editor;
}

QString SettingsDialog::value(const QString &name) const
{
    QWidget *e = editor(name);
    if (auto *edit = qobject_cast<QLineEdit *>(e))
        return edit->text().trimmed();
    if (auto *combo = qobject_cast<QComboBox *>(e))
        return combo->currentText();
    return {};
}

void SettingsDialog::setValue(const QString &name, const QString &value)
{
    QWidget *e = editor(name);
    if (auto *edit = qobject_cast<QLineEdit *>(e))
        edit->setText(value);
    else if (auto *combo = qobject_cast<QComboBox *>(e))
        combo->setCurrentText(value.toUpper());
}

QString SettingsDialog::originText(const QString &name) const
{
    const Row r = m_rows.value(name);
    return r.origin ? r.origin->text() : QString();
}

bool SettingsDialog::isOverridden(const QString &name) const
{
    return m_rows.value(name).warning != nullptr;
}

QString SettingsDialog::message() const
{
    return m_ui->messageLabel->isVisible() || !m_ui->messageLabel->text().isEmpty() ? m_ui->messageLabel->text()
                                                                                    : QString();
}

QMap<QString, QString> SettingsDialog::storedValues() const
{
    QMap<QString, QString> out;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        const QString v = value(it.key());
        if (v != it.value().defaultValue)
            out.insert(it.key(), v);
    }
    return out;
}

void SettingsDialog::restoreDefaults()
{
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
        setValue(it.key(), it.value().defaultValue);
    const GuiSettings d;
    m_ui->notifyCritical->setChecked(d.notifyCritical);
    m_ui->notifyWarning->setChecked(d.notifyWarning);
    m_ui->notifyInfo->setChecked(d.notifyInfo);
    m_ui->chartWindow->setCurrentIndex(int(d.chartWindow));
    m_ui->chartMode->setCurrentIndex(d.chartCandles ? 1 : 0);
    m_ui->flash->setChecked(d.flash);
    m_ui->staleSeconds->setValue(d.staleSeconds);
    m_ui->theme->setCurrentIndex(int(d.theme));
    m_ui->closeAction->setCurrentIndex(int(d.closeAction));
    m_ui->language->setCurrentIndex(0);
}

QString SettingsDialog::languageChoice() const
{
    return m_ui->language->currentData().toString();
}

void SettingsDialog::markInvalid(const QString &error)
{
    // The loader names the setting first ("invalid WEBSOCKET_PORT ..."): find its field.
    QString best;
    qsizetype at = -1;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        const qsizetype i = error.indexOf(it.key());
        if (i >= 0 && (at < 0 || i < at || (i == at && it.key().size() > best.size()))) {
            at = i;
            best = it.key();
        }
    }
    if (best.isEmpty())
        return;
    QWidget *e = editor(best);
    e->setStyleSheet(QStringLiteral("border: 2px solid %1;").arg(Theme::error().name()));
    for (int t = 0; t < m_ui->tabs->count(); ++t)
        if (m_ui->tabs->widget(t)->isAncestorOf(e))
            m_ui->tabs->setCurrentIndex(t);
    e->setFocus();
}

bool SettingsDialog::validate()
{
    for (const Row &r : std::as_const(m_rows))
        r.editor->setStyleSheet(QString());
    const QMap<QString, QString> stored = storedValues();
    QString error;
    // 1. What is saved must be valid on its own (it applies when no flag or .env overrides it).
    core::SettingsLoader savedOnly;
    savedOnly.setStored(stored);
    if (!savedOnly.resolve(&error)) {
        m_ui->messageLabel->setText(QStringLiteral("<span style=\"color:%1\">✖</span> %2")
                                        .arg(Theme::error().name(), tr("Not saved: %1").arg(error).toHtmlEscaped()));
        m_ui->messageLabel->show();
        markInvalid(error);
        return false;
    }
    // 2. What is in use then: saved values under the .env, environment and flag values.
    core::SettingsLoader loader;
    loader.setStored(stored);
    if (SecretStore::instance()->isAvailable())
        loader.setKeyring(stored); // secrets only: their origin is the keyring
    for (auto it = m_current.values.cbegin(); it != m_current.values.cend(); ++it)
        if (overrides(it.value().source))
            loader.setOverride(it.key(), it.value().value, it.value().origin, &error);
    const std::optional<core::Settings> resolved = loader.resolve(&error);
    if (!resolved) {
        m_ui->messageLabel->setText(QStringLiteral("<span style=\"color:%1\">✖</span> %2")
                                        .arg(Theme::error().name(), tr("Not saved: %1").arg(error).toHtmlEscaped()));
        m_ui->messageLabel->show();
        markInvalid(error);
        return false;
    }
    m_effective = *resolved;
    for (auto it = m_current.values.cbegin(); it != m_current.values.cend(); ++it)
        if (overrides(it.value().source))
            m_effective.values[it.key()] = it.value(); // keep the real origin (.env, environment)
    m_ui->messageLabel->clear();
    m_ui->messageLabel->hide();
    return true;
}

QStringList SettingsDialog::changedNames() const
{
    QStringList out;
    for (auto it = m_effective.values.cbegin(); it != m_effective.values.cend(); ++it)
        if (m_current.values.value(it.key()).value != it.value().value)
            out << it.key();
    return out;
}

GuiSettings SettingsDialog::guiSettings() const
{
    GuiSettings g;
    g.notifyCritical = m_ui->notifyCritical->isChecked();
    g.notifyWarning = m_ui->notifyWarning->isChecked();
    g.notifyInfo = m_ui->notifyInfo->isChecked();
    g.chartWindow = ChartWindow(std::clamp(m_ui->chartWindow->currentIndex(), 0, kChartWindowCount - 1));
    g.chartCandles = m_ui->chartMode->currentIndex() == 1;
    g.flash = m_ui->flash->isChecked();
    g.staleSeconds = m_ui->staleSeconds->value();
    g.theme = ThemeMode(std::clamp(m_ui->theme->currentIndex(), 0, 2));
    g.closeAction = CloseAction(std::clamp(m_ui->closeAction->currentIndex(), 0, 2));
    g.language = languageChoice();
    return g;
}

void SettingsDialog::accept()
{
    if (!validate())
        return;
    // Secrets to the system keyring (asynchronous; the main window reports a failure), the
    // rest to the settings file: saveStoredSettings never writes a secret.
    const QMap<QString, QString> values = storedValues();
    QMap<QString, QString> secrets;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        if (isSecret(it.key()))
            secrets.insert(it.key(), it.value());
    saveStoredSettings(values);
    SecretStore::instance()->save(secrets);
    const GuiSettings gui = guiSettings();
    gui.save();
    Q_EMIT applied(m_effective, changedNames(), gui);
    QDialog::accept();
}

} // namespace fx::gui
