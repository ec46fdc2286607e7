// Passerelle — RFC 9457 problem details: the one error envelope of every
// Passerelle HTTP service (issuer node, verifier serve), and the only place
// where a Status becomes an HTTP code.
//
// One `type` scheme: https://w3id.org/passerelle/problems/CODE, where CODE is
// the `code` member: a Status code name ("malformed", "invalid_credential")
// or a transport refusal ("not_found", "method_not_allowed",
// "length_required", "unsupported_media_type", "unauthenticated").
//
//   {"type": "https://w3id.org/passerelle/problems/invalid_credential",
//    "title": "Unprocessable content", "status": 422,
//    "detail": "/credential/issuer: \"did:x\" is not this issuer (did:web:…)",
//    "code": "invalid_credential", "pointer": "/credential/issuer",
//    "instance": "urn:passerelle:request:1f2e3d4c-17"}
//
// `pointer` (a JSON Pointer into the request body) is present when the
// failure names a field. 500s never carry internal details: the server logs
// them under the request id the body shows. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "formats/status.h"
#include "http/message.h"

namespace passerelle::http {

inline constexpr std::string_view kProblemContentType = "application/problem+json";
// Every problem's `type` is this followed by its `code`.
inline constexpr std::string_view kProblemTypeBase = "https://w3id.org/passerelle/problems/";

// The HTTP status for a Code: kMalformed/kInvalidArgument 400,
// kPermissionDenied 403, kNotFound 404, kAlreadyExists/kRevoked 409,
// kResourceExhausted 413, kInvalidCredential/kUnsupported/
// kVerificationFailed/kExpired/kUntrustedIssuer 422, kIOError/kInternal 500.
int HttpStatusFor(Code code);

// A problem response. `pointer_prefix` is prepended to a JSON Pointer at the
// start of the status message ("/issuer: …" under "/credential").
HttpResponse ProblemResponse(const Status& status, std::string_view pointer_prefix = "",
                             std::string_view request_id = "");
// A problem with an explicit HTTP status (401, 405, 413, 503, 507 …).
HttpResponse ProblemResponse(int http_status, std::string_view code, std::string_view detail,
                             std::string_view pointer = "", std::string_view request_id = "");

// The JSON Pointer a status message starts with ("/a/b: …" → "/a/b"), or "".
std::string LeadingPointer(std::string_view message);

}  // namespace passerelle::http
