// Passerelle — Data Integrity proofs: shape checks, proof chains, hashing.
#include "formats/data_integrity.h"

#include <nlohmann/json.hpp>

#include "formats/digest.h"
#include "formats/internal/canonical_document.h"
#include "formats/jcs.h"
#include "formats/json.h"
#include "formats/multibase.h"
#include "formats/vc_model.h"

namespace passerelle {
namespace {

using nlohmann::json;

Result<std::optional<Timestamp>> OptionalDate(const json& proof, std::string_view member,
                                               std::string_view where) {
  const json* m = FindMember(proof, member);
  if (m == nullptr) return std::optional<Timestamp>();
  std::string at = std::string(where) + "/" + std::string(member);
  if (!m->is_string()) return Status::Malformed(at + ": must be a date-time string");
  auto t = ParseDateTime(m->get_ref<const std::string&>());
  if (!t.ok()) return t.status().Annotate(at);
  return std::optional<Timestamp>(*t);
}

Result<std::optional<std::string>> OptionalString(const json& proof, std::string_view member,
                                                  std::string_view where) {
  const json* m = FindMember(proof, member);
  if (m == nullptr) return std::optional<std::string>();
  if (!m->is_string())
    return Status::Malformed(std::string(where) + "/" + std::string(member) + ": must be a string");
  return std::optional<std::string>(m->get<std::string>());
}

}  // namespace

const char* CryptosuiteName(Cryptosuite suite) {
  switch (suite) {
    case Cryptosuite::kEddsaRdfc2022: return "eddsa-rdfc-2022";
    case Cryptosuite::kEddsaJcs2022: return "eddsa-jcs-2022";
    case Cryptosuite::kEd25519Signature2020: return "Ed25519Signature2020";
  }
  return "unknown";
}

Result<Cryptosuite> ParseCryptosuite(std::string_view name) {
  if (name == "eddsa-rdfc-2022") return Cryptosuite::kEddsaRdfc2022;
  if (name == "eddsa-jcs-2022") return Cryptosuite::kEddsaJcs2022;
  return Status::Unsupported("cryptosuite \"" + std::string(name) +
                             "\" is not supported (eddsa-rdfc-2022, eddsa-jcs-2022)");
}

Result<DataIntegrityProof> ParseDataIntegrityProof(const json& proof, std::string_view where) {
  std::string w(where);
  if (!proof.is_object()) return Status::Malformed(w + ": a proof must be an object");
  const json* type = FindMember(proof, "type");
  if (type == nullptr) return Status::Malformed(w + "/type: missing");
  DataIntegrityProof p{};
  if (JsonStringEquals(*type, "Ed25519Signature2020")) {
    if (FindMember(proof, "cryptosuite") != nullptr)
      return Status::Malformed(w + "/cryptosuite: an Ed25519Signature2020 proof has no cryptosuite");
    p.suite = Cryptosuite::kEd25519Signature2020;
  } else {
    if (!JsonStringEquals(*type, "DataIntegrityProof"))
      return Status::Unsupported(w + "/type: proof type " +
                                 (type->is_string() ? "\"" + type->get<std::string>() + "\"" : std::string("(not a string)")) +
                                 " is not supported (DataIntegrityProof, Ed25519Signature2020)");
    const json* suite_name = FindMember(proof, "cryptosuite");
    if (suite_name == nullptr) return Status::Unsupported(w + "/cryptosuite: missing");
    if (!suite_name->is_string()) return Status::Malformed(w + "/cryptosuite: must be a string");
    auto suite = ParseCryptosuite(suite_name->get_ref<const std::string&>());
    if (!suite.ok()) return suite.status().Annotate(w + "/cryptosuite");
    p.suite = *suite;
  }
  PSL_ASSIGN_OR_RETURN(p.verification_method, GetString(proof, "verificationMethod", w));
  if (!IsAbsoluteUrl(p.verification_method))
    return Status::Malformed(w + "/verificationMethod: not a URL");
  PSL_ASSIGN_OR_RETURN(p.proof_purpose, GetString(proof, "proofPurpose", w));
  PSL_ASSIGN_OR_RETURN(p.created, OptionalDate(proof, "created", w));
  PSL_ASSIGN_OR_RETURN(p.expires, OptionalDate(proof, "expires", w));
  PSL_ASSIGN_OR_RETURN(p.challenge, OptionalString(proof, "challenge", w));
  PSL_ASSIGN_OR_RETURN(p.id, OptionalString(proof, "id", w));
  if (p.id && !IsAbsoluteUrl(*p.id)) return Status::Malformed(w + "/id: not a URL");
  if (const json* d = FindMember(proof, "domain")) {
    PSL_ASSIGN_OR_RETURN(p.domains, GetStringOrStrings(proof, "domain", w));
    if (p.domains.empty()) return Status::Malformed(w + "/domain: empty");
    p.domain = p.domains.front();
    (void)d;
  }
  if (FindMember(proof, "previousProof") != nullptr) {
    PSL_ASSIGN_OR_RETURN(p.previous_proof, GetStringOrStrings(proof, "previousProof", w));
  }
  PSL_ASSIGN_OR_RETURN(std::string value, GetString(proof, "proofValue", w));
  if (value.empty() || value[0] != 'z')
    return Status::Malformed(w + "/proofValue: must be multibase base58btc ('z…')");
  auto decoded = DecodeMultibase(value);
  if (!decoded.ok()) return decoded.status().Annotate(w + "/proofValue");
  if (decoded->bytes.size() != 64)
    return Status::Malformed(w + "/proofValue: an Ed25519 signature has 64 bytes, not " +
                             std::to_string(decoded->bytes.size()));
  p.signature = std::move(decoded->bytes);
  return p;
}

json MakeProofConfig(const ProofOptions& o) {
  json p = json::object();
  if (o.suite == Cryptosuite::kEd25519Signature2020) {
    p["type"] = "Ed25519Signature2020";
  } else {
    p["type"] = "DataIntegrityProof";
    p["cryptosuite"] = CryptosuiteName(o.suite);
  }
  p["created"] = FormatDateTime(o.created);
  p["verificationMethod"] = o.verification_method;
  p["proofPurpose"] = o.proof_purpose;
  if (o.expires) p["expires"] = FormatDateTime(*o.expires);
  if (o.challenge) p["challenge"] = *o.challenge;
  if (o.domain) p["domain"] = *o.domain;
  if (o.id) p["id"] = *o.id;
  if (o.previous_proof) p["previousProof"] = *o.previous_proof;
  return p;
}

Result<std::string> CanonicalDocument(const json& document, Cryptosuite suite) {
  switch (suite) {
    case Cryptosuite::kEddsaJcs2022: return CanonicalizeJson(document);
    case Cryptosuite::kEddsaRdfc2022:
    case Cryptosuite::kEd25519Signature2020: return internal::RdfcCanonicalNQuads(document);
  }
  return Status::Internal("unknown cryptosuite");
}

namespace {

// The proof configuration as hashed: the proof's members but proofValue.
// eddsa-rdfc-2022 (vc-di-eddsa §3.2.5 step 4) and the legacy
// Ed25519Signature2020 give it the document's @context; eddsa-jcs-2022
// (§3.3.5) hashes the proof options as they are, with the proof's own
// @context or none (its verifier never adds the document's).
json HashedConfig(const json& proof_config, const json& unsecured, Cryptosuite suite) {
  json config = json::object();
  if (proof_config.is_object())
    for (const auto& [key, value] : proof_config.get_ref<const json::object_t&>())
      if (key != "proofValue") config.get_ref<json::object_t&>().emplace(key, value);
  if (suite != Cryptosuite::kEddsaJcs2022)
    if (const json* ctx = FindMember(unsecured, "@context")) config["@context"] = *ctx;
  return config;
}

}  // namespace

namespace {

// JCS of the eddsa-jcs-2022 proof configuration (the proof without
// proofValue), written straight from the proof without copying it. Only
// when every member name of the proof is ASCII, so that the object's byte
// order is the UTF-16 order RFC 8785 sorts by; returns false otherwise
// (the caller then canonicalises a built copy).
bool CanonicalJcsConfig(const json& proof_config, std::string& out, Status& error) {
  if (!proof_config.is_object()) return false;
  const auto& members = proof_config.get_ref<const json::object_t&>();
  for (const auto& member : members)
    for (unsigned char c : member.first)
      if (c >= 0x80) return false;
  out.reserve(512);
  out += '{';
  bool first = true;
  auto emit = [&](std::string_view name, const json& value) {
    if (!first) out += ',';
    first = false;
    out += '"';
    out += name;  // ASCII; escaped below if it needs it
    out += "\":";
    return AppendCanonicalJson(value, out);
  };
  for (const auto& [name, value] : members) {
    if (name == "proofValue") continue;
    // Member names needing an escape (quote, backslash, controls) go the
    // general way, which escapes them.
    for (unsigned char c : name)
      if (c < 0x20 || c == '"' || c == '\\') return false;
    error = emit(name, value);
    if (!error.ok()) return true;
  }
  out += '}';
  return true;
}

}  // namespace

namespace {

// eddsa-jcs-2022 without the canonical forms kept: both canonical texts go
// into this thread's scratch buffers, whose capacity survives the call, so
// verifying allocates nothing for them.
// `canonical_unsecured`, when not empty, is already the document's JCS text.
Result<std::string> HashDataJcsScratch(const json& unsecured, const json& proof_config,
                                       std::string_view canonical_unsecured = {}) {
  thread_local std::string config_text, document_text;
  config_text.clear();
  document_text.clear();
  Status config_error;
  if (!CanonicalJcsConfig(proof_config, config_text, config_error)) {
    config_text.clear();
    Status s = AppendCanonicalJson(HashedConfig(proof_config, unsecured, Cryptosuite::kEddsaJcs2022), config_text);
    if (!s.ok()) return s.Annotate("proof configuration");
  } else if (!config_error.ok()) {
    return config_error.Annotate("proof configuration");
  }
  if (canonical_unsecured.empty()) {
    Status doc = AppendCanonicalJson(unsecured, document_text);
    if (!doc.ok()) return doc.Annotate("document");
    canonical_unsecured = document_text;
  }
  std::string hash;
  hash.reserve(64);
  AppendSha256(config_text, hash);
  AppendSha256(canonical_unsecured, hash);
  // A thread keeps credential-sized buffers, not the largest document it met.
  constexpr std::size_t kKeptCapacity = 64 * 1024;
  if (document_text.capacity() > kKeptCapacity) std::string().swap(document_text);
  if (config_text.capacity() > kKeptCapacity) std::string().swap(config_text);
  return hash;
}

}  // namespace

Result<std::string> HashDataForProof(const json& unsecured, const json& proof_config,
                                     Cryptosuite suite, CanonicalForms* forms) {
  if (suite == Cryptosuite::kEddsaJcs2022 && forms == nullptr) return HashDataJcsScratch(unsecured, proof_config);
  std::string canonical_config;
  Status config_error;
  if (suite != Cryptosuite::kEddsaJcs2022 || !CanonicalJcsConfig(proof_config, canonical_config, config_error)) {
    canonical_config.clear();
    auto built = CanonicalDocument(HashedConfig(proof_config, unsecured, suite), suite);
    if (!built.ok()) return built.status().Annotate("proof configuration");
    canonical_config = std::move(*built);
  } else if (!config_error.ok()) {
    return config_error.Annotate("proof configuration");
  }
  auto canonical_doc = CanonicalDocument(unsecured, suite);
  if (!canonical_doc.ok()) return canonical_doc.status().Annotate("document");
  std::string hash;
  hash.reserve(64);
  AppendSha256(canonical_config, hash);
  AppendSha256(*canonical_doc, hash);
  if (forms != nullptr) {
    forms->config = std::move(canonical_config);
    forms->document = std::move(*canonical_doc);
  }
  return hash;
}

json ProofsOf(const json& secured) {
  const json* proof = FindMember(secured, "proof");
  if (proof == nullptr) return json::array();
  if (proof->is_array()) return *proof;
  return json::array({*proof});
}

namespace {

// The proofs `proof` chains to (its previousProof ids, looked up in
// `all_proofs`: a document's `proof` value, one proof object or an array),
// or null when it names none.
// Errors: kMalformed, kVerificationFailed for a dangling reference.
Result<json> ChainedProofs(const json& all_proofs, const json& proof) {
  if (FindMember(proof, "previousProof") == nullptr) return json(nullptr);
  PSL_ASSIGN_OR_RETURN(auto ids, GetStringOrStrings(proof, "previousProof", "/proof"));
  json matching = json::array();
  auto has_id = [](const json& p, const std::string& id) {
    const json* pid = FindMember(p, "id");
    return pid != nullptr && JsonStringEquals(*pid, id);
  };
  for (const auto& id : ids) {
    const json* found = nullptr;
    if (all_proofs.is_object()) {
      if (has_id(all_proofs, id)) found = &all_proofs;
    } else if (all_proofs.is_array()) {
      for (const auto& p : all_proofs)
        if (has_id(p, id)) {
          found = &p;
          break;
        }
    }
    if (found == nullptr)
      return Status::VerificationFailed("previousProof \"" + id + "\" names no proof of this document");
    matching.push_back(*found);
  }
  return matching;
}

// The eddsa-jcs-2022 rule (vc-di-eddsa §3.3.2 step 4): when the proof
// carries an @context, the document's must start with it, and the document
// is verified with the proof's. eddsa-rdfc-2022 has no such step: its proof
// configuration takes the document's @context.
bool ContextStartsWith(const json* document_context, const json& proof_context) {
  if (document_context == nullptr) return false;
  // Compared in place: a context is an array of a few long IRIs, and a
  // copy would allocate each of them.
  const OneOrMany want(proof_context), have(*document_context);
  // A single document context is matched by exactly one proof context.
  if (have.size() < want.size() || (!document_context->is_array() && want.size() != 1)) return false;
  for (std::size_t i = 0; i < want.size(); ++i)
    if (have[i] != want[i]) return false;
  return true;
}

}  // namespace

Result<json> UnsecuredDocumentForProof(const json& secured, const json& proof) {
  if (!secured.is_object()) return Status::Malformed("a secured document must be a JSON object");
  if (!proof.is_object()) return Status::Malformed("/proof: a proof must be a JSON object");
  json doc = secured;
  doc.erase("proof");
  const json* all = FindMember(secured, "proof");
  PSL_ASSIGN_OR_RETURN(json chained, ChainedProofs(all != nullptr ? *all : json(nullptr), proof));
  if (!chained.is_null()) doc["proof"] = std::move(chained);
  const json* cryptosuite = FindMember(proof, "cryptosuite");
  const bool jcs = cryptosuite != nullptr && JsonStringEquals(*cryptosuite, "eddsa-jcs-2022");
  const json* pctx = jcs ? FindMember(proof, "@context") : nullptr;
  if (pctx != nullptr) {
    if (!ContextStartsWith(FindMember(secured, "@context"), *pctx))
      return Status::VerificationFailed("the proof's @context is not a prefix of the document's");
    doc["@context"] = *pctx;
  }
  return doc;
}

Result<std::string> HashDataForDetachedProof(const json& unsecured, const json& all_proofs, const json& proof,
                                             Cryptosuite suite, CanonicalForms* forms,
                                             std::string_view canonical_unsecured) {
  if (!unsecured.is_object()) return Status::Malformed("a secured document must be an object");
  if (!proof.is_object()) return Status::Malformed("/proof: a proof must be a JSON object");
  if (FindMember(unsecured, "proof") != nullptr)
    return Status::Internal("HashDataForDetachedProof: the document still has its proofs");
  PSL_ASSIGN_OR_RETURN(json chained, ChainedProofs(all_proofs, proof));
  const json* pctx = suite == Cryptosuite::kEddsaJcs2022 ? FindMember(proof, "@context") : nullptr;
  const json* dctx = FindMember(unsecured, "@context");
  if (pctx != nullptr && !ContextStartsWith(dctx, *pctx))
    return Status::VerificationFailed("the proof's @context is not a prefix of the document's");
  // The usual case, a proof that chains to nothing and repeats the
  // document's @context (or has none, or is not eddsa-jcs-2022): the
  // document is hashed as it is.
  if (chained.is_null() && (pctx == nullptr || *pctx == *dctx)) {
    if (suite == Cryptosuite::kEddsaJcs2022 && forms == nullptr && !canonical_unsecured.empty())
      return HashDataJcsScratch(unsecured, proof, canonical_unsecured);
    return HashDataForProof(unsecured, proof, suite, forms);
  }
  // A proof chain, or a jcs proof @context shorter than the document's: the
  // document to hash differs from the one held, so it is built apart.
  json doc = unsecured;
  if (!chained.is_null()) doc["proof"] = std::move(chained);
  if (pctx != nullptr) doc["@context"] = *pctx;
  return HashDataForProof(doc, proof, suite, forms);
}

Result<std::string> HashDataForSecuredDocument(const json& secured, const json& proof, Cryptosuite suite,
                                               CanonicalForms* forms) {
  PSL_ASSIGN_OR_RETURN(json unsecured, UnsecuredDocumentForProof(secured, proof));
  return HashDataForProof(unsecured, proof, suite, forms);
}

json ProofConfigFromProof(const json& proof) {
  json config = proof;
  if (config.is_object()) config.erase("proofValue");
  return config;
}

}  // namespace passerelle
