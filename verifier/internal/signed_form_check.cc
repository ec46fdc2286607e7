// Passerelle (verifier internal) — JSON reading vs the signed canonical RDF.
#include "verifier/internal/signed_form_check.h"

#include <algorithm>
#include <array>
#include <forward_list>
#include <string>
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/profile.h"
#include "verifier/internal/canonical_term.h"

namespace passerelle::internal {

using nlohmann::json;

namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kCred = "https://www.w3.org/2018/credentials#";
constexpr std::string_view kSec = "https://w3id.org/security#";

constexpr std::string_view kElm = "http://data.europa.eu/snb/model/elm/";
constexpr std::string_view kPass = "https://w3id.org/passerelle/vocab#";
constexpr std::string_view kDctermsIdentifier = "http://purl.org/dc/terms/identifier";

// The IRIs compared, written out: this check runs on every RDFC
// verification, and building them per call cost dozens of allocations.
constexpr std::string_view kCredVerifiableCredential = "https://www.w3.org/2018/credentials#VerifiableCredential";
constexpr std::string_view kCredVerifiablePresentation = "https://www.w3.org/2018/credentials#VerifiablePresentation";
constexpr std::string_view kCredValidFrom = "https://www.w3.org/2018/credentials#validFrom";
constexpr std::string_view kCredValidUntil = "https://www.w3.org/2018/credentials#validUntil";
constexpr std::string_view kCredIssuanceDate = "https://www.w3.org/2018/credentials#issuanceDate";
constexpr std::string_view kCredExpirationDate = "https://www.w3.org/2018/credentials#expirationDate";
constexpr std::string_view kCredIssuer = "https://www.w3.org/2018/credentials#issuer";
constexpr std::string_view kCredHolder = "https://www.w3.org/2018/credentials#holder";
constexpr std::string_view kCredCredentialStatus = "https://www.w3.org/2018/credentials#credentialStatus";
constexpr std::string_view kCredCredentialSubject = "https://www.w3.org/2018/credentials#credentialSubject";
constexpr std::string_view kElmHasClaim = "http://data.europa.eu/snb/model/elm/hasClaim";
constexpr std::string_view kElmEqfLevel = "http://data.europa.eu/snb/model/elm/eqfLevel";
constexpr std::string_view kElmNqfLevel = "http://data.europa.eu/snb/model/elm/nqfLevel";
constexpr std::string_view kPassGrade = "https://w3id.org/passerelle/vocab#grade";
constexpr std::string_view kPassGradeValue = "https://w3id.org/passerelle/vocab#gradeValue";
constexpr std::string_view kPassGradingScheme = "https://w3id.org/passerelle/vocab#gradingScheme";
constexpr std::string_view kPassCountry = "https://w3id.org/passerelle/vocab#country";
constexpr std::string_view kSecDataIntegrityProof = "https://w3id.org/security#DataIntegrityProof";
constexpr std::string_view kSecEd25519Signature2020 = "https://w3id.org/security#Ed25519Signature2020";
constexpr std::string_view kSecExpiration = "https://w3id.org/security#expiration";
constexpr std::string_view kSecChallenge = "https://w3id.org/security#challenge";
constexpr std::string_view kSecDomain = "https://w3id.org/security#domain";
constexpr std::string_view kDctermsCreated = "http://purl.org/dc/terms/created";

// Each written-out IRI is its namespace followed by a local name.
constexpr bool InNamespace(std::string_view iri, std::string_view ns) {
  return iri.size() > ns.size() && iri.substr(0, ns.size()) == ns;
}
static_assert(InNamespace(kCredCredentialSubject, kCred) && InNamespace(kElmNqfLevel, kElm) &&
              InNamespace(kPassCountry, kPass) && InNamespace(kSecDomain, kSec));

// The predicates the checks read, by number: a line's predicate is matched
// against this table once, and statements then compare small integers
// rather than long IRIs.
enum Predicate : std::uint8_t {
  kPredType, kPredValidFrom, kPredValidUntil, kPredIssuanceDate, kPredExpirationDate, kPredIssuer, kPredHolder,
  kPredCredentialStatus, kPredCredentialSubject, kPredHasClaim, kPredEqfLevel, kPredNqfLevel, kPredIdentifier,
  kPredGrade, kPredGradeValue, kPredGradingScheme, kPredCountry, kPredCreated, kPredExpiration, kPredChallenge,
  kPredDomain, kPredCount
};
constexpr std::string_view kPredicateIris[kPredCount] = {
    kRdfType,    kCredValidFrom, kCredValidUntil, kCredIssuanceDate, kCredExpirationDate, kCredIssuer, kCredHolder,
    kCredCredentialStatus, kCredCredentialSubject, kElmHasClaim, kElmEqfLevel, kElmNqfLevel, kDctermsIdentifier,
    kPassGrade,  kPassGradeValue, kPassGradingScheme, kPassCountry, kDctermsCreated, kSecExpiration, kSecChallenge,
    kSecDomain};
// A set of predicates, one bit each.
using PredicateSet = std::uint32_t;
static_assert(kPredCount <= 32);
constexpr PredicateSet Bit(Predicate p) { return PredicateSet{1} << p; }

// The predicates by the length of their IRI (no two lengths hold more than
// kPerLength of them): a line's predicate is looked up by its length, and
// compared with at most that many IRIs, most often none.
constexpr std::size_t kMaxIriLength = 64, kPerLength = 4;
struct PredicatesByLength {
  std::array<std::array<Predicate, kPerLength>, kMaxIriLength> at{};
  std::array<std::uint8_t, kMaxIriLength> count{};
};
constexpr PredicatesByLength kByLength = [] {
  PredicatesByLength t;
  for (std::uint8_t p = 0; p < kPredCount; ++p) {
    const std::size_t n = kPredicateIris[p].size();
    if (n >= kMaxIriLength || t.count[n] == kPerLength) throw "extend kMaxIriLength or kPerLength";
    t.at[n][t.count[n]++] = Predicate(p);
  }
  return t;
}();

// The predicate of `iri` among `wanted`, or kPredCount.
Predicate FindPredicate(std::string_view iri, PredicateSet wanted) {
  if (iri.size() >= kMaxIriLength) return kPredCount;
  for (std::uint8_t i = 0; i < kByLength.count[iri.size()]; ++i) {
    const Predicate p = kByLength.at[iri.size()][i];
    if ((wanted & Bit(p)) != 0 && kPredicateIris[p] == iri) return p;
  }
  return kPredCount;
}

// A JSON value as the comparison reads it: a string as it is, an object by
// its "id"; anything else is counted but reads as empty. A view into `v`.
std::string_view JsonValueOf(const json& v) {
  if (v.is_string()) return v.get_ref<const std::string&>();
  if (const json* id = FindMember(v, "id"); id != nullptr && id->is_string()) return id->get_ref<const std::string&>();
  return {};
}

using Node = CanonicalTerm;

// One default-graph statement whose predicate matters.
struct Statement {
  Node subject;
  Predicate predicate;
  Node object;
};

// The canonical N-Quads, read lazily: every line is split into its subject
// and predicate tokens (canonical form: single spaces, no spaces inside IRIs
// or labels), and only the lines whose predicate matters are read further,
// as views into the canonical text (no copies unless a literal has escapes).
struct SignedGraph {
  struct Line {
    std::string_view subject, predicate, rest;  // rest: object [graph] .
  };
  // Splits `line` into its subject, predicate and the rest; false when it
  // has fewer than three parts.
  static bool Split(std::string_view line, Line& out) {
    const std::size_t s_end = line.find(' ');
    if (s_end == std::string_view::npos) return false;
    const std::size_t p_end = line.find(' ', s_end + 1);
    if (p_end == std::string_view::npos) return false;
    out = Line{line.substr(0, s_end), line.substr(s_end + 1, p_end - s_end - 1), line.substr(p_end + 1)};
    return true;
  }
  // Calls `fn(line text)` for each line of `text`.
  template <class Fn>
  static void ForEachLine(std::string_view text, Fn&& fn) {
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      if (!fn(text.substr(pos, end - pos))) return;
      pos = end + 1;
    }
  }

  std::string_view canonical;  // every line splits (Parse checked it)
  std::vector<Statement> statements;     // default graph, predicates of interest
  std::forward_list<std::string> unescaped;     // lexical forms that had escapes

  // The object token of a line (an IRI, a blank node label or a literal).
  static std::string_view ObjectToken(std::string_view rest) {
    if (rest.empty() || rest[0] != '"') return rest.substr(0, rest.find(' '));
    return rest;  // literals are never compared by reference
  }

  std::vector<Node> NodesOfType(std::initializer_list<std::string_view> types) const {
    std::vector<Node> found;
    for (const auto& st : statements) {
      if (st.predicate != kPredType) continue;
      for (const auto& t : types) {
        if (st.object.value != t) continue;
        bool seen = false;
        for (const auto& f : found) seen = seen || f == st.subject;
        if (!seen) found.push_back(st.subject);
      }
    }
    return found;
  }

  // True when some default-graph statement has `node` (a blank node) as object.
  bool IsReferenced(const Node& node) const {
    bool referenced = false;
    ForEachLine(canonical, [&](std::string_view text) {
      Line l;
      if (!Split(text, l) || ObjectToken(l.rest) != node.token) return true;
      // A fourth term (graph) follows the object: not the default graph.
      referenced = l.rest.substr(node.token.size()) == " .";
      return !referenced;
    });
    return referenced;
  }

  // The document's own node: the typed node with the JSON's id, or else the
  // one typed node nothing else points to (embedded credentials, such as
  // Open Badges endorsements, are pointed to by their parent).
  Result<Node> RootOfType(std::initializer_list<std::string_view> types, const json& object, const char* what) const {
    auto candidates = NodesOfType(types);
    const json* id = FindMember(object, "id");
    if (id != nullptr && id->is_string()) {
      for (const auto& c : candidates)
        if (c.is_iri && c.value == id->get_ref<const std::string&>()) return c;
      return Status::VerificationFailed(std::string("/id: the signed form has no ") + what + " with this id")
          .AtPointer("/id");
    }
    std::vector<Node> roots;
    for (const auto& c : candidates)
      if (c.is_blank && !IsReferenced(c)) roots.push_back(c);
    if (roots.size() != 1)
      return Status::VerificationFailed(std::string("the signed form holds ") + std::to_string(roots.size()) + " " +
                                        what + " nodes without an id, where the JSON has one");
    return roots.front();
  }

  // The object of the one statement (subject, predicate, …), or null when
  // there are none or several.
  const Node* OnlyObject(const Node& subject, Predicate predicate) const {
    const Node* found = nullptr;
    for (const auto& st : statements) {
      if (!(st.predicate == predicate && st.subject == subject)) continue;
      if (found != nullptr) return nullptr;
      found = &st.object;
    }
    return found;
  }
};

// Splits the canonical N-Quads into lines and reads those whose predicate
// is one of `predicates`, in the default graph.
Result<SignedGraph> Parse(std::string_view canonical, PredicateSet predicates) {
  SignedGraph g;
  g.canonical = canonical;
  g.statements.reserve(32);
  Status error;
  SignedGraph::ForEachLine(canonical, [&](std::string_view line) {
    SignedGraph::Line l;
    if (!SignedGraph::Split(line, l)) {
      error = Status::Internal("signed form: a line without a subject and a predicate");
      return false;
    }
    std::string_view p = l.predicate;
    if (p.size() < 2 || p.front() != '<' || p.back() != '>') return true;
    const Predicate predicate = FindPredicate(p.substr(1, p.size() - 2), predicates);  // without < >
    if (predicate == kPredCount) return true;
    Statement st;
    std::string_view subject_text = l.subject;
    std::string_view object_text = l.rest;
    if (!ReadCanonicalTerm(subject_text, st.subject, g.unescaped) || !subject_text.empty() ||
        !ReadCanonicalTerm(object_text, st.object, g.unescaped)) {
      error = Status::Internal("signed form: a line this reader cannot split: " + std::string(line.substr(0, 200)));
      return false;
    }
    if (object_text != " .") return true;  // a named graph: not the document's own statements
    st.predicate = predicate;
    g.statements.push_back(st);
    return true;
  });
  if (!error.ok()) return error;
  return g;
}

// Compares the JSON values of `member` with the signed objects of `predicate`:
// same number, and the same lexical values where the JSON gives them. No
// allocation unless a member has several values.
Status Compare(const SignedGraph& g, const Node& node, const json& object, std::string_view member,
               Predicate predicate, bool compare_values, std::string_view where = "") {
  std::size_t signed_count = 0;
  const Node* last_signed = nullptr;
  for (const auto& st : g.statements)
    if (st.predicate == predicate && st.subject == node) {
      ++signed_count;
      last_signed = &st.object;
    }
  const json* m = FindMember(object, member);
  const std::size_t json_count = m == nullptr ? 0 : m->is_array() ? m->size() : 1;
  bool same = signed_count == json_count;
  if (same && compare_values && json_count == 1) {
    same = last_signed->value == JsonValueOf(m->is_array() ? m->front() : *m);
  } else if (same && compare_values && json_count > 1) {
    // The same values in any order.
    std::vector<std::string_view> a, b;
    a.reserve(json_count);
    b.reserve(json_count);
    for (const auto& st : g.statements)
      if (st.predicate == predicate && st.subject == node) a.push_back(st.object.value);
    for (const auto& e : *m) b.push_back(JsonValueOf(e));
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    same = a == b;
  }
  if (!same)
    return Status::VerificationFailed(std::string(where) + "/" + std::string(member) + ": the signed form has " +
                                      std::to_string(signed_count) + " value(s) where the JSON shows " +
                                      std::to_string(json_count) + (signed_count == json_count ? " different ones" : "") +
                                      ": a signed claim is written in a form this verifier does not read")
        .AtPointer(std::string(where) + "/" + std::string(member));
  return Status::Ok();
}

}  // namespace

namespace {

// The claims of a Passerelle credential that issuer trust (country, kind,
// EQF level) and recognition (module code, grade, level) read from its JSON.
Status CheckPasserelleClaims(const SignedGraph& g, const Node& credential, const json& document) {
  if (const json* issuer = FindMember(document, "issuer"); issuer != nullptr && issuer->is_object()) {
    if (const Node* node = g.OnlyObject(credential, kPredIssuer))
      PSL_RETURN_IF_ERROR(Compare(g, *node, *issuer, "country", kPredCountry, true, "/issuer"));
  }
  const json* subject = FindMember(document, "credentialSubject");
  const Node* signed_subject = g.OnlyObject(credential, kPredCredentialSubject);
  if (subject == nullptr || !subject->is_object() || signed_subject == nullptr) return Status::Ok();
  constexpr std::string_view at = "/credentialSubject";
  PSL_RETURN_IF_ERROR(Compare(g, *signed_subject, *subject, "achievement", kPredHasClaim, false, at));
  const json* achievement = FindMember(*subject, "achievement");
  const Node* a = g.OnlyObject(*signed_subject, kPredHasClaim);
  if (achievement == nullptr || !achievement->is_object() || a == nullptr) return Status::Ok();
  constexpr std::string_view claim = "/credentialSubject/achievement";
  PSL_RETURN_IF_ERROR(Compare(g, *a, *achievement, "eqfLevel", kPredEqfLevel, true, claim));
  PSL_RETURN_IF_ERROR(Compare(g, *a, *achievement, "nqfLevel", kPredNqfLevel, true, claim));
  PSL_RETURN_IF_ERROR(Compare(g, *a, *achievement, "code", kPredIdentifier, true, claim));
  PSL_RETURN_IF_ERROR(Compare(g, *a, *achievement, "grade", kPredGrade, false, claim));
  const json* grade = FindMember(*achievement, "grade");
  if (const Node* signed_grade = g.OnlyObject(*a, kPredGrade); grade != nullptr && grade->is_object() && signed_grade) {
    constexpr std::string_view at_grade = "/credentialSubject/achievement/grade";
    PSL_RETURN_IF_ERROR(Compare(g, *signed_grade, *grade, "value", kPredGradeValue, true, at_grade));
    PSL_RETURN_IF_ERROR(Compare(g, *signed_grade, *grade, "scheme", kPredGradingScheme, true, at_grade));
  }
  return Status::Ok();
}

}  // namespace

Status CheckDocumentMatchesSignedForm(const json& document, std::string_view canonical) {
  constexpr PredicateSet kBaseSet = Bit(kPredType) | Bit(kPredValidFrom) | Bit(kPredValidUntil) |
                                    Bit(kPredIssuanceDate) | Bit(kPredExpirationDate) | Bit(kPredIssuer) |
                                    Bit(kPredHolder) | Bit(kPredCredentialStatus);
  constexpr PredicateSet kPasserelleSet = kBaseSet | Bit(kPredCredentialSubject) | Bit(kPredHasClaim) |
                                          Bit(kPredEqfLevel) | Bit(kPredNqfLevel) | Bit(kPredIdentifier) |
                                          Bit(kPredGrade) | Bit(kPredGradeValue) | Bit(kPredGradingScheme) |
                                          Bit(kPredCountry);
  const bool passerelle = UsesPasserelleContext(document);
  const PredicateSet predicates = passerelle ? kPasserelleSet : kBaseSet;
  PSL_ASSIGN_OR_RETURN(SignedGraph g, Parse(canonical, predicates));
  PSL_ASSIGN_OR_RETURN(Node node, g.RootOfType({kCredVerifiableCredential, kCredVerifiablePresentation}, document,
                                               "credential or presentation"));
  // Types: the JSON must show every signed type (they decide how it is judged).
  PSL_RETURN_IF_ERROR(Compare(g, node, document, "type", kPredType, false));
  static constexpr std::pair<std::string_view, Predicate> kDates[] = {{"validFrom", kPredValidFrom},
                                                                     {"validUntil", kPredValidUntil},
                                                                     {"issuanceDate", kPredIssuanceDate},
                                                                     {"expirationDate", kPredExpirationDate}};
  for (const auto& [member, predicate] : kDates)
    PSL_RETURN_IF_ERROR(Compare(g, node, document, member, predicate, true));
  PSL_RETURN_IF_ERROR(Compare(g, node, document, "issuer", kPredIssuer, true));
  PSL_RETURN_IF_ERROR(Compare(g, node, document, "holder", kPredHolder, true));
  PSL_RETURN_IF_ERROR(Compare(g, node, document, "credentialStatus", kPredCredentialStatus, false));
  if (passerelle) PSL_RETURN_IF_ERROR(CheckPasserelleClaims(g, node, document));
  return Status::Ok();
}

Status CheckProofMatchesSignedForm(const json& proof, std::string_view canonical) {
  constexpr PredicateSet kProofSet =
      Bit(kPredType) | Bit(kPredCreated) | Bit(kPredExpiration) | Bit(kPredChallenge) | Bit(kPredDomain);
  PSL_ASSIGN_OR_RETURN(SignedGraph g, Parse(canonical, kProofSet));
  PSL_ASSIGN_OR_RETURN(Node node, g.RootOfType({kSecDataIntegrityProof, kSecEd25519Signature2020}, proof, "proof"));
  PSL_RETURN_IF_ERROR(Compare(g, node, proof, "created", kPredCreated, true));
  PSL_RETURN_IF_ERROR(Compare(g, node, proof, "expires", kPredExpiration, true));
  PSL_RETURN_IF_ERROR(Compare(g, node, proof, "challenge", kPredChallenge, true));
  PSL_RETURN_IF_ERROR(Compare(g, node, proof, "domain", kPredDomain, true));
  return Status::Ok();
}

}  // namespace passerelle::internal
