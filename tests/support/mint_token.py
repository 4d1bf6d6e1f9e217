#!/usr/bin/python3
"""Mints a JSON Web Token for the tests with PyJWT (Debian python3-jwt).

usage: mint_token.py ALG KEY CLAIMS_JSON [--raw]
  ALG          HS256 ... ES384, or none
  KEY          an HMAC secret, or @path of a PEM private key
  CLAIMS_JSON  the claims object; "exp"/"nbf"/"iat" given as strings "+N" / "-N" are now+N / now-N
  --raw        sign HS* with the KEY bytes (even a PEM public key) by hand, as an attacker would
               (PyJWT refuses PEM text as an HMAC secret)
Prints the token on one line.
"""
import base64, hashlib, hmac, json, sys, time

import jwt

alg, key, claims = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
raw = "--raw" in sys.argv[4:]
now = int(time.time())
for name in ("exp", "nbf", "iat"):
    v = claims.get(name)
    if isinstance(v, str) and v[:1] in "+-":
        claims[name] = now + int(v)
if key.startswith("@"):
    with open(key[1:], "rb") as f:
        key = f.read()
else:
    key = key.encode()


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


if alg == "none":
    header = b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    print(header + "." + b64(json.dumps(claims).encode()) + ".")
elif raw:
    digest = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}[alg]
    signing = b64(json.dumps({"alg": alg, "typ": "JWT"}).encode()) + "." + b64(json.dumps(claims).encode())
    print(signing + "." + b64(hmac.new(key, signing.encode(), digest).digest()))
else:
    print(jwt.encode(claims, key, algorithm=alg))
