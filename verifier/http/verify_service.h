// Passerelle — what `verifier serve` answers: its route table, the page an
// employer uses (verifier/http/employer_page.h: a photo of a candidate's QR
// code, its pasted text or a file, checked against a single-use challenge)
// and the VC-API verify routes (verifier/http/vc_api_verify.h), all on the
// offline pipeline with the trust given at start. The transport is the
// shared http/ server. Thread-safe. The only state is the challenge store
// (verifier/http/challenge_store.h), in memory: behind a load balancer,
// pin each employer to one instance (sticky sessions).
#pragma once

#include <cstddef>

#include "env/env.h"
#include "http/router.h"
#include "verifier/verifier.h"

namespace passerelle::verifier_http {

struct EmployerPageOptions {
  // Largest POST /verify body (a photo), in bytes; larger get 413 unread.
  // Uploads are held in memory for the request only, never stored.
  std::size_t max_upload_bytes = 8u << 20;
  // How long a challenge code is accepted (--challenge-minutes).
  int challenge_minutes = 15;
  // Challenge codes remembered at once (oldest forgotten first).
  std::size_t max_challenges = 100000;
  // The clock for challenge expiry. Must outlive the router.
  const Env* env = &Env::Default();
};

// Registers on `router`:
//   GET  /                       the page in the negotiated language
//                                (?lang=xx, else Accept-Language), with a
//                                fresh challenge code
//   POST /verify                 the form (multipart/form-data or
//                                application/x-www-form-urlencoded: qr_image,
//                                qr_text, file, challenge, lang) -> the verdict
//                                page, its <main> carrying data-outcome
//   POST /credentials/verify     VC-API: {"verifiableCredential", "options"}
//   POST /presentations/verify   VC-API: {"verifiablePresentation", "options":
//                                {"challenge", "domain"}}
//                                -> 200 verified, 422 not, 400 unreadable
//   GET  /healthz
// Every HTML page escapes what it shows and is sent with a
// Content-Security-Policy that allows no script; the form is refused when
// posted from another site. A presentation is "presented" only when its
// holder proof signs a challenge code this server issued, unused and
// unexpired (it is then used up). Each verification runs at the time of
// the request (options.now is not used). `options` is copied; what it
// points to must outlive the router.
void RegisterRoutes(http::Router& router, const VerifyOptions& options, const EmployerPageOptions& page = {});

}  // namespace passerelle::verifier_http
