// Passerelle — what `verifier serve` answers: its route table, the page an
// employer uses (paste the text of a candidate's QR code, read the verdict)
// and the VC-API verify routes (verifier/http/vc_api_verify.h), all on the
// offline pipeline with the trust given at start. The transport is the
// shared http/ server. Stateless and thread-safe: the verifier scales out
// behind any load balancer.
#pragma once

#include "http/router.h"
#include "verifier/verifier.h"

namespace passerelle::verifier_http {

// Registers on `router`:
//   GET  /                       the page: a form with a fresh challenge
//   POST /verify                 the form (application/x-www-form-urlencoded:
//                                document = QR text "PSL1:…" or JSON,
//                                challenge, domain) -> the verdict as a page
//   POST /credentials/verify     VC-API: {"verifiableCredential", "options"}
//   POST /presentations/verify   VC-API: {"verifiablePresentation", "options":
//                                {"challenge", "domain"}}
//                                -> 200 verified, 422 not, 400 unreadable
//   GET  /healthz
// Every HTML page escapes what it shows and is sent with a
// Content-Security-Policy that allows no script. The form needs a challenge
// (a verdict without one proves no possession), says which challenge it
// checked, and is refused when posted from another site. Each verification
// runs at the time of the request (options.now is not used). `options` is
// copied; what it points to must outlive the router.
void RegisterRoutes(http::Router& router, const VerifyOptions& options);

}  // namespace passerelle::verifier_http
