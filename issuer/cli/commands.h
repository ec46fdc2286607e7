// Passerelle issuer CLI — the verbs; main.cc only parses arguments.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cmdline/diagnostics.h"
#include "formats/status.h"

namespace passerelle::cli {

// The issuer's diagnostics on `err`: "issuer: error: …", sanitised.
inline cmdline::Diagnostics Diag(std::ostream& err) { return cmdline::Diagnostics("issuer", err); }

struct CommonIssuerArgs {
  std::string dir;
  std::optional<std::string> passphrase_file;
};

struct InitArgs {
  CommonIssuerArgs common;
  std::optional<std::string> did_web;
  bool did_key = false;
  std::string name;
  std::string country;
  std::optional<std::string> public_url;
};

// issuer config: show, or change, the awarding body's name and country.
struct ConfigArgs {
  CommonIssuerArgs common;
  std::optional<std::string> name;
  std::optional<std::string> country;
};

struct ServeArgs {
  CommonIssuerArgs common;
  std::string listen = "127.0.0.1:8080";
  std::optional<std::string> tls_cert;
  std::optional<std::string> tls_key;
  std::optional<std::string> public_url;
  std::string suite = "eddsa-rdfc-2022";
  std::size_t max_request_bytes = 1 << 20;
  int threads = 16;
  int timeout_seconds = 10;
  int max_connections_per_client = 6;  // http::ServerOptions; raise it behind a reverse proxy
  bool quiet = false;
};

struct TokenCreateArgs {
  CommonIssuerArgs common;
  std::vector<std::string> scopes;
  std::string label;
};

struct TokenRevokeArgs {
  CommonIssuerArgs common;
  std::string token_id;
};

// revoke | suspend | unsuspend
struct StatusArgs {
  CommonIssuerArgs common;
  std::string credential_id;
};

struct BatchArgs {
  CommonIssuerArgs common;
  std::string programme;
  std::optional<std::string> grading_scales;
  std::string csv;
  std::string out;
  std::string suite = "eddsa-rdfc-2022";
  std::optional<std::string> public_url;
  int threads = 2;
  bool json = false;
  // --offers: rows without a DID get an OID4VCI offer (OUT/ID.offer.txt,
  // OUT/ID.offer.png, OUT/ID.pin) instead of credentials naming nobody.
  bool offers = false;
  std::string offer_expires_in = "30d";
};

struct ListArgs {
  CommonIssuerArgs common;
  bool json = false;
  std::optional<std::string> learner;  // only credentials whose learner (name, DID or trainee id) contains this
  std::optional<std::string> module;   // only credentials of this module (or programme) code
};

// issuer audit: print and check the log; sign a checkpoint of its head; or
// check that the log still holds what an earlier checkpoint saw.
struct AuditArgs {
  CommonIssuerArgs common;
  bool checkpoint = false;
  std::optional<std::string> against;  // a checkpoint file
};

struct SignArgs {
  CommonIssuerArgs common;
  std::string suite = "eddsa-rdfc-2022";
  std::string file;
};

// The verification options of the issuer verbs that read a presentation.
struct PresentationCheckArgs {
  std::string presentation;  // file, or - for standard input
  std::optional<std::string> challenge;
  std::optional<std::string> domain;
  std::vector<std::string> trust_roots;
  std::vector<std::string> trust_lists;
  std::vector<std::string> trust_issuers;
  std::optional<std::string> status_cache;
};

struct IssueArgs {
  CommonIssuerArgs common;
  std::string kind;
  std::string suite = "eddsa-rdfc-2022";
  std::string programme;
  std::optional<std::string> grading_scales;
  std::optional<std::string> module;
  std::optional<std::string> learner_did;
  std::string given_name;
  std::string family_name;
  std::optional<std::string> grade;
  std::optional<std::string> grading_scale;
  std::optional<std::string> awarded_on;
  std::optional<std::string> public_url;
  // `issuer offer`: make an OID4VCI offer in this folder instead of signing now.
  std::optional<std::string> offer_out;
  std::string offer_expires_in = "30d";
  bool offer_pin = true;
  // module: awarded from validated prior learning (the evidence file's reference).
  std::optional<std::string> prior_learning;
  // certification: the learner's presentation (--from) and how to verify it.
  PresentationCheckArgs from;
  std::string format = "native";  // native | openbadges (an OB 3.0 OpenBadgeCredential)
  // diploma: joint (the other awarding bodies' DIDs) and double (the
  // agreement file, the partner's diploma id, this diploma's own id).
  std::vector<std::string> joint_with;
  std::optional<std::string> agreement;
  std::optional<std::string> paired_with;
  std::optional<std::string> credential_id;
};

// issuer cosign: add this awarding body's proof to a joint credential.
struct CosignArgs {
  CommonIssuerArgs common;
  std::string file;  // the credential (- for stdin)
  std::string suite = "eddsa-rdfc-2022";
  // did:web co-signers' keys come from trust lists (did:key needs none).
  std::vector<std::string> trust_roots;
  std::vector<std::string> trust_lists;
};

// issuer trust-list sign: an authority signs the list of those it accredits.
struct TrustListSignArgs {
  CommonIssuerArgs common;
  std::string entries;  // JSON: an array of entities, or {"trustedEntity": [...]}
  std::string out;      // file, or - for stdout
  std::optional<std::string> id;  // the list's URL (where it is published)
  int valid_days = 365;
  std::string suite = "eddsa-rdfc-2022";
};

// issuer trust-list entry: an issuer's own entry, to hand to its authority.
struct TrustListEntryArgs {
  std::string dir;
  std::vector<std::string> kinds;  // module, certification, diploma, recognition
  std::vector<int> eqf_levels;
  bool authority = false;  // a TrustAuthority entry (for a root list)
  std::optional<std::string> published_at;  // where `issuer publish`'s folder is served
};

// issuer publish: the node's public documents as static files.
struct PublishArgs {
  CommonIssuerArgs common;
  std::string out;
  std::optional<std::string> trust_list;  // an authority's signed list, published as trust-list.json
  bool json = false;
};

// issuer recognise: recognition credentials from a partner's presented modules.
struct RecogniseArgs {
  CommonIssuerArgs common;
  std::string agreement;
  PresentationCheckArgs check;
  std::optional<std::string> decision_ref;
  std::string out;  // folder: one TO_MODULE.json per recognition
  std::optional<std::string> public_url;
  bool json = false;
};

Result<std::string> ParseCredentialKindArg(const std::string& kind);

// Each returns the exit status: 0 done, 1 refused (invalid credential),
// 2 usage or I/O error.
int RunInit(const InitArgs& args, std::ostream& out, std::ostream& err);
int RunSign(const SignArgs& args, std::istream& in, std::ostream& out, std::ostream& err);
int RunCosign(const CosignArgs& args, std::istream& in, std::ostream& out, std::ostream& err);
int RunIssue(const IssueArgs& args, std::ostream& out, std::ostream& err);
int RunConfig(const ConfigArgs& args, std::ostream& out, std::ostream& err);
int RunDid(const CommonIssuerArgs& args, std::ostream& out, std::ostream& err);
int RunKeyRotate(const CommonIssuerArgs& args, std::ostream& out, std::ostream& err);
int RunServe(const ServeArgs& args, std::ostream& out, std::ostream& err);
int RunTokenCreate(const TokenCreateArgs& args, std::ostream& out, std::ostream& err);
int RunTokenList(const ListArgs& args, std::ostream& out, std::ostream& err);
int RunTokenRevoke(const TokenRevokeArgs& args, std::ostream& out, std::ostream& err);
// verb: "revoke", "suspend" or "unsuspend".
int RunStatusChange(const std::string& verb, const StatusArgs& args, std::ostream& out, std::ostream& err);
int RunBatch(const BatchArgs& args, std::ostream& out, std::ostream& err);
int RunList(const ListArgs& args, std::ostream& out, std::ostream& err);
int RunAudit(const AuditArgs& args, std::ostream& out, std::ostream& err);
int RunTrustListSign(const TrustListSignArgs& args, std::ostream& out, std::ostream& err);
int RunTrustListEntry(const TrustListEntryArgs& args, std::ostream& out, std::ostream& err);
// 0: every document written (or already up to date); 2: usage or I/O error.
int RunPublish(const PublishArgs& args, std::ostream& out, std::ostream& err);
// 0: at least one recognition credential issued (or already issued); 1:
// nothing recognised (reasons on stdout and stderr); 2: no verdict.
int RunRecognise(const RecogniseArgs& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace passerelle::cli
