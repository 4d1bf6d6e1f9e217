#pragma once

// Browser origins (the Origin header, and the entries of CORS_ALLOWED_ORIGINS; SECURITY.md,
// "Origins (CORS)"): "scheme://host[:port]" with scheme http or https, nothing else.

#include <QString>
#include <QStringView>
#include <optional>

namespace fx::core {

// The canonical form of an origin: scheme and host in lower case, an IPv6 host compressed, the
// scheme's default port (80, 443) left out. nullopt for anything else: another scheme, a path,
// a query, user info, a wildcard, a bad port, characters outside ASCII (write IDN hosts in their
// xn-- form). "null" is not an origin here; callers treat it as a literal.
std::optional<QString> canonicalOrigin(QStringView text);

} // namespace fx::core
