#include "gui/deskruledialog.h"

#include "engine/engine.h"
#include "gui/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fx::gui {

DeskRuleDialog::DeskRuleDialog(engine::Engine *engine, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_pair(new QComboBox(this))
    , m_field(new QComboBox(this))
    , m_condition(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_window(new QSpinBox(this))
    , m_repeat(new QComboBox(this))
    , m_cooldown(new QSpinBox(this))
    , m_expires(new QCheckBox(tr("Expires at"), this))
    , m_expiresAt(new QDateTimeEdit(this))
    , m_note(new QLineEdit(this))
    , m_broadcast(new QCheckBox(tr("Send to every client"), this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("deskRuleDialog"));
    setWindowTitle(tr("New desk alert rule"));
    m_pair->setObjectName(QStringLiteral("pair"));
    m_field->setObjectName(QStringLiteral("field"));
    m_condition->setObjectName(QStringLiteral("condition"));
    m_value->setObjectName(QStringLiteral("value"));
    m_window->setObjectName(QStringLiteral("window"));
    m_repeat->setObjectName(QStringLiteral("repeat"));
    m_cooldown->setObjectName(QStringLiteral("cooldown"));
    m_expires->setObjectName(QStringLiteral("expires"));
    m_expiresAt->setObjectName(QStringLiteral("expiresAt"));
    m_note->setObjectName(QStringLiteral("note"));
    m_broadcast->setObjectName(QStringLiteral("broadcast"));
    m_error->setObjectName(QStringLiteral("error"));

    m_pair->addItems(engine->instruments().pairs());
    m_field->addItem(tr("Bid"), QStringLiteral("bid"));
    m_field->addItem(tr("Ask"), QStringLiteral("ask"));
    m_field->addItem(tr("Mid"), QStringLiteral("mid"));
    m_field->addItem(tr("Spread"), QStringLiteral("spread"));
    m_condition->addItem(tr("rises above"), QStringLiteral("above"));
    m_condition->addItem(tr("falls below"), QStringLiteral("below"));
    m_condition->addItem(tr("crosses"), QStringLiteral("crosses"));
    m_condition->addItem(tr("changes by % within a window"), QStringLiteral("change_pct"));
    m_value->setPlaceholderText(tr("a price, or a percentage for a change"));
    m_window->setRange(1, 86400);
    m_window->setValue(60);
    m_window->setSuffix(tr(" s"));
    m_repeat->addItem(tr("once"), QStringLiteral("once"));
    m_repeat->addItem(tr("every time"), QStringLiteral("every"));
    m_repeat->addItem(tr("at most once per cooldown"), QStringLiteral("cooldown"));
    m_cooldown->setRange(1, 86400);
    m_cooldown->setValue(300);
    m_cooldown->setSuffix(tr(" s"));
    m_expiresAt->setCalendarPopup(true);
    m_expiresAt->setDateTime(QDateTime::currentDateTime().addDays(1));
    m_note->setMaxLength(200);
    m_broadcast->setToolTip(tr("Each firing also goes to every connected client whose token permits the pair, as "
                               "price_alert"));
    m_error->setWordWrap(true);
    QPalette p = m_error->palette();
    p.setColor(QPalette::WindowText, Theme::error());
    m_error->setPalette(p);

    auto *repeat = new QHBoxLayout;
    repeat->addWidget(m_repeat, 1);
    repeat->addWidget(m_cooldown);
    auto *expires = new QHBoxLayout;
    expires->addWidget(m_expires);
    expires->addWidget(m_expiresAt, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Pair"), m_pair);
    form->addRow(tr("Field"), m_field);
    form->addRow(tr("Condition"), m_condition);
    form->addRow(tr("Value"), m_value);
    form->addRow(tr("Window"), m_window);
    form->addRow(tr("Repeat"), repeat);
    form->addRow(tr("Expiry"), expires);
    form->addRow(tr("Note"), m_note);
    form->addRow(QString(), m_broadcast);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_condition, &QComboBox::currentIndexChanged, this, &DeskRuleDialog::updateFields);
    connect(m_repeat, &QComboBox::currentIndexChanged, this, &DeskRuleDialog::updateFields);
    connect(m_expires, &QCheckBox::toggled, this, &DeskRuleDialog::updateFields);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &DeskRuleDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateFields();
}

DeskRuleDialog::~DeskRuleDialog() = default;

void DeskRuleDialog::updateFields()
{
    m_window->setEnabled(m_condition->currentData().toString() == u"change_pct");
    m_cooldown->setEnabled(m_repeat->currentData().toString() == u"cooldown");
    m_expiresAt->setEnabled(m_expires->isChecked());
}

QJsonObject DeskRuleDialog::ruleData() const
{
    QJsonObject o{{QStringLiteral("pair"), m_pair->currentText()},
                  {QStringLiteral("field"), m_field->currentData().toString()},
                  {QStringLiteral("condition"), m_condition->currentData().toString()}};
    // The operator's locale first ("1,0945" in German), then the C locale ("1.0945").
    const QString text = m_value->text().trimmed();
    bool ok = false;
    double value = QLocale().toDouble(text, &ok);
    if (!ok)
        value = QLocale::c().toDouble(text, &ok);
    if (ok)
        o.insert(QStringLiteral("value"), value);
    if (m_window->isEnabled())
        o.insert(QStringLiteral("window_seconds"), m_window->value());
    const QString repeat = m_repeat->currentData().toString();
    if (repeat == u"cooldown")
        o.insert(QStringLiteral("repeat"), QJsonObject{{QStringLiteral("cooldown_seconds"), m_cooldown->value()}});
    else
        o.insert(QStringLiteral("repeat"), repeat);
    if (m_expires->isChecked())
        o.insert(QStringLiteral("expires_at"), double(m_expiresAt->dateTime().toMSecsSinceEpoch()));
    if (!m_note->text().isEmpty())
        o.insert(QStringLiteral("note"), m_note->text());
    o.insert(QStringLiteral("broadcast"), m_broadcast->isChecked());
    return o;
}

QString DeskRuleDialog::errorText() const
{
    return m_error->text();
}

void DeskRuleDialog::showError(const QString &field, const QString &message)
{
    m_error->setText(field.isEmpty() ? message : tr("%1: %2").arg(field, message));
}

void DeskRuleDialog::submit()
{
    if (m_waiting)
        return;
    QString field;
    QString message;
    const bool sent = m_engine->addDeskRule(
        ruleData(), this,
        [this](const engine::DeskRuleResult &r) {
            m_waiting = false;
            m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
            if (!r.ok) {
                showError(r.field, r.message);
                return;
            }
            m_error->clear();
            Q_EMIT added(r.id);
            accept();
        },
        &field, &message);
    if (!sent) {
        showError(field, message);
        return;
    }
    m_waiting = true;
    m_error->setText(tr("Adding…"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
}

} // namespace fx::gui
