#include "gui/settingfield.h"

#include "gui/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>

#include <cmath>

namespace fx::gui {

namespace {

// Scrolling the page over a spin box or a drop-down scrolls the page: the wheel changes a value
// only in the field that has the focus.
class WheelGuard final : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Wheel) {
            auto *w = qobject_cast<QWidget *>(watched);
            if (w && !w->hasFocus()) {
                event->ignore();
                return true;
            }
        }
        return false;
    }
};

std::optional<bool> parseFlag(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"true" || t == u"1" || t == u"yes" || t == u"on")
        return true;
    if (t == u"false" || t == u"0" || t == u"no" || t == u"off")
        return false;
    return std::nullopt;
}

} // namespace

QString SettingField::translated(const QString &english)
{
    if (english.isEmpty())
        return english;
    const QByteArray utf8 = english.toUtf8();
    return QCoreApplication::translate("fx::core::Settings", utf8.constData());
}

SettingField::SettingField(const core::SettingSpec &spec, QWidget *parent) : QWidget(parent), m_spec(spec)
{
    buildEditor();
    m_editor->setObjectName(spec.name);
    setValue(spec.defaultValue);
}

void SettingField::buildEditor()
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *guard = new WheelGuard(this);
    const QString unit = m_spec.unit.isEmpty() ? QString() : u' ' + translated(m_spec.unit);
    switch (m_spec.kind) {
    case core::SettingKind::Integer: {
        auto *spin = new QSpinBox(this);
        spin->setRange(int(m_spec.minimum), int(m_spec.maximum));
        spin->setSuffix(unit);
        spin->setGroupSeparatorShown(!unit.isEmpty() && m_spec.maximum >= 10000);
        if (!m_spec.atMinimum.isEmpty())
            spin->setSpecialValueText(translated(m_spec.atMinimum));
        connect(spin, &QSpinBox::valueChanged, this, &SettingField::userEdited);
        m_editor = spin;
        break;
    }
    case core::SettingKind::Number: {
        auto *spin = new QDoubleSpinBox(this);
        spin->setDecimals(m_spec.minimum > 0 && m_spec.minimum < 1 ? int(std::ceil(-std::log10(m_spec.minimum))) : 0);
        spin->setRange(m_spec.minimum, m_spec.maximum);
        spin->setSuffix(unit);
        spin->setGroupSeparatorShown(m_spec.maximum >= 100000);
        connect(spin, &QDoubleSpinBox::valueChanged, this, &SettingField::userEdited);
        m_editor = spin;
        break;
    }
    case core::SettingKind::Flag: {
        auto *check = new QCheckBox(tr("Yes"), this);
        connect(check, &QCheckBox::toggled, this, &SettingField::userEdited);
        m_editor = check;
        break;
    }
    case core::SettingKind::Choice: {
        auto *combo = new QComboBox(this);
        for (const QString &c : m_spec.choices)
            combo->addItem(c.isEmpty() ? tr("(default)") : c, c);
        connect(combo, &QComboBox::currentIndexChanged, this, &SettingField::userEdited);
        m_editor = combo;
        break;
    }
    default: {
        auto *edit = new QLineEdit(this);
        edit->setPlaceholderText(m_spec.defaultValue.isEmpty() ? tr("(empty)") : m_spec.defaultValue);
        edit->setClearButtonEnabled(true);
        if (m_spec.kind == core::SettingKind::Secret)
            edit->setEchoMode(QLineEdit::PasswordEchoOnEdit);
        connect(edit, &QLineEdit::textChanged, this, &SettingField::userEdited);
        m_editor = edit;
        if (m_spec.kind == core::SettingKind::OpenFile || m_spec.kind == core::SettingKind::SaveFile) {
            m_browse = new QToolButton(this);
            m_browse->setText(QStringLiteral("…"));
            m_browse->setToolTip(tr("Choose a file"));
            m_browse->setObjectName(m_spec.name + QStringLiteral("_browse"));
            connect(m_browse, &QToolButton::clicked, this, &SettingField::browse);
        }
        break;
    }
    }
    if (qobject_cast<QAbstractSpinBox *>(m_editor) || qobject_cast<QComboBox *>(m_editor)) {
        m_editor->setFocusPolicy(Qt::StrongFocus);
        m_editor->installEventFilter(guard);
    }
    if (qobject_cast<QLineEdit *>(m_editor)) {
        layout->addWidget(m_editor, 1);
        if (m_browse)
            layout->addWidget(m_browse);
    } else {
        // Numbers, choices and check boxes as wide as their content, not the page.
        m_editor->setMinimumWidth(m_editor->sizeHint().width() + 24);
        layout->addWidget(m_editor);
        layout->addStretch(1);
    }
    setFocusProxy(m_editor);
}

QString SettingField::value() const
{
    if (m_unshown)
        return *m_unshown;
    if (auto *spin = qobject_cast<QSpinBox *>(m_editor))
        return QString::number(spin->value());
    if (auto *spin = qobject_cast<QDoubleSpinBox *>(m_editor))
        return QString::number(spin->value(), 'g', 15);
    if (auto *check = qobject_cast<QCheckBox *>(m_editor))
        return check->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    if (auto *combo = qobject_cast<QComboBox *>(m_editor))
        return combo->currentData().toString();
    if (auto *edit = qobject_cast<QLineEdit *>(m_editor)) {
        const QString text = edit->text().trimmed();
        // REDIS_PASSWORD: "None" is the predecessor's spelling of no password; the field shows
        // it empty rather than as four masked characters.
        return text.isEmpty() && m_spec.defaultValue == u"None" ? m_spec.defaultValue : text;
    }
    return {};
}

void SettingField::setValue(const QString &value)
{
    m_setting = true;
    m_unshown.reset();
    bool shown = true;
    const QString t = value.trimmed();
    if (auto *spin = qobject_cast<QSpinBox *>(m_editor)) {
        bool ok = false;
        const qint64 v = t.toLongLong(&ok);
        shown = ok && v >= spin->minimum() && v <= spin->maximum();
        if (shown)
            spin->setValue(int(v));
    } else if (auto *spin = qobject_cast<QDoubleSpinBox *>(m_editor)) {
        bool ok = false;
        const double v = t.toDouble(&ok);
        // Only a value the spin box keeps exactly (its decimals) is shown; "0.005" stays as typed.
        shown = ok && std::isfinite(v) && v >= spin->minimum() && v <= spin->maximum()
            && QString::number(v, 'f', spin->decimals()).toDouble() == v;
        if (shown)
            spin->setValue(v);
    } else if (auto *check = qobject_cast<QCheckBox *>(m_editor)) {
        const std::optional<bool> v = parseFlag(t);
        shown = v.has_value();
        if (shown)
            check->setChecked(*v);
    } else if (auto *combo = qobject_cast<QComboBox *>(m_editor)) {
        QString v = t;
        if (m_spec.name == u"LOG_LEVEL" && v.compare(u"WARN", Qt::CaseInsensitive) == 0)
            v = QStringLiteral("WARNING"); // the loader's alias
        int index = -1;
        for (int i = 0; i < combo->count() && index < 0; ++i)
            if (combo->itemData(i).toString().compare(v, Qt::CaseInsensitive) == 0)
                index = i;
        shown = index >= 0;
        if (shown)
            combo->setCurrentIndex(index);
    } else if (auto *edit = qobject_cast<QLineEdit *>(m_editor)) {
        edit->setText(m_spec.kind == core::SettingKind::Secret && value == m_spec.defaultValue && value == u"None"
                          ? QString()
                          : value);
    }
    if (!shown)
        m_unshown = value;
    m_setting = false;
}

void SettingField::setInvalid(bool invalid)
{
    m_editor->setStyleSheet(invalid ? QStringLiteral("border: 2px solid %1;").arg(Theme::error().name()) : QString());
}

void SettingField::userEdited()
{
    if (m_setting)
        return;
    m_unshown.reset();
    Q_EMIT edited();
}

void SettingField::browse()
{
    auto *edit = qobject_cast<QLineEdit *>(m_editor);
    if (!edit)
        return;
    const QString current = edit->text().trimmed();
    const QString start = current.isEmpty() ? QString() : QFileInfo(current).absoluteFilePath();
    const QString title = translated(m_spec.label);
    const QString path = m_spec.kind == core::SettingKind::SaveFile
        ? QFileDialog::getSaveFileName(this, title, start, QString(), nullptr, QFileDialog::DontConfirmOverwrite)
        : QFileDialog::getOpenFileName(this, title, start);
    if (!path.isEmpty())
        edit->setText(path); // textChanged: edited()
}

} // namespace fx::gui
