#pragma once

// Verifies the JSON Web Tokens clients present (SECURITY.md, "Tokens"). Built once from the
// settings, with its keys loaded and checked; then read-only, shared by every I/O thread.
//
// The algorithm is chosen by the key, never by the token: a token's header is read first and
// its "alg" must be one the configured keys allow (HS256/384/512 with WEBSOCKET_JWT_SECRET,
// RS256/384/512 with an RSA WEBSOCKET_JWT_PUBLIC_KEY, ES256 with an EC P-256 key, ES384 with
// P-384); only then does libjwt check the signature, with that key alone. The claims (exp,
// nbf with the leeway, aud, iss, sub, pairs) are checked here.

#include "core/settings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace fx::auth {

// What failed; reasonName() is what the client reads ("reason" of UNAUTHORIZED).
enum class TokenFailure {
    None,
    Missing,
    Malformed,
    AlgorithmNotAllowed,
    BadSignature,
    Expired,
    NotYetValid,
    WrongAudience,
    WrongIssuer,
    WrongSubject, // refresh_token: the new token names another user than the connection's
};
inline constexpr int kTokenFailureCount = 10;
// "missing", "malformed", "algorithm_not_allowed", "bad_signature", "expired", "not_yet_valid",
// "wrong_audience", "wrong_issuer", "wrong_subject" ("" for None).
QString reasonName(TokenFailure f);

struct TokenClaims
{
    QString subject; // "sub" (empty when the token has none)
    qint64 expiresAt = 0; // "exp", seconds since the epoch; 0: the token never expires
    bool allPairs = true; // no "pairs" claim: every pair
    QStringList pairs; // "pairs", normalized (EUR_USD), when !allPairs
};

struct TokenResult
{
    TokenFailure failure = TokenFailure::None;
    QString message; // for people: what failed, never the token
    TokenClaims claims;
    bool ok() const { return failure == TokenFailure::None; }
};

class TokenVerifier
{
public:
    // Longest token looked at (bytes); a longer one is refused as malformed before any decoding.
    static constexpr int kMaxTokenBytes = 8192;
    // Longest "sub" accepted (characters).
    static constexpr int kMaxSubjectLength = 256;

    struct Keys
    {
        QByteArray secret; // HMAC key; empty = no HS* tokens
        QByteArray publicKeyPem; // PEM SubjectPublicKeyInfo; empty = no RS*/ES* tokens
        int leewaySeconds = 5;
        QString audience; // required "aud" (empty: not checked)
        QString issuer; // required "iss" (empty: not checked)
    };

    // With WEBSOCKET_AUTH=none: nullptr and no error. With jwt: the verifier, or nullptr and one
    // line naming the setting in *error (the secret is never repeated).
    static std::shared_ptr<const TokenVerifier> fromSettings(const core::Settings &s, QString *error);
    // The keys as given (tests); nullptr and *error when the public key is not usable.
    static std::shared_ptr<const TokenVerifier> create(Keys keys, QString *error);

    ~TokenVerifier();
    TokenVerifier(const TokenVerifier &) = delete;
    TokenVerifier &operator=(const TokenVerifier &) = delete;

    // Any thread. nowSeconds: seconds since the epoch.
    TokenResult verify(QByteArrayView token, qint64 nowSeconds) const;
    int leewaySeconds() const { return m_keys.leewaySeconds; }
    // "HS256, HS384, HS512, RS256, ..." as allowed by the keys.
    QStringList allowedAlgorithms() const;

private:
    enum class PublicKind { None, Rsa, EcP256, EcP384 };
    TokenVerifier(Keys keys, PublicKind kind);
    bool allows(const QString &alg) const;
    TokenResult checkClaims(const QByteArray &claimsJson, qint64 now) const;

    Keys m_keys;
    PublicKind m_kind;
};

} // namespace fx::auth
