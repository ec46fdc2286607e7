// Passerelle — OpenID for Verifiable Credential Issuance 1.0 credential
// offers (§4.1): the `openid-credential-offer://?credential_offer=…` URI an
// issuer hands a learner (as text or a QR code), pre-authorized code grant
// only.
//
// Parsing is strict: the URI (or a bare credential_offer JSON object) is
// capped at kMaxCredentialOfferBytes, the JSON goes through ParseJson
// (duplicates, depth, UTF-8), unknown grants are ignored as the spec says,
// but every member we use is checked for type and size. Values only;
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/status.h"

namespace passerelle {

inline constexpr std::string_view kCredentialOfferScheme = "openid-credential-offer://";
inline constexpr std::string_view kPreAuthorizedGrant = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
// An offer URI fits a QR code comfortably well under this.
inline constexpr std::size_t kMaxCredentialOfferBytes = 4096;

// tx_code of the pre-authorized grant: how the PIN the learner receives
// separately looks.
struct TxCodeSpec {
  std::string input_mode = "numeric";  // "numeric" or "text"
  int length = 6;                      // 0: unspecified
  std::string description;             // ≤ 300 characters (the spec's limit)
};

struct CredentialOffer {
  std::string credential_issuer;  // https URL (http allowed for loopback hosts)
  std::vector<std::string> credential_configuration_ids;  // non-empty, unique
  std::string pre_authorized_code;                        // non-empty
  std::optional<TxCodeSpec> tx_code;                      // absent: no PIN asked
};

// The credential_offer JSON object. REQUIRES: `offer` passes
// CheckCredentialOffer (it always does when built by the issuer).
std::string CredentialOfferJson(const CredentialOffer& offer);

// "openid-credential-offer://?credential_offer=<percent-encoded JSON>".
std::string CredentialOfferUri(const CredentialOffer& offer);

// Parses an offer URI, or the credential_offer JSON object itself (text
// starting with '{'); surrounding ASCII whitespace is ignored.
// Errors: kResourceExhausted (over kMaxCredentialOfferBytes), kMalformed
// (another scheme, bad percent-encoding, JSON errors, a missing or
// ill-typed member — the message names it), kUnsupported
// (credential_offer_uri by reference, or no pre-authorized code grant).
Result<CredentialOffer> ParseCredentialOffer(std::string_view text);

// Checks the members' shapes and sizes. Errors: kMalformed naming the member.
Status CheckCredentialOffer(const CredentialOffer& offer);

// RFC 3986 percent-encoding of everything but unreserved characters.
std::string PercentEncode(std::string_view text);
// Decodes %XX escapes ('+' stays '+'; form bodies use FormDecode).
// Errors: kMalformed on a truncated or non-hex escape.
Result<std::string> PercentDecode(std::string_view text);

}  // namespace passerelle
