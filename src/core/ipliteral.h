#pragma once

// IP address literals as settings and Origin headers write them, parsed exactly as the system's
// inet_pton() does: IPv4 only as four decimal numbers 0..255 without leading zeros ("1.2.3.4";
// not "1.2.3", "01.2.3.4" or "0x7f.0.0.1"), IPv6 without brackets or a zone ("::1",
// "::ffff:1.2.3.4"; not "fe80::1%eth0").
//
// Platform seam (ARCHITECTURE.md, "Platform seams"): ipliteral_linux.cpp is inet_pton() and
// inet_ntop(); with FX_PORTABLE, ipliteral_portable.cpp parses and writes them itself, with the
// same answers (tests/unit/tst_platform_seams compares either side with the system's calls).

#include <QString>
#include <QStringView>

#include <optional>

namespace fx::core {

// An IPv4 or IPv6 address literal.
bool isIpLiteral(QStringView text);

// An IPv6 literal (no brackets) written in the compressed form inet_ntop() gives ("::1",
// "2001:db8::1", "::ffff:1.2.3.4"), or nullopt when it is not one.
std::optional<QString> canonicalIpv6Literal(QStringView text);

} // namespace fx::core
