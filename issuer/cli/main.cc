// Passerelle issuer CLI — declares the verbs and their options; cmdline/app.h
// parses and dispatches, and each verb runs elsewhere.
#include <iostream>

#include "cmdline/app.h"
#include "issuer/cli/commands.h"

namespace {
constexpr const char* kVersion = "passerelle issuer 0.1.0";

void AddCommon(CLI::App* cmd, passerelle::cli::CommonIssuerArgs& common) {
  cmd->add_option("--dir", common.dir, "the issuer's data folder")->required();
  cmd->add_option("--passphrase-file", common.passphrase_file,
                  "read the key passphrase from this file (else $PASSERELLE_PASSPHRASE, else a prompt)");
}
// The options of a verb that verifies a learner's presentation itself.
void AddPresentationCheck(CLI::App* cmd, passerelle::cli::PresentationCheckArgs& check) {
  cmd->add_option("--challenge", check.challenge, "the challenge the learner presented to (required)");
  cmd->add_option("--domain", check.domain, "the domain the learner presented to");
  cmd->add_option("--trust-root", check.trust_roots, "a root trust list (the accreditation anchors)");
  cmd->add_option("--trust-list", check.trust_lists, "a trust list signed by a root's authority");
  cmd->add_option("--trust-issuer", check.trust_issuers, "an issuer DID trusted for any credential");
  cmd->add_option("--status-cache", check.status_cache, "status lists fetched by verifier sync: check status");
}
}  // namespace

int main(int argc, char** argv) {
  using namespace passerelle::cli;
  passerelle::cmdline::CommandLine program(
      "issuer", "Passerelle issuer: signs learning credentials (W3C VC 2.0, Data Integrity EdDSA).", kVersion);

  InitArgs init;
  CLI::App* init_cmd = program.AddVerb("init", "create an issuer folder with a new encrypted key",
      [&] { return RunInit(init, std::cout, std::cerr); });
  AddCommon(init_cmd, init.common);
  init_cmd->add_option("--did", init.did_web, "did:web:HOST[:PATH] identity (default: --did-key)");
  init_cmd->add_flag("--did-key", init.did_key, "use a did:key identity derived from the key");
  init_cmd->add_option("--name", init.name, "the awarding body's name");
  init_cmd->add_option("--country", init.country, "ISO 3166-1 alpha-2 country code, e.g. FR");
  init_cmd->add_option("--public-url", init.public_url,
                       "base URL the node is reached at (status lists: URL/status-lists/ID); default for did:web: https://HOST[/PATH]");

  ConfigArgs config;
  CLI::App* config_cmd = program.AddVerb("config", "show the awarding body's name and country, or change them",
      [&] { return RunConfig(config, std::cout, std::cerr); });
  AddCommon(config_cmd, config.common);
  config_cmd->add_option("--name", config.name, "the awarding body's new name");
  config_cmd->add_option("--country", config.country, "its new ISO 3166-1 alpha-2 country code, e.g. FR");

  SignArgs sign;
  CLI::App* sign_cmd = program.AddVerb("sign", "sign a credential as given; prints the signed credential",
      [&] { return RunSign(sign, std::cin, std::cout, std::cerr); });
  AddCommon(sign_cmd, sign.common);
  sign_cmd->add_option("--suite", sign.suite, "eddsa-rdfc-2022 (default) or eddsa-jcs-2022");
  sign_cmd->add_option("file", sign.file, "the unsigned credential (- for stdin)")->required();

  CosignArgs cosign;
  CLI::App* cosign_cmd = program.AddVerb("cosign",
      "add this awarding body's proof to a joint diploma, after checking the proofs on it; prints it",
      [&] { return RunCosign(cosign, std::cin, std::cout, std::cerr); });
  AddCommon(cosign_cmd, cosign.common);
  cosign_cmd->add_option("--suite", cosign.suite, "eddsa-rdfc-2022 (default) or eddsa-jcs-2022");
  cosign_cmd->add_option("--trust-root", cosign.trust_roots, "a root trust list (keys of did:web signers)");
  cosign_cmd->add_option("--trust-list", cosign.trust_lists, "a trust list (keys of did:web signers)");
  cosign_cmd->add_option("file", cosign.file, "the joint credential as its issuer signed it (- for stdin)")->required();

  IssueArgs issue;
  CLI::App* issue_cmd = program.AddVerb("issue", "build a credential from programme data, sign it, print it",
      [&] { return RunIssue(issue, std::cout, std::cerr); });
  AddCommon(issue_cmd, issue.common);
  issue_cmd->add_option("--kind", issue.kind, "module, certification or diploma")->required();
  issue_cmd->add_option("--programme", issue.programme, "programme file (docs/formats/programme.md)")->required();
  issue_cmd->add_option("--grading-scales", issue.grading_scales, "grading scales file (default: the programme's)");
  issue_cmd->add_option("--module", issue.module, "module code, e.g. HQ-M01 (--kind module)");
  issue_cmd->add_option("--learner-did", issue.learner_did, "the learner's DID (from their wallet)");
  issue_cmd->add_option("--given-name", issue.given_name, "the learner's given name");
  issue_cmd->add_option("--family-name", issue.family_name, "the learner's family name");
  issue_cmd->add_option("--grade", issue.grade, "the grade on its national scale, e.g. 18.1");
  issue_cmd->add_option("--grading-scale", issue.grading_scale, "the scale's name, e.g. FR-0-20");
  issue_cmd->add_option("--awarded-on", issue.awarded_on, "award date, YYYY-MM-DD or RFC 3339 (default: now)");
  issue_cmd->add_option("--from", issue.from.presentation,
                        "certification, diploma: the learner's presentation of the parts it stacks (- for stdin)");
  AddPresentationCheck(issue_cmd, issue.from);
  issue_cmd->add_option("--joint-with", issue.joint_with,
                        "diploma: another awarding body's DID (repeatable): a joint diploma each of them co-signs");
  issue_cmd->add_option("--agreement", issue.agreement,
                        "diploma: the double-diploma agreement file it is awarded under (with --paired-with)");
  issue_cmd->add_option("--paired-with", issue.paired_with, "diploma: the id of the partner's diploma (double diploma)");
  issue_cmd->add_option("--credential-id", issue.credential_id,
                        "the new credential's id (urn:uuid:…), e.g. one the partner's diploma already names");
  issue_cmd->add_option("--prior-learning", issue.prior_learning,
                        "module: awarded from validated prior learning; the evidence file's reference");
  issue_cmd->add_option("--suite", issue.suite, "eddsa-rdfc-2022 (default) or eddsa-jcs-2022");
  issue_cmd->add_option("--public-url", issue.public_url, "base URL of the node's status lists (remembered)");
  issue_cmd->add_option("--format", issue.format, "native (default) or openbadges (an Open Badges 3.0 credential)");

  IssueArgs offer;
  offer.kind = "module";
  CLI::App* offer_cmd = program.AddVerb("offer",
      "make an OpenID4VCI offer (URI, QR code, PIN) the learner claims with their wallet; signed at claim time",
      [&] { return RunIssue(offer, std::cout, std::cerr); });
  AddCommon(offer_cmd, offer.common);
  offer_cmd->add_option("--programme", offer.programme, "programme file (docs/formats/programme.md)")->required();
  offer_cmd->add_option("--grading-scales", offer.grading_scales, "grading scales file (default: the programme's)");
  offer_cmd->add_option("--module", offer.module, "module code, e.g. HQ-M01")->required();
  offer_cmd->add_option("--given-name", offer.given_name, "the learner's given name")->required();
  offer_cmd->add_option("--family-name", offer.family_name, "the learner's family name")->required();
  offer_cmd->add_option("--grade", offer.grade, "the grade on its national scale, e.g. 18.1");
  offer_cmd->add_option("--grading-scale", offer.grading_scale, "the scale's name, e.g. FR-0-20");
  offer_cmd->add_option("--awarded-on", offer.awarded_on, "award date, YYYY-MM-DD or RFC 3339 (default: now)");
  offer_cmd->add_option("--suite", offer.suite, "eddsa-rdfc-2022 (default) or eddsa-jcs-2022");
  offer_cmd->add_option("--public-url", offer.public_url,
                        "the URL issuer serve is reached at: the offer's credential issuer (remembered)");
  offer_cmd->add_option("--out", offer.offer_out, "folder for OFFERID.offer.txt, OFFERID.offer.png, OFFERID.pin")
      ->required();
  offer_cmd->add_option("--offer-expires-in", offer.offer_expires_in,
                        "how long the offer can be claimed: days (default 30) or 90s, 12h, 30d");

  CommonIssuerArgs did;
  CLI::App* did_cmd = program.AddVerb("did", "print the issuer's DID document",
      [&] { return RunDid(did, std::cout, std::cerr); });
  did_cmd->add_option("--dir", did.dir, "the issuer's data folder")->required();

  CommonIssuerArgs rotate;
  CLI::App* key_cmd = program.AddGroup("key", "manage signing keys");
  CLI::App* rotate_cmd = program.AddVerb("rotate", "add a new signing key; earlier credentials keep verifying",
      [&] { return RunKeyRotate(rotate, std::cout, std::cerr); }, key_cmd);
  AddCommon(rotate_cmd, rotate);

  ServeArgs serve;
  CLI::App* serve_cmd = program.AddVerb("serve", "run the VC-API node: issue, status, verify, status lists, DID document",
      [&] { return RunServe(serve, std::cout, std::cerr); });
  AddCommon(serve_cmd, serve.common);
  serve_cmd->add_option("--listen", serve.listen, "HOST:PORT to listen on (default 127.0.0.1:8080; port 0: any)");
  serve_cmd->add_option("--tls-cert", serve.tls_cert, "PEM certificate chain: serve HTTPS (with --tls-key)");
  serve_cmd->add_option("--tls-key", serve.tls_key, "PEM private key of --tls-cert");
  serve_cmd->add_option("--public-url", serve.public_url,
                        "base URL clients reach the node at, e.g. behind a proxy (remembered in the store)");
  serve_cmd->add_option("--suite", serve.suite, "default cryptosuite: eddsa-rdfc-2022 (default) or eddsa-jcs-2022");
  serve_cmd->add_option("--max-request-bytes", serve.max_request_bytes, "largest request body accepted (default 1 MiB)");
  serve_cmd->add_option("--threads", serve.threads, "worker threads; each open keep-alive connection holds one (default 16)");
  serve_cmd->add_option("--timeout", serve.timeout_seconds, "read and write timeout in seconds (default 10)");
  serve_cmd->add_option("--max-connections-per-client", serve.max_connections_per_client,
                        "connections one client address may hold at once, more get 503 (default 6; behind a "
                        "reverse proxy every client has its address: raise it)");
  serve_cmd->add_flag("--quiet", serve.quiet, "no access log on stderr");

  CLI::App* token_cmd = program.AddGroup("token", "API tokens for the node's HTTP routes");
  TokenCreateArgs token_create;
  CLI::App* token_create_cmd = program.AddVerb("create", "create a token; prints it once, alone on stdout",
      [&] { return RunTokenCreate(token_create, std::cout, std::cerr); }, token_cmd);
  AddCommon(token_create_cmd, token_create.common);
  token_create_cmd->add_option("--scope", token_create.scopes, "issue, status, admin (comma-separated)")->required();
  token_create_cmd->add_option("--label", token_create.label, "a note on who uses the token");
  ListArgs token_list;
  CLI::App* token_list_cmd = program.AddVerb("list", "list tokens (ids and scopes; never secrets)",
      [&] { return RunTokenList(token_list, std::cout, std::cerr); }, token_cmd);
  AddCommon(token_list_cmd, token_list.common);
  token_list_cmd->add_flag("--json", token_list.json, "print JSON");
  TokenRevokeArgs token_revoke;
  CLI::App* token_revoke_cmd = program.AddVerb("revoke", "revoke a token by its id",
      [&] { return RunTokenRevoke(token_revoke, std::cout, std::cerr); }, token_cmd);
  AddCommon(token_revoke_cmd, token_revoke.common);
  token_revoke_cmd->add_option("token_id", token_revoke.token_id, "the token id (16 hex digits)")->required();

  StatusArgs status_args;
  for (const char* verb : {"revoke", "suspend", "unsuspend"}) {
    std::string what = std::string(verb) == "revoke" ? "revoke a credential (permanent)"
                       : std::string(verb) == "suspend" ? "suspend a credential (reversible)"
                                                        : "lift a credential's suspension";
    CLI::App* cmd = program.AddVerb(
        verb, what, [&status_args, verb] { return RunStatusChange(verb, status_args, std::cout, std::cerr); });
    AddCommon(cmd, status_args.common);
    cmd->add_option("credential_id", status_args.credential_id, "the credential's id, e.g. urn:uuid:…")->required();
  }

  BatchArgs batch;
  CLI::App* batch_cmd = program.AddVerb("batch", "issue a cohort from a CSV: module credentials and certifications",
      [&] { return RunBatch(batch, std::cout, std::cerr); });
  AddCommon(batch_cmd, batch.common);
  batch_cmd->add_option("--programme", batch.programme, "programme file (docs/formats/programme.md)")->required();
  batch_cmd->add_option("--grading-scales", batch.grading_scales, "grading scales file (default: the programme's)");
  batch_cmd->add_option("--csv", batch.csv, "trainees CSV (docs/formats/trainees-csv.md)")->required();
  batch_cmd->add_option("--out", batch.out, "folder for OUT/<trainee>/<module>.json")->required();
  batch_cmd->add_option("--suite", batch.suite, "eddsa-rdfc-2022 (default) or eddsa-jcs-2022");
  batch_cmd->add_option("--public-url", batch.public_url, "base URL of the node's status lists (remembered)");
  batch_cmd->add_option("--threads", batch.threads, "signing threads (default 2)");
  batch_cmd->add_flag("--json", batch.json, "print the summary as JSON on stdout");
  batch_cmd->add_flag("--offers", batch.offers,
                      "rows without a did: an OpenID4VCI offer each (OUT/ID.offer.txt, OUT/ID.offer.png, OUT/ID.pin)");
  batch_cmd->add_option("--offer-expires-in", batch.offer_expires_in,
                        "with --offers: how long offers can be claimed: days (default 30) or 90s, 12h, 30d");

  ListArgs list;
  CLI::App* list_cmd = program.AddVerb("list", "list the register of issued credentials",
      [&] { return RunList(list, std::cout, std::cerr); });
  list_cmd->add_option("--dir", list.common.dir, "the issuer's data folder")->required();
  list_cmd->add_flag("--json", list.json, "print JSON");
  list_cmd->add_option("--learner", list.learner,
                       "only what this learner received (part of a name, a DID or a trainee id; any case)");
  list_cmd->add_option("--module", list.module, "only credentials for this module (or programme) code");
  AuditArgs audit;
  CLI::App* audit_cmd = program.AddVerb("audit", "print the audit log (JSON lines) and check its hash chain",
      [&] { return RunAudit(audit, std::cout, std::cerr); });
  AddCommon(audit_cmd, audit.common);
  audit_cmd->add_flag("--checkpoint", audit.checkpoint,
                      "print a signed checkpoint of the log's head instead (give it to your authority or auditor)");
  auto* against = audit_cmd->add_option("--against", audit.against,
                                        "check that the log still holds, unchanged, what this checkpoint saw");
  against->excludes(audit_cmd->get_option("--checkpoint"));

  CLI::App* trust_cmd = program.AddGroup("trust-list", "trust lists, for accreditation authorities");
  TrustListSignArgs trust_sign;
  CLI::App* trust_sign_cmd = program.AddVerb("sign", "sign a trust list naming the issuers (or authorities) you accredit",
      [&] { return RunTrustListSign(trust_sign, std::cout, std::cerr); }, trust_cmd);
  AddCommon(trust_sign_cmd, trust_sign.common);
  trust_sign_cmd->add_option("--entries", trust_sign.entries,
                             "JSON array of entries (docs/formats/trust-list.md; `issuer trust-list entry` makes one)")
      ->required();
  trust_sign_cmd->add_option("--out", trust_sign.out, "where to write the signed list (- for stdout)")->required();
  trust_sign_cmd->add_option("--id", trust_sign.id, "the URL the list is published at");
  trust_sign_cmd->add_option("--valid-days", trust_sign.valid_days, "days until the list expires (default 365)");
  trust_sign_cmd->add_option("--suite", trust_sign.suite, "eddsa-rdfc-2022 (default) or eddsa-jcs-2022");
  TrustListEntryArgs trust_entry;
  CLI::App* trust_entry_cmd = program.AddVerb("entry", "print this issuer's trust list entry (its keys and their windows)",
      [&] { return RunTrustListEntry(trust_entry, std::cout, std::cerr); }, trust_cmd);
  trust_entry_cmd->add_option("--dir", trust_entry.dir, "the issuer's data folder")->required();
  trust_entry_cmd->add_option("--kind", trust_entry.kinds, "a kind it may issue: module, certification, diploma, recognition")
      ->delimiter(',');
  trust_entry_cmd->add_option("--eqf", trust_entry.eqf_levels, "an EQF level (1-8) it may award")->delimiter(',');
  trust_entry_cmd->add_flag("--authority", trust_entry.authority, "an authority entry, for a root list");
  trust_entry_cmd->add_option("--published-at", trust_entry.published_at,
                              "the URL its `issuer publish` folder is served at (verifier sync follows it)");

  PublishArgs publish;
  CLI::App* publish_cmd = program.AddVerb("publish",
      "write the node's public documents (DID document, status lists, trust list) as static files",
      [&] { return RunPublish(publish, std::cout, std::cerr); });
  AddCommon(publish_cmd, publish.common);
  publish_cmd->add_option("--out", publish.out, "the folder a web server serves at the node's public URL")->required();
  publish_cmd->add_option("--trust-list", publish.trust_list,
                          "an authority's signed trust list (issuer trust-list sign), published as trust-list.json");
  publish_cmd->add_flag("--json", publish.json, "print what was written as JSON");

  RecogniseArgs recognise;
  CLI::App* recognise_cmd = program.AddVerb(
      "recognise", "verify a partner's presented modules and issue a recognition credential for each one recognised",
      [&] { return RunRecognise(recognise, std::cin, std::cout, std::cerr); });
  AddCommon(recognise_cmd, recognise.common);
  recognise_cmd->add_option("--agreement", recognise.agreement, "recognition agreement (docs/formats/recognition-agreement.md)")
      ->required();
  recognise_cmd->add_option("presentation", recognise.check.presentation, "the learner's presentation (- for stdin)")
      ->required();
  AddPresentationCheck(recognise_cmd, recognise.check);
  recognise_cmd->add_option("--decision-ref", recognise.decision_ref, "the reference of the recognition decision");
  recognise_cmd->add_option("--out", recognise.out, "folder for the recognition credentials (TO_MODULE.json)")->required();
  recognise_cmd->add_option("--public-url", recognise.public_url, "base URL of the node's status lists (remembered)");
  recognise_cmd->add_flag("--json", recognise.json, "print the verification, the mapping and what was issued as JSON");

  return program.Run(argc, argv, std::cout, std::cerr);
}
