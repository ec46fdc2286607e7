// Passerelle (verifier internal) — JSON reading vs the signed canonical RDF.
#include "verifier/internal/signed_form_check.h"

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_set>
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

std::string Cred(std::string_view local) { return std::string(kCred) + std::string(local); }
std::string Elm(std::string_view local) { return std::string(kElm) + std::string(local); }
std::string Pass(std::string_view local) { return std::string(kPass) + std::string(local); }
std::string Sec(std::string_view local) { return std::string(kSec) + std::string(local); }

// The JSON values of member `name` as strings (a string, or each string of
// an array; objects count by their "id" or as one anonymous value). Views
// into `node`: no copies, this runs for every member compared.
std::vector<std::string_view> JsonValues(const json& node, std::string_view name) {
  std::vector<std::string_view> out;
  const json* m = FindMember(node, name);
  if (m == nullptr) return out;
  auto add = [&](const json& v) {
    if (v.is_string()) out.push_back(v.get_ref<const std::string&>());
    else if (const json* id = FindMember(v, "id"); id != nullptr && id->is_string()) out.push_back(id->get_ref<const std::string&>());
    else out.emplace_back();  // counted, not compared
  };
  if (m->is_array()) {
    out.reserve(m->size());
    for (const auto& e : *m) add(e);
  } else {
    add(*m);
  }
  return out;
}

using Node = CanonicalTerm;

// One default-graph statement whose predicate matters.
struct Statement {
  Node subject;
  std::string_view predicate;  // the IRI, without < >
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
  std::vector<Line> lines;
  std::vector<Statement> statements;     // default graph, predicates of interest
  std::deque<std::string> unescaped;     // lexical forms that had escapes

  // The object token of a line (an IRI, a blank node label or a literal).
  static std::string_view ObjectToken(std::string_view rest) {
    if (rest.empty() || rest[0] != '"') return rest.substr(0, rest.find(' '));
    return rest;  // literals are never compared by reference
  }

  std::vector<Node> NodesOfType(std::initializer_list<std::string> types) const {
    std::vector<Node> found;
    for (const auto& st : statements) {
      if (st.predicate != kRdfType) continue;
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
    for (const auto& l : lines) {
      if (ObjectToken(l.rest) != node.token) continue;
      // A fourth term (graph) follows the object: not the default graph.
      std::string_view after = l.rest.substr(node.token.size());
      if (after == " .") return true;
    }
    return false;
  }

  // The document's own node: the typed node with the JSON's id, or else the
  // one typed node nothing else points to (embedded credentials, such as
  // Open Badges endorsements, are pointed to by their parent).
  Result<Node> RootOfType(std::initializer_list<std::string> types, const json& object, const char* what) const {
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

  std::vector<const Node*> Objects(const Node& subject, std::string_view predicate) const {
    std::vector<const Node*> out;
    for (const auto& st : statements)
      if (st.subject == subject && st.predicate == predicate) out.push_back(&st.object);
    return out;
  }
};

// Splits the canonical N-Quads into lines and reads those whose predicate
// is one of `predicates` (IRIs without angle brackets), in the default graph.
Result<SignedGraph> Parse(std::string_view canonical, const std::unordered_set<std::string_view>& predicates) {
  SignedGraph g;
  g.lines.reserve(64);
  g.statements.reserve(32);
  std::size_t pos = 0;
  while (pos < canonical.size()) {
    std::size_t end = canonical.find('\n', pos);
    if (end == std::string_view::npos) end = canonical.size();
    std::string_view line = canonical.substr(pos, end - pos);
    pos = end + 1;
    std::size_t s_end = line.find(' ');
    if (s_end == std::string_view::npos) return Status::Internal("signed form: a line without terms");
    std::size_t p_end = line.find(' ', s_end + 1);
    if (p_end == std::string_view::npos) return Status::Internal("signed form: a line without a predicate");
    SignedGraph::Line l{line.substr(0, s_end), line.substr(s_end + 1, p_end - s_end - 1), line.substr(p_end + 1)};
    g.lines.push_back(l);
    std::string_view p = l.predicate;
    if (p.size() < 2 || p.front() != '<' || p.back() != '>') continue;
    p = p.substr(1, p.size() - 2);  // strip < >
    if (predicates.count(p) == 0) continue;
    Statement st;
    std::string_view subject_text = l.subject;
    std::string_view object_text = l.rest;
    if (!ReadCanonicalTerm(subject_text, st.subject, g.unescaped) || !subject_text.empty() ||
        !ReadCanonicalTerm(object_text, st.object, g.unescaped))
      return Status::Internal("signed form: a line this reader cannot split: " + std::string(line.substr(0, 200)));
    if (object_text != " .") continue;  // a named graph: not the document's own statements
    st.predicate = p;
    g.statements.push_back(st);
  }
  return g;
}

// Compares the JSON values of `member` with the signed objects of `predicate`:
// same number, and the same lexical values where the JSON gives them.
Status Compare(const SignedGraph& g, const Node& node, const json& object, std::string_view member,
               std::string_view predicate, bool compare_values, std::string_view where = "") {
  auto signed_values = g.Objects(node, predicate);
  auto json_values = JsonValues(object, member);
  bool same = signed_values.size() == json_values.size();
  if (same && compare_values) {
    // The same values in any order (nearly always one each).
    std::vector<std::string_view> a, b(json_values.begin(), json_values.end());
    a.reserve(signed_values.size());
    for (const auto* t : signed_values) a.push_back(t->value);
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    same = a == b;
  }
  if (!same)
    return Status::VerificationFailed(std::string(where) + "/" + std::string(member) + ": the signed form has " +
                                      std::to_string(signed_values.size()) + " value(s) where the JSON shows " +
                                      std::to_string(json_values.size()) +
                                      (signed_values.size() == json_values.size() ? " different ones" : "") +
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
    auto nodes = g.Objects(credential, Cred("issuer"));
    if (nodes.size() == 1) PSL_RETURN_IF_ERROR(Compare(g, *nodes[0], *issuer, "country", Pass("country"), true, "/issuer"));
  }
  const json* subject = FindMember(document, "credentialSubject");
  auto subjects = g.Objects(credential, Cred("credentialSubject"));
  if (subject == nullptr || !subject->is_object() || subjects.size() != 1) return Status::Ok();
  const std::string at = "/credentialSubject";
  PSL_RETURN_IF_ERROR(Compare(g, *subjects[0], *subject, "achievement", Elm("hasClaim"), false, at));
  const json* achievement = FindMember(*subject, "achievement");
  auto achievements = g.Objects(*subjects[0], Elm("hasClaim"));
  if (achievement == nullptr || !achievement->is_object() || achievements.size() != 1) return Status::Ok();
  const Node& a = *achievements[0];
  const std::string claim = at + "/achievement";
  PSL_RETURN_IF_ERROR(Compare(g, a, *achievement, "eqfLevel", Elm("eqfLevel"), true, claim));
  PSL_RETURN_IF_ERROR(Compare(g, a, *achievement, "nqfLevel", Elm("nqfLevel"), true, claim));
  PSL_RETURN_IF_ERROR(Compare(g, a, *achievement, "code", kDctermsIdentifier, true, claim));
  PSL_RETURN_IF_ERROR(Compare(g, a, *achievement, "grade", Pass("grade"), false, claim));
  const json* grade = FindMember(*achievement, "grade");
  auto grades = g.Objects(a, Pass("grade"));
  if (grade != nullptr && grade->is_object() && grades.size() == 1) {
    PSL_RETURN_IF_ERROR(Compare(g, *grades[0], *grade, "value", Pass("gradeValue"), true, claim + "/grade"));
    PSL_RETURN_IF_ERROR(Compare(g, *grades[0], *grade, "scheme", Pass("gradingScheme"), true, claim + "/grade"));
  }
  return Status::Ok();
}

}  // namespace

Status CheckDocumentMatchesSignedForm(const json& document, std::string_view canonical) {
  // The predicates compared, as IRIs (kept alive for the sets' views).
  static const std::vector<std::string> kBase = {std::string(kRdfType), Cred("validFrom"),  Cred("validUntil"),
                                                 Cred("issuanceDate"),  Cred("expirationDate"), Cred("issuer"),
                                                 Cred("holder"),        Cred("credentialStatus")};
  static const std::vector<std::string> kPasserelle = {
      Cred("credentialSubject"), Elm("hasClaim"), Elm("eqfLevel"),      Elm("nqfLevel"),
      std::string(kDctermsIdentifier), Pass("grade"), Pass("gradeValue"), Pass("gradingScheme"), Pass("country")};
  static const std::unordered_set<std::string_view> kBaseSet(kBase.begin(), kBase.end());
  static const std::unordered_set<std::string_view> kPasserelleSet = [] {
    std::unordered_set<std::string_view> all(kBase.begin(), kBase.end());
    all.insert(kPasserelle.begin(), kPasserelle.end());
    return all;
  }();
  const bool passerelle = UsesPasserelleContext(document);
  const auto& predicates = passerelle ? kPasserelleSet : kBaseSet;
  PSL_ASSIGN_OR_RETURN(SignedGraph g, Parse(canonical, predicates));
  PSL_ASSIGN_OR_RETURN(Node node, g.RootOfType({Cred("VerifiableCredential"), Cred("VerifiablePresentation")},
                                                    document, "credential or presentation"));
  // Types: the JSON must show every signed type (they decide how it is judged).
  PSL_RETURN_IF_ERROR(Compare(g, node, document, "type", kRdfType, false));
  for (const char* member : {"validFrom", "validUntil", "issuanceDate", "expirationDate"})
    PSL_RETURN_IF_ERROR(Compare(g, node, document, member, Cred(member), true));
  PSL_RETURN_IF_ERROR(Compare(g, node, document, "issuer", Cred("issuer"), true));
  PSL_RETURN_IF_ERROR(Compare(g, node, document, "holder", Cred("holder"), true));
  PSL_RETURN_IF_ERROR(Compare(g, node, document, "credentialStatus", Cred("credentialStatus"), false));
  if (passerelle) PSL_RETURN_IF_ERROR(CheckPasserelleClaims(g, node, document));
  return Status::Ok();
}

Status CheckProofMatchesSignedForm(const json& proof, std::string_view canonical) {
  static const std::vector<std::string> kProof = {std::string(kRdfType), "http://purl.org/dc/terms/created",
                                                  Sec("expiration"), Sec("challenge"), Sec("domain")};
  static const std::unordered_set<std::string_view> kProofSet(kProof.begin(), kProof.end());
  PSL_ASSIGN_OR_RETURN(SignedGraph g, Parse(canonical, kProofSet));
  PSL_ASSIGN_OR_RETURN(Node node, g.RootOfType({Sec("DataIntegrityProof"), Sec("Ed25519Signature2020")}, proof, "proof"));
  PSL_RETURN_IF_ERROR(Compare(g, node, proof, "created", "http://purl.org/dc/terms/created", true));
  PSL_RETURN_IF_ERROR(Compare(g, node, proof, "expires", Sec("expiration"), true));
  PSL_RETURN_IF_ERROR(Compare(g, node, proof, "challenge", Sec("challenge"), true));
  PSL_RETURN_IF_ERROR(Compare(g, node, proof, "domain", Sec("domain"), true));
  return Status::Ok();
}

}  // namespace passerelle::internal
