// Passerelle — what `verifier serve` answers, independent of the transport:
// a request (method, path, form or JSON body) in, a response out. The page
// an employer uses (paste the text of a candidate's QR code, read the
// verdict) and the VC-API verify routes, all on the offline pipeline with
// the trust given at start. Stateless and thread-safe: the verifier scales
// out behind any load balancer.
#pragma once

#include <map>
#include <string>

#include "verifier/verifier.h"

namespace passerelle::verifier_http {

struct Request {
  std::string method;  // "GET", "HEAD", "POST", …
  std::string path;
  std::string content_type;  // lower case, parameters dropped
  std::string body;
  // For refusing cross-site form posts: the browser's Sec-Fetch-Site and
  // Origin headers (empty when absent), and the Host it was sent to.
  std::string sec_fetch_site;
  std::string origin;
  std::string host;
};

struct Response {
  int status = 200;
  std::string content_type;
  std::string body;
  std::map<std::string, std::string> headers;
};

// Routes:
//   GET  /                       the page: a form with a fresh challenge
//   POST /verify                 the form (application/x-www-form-urlencoded:
//                                document = QR text "PSL1:…" or JSON,
//                                challenge, domain) -> the verdict as a page
//   POST /credentials/verify     VC-API: {"verifiableCredential", "options"}
//   POST /presentations/verify   VC-API: {"verifiablePresentation", "options":
//                                {"challenge", "domain"}}
//                                -> 200 verified, 422 not, 400 unreadable
//   GET  /healthz
// Anything else: 404 or 405. Every HTML page escapes what it shows and is
// sent with a Content-Security-Policy that allows no script. The form needs
// a challenge (a verdict without one proves no possession), says which
// challenge it checked, and is refused when posted from another site.
// Each verification runs at the time of the request (options.now is not used).
Response Handle(const Request& request, const VerifyOptions& options);

// An application/problem+json response (RFC 9457) with this status, a type
// under https://w3id.org/passerelle/problems# and a human detail.
Response ProblemResponse(int status, const std::string& type, const std::string& detail);

}  // namespace passerelle::verifier_http
