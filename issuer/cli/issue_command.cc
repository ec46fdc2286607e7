// Passerelle issuer CLI — `issuer issue`: build a credential from programme data and sign it.
#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include "formats/credential.h"
#include "formats/grade_number.h"
#include "formats/json.h"
#include "formats/openbadges.h"
#include "issuer/batch/credentials.h"
#include "issuer/batch/csv.h"
#include "issuer/cli/commands.h"
#include "issuer/cli/node_setup.h"
#include "issuer/cli/offer_output.h"
#include "issuer/cli/stack_certification.h"
#include "issuer/pathways/diploma_credential.h"
#include "issuer/pathways/prior_learning.h"
#include "issuer/cli/unlock_issuer.h"
#include "issuer/credential_signer.h"
#include "issuer/programme_files.h"
#include "keys/passphrase.h"
#include "formats/recognition_agreement.h"
#include "verifier/trust_registry.h"

namespace passerelle::cli {

namespace {

// The register key of one award: the same learner, for the same module (or
// the same parts, for a certification), graded the same on the same day is
// one credential, however often the command is repeated.
std::string AwardKey(const std::string& kind, const std::string& programme, const IssueArgs& args,
                     std::vector<std::string> parts, const Learner& learner, Timestamp awarded) {
  std::sort(parts.begin(), parts.end());
  std::string what = args.module.value_or("");
  if (args.prior_learning) what += "+prior-learning:" + *args.prior_learning;
  for (const auto& part : parts) what += (what.empty() ? "" : ",") + part;
  // A joint or double diploma is another award than the single one.
  for (const auto& body : args.joint_with) what += "+joint:" + body;
  if (args.paired_with) what += "+paired:" + *args.paired_with;
  if (args.credential_id) what += "+id:" + *args.credential_id;
  std::string who = learner.did ? *learner.did : learner.given_name + "\x1f" + learner.family_name;
  std::string grade = args.grade.value_or("") + "/" + args.grading_scale.value_or("");
  const std::string day = FormatDateTime(awarded).substr(0, 10);
  return "cli-award:" + kind + ":" + programme + ":" + what + ":" + who + ":" + grade + ":" + day;
}

// The joint and double forms of a diploma from the flags: partners' names
// and countries from the trust lists given (they are then checked against
// the same lists by every verifier), the agreement read and this issuer
// checked to be a party to it. Errors are written to `err`.
Result<DiplomaForm> DiplomaFormFrom(const IssueArgs& args, const std::string& issuer_did, std::ostream& err) {
  auto diag = Diag(err);
  DiplomaForm form;
  if (args.credential_id) {
    const std::string& id = *args.credential_id;
    const bool uuid = id.rfind("urn:uuid:", 0) == 0 && id.size() == 45;
    if (!uuid && id.rfind("https://", 0) != 0) {
      diag.Error("--credential-id \"" + id + "\": expected urn:uuid:… (36 characters after the prefix) or an https URL");
      return Status::InvalidArgument("credential id");
    }
  }
  if (!args.joint_with.empty()) {
    TrustRegistry registry;
    if (!args.from.trust_roots.empty() || !args.from.trust_lists.empty()) {
      DidResolver resolver;
      Status s = AddTrustListFiles(registry, args.from.trust_roots, args.from.trust_lists, Now(), resolver);
      if (!s.ok()) {
        diag.Error(s);
        return s;
      }
    }
    for (const auto& did : args.joint_with) {
      IssuerIdentity body{did, "", ""};
      if (const AccreditedIssuer* known = registry.FindIssuer(did)) {
        body.name = known->entity.name;
        body.country = known->entity.country;
      }
      form.joint_with.push_back(std::move(body));
    }
  }
  if (args.agreement.has_value() != args.paired_with.has_value()) {
    diag.Error(args.agreement ? "--agreement needs --paired-with ID: a double diploma names the partner's diploma"
                              : "--paired-with needs --agreement FILE: the agreement the two diplomas are awarded under");
    diag.Hint("agree on both diplomas' ids first (e.g. uuidgen); each university gives its own as --credential-id and "
              "the other's as --paired-with");
    return Status::InvalidArgument("double diploma");
  }
  if (args.agreement) {
    auto text = Env::Default().ReadFileBounded(*args.agreement, 4u << 20);
    auto doc = text.ok() ? ParseJson(*text) : Result<nlohmann::json>(text.status());
    auto agreement = doc.ok() ? ParseRecognitionAgreement(*doc) : Result<RecognitionAgreement>(doc.status());
    if (!agreement.ok()) {
      diag.Error("--agreement \"" + *args.agreement + "\"", agreement.status());
      return agreement.status();
    }
    const auto& parties = agreement->institution_dids;
    const bool party = std::find(parties.begin(), parties.end(), issuer_did) != parties.end();
    if (!party) {
      diag.Error("--agreement \"" + *args.agreement + "\": this awarding body (" + issuer_did +
                 ") is not a party to \"" + agreement->name + "\"");
      diag.Hint("the agreement names its partners by DID in institutionDids");
      return Status::InvalidArgument("not a party");
    }
    if (args.credential_id && *args.paired_with == *args.credential_id) {
      diag.Error("--paired-with names this diploma itself: give the partner's diploma id");
      return Status::InvalidArgument("paired with itself");
    }
    form.agreement = agreement->name;
    form.paired_with = *args.paired_with;
  }
  return form;
}

}  // namespace

int RunIssue(const IssueArgs& args, std::ostream& out, std::ostream& err) {
  auto fail = [&](const Status& s, int code) {
    Diag(err).Error(s);
    return code;
  };
  auto kind = ParseCredentialKindArg(args.kind);
  if (!kind.ok()) return fail(kind.status(), 2);
  if (args.format != "native" && args.format != "openbadges")
    return fail(Status::InvalidArgument("--format \"" + args.format + "\": expected native or openbadges"), 2);
  auto suite = ParseCryptosuite(args.suite);
  if (!suite.ok()) return fail(suite.status().Annotate("--suite"), 2);
  auto bundle = LoadProgrammeBundle(args.programme, args.grading_scales.value_or(""));
  if (!bundle.ok()) return fail(bundle.status(), 2);
  auto issuer = OpenIssuerDir(args.common.dir);
  if (!issuer.ok()) return fail(issuer.status(), 2);

  if (args.offer_out && args.learner_did)
    return fail(Status::InvalidArgument("--learner-did and issuer offer don't go together: an offer is bound to the key "
                                        "of the wallet that claims it; to issue to a known DID use issuer issue"),
                2);
  if (args.offer_out && args.given_name.empty() && args.family_name.empty())
    return fail(Status::InvalidArgument("name the learner the offer is for: --given-name and --family-name"), 2);
  Learner learner{args.learner_did, args.given_name, args.family_name};
  // A certification's or diploma's learner is the holder who presents the parts.
  const bool stacked_kind = *kind == "certification" || *kind == "diploma";
  if (!stacked_kind && !learner.did && learner.given_name.empty() && learner.family_name.empty())
    return fail(Status::InvalidArgument("name the learner: --learner-did DID and/or --given-name/--family-name"), 2);
  // Names are checked as the cohort CSV checks them: text that is signed
  // must be exactly what the learner's name is, never U+FFFD in its place.
  for (auto [flag, value] : {std::pair{"--given-name", &learner.given_name}, {"--family-name", &learner.family_name}}) {
    if (value->size() > 200) return fail(Status::InvalidArgument(std::string(flag) + ": longer than 200 bytes"), 2);
    if (!batch::IsValidUtf8(*value))
      return fail(Status::InvalidArgument(std::string(flag) + ": not valid UTF-8 (check the terminal's encoding)"), 2);
    for (unsigned char c : *value)
      if (c < 0x20 || c == 0x7f)
        return fail(Status::InvalidArgument(std::string(flag) + ": holds a control character"), 2);
  }
  IssuerIdentity identity{issuer->did, issuer->name, issuer->country};
  Timestamp awarded = Now();
  if (args.awarded_on) {
    std::string t = *args.awarded_on;
    if (t.size() == 10) t += "T00:00:00Z";
    auto parsed = ParseDateTime(t);
    if (!parsed.ok())
      return fail(Status::InvalidArgument("--awarded-on \"" + *args.awarded_on +
                                          "\" is not a date: write YYYY-MM-DD (e.g. 2026-08-17) or an RFC 3339 "
                                          "date-time (2026-08-17T14:00:00Z)"),
                  2);
    // Wallets and verifiers refuse a credential valid only from a later date;
    // an award in the future is a typo (a day past tolerates clock skew).
    if (parsed->seconds > awarded.seconds + 24 * 3600)
      return fail(Status::InvalidArgument("--awarded-on " + *args.awarded_on +
                                          " is in the future: an award is dated when it was made"),
                  2);
    awarded = *parsed;
  }
  awarded.nanos = 0;

  if (args.prior_learning && *kind != "module")
    return fail(Status::InvalidArgument("--prior-learning is for --kind module: the module validated from experience"), 2);
  if (!args.from.presentation.empty() && !stacked_kind)
    return fail(Status::InvalidArgument("--from is for --kind certification or diploma"), 2);
  if (*kind != "diploma") {
    for (auto [flag, given] : {std::pair{"--joint-with", !args.joint_with.empty()}, {"--agreement", !!args.agreement},
                               {"--paired-with", !!args.paired_with}, {"--credential-id", !!args.credential_id}})
      if (given) return fail(Status::InvalidArgument(std::string(flag) + " is for --kind diploma"), 2);
  }
  auto diploma_form = DiplomaFormFrom(args, issuer->did, err);
  if (!diploma_form.ok()) return 2;
  std::vector<std::string> parts;
  Result<nlohmann::json> credential = Status::Internal("unset");
  if (*kind == "module") {
    if (!args.module) return fail(Status::InvalidArgument("--kind module needs --module CODE"), 2);
    const ProgrammeModule* module = bundle->programme.FindModule(*args.module);
    if (module == nullptr)
      return fail(Status::InvalidArgument(UnknownModuleMessage(bundle->programme, *args.module)), 2);
    if (!args.grade || !args.grading_scale)
      return fail(Status::InvalidArgument("--kind module needs --grade and --grading-scale"), 2);
    auto scale = bundle->scales.find(*args.grading_scale);
    if (scale == bundle->scales.end())
      return fail(Status::InvalidArgument(UnknownScaleMessage(bundle->scales, *args.grading_scale)), 2);
    std::optional<double> number = ParseGradeNumber(*args.grade);
    if (!number)
      return fail(Status::InvalidArgument("--grade \"" + *args.grade + "\" is not a number: " +
                                          GradeNumberHint(*args.grade)),
                  2);
    double grade = *number;
    Status g = CheckGrade(scale->second, scale->first, grade);
    if (!g.ok()) return fail(g, 2);
    if (!IsPassingGrade(scale->second, grade))
      return fail(Status::InvalidArgument("grade " + *args.grade + " is below the pass mark of " + scale->first +
                                          ": no module credential is awarded"), 1);
    credential = BuildModuleCredential(bundle->programme, *module, identity, learner,
                                       ModuleAward{NewCredentialId(), *args.grade, *args.grading_scale, awarded});
    if (credential.ok() && args.prior_learning) {
      Status s = AddPriorLearning(*credential, *args.prior_learning);
      if (!s.ok()) return fail(s, 2);
    }
  } else if (*kind == "certification") {
    // A certification stands for modules its holder presented and this
    // issuer verified: never for ids it is merely given.
    auto stacked = StackFromPresentation(args, *bundle, identity.did, learner, err);
    if (!stacked.ok()) return stacked.status().code() == Code::kInvalidCredential ? 1 : 2;
    parts = std::move(*stacked);
    credential = BuildCertificationCredential(bundle->programme, identity, learner, parts, NewCredentialId(), awarded);
  } else if (*kind == "diploma") {
    // Like a certification: built only from parts the holder presented.
    auto stacked = StackFromPresentation(args, *bundle, identity.did, learner, err);
    if (!stacked.ok()) return stacked.status().code() == Code::kInvalidCredential ? 1 : 2;
    parts = std::move(*stacked);
    credential = BuildDiplomaCredential(bundle->programme, identity, learner, parts,
                                        args.credential_id.value_or(NewCredentialId()), awarded, *diploma_form);
  } else {
    return fail(Status::Unsupported("--kind " + *kind + " is not built from programme data yet; sign it with issuer sign"), 2);
  }
  if (!credential.ok()) return fail(credential.status(), 1);
  batch::AddLearnerName(*credential);
  if (args.format == "openbadges") {
    // The same award, read through the typed model, as an OB 3.0 credential
    // (docs/formats/openbadges.md); it is signed and registered as any other.
    auto native = CredentialFromJson(*credential);
    if (!native.ok()) return fail(native.status(), 2);
    auto badge = ToOpenBadgeCredential(*native, "en");
    if (!badge.ok()) return fail(badge.status(), 2);
    credential = std::move(*badge);
  }
  if (args.offer_out)
    return RunOfferFor(args, *suite, bundle->programme.code, *kind == "module" && args.module ? *args.module : "",
                       std::move(*credential), out, err);

  // A node with a store records what it issues and gives it status entries.
  bool has_store = store::IssuerStore::Exists(StoreDir(args.common.dir));
  std::string public_url;
  if (has_store) {
    // Settle the public URL, then close: the Issuer opens the store again.
    auto opened = OpenNodeStore(args.common.dir);
    if (!opened.ok()) return fail(opened.status(), 2);
    auto url = ResolvePublicUrl(**opened, *issuer, args.public_url, err);
    if (!url.ok()) return fail(url.status(), 2);
    public_url = *url;
  } else if (args.public_url) {
    return fail(Status::InvalidArgument("--public-url needs the node's store (issuer init --public-url, or run issuer serve once)"), 2);
  }

  if (!has_store) {
    auto passphrase = ObtainPassphrase({args.common.passphrase_file, false, "issuer key passphrase: "});
    if (!passphrase.ok()) return fail(passphrase.status(), 2);
    auto key = LoadCurrentKey(*issuer, *passphrase);
    if (!key.ok()) return fail(key.status(), 2);
    auto signed_credential = SignCredential(*issuer, *key, *credential, SignRequest{*suite, Now()});
    if (!signed_credential.ok())
      return fail(signed_credential.status(), signed_credential.status().code() == Code::kInternal ? 2 : 1);
    out << DumpJsonPretty(*signed_credential) << "\n";
    // Signed, but outside any register: say so, since nothing can revoke it.
    Diag(err).Warning("this credential has no status entry and is in no register: it can never be revoked or "
                      "suspended");
    Diag(err).Hint("issue from a node with a register: a folder made with issuer init --public-url URL, or one "
                   "issuer serve or issuer batch has run on");
    return 0;
  }
  IssuerOptions options;
  options.public_url = public_url;
  options.slot_chunk = 1;  // one credential: reserve no index it will not use
  auto node = OpenCliIssuer(args.common, std::move(options));
  if (!node.ok()) return fail(node.status(), 2);
  // Repeating the command gives back the credential it made the first time.
  std::string key = AwardKey(*kind, bundle->programme.code, args, parts, learner, awarded);
  if (args.format == "openbadges") key += ":openbadges";  // the same award in another format is another credential
  auto earlier = (*node)->FindByIdempotencyKey(key);
  if (!earlier.ok()) return fail(earlier.status(), 2);
  if (*earlier) {
    auto document = (*node)->FindDocument(**earlier);
    if (!document.ok()) return fail(document.status(), 2);
    auto parsed = ParseJson(*document);
    if (!parsed.ok()) return fail(parsed.status().Annotate("the register's copy of " + **earlier), 2);
    out << DumpJsonPretty(*parsed) << "\n";
    Diag(err).Warning("this award was already issued, as " + **earlier + ": nothing new was issued");
    Diag(err).Hint("to correct it, revoke it (issuer revoke " + **earlier + ") and issue the corrected award");
    return 0;
  }
  IssueRequest request;
  request.idempotency_key = key;
  request.credential = std::move(*credential);
  request.suite = *suite;
  request.actor = "cli";
  request.programme = bundle->programme.code;
  if (args.format == "openbadges") request.kind = *kind;
  if (*kind == "module" && args.module) request.module = *args.module;
  IssueStep step = IssueStep::kPrepare;
  auto issued = (*node)->Issue(std::move(request), &step);
  if (!issued.ok() && step == IssueStep::kCommit) return fail(issued.status().Annotate("record the credential"), 2);
  if (!issued.ok()) return fail(issued.status(), issued.status().code() == Code::kInternal ? 2 : 1);
  out << DumpJsonPretty(*issued) << "\n";
  // Without the learner's DID the credential names nobody's key: they can
  // hold it, not present it as theirs.
  if (!learner.did && !stacked_kind)
    Diag(err).Hint("no --learner-did: the learner cannot prove this credential is theirs; give their wallet's DID, "
                   "or make an offer they claim into their wallet (issuer offer … --out FOLDER)");
  return 0;
}

Result<std::string> ParseCredentialKindArg(const std::string& kind) {
  if (kind == "module" || kind == "certification" || kind == "diploma") return kind;
  return Status::InvalidArgument("--kind \"" + kind + "\": expected module, certification or diploma");
}

}  // namespace passerelle::cli
