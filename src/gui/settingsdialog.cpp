#include "gui/settingsdialog.h"

#include "gui/format.h"
#include "gui/secretstore.h"
#include "gui/settingfield.h"
#include "gui/theme.h"
#include "gui/translations.h"
#include "ui_settingsdialog.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace fx::gui {

QString SettingsDialog::translatedHelp(const core::SettingSpec &spec)
{
    return SettingField::translated(spec.help);
}

static bool isSecret(const QString &name)
{
    return core::isSecretSetting(name);
}

// Where a value came from, in words of the desktop's language; a flag ("--port") and a .env line
// (".env:12") are shown as they are.
static QString displayOrigin(const QString &origin)
{
    if (origin == u"default")
        return SettingsDialog::tr("default");
    if (origin == u"saved settings")
        return SettingsDialog::tr("saved settings");
    if (origin == u"environment")
        return SettingsDialog::tr("environment");
    if (origin == u"system keyring")
        return SettingsDialog::tr("system keyring");
    return origin;
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
    m_recheck = new QTimer(this);
    m_recheck->setSingleShot(true);
    m_recheck->setInterval(300); // after typing pauses, not at every key
    connect(m_recheck, &QTimer::timeout, this, &SettingsDialog::recheck);
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
    recheck(); // a saved value that is invalid is marked from the start
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
    QFont nameFont = fmt::numberFont();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 0.85);
    int line = 0;
    for (const core::SettingSpec &spec : core::settingSpecs()) {
        if (spec.group != group)
            continue;
        Row row;
        row.defaultValue = spec.defaultValue;
        // GUI.md, "Settings": the label in words, the setting's name under it and in the tooltip.
        const QString tip = QStringLiteral("<b>%1</b><br>%2").arg(spec.name, translatedHelp(spec).toHtmlEscaped());
        auto *field = new SettingField(spec, content);
        row.field = field;
        field->setToolTip(tip);
        connect(field, &SettingField::edited, this, [this] { m_recheck->start(); });
        auto *label = new QLabel(SettingField::translated(spec.label), content);
        label->setObjectName(spec.name + QStringLiteral("_label"));
        label->setToolTip(tip);
        label->setBuddy(field->editor());
        auto *name = new QLabel(spec.name, content);
        name->setObjectName(spec.name + QStringLiteral("_name"));
        name->setFont(nameFont);
        name->setTextInteractionFlags(Qt::TextSelectableByMouse);
        name->setToolTip(tip);
        const core::SettingValue v = m_current.values.value(spec.name);
        const QString shown =
            isSecret(spec.name) && !v.value.isEmpty() && v.value != u"None" ? QStringLiteral("********") : v.value;
        auto *help = new QLabel(content);
        help->setWordWrap(true);
        help->setText(tr("%1. In use: %2 (%3)")
                          .arg(translatedHelp(spec), shown.isEmpty() ? tr("empty") : shown, displayOrigin(v.origin)));
        for (QLabel *quiet : {name, help}) {
            QPalette pal = quiet->palette();
            pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
            quiet->setPalette(pal);
        }
        row.origin = help;
        auto *error = new QLabel(content);
        error->setObjectName(spec.name + QStringLiteral("_error"));
        error->setWordWrap(true);
        error->setTextInteractionFlags(Qt::TextSelectableByMouse);
        error->hide();
        row.error = error;
        grid->addWidget(label, line, 0, Qt::AlignRight | Qt::AlignVCenter);
        grid->addWidget(field, line++, 1);
        grid->addWidget(name, line, 0, Qt::AlignRight | Qt::AlignTop);
        grid->addWidget(help, line++, 1);
        grid->addWidget(error, line++, 1);
        if (isSecret(spec.name))
            addKeyringNote(grid, line, spec.name);
        if (overrides(v.source)) {
            auto *warn = new QLabel(content);
            warn->setWordWrap(true);
            warn->setText(QStringLiteral("<span style=\"color:%1\">⚠</span> %2")
                              .arg(Theme::warning().name(),
                                   tr("Overridden by %1: what you save here is used only when %1 no longer sets it.")
                                       .arg(displayOrigin(v.origin))
                                       .toHtmlEscaped()));
            warn->setObjectName(spec.name + QStringLiteral("_override"));
            row.warning = warn;
            grid->addWidget(warn, line++, 1);
        }
        grid->setRowMinimumHeight(line++, 8);
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
    const SettingField *f = field(name);
    return f ? f->editor() : nullptr;
}

SettingField *SettingsDialog::field(const QString &name) const
{
    return m_rows.value(name).field;
}

QString SettingsDialog::value(const QString &name) const
{
    const SettingField *f = field(name);
    return f ? f->value() : QString();
}

void SettingsDialog::setValue(const QString &name, const QString &value)
{
    if (SettingField *f = field(name))
        f->setValue(value);
}

QString SettingsDialog::errorText(const QString &name) const
{
    const QLabel *e = m_rows.value(name).error;
    return e && !e->isHidden() ? e->text() : QString();
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
    recheck();
}

QString SettingsDialog::languageChoice() const
{
    return m_ui->language->currentData().toString();
}

QString SettingsDialog::invalidName(const QString &error) const
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
    return best;
}

void SettingsDialog::showInvalid(const QString &name, const QString &error, bool interactive)
{
    for (int t = 0; t < m_ui->tabs->count(); ++t)
        m_ui->tabs->setTabIcon(t, QIcon());
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        const bool bad = it.key() == name;
        it.value().field->setInvalid(bad);
        // The command line's own message, in place under the field.
        it.value().error->setText(bad ? QStringLiteral("<span style=\"color:%1\">✖ %2</span>")
                                            .arg(Theme::error().name(), error.toHtmlEscaped())
                                      : QString());
        it.value().error->setVisible(bad);
    }
    SettingField *f = field(name);
    if (!f)
        return;
    for (int t = 0; t < m_ui->tabs->count(); ++t)
        if (m_ui->tabs->widget(t)->isAncestorOf(f)) {
            m_ui->tabs->setTabIcon(t, Theme::severityIcon(QStringLiteral("critical")));
            if (interactive)
                m_ui->tabs->setCurrentIndex(t);
        }
    if (interactive) {
        f->setFocus();
        // The field and the message under it, once the layout has made room for the message.
        QLabel *message = m_rows.value(name).error;
        QTimer::singleShot(0, message, [f, message] {
            for (QWidget *w = f->parentWidget(); w; w = w->parentWidget())
                if (auto *scroll = qobject_cast<QScrollArea *>(w)) {
                    scroll->ensureWidgetVisible(message);
                    scroll->ensureWidgetVisible(f);
                    break;
                }
        });
    }
}

std::optional<core::Settings> SettingsDialog::check(QString *error) const
{
    const QMap<QString, QString> stored = storedValues();
    // 1. What is saved must be valid on its own (it applies when no flag or .env overrides it).
    core::SettingsLoader savedOnly;
    savedOnly.setStored(stored);
    if (!savedOnly.resolve(error))
        return std::nullopt;
    // 2. What is in use then: saved values under the .env, environment and flag values.
    core::SettingsLoader loader;
    loader.setStored(stored);
    if (SecretStore::instance()->isAvailable())
        loader.setKeyring(stored); // secrets only: their origin is the keyring
    for (auto it = m_current.values.cbegin(); it != m_current.values.cend(); ++it)
        if (overrides(it.value().source))
            loader.setOverride(it.key(), it.value().value, it.value().origin, error);
    return loader.resolve(error);
}

void SettingsDialog::recheck()
{
    // While editing: the first invalid value marked in place, the dialog left where it is.
    QString error;
    if (check(&error))
        error.clear();
    showInvalid(error.isEmpty() ? QString() : invalidName(error), error, false);
    if (error.isEmpty()) {
        m_ui->messageLabel->clear();
        m_ui->messageLabel->hide();
    }
}

bool SettingsDialog::validate()
{
    QString error;
    const std::optional<core::Settings> resolved = check(&error);
    if (!resolved) {
        m_ui->messageLabel->setText(QStringLiteral("<span style=\"color:%1\">✖</span> %2")
                                        .arg(Theme::error().name(), tr("Not saved: %1").arg(error).toHtmlEscaped()));
        m_ui->messageLabel->show();
        showInvalid(invalidName(error), error, true);
        return false;
    }
    showInvalid(QString(), QString(), false);
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
