// Passerelle verifier CLI — declares the verbs and their options; cmdline/app.h
// parses and dispatches, and each verb runs elsewhere.
#include <iostream>

#include "cmdline/app.h"
#include "verifier/cli/recognise_command.h"
#include "verifier/cli/serve_command.h"
#include "verifier/cli/bundle_command.h"
#include "verifier/cli/sync_command.h"
#include "verifier/cli/verify_command.h"

namespace {
constexpr const char* kVersion = "passerelle verifier 0.1.0";
}

int main(int argc, char** argv) {
  using namespace passerelle::cli;
  passerelle::cmdline::CommandLine program(
      "verifier",
      "Passerelle verifier: checks learning credentials and presentations offline.\n"
      "Exit status: 0 valid, 1 a definite no (forged, tampered, expired, revoked, untrusted), "
      "2 no verdict (usage, unreadable or malformed input).",
      kVersion);

  VerifyArgs verify;
  CLI::App* v = program.AddVerb("verify", "verify credentials or presentations (JSON files, - for stdin)",
                            [&] { return RunVerify(verify, std::cin, std::cout, std::cerr); });
  v->add_option("files", verify.files, "credential or presentation files");
  v->add_flag("--json", verify.json, "print one JSON report instead of human text");
  v->add_option("--at", verify.at, "verify as of this RFC 3339 time (default: now)");
  v->add_option("--trust-issuer", verify.trust_issuers, "trust this issuer DID for any kind of credential");
  v->add_option("--trust-root", verify.trust_roots,
                "a root trust list (the authorities you trust, by country); repeat for several");
  v->add_option("--trust-list", verify.trust_lists,
                "a trust list signed by an authority of a --trust-root; repeat for several");
  v->add_option("--did-document", verify.did_documents, "a DID document to resolve a did:web issuer offline");
  v->add_option("--status-cache", verify.status_cache, "folder of status lists fetched by `verifier sync`");
  v->add_option("--bundle", verify.bundle,
                "a file made by `verifier bundle` (trust and status lists for an offline verifier), instead of --status-cache");
  v->add_option("--max-status-age", verify.max_status_age,
                "refuse status lists last confirmed longer ago (default 7d; e.g. 36h, 90m)");
  v->add_option("--max-trust-age", verify.max_trust_age,
                "refuse synced trust lists last confirmed longer ago (default 30d)");
  v->add_option("--challenge", verify.challenge, "the challenge the presentation must have signed");
  v->add_option("--domain", verify.domain, "the domain the presentation must have signed");
  v->add_option("--qr", verify.qr_image, "a photo or screenshot (PNG or JPEG) of a Passerelle QR code");
  v->add_option("--qr-text", verify.qr_text, "the text a Passerelle QR code holds (PSL1:…)");

  RecogniseArgs recognise;
  CLI::App* r = program.AddVerb(
      "recognise", "verify a partner's module credentials and map them onto your programme under an agreement",
      [&] { return RunRecognise(recognise, std::cin, std::cout, std::cerr); });
  r->add_option("--agreement", recognise.agreement, "the recognition agreement (docs/formats/recognition-agreement.md)")
      ->required();
  r->add_option("files", recognise.verify.files, "the partner's presentation, or credential files (- for stdin)");
  r->add_flag("--json", recognise.verify.json, "print one JSON report instead of human text");
  r->add_option("--at", recognise.verify.at, "verify as of this RFC 3339 time (default: now)");
  r->add_option("--trust-root", recognise.verify.trust_roots, "a root trust list; repeat for several");
  r->add_option("--trust-list", recognise.verify.trust_lists, "a trust list signed by a root's authority; repeat for several");
  r->add_option("--trust-issuer", recognise.verify.trust_issuers, "trust this issuer DID for any kind of credential");
  r->add_option("--did-document", recognise.verify.did_documents, "a DID document to resolve a did:web issuer offline");
  r->add_option("--status-cache", recognise.verify.status_cache, "folder of status lists fetched by `verifier sync`");
  r->add_option("--max-status-age", recognise.verify.max_status_age,
                "refuse status lists last confirmed longer ago (default 7d; e.g. 36h, 90m)");
  r->add_option("--max-trust-age", recognise.verify.max_trust_age,
                "refuse synced trust lists last confirmed longer ago (default 30d)");
  r->add_option("--challenge", recognise.verify.challenge, "the challenge the presentation must have signed");
  r->add_option("--domain", recognise.verify.domain, "the domain the presentation must have signed");

  ServeArgs serve;
  CLI::App* sv = program.AddVerb("serve", "serve the employer's verify page (photo, text or file of a QR code) and the VC-API verify routes",
                             [&] { return RunServe(serve, std::cerr); });
  sv->add_option("--listen", serve.listen, "HOST:PORT to listen on (default 127.0.0.1:8081; port 0: any)");
  sv->add_option("--trust-root", serve.verify.trust_roots, "a root trust list; repeat for several");
  sv->add_option("--trust-list", serve.verify.trust_lists, "a trust list signed by a root's authority; repeat for several");
  sv->add_option("--trust-issuer", serve.verify.trust_issuers, "trust this issuer DID for any kind of credential");
  sv->add_option("--did-document", serve.verify.did_documents, "a DID document to resolve a did:web issuer offline");
  sv->add_option("--status-cache", serve.verify.status_cache, "folder of status lists fetched by `verifier sync`");
  sv->add_option("--bundle", serve.verify.bundle,
                "a file made by `verifier bundle` (trust and status lists for an offline verifier), instead of --status-cache");
  sv->add_option("--max-status-age", serve.verify.max_status_age,
                "refuse status lists last confirmed longer ago (default 7d; e.g. 36h, 90m)");
  sv->add_option("--max-trust-age", serve.verify.max_trust_age,
                "refuse synced trust lists last confirmed longer ago (default 30d)");
  sv->add_option("--max-request-bytes", serve.max_request_bytes, "largest request body accepted (default 1 MiB)");
  sv->add_option("--threads", serve.threads, "worker threads (default 8)");
  sv->add_option("--max-upload-bytes", serve.max_upload_bytes,
                 "largest photo or file the page accepts (default 8 MiB; held in memory, never stored)");
  sv->add_option("--challenge-minutes", serve.challenge_minutes,
                 "how long the page's challenge codes are accepted, once each (default 15)");
  sv->add_option("--max-connections-per-client", serve.max_connections_per_client,
                 "connections one client address may hold at once, more get 503 (default 6; behind a "
                 "reverse proxy every client has its address: raise it)");
  sv->add_flag("--quiet", serve.quiet, "no access log on stderr");

  BundleArgs bundle;
  CLI::App* b = program.AddVerb("bundle",
      "pack the trust and status lists a sync cached into one file for an offline verifier (verify|serve --bundle)",
      [&] { return RunBundle(bundle, std::cout, std::cerr); });
  b->add_option("--cache", bundle.cache, "the folder `verifier sync` filled")->required();
  b->add_option("--out", bundle.out, "the bundle file to write (- for stdout)")->required();

  SyncArgs sync;
  CLI::App* s = program.AddVerb(
      "sync",
      "fetch status lists (and, with --trust-root, trust lists) over HTTP(S), verify them, and cache them for verify --status-cache",
      [&] { return RunSync(sync, std::cout, std::cerr); });
  s->add_option("--from", sync.from,
                "a status list URL (statusListCredential) or a trust list URL; repeat for several "
                "(none: follow the trust chain from --trust-root)");
  s->add_option("--cache", sync.cache, "the status cache folder")->required();
  s->add_option("--trust-root", sync.trust_roots,
                "a root trust list: --from URLs may then also be trust lists, checked against it before caching");
  s->add_option("--ca-file", sync.ca_file, "PEM certificates to trust for https instead of the system's");
  s->add_option("--timeout", sync.timeout_seconds, "seconds per request (default 10)");
  s->add_flag("--json", sync.json, "print a JSON report");

  return program.Run(argc, argv, std::cout, std::cerr);
}
