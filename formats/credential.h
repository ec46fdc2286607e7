// Passerelle — the typed, immutable credential and presentation model.
//
// Every component reads credentials through this unit: ParseCredential /
// ParsePresentation read a document once and expose what the verifier, the
// issuer, the wallet and the reports need (ids, types, issuer, subjects,
// validity, status entries, proofs, and the Passerelle profile fields: kind,
// titles as language maps, ECTS, EQF/NQF level, grade and its scale,
// awarding bodies, parts, how the award was obtained). Parsing is lenient
// about the data model: a document whose fields have the wrong shape still
// parses (the field is then empty) and ValidateCredentialModel says what is
// wrong; only a document that is not a JSON object is refused.
//
// The document is held with its `proof` member taken out (moved, not
// copied), so proof verification reads the unsecured document as it is,
// with no edit and no copy. Values are immutable and share their state:
// copying a Credential is a reference-count increment. Thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "formats/datetime.h"
#include "formats/json.h"
#include "formats/profile.h"
#include "formats/status.h"
#include "formats/status_list.h"
#include "formats/vc_model.h"

namespace passerelle {

// Human text in several languages: (BCP 47 tag, text) in the document's
// order. A plain string is kept under the tag "".
using LanguageMap = std::vector<std::pair<std::string, std::string>>;

// The text for `lang` in `map`, following a fallback chain: the exact tag,
// its primary subtag, then each of `fallbacks`, then English, then the first
// entry; empty when the map is empty.
std::string_view PickLanguage(const LanguageMap& map, std::string_view lang,
                              const std::vector<std::string>& fallbacks = {});

// The map as JSON: a language map object, the plain string for a map read
// from a plain string, null when empty.
nlohmann::json LanguageMapToJson(const LanguageMap& map);

// A party named by a credential (issuer, awarding body): id, name, country.
struct Party {
  std::string id;
  LanguageMap name;
  std::string country;  // ISO 3166-1 alpha-2 as written; empty when absent
};

// A grade as awarded, on its own scale ("15" on "FR-0-20").
struct Grade {
  std::string value;
  std::string scheme;
};

// How a Passerelle achievement was obtained.
enum class ObtainedBy { kCourse, kRecognition, kPriorLearning };
// "course", "recognition", "prior-learning".
const char* ObtainedByName(ObtainedBy how);

// The Passerelle profile fields of a credential's achievement; present only
// for credentials that use the Passerelle context.
struct Achievement {
  std::optional<CredentialKind> kind;  // empty when the types name none (or several)
  std::string code;                    // the module or programme code
  LanguageMap title;
  std::optional<double> ects;
  std::string workload;  // ISO 8601 hours, "PT150H"
  int eqf_level = 0;     // 1..8; 0 when none is asserted
  std::string nqf_level;
  std::optional<Grade> grade;
  std::string part_of;             // isPartOf: the programme
  std::vector<std::string> parts;  // hasPart: credential ids
  std::optional<Timestamp> awarded_on;
  std::vector<std::string> awarding_bodies;  // awardingBody ids; the issuer when none
  ObtainedBy obtained_by = ObtainedBy::kCourse;
  std::string holder_name;  // credentialSubject name, or given + family name
  std::string given_name;   // credentialSubject givenName / familyName as written
  std::string family_name;
  // learningOutcomes, one entry per outcome: {"en": ["a", "b"], "fr": ["a'"]}
  // reads as [{en: a, fr: a'}, {en: b}] (the n-th text of each language).
  std::vector<LanguageMap> learning_outcomes;
  std::string assessment_type;    // IRIs as written (ELM vocabularies)
  std::string mode;
  std::string quality_assurance;
};

// A verifiable credential, read once. Its proofs are kept as found; their
// shape is checked by ParseDataIntegrityProof when they are verified.
class Credential {
 public:
  struct State;  // defined in credential.cc only

  // An empty value: no document. Only useful as a placeholder.
  Credential();

  // The document as given, with its proofs (a fresh JSON value).
  nlohmann::json ToJson() const;
  // The document without its `proof` member.
  const nlohmann::json& unsecured() const;
  // What `proof` held: one proof object, an array, or null when unsigned.
  const nlohmann::json& proofs() const;
  // The exact text the credential was parsed from; empty when it was built
  // from a JSON value.
  const std::string& text() const;

  const std::string& id() const;  // empty when absent
  const std::vector<std::string>& types() const;
  bool HasType(std::string_view type) const;
  // Errors: kInvalidCredential when @context names neither base context.
  Result<VcVersion> version() const;
  const Party& issuer() const;  // id empty when absent or malformed
  // Each credentialSubject's id, in order ("" for a subject without one).
  const std::vector<std::string>& subject_ids() const;
  // validFrom (or VC 1.1 issuanceDate) and validUntil (or expirationDate);
  // empty when absent or not a date-time.
  const std::optional<Timestamp>& valid_from() const;
  const std::optional<Timestamp>& valid_until() const;
  bool has_status() const;  // carries a credentialStatus member
  // The RFC 8785 text of unsecured() when the credential was read from text
  // already in that form (then eddsa-jcs-2022 hashes it as it is); empty
  // when unknown.
  std::string_view canonical_unsecured() const;
  bool uses_passerelle_context() const;
  // The profile fields; null for a credential outside the Passerelle context.
  const Achievement* achievement() const;

 private:
  explicit Credential(std::shared_ptr<const State> state);
  friend Result<Credential> CredentialFromJson(nlohmann::json document, std::string text,
                                               JcsTextWithout canonical_unsecured);
  std::shared_ptr<const State> state_;
};

// Parses a credential from JSON text (strict JSON: limits, UTF-8,
// duplicates) and keeps the text. Errors: kMalformed / kResourceExhausted
// from the JSON reader; kMalformed when the document is not an object.
Result<Credential> ParseCredential(std::string_view text, const JsonLimits& limits = {});
// The same from a parsed document, which it takes over (move it in to avoid
// a copy); `text`, when given, must be the text it was parsed from, and
// `canonical_unsecured`, when known, what ParseJson(text, …, "proof", …)
// gave with the document.
Result<Credential> CredentialFromJson(nlohmann::json document, std::string text = {},
                                      JcsTextWithout canonical_unsecured = {});

// A verifiable presentation: its holder, its proofs, and the credentials it
// carries (each one a Credential of its own; building them copies each
// embedded credential once, since the presentation's proof signs them whole).
class Presentation {
 public:
  struct State;  // defined in credential.cc only

  Presentation();
  const nlohmann::json& unsecured() const;
  const nlohmann::json& proofs() const;
  const std::string& text() const;
  // holder as a string, or holder.id; empty when absent.
  const std::string& holder() const;
  bool HasType(std::string_view type) const;
  // The embedded credentials in document order, and each one's JSON
  // Pointer ("/verifiableCredential/0", or "/verifiableCredential").
  const std::vector<Credential>& credentials() const;
  const std::vector<std::string>& credential_pointers() const;

 private:
  friend Result<Presentation> PresentationFromJson(nlohmann::json document, std::string text);
  std::shared_ptr<const State> state_;
};

// Same errors as ParseCredential; an embedded credential that is not an
// object is kept out of credentials() (the data-model check names it).
Result<Presentation> ParsePresentation(std::string_view text, const JsonLimits& limits = {});
Result<Presentation> PresentationFromJson(nlohmann::json document, std::string text = {});

}  // namespace passerelle
