// Passerelle — the one VC-API verify handler: POST /credentials/verify and
// POST /presentations/verify, for `verifier serve` and the issuer node
// (which registers it with its own options).
//
// Request: {"verifiableCredential" | "verifiablePresentation": {…},
//           "options": {"challenge", "domain", "checks": [...], "holderBinding": bool}}.
// Runs verifier::VerifyDocument, the pipeline `verifier verify` runs, and
// answers 200 when the document verified, 422 when it did not, 400 when it
// could not be read (the W3C suites look only at these codes); errors in the
// request itself are problem+json. Thread-safe when `prepare` is.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/status.h"
#include "http/message.h"
#include "verifier/verifier.h"

namespace passerelle::verifier_http {

struct VcApiVerifyRequest {
  nlohmann::json document;  // the credential or presentation (an object)
  std::optional<std::string> challenge, domain;
  // options.checks names "credentialStatus", or is absent or empty.
  bool check_status = true;
  // options.holderBinding: true asks that the presentation name its holder,
  // carry the holder's proof, and carry only credentials about that holder
  // (VerifyOptions::require_holder_binding); absent or false: not asked.
  bool holder_binding = false;
};

// Parses a request body. Errors: kMalformed (not JSON — "at byte N" —, not
// an object, the document missing or not an object, options of the wrong
// type; messages start with the JSON Pointer), kResourceExhausted (over
// `limits`).
Result<VcApiVerifyRequest> ParseVcApiVerifyRequest(std::string_view body, bool presentation, const JsonLimits& limits);

struct VcApiVerifyOptions {
  // Trust, resolver and caches; `now`, `challenge` and `domain` are set per request.
  VerifyOptions verify;
  JsonLimits limits{512 * 1024, 48};
  // False on an issuer node: whether to trust an issuer is the relying
  // party's decision, so the "issuer" check is left out, with a warning.
  bool evaluate_issuer_trust = true;
  // Called before verifying, to adjust the options for this document (the
  // issuer node trusts the document's issuers and refreshes its own lists).
  std::function<void(const nlohmann::json& document, bool check_status, VerifyOptions* options)> prepare;
};

// Answers one VC-API verify request (`presentation`: /presentations/verify):
// 200/422/400 with the `verifier verify --json` report, or a problem (415 for
// a body declared as something other than JSON, 400, 413).
http::HttpResponse HandleVcApiVerify(const http::HttpRequest& request, bool presentation,
                                     const VcApiVerifyOptions& options);

}  // namespace passerelle::verifier_http
