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
  std::vector<std::string> parts;  // certification: module credential ids
  std::optional<std::string> public_url;
  std::string format = "native";  // native | openbadges (an OB 3.0 OpenBadgeCredential)
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
};

Result<std::string> ParseCredentialKindArg(const std::string& kind);

// Each returns the exit status: 0 done, 1 refused (invalid credential),
// 2 usage or I/O error.
int RunInit(const InitArgs& args, std::ostream& out, std::ostream& err);
int RunSign(const SignArgs& args, std::istream& in, std::ostream& out, std::ostream& err);
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

}  // namespace passerelle::cli
