// Passerelle — reading a credential or presentation once into the typed model.
#include "formats/credential.h"

#include <algorithm>
#include <mutex>

#include <nlohmann/json.hpp>

namespace passerelle {

using nlohmann::json;

namespace {

const json kNull;

const std::string* StringOf(const json* value) {
  return value != nullptr && value->is_string() ? &value->get_ref<const std::string&>() : nullptr;
}

std::string StringMember(const json& object, std::string_view name) {
  const std::string* s = object.is_object() ? StringOf(FindMember(object, name)) : nullptr;
  return s != nullptr ? *s : std::string();
}

std::optional<Timestamp> DateMember(const json& object, std::string_view name) {
  const std::string* s = StringOf(FindMember(object, name));
  if (s == nullptr) return std::nullopt;
  auto t = ParseDateTime(*s);
  return t.ok() ? std::optional<Timestamp>(*t) : std::nullopt;
}

// A language map, a plain string, or JSON-LD value objects
// [{"@value", "@language"}]; anything else reads as empty.
LanguageMap LanguageMapOf(const json* value) {
  LanguageMap out;
  if (value == nullptr) return out;
  if (value->is_string()) {
    out.emplace_back("", value->get<std::string>());
  } else if (value->is_object()) {
    if (const std::string* v = StringOf(FindMember(*value, "@value"))) {
      out.emplace_back(StringMember(*value, "@language"), *v);
      return out;
    }
    for (const auto& [tag, text] : value->get_ref<const json::object_t&>()) {
      if (text.is_string()) out.emplace_back(tag, text.get<std::string>());
      else if (text.is_array() && !text.empty() && text[0].is_string()) out.emplace_back(tag, text[0].get<std::string>());
    }
  } else if (value->is_array()) {
    for (const auto& item : *value) {
      LanguageMap one = LanguageMapOf(&item);
      out.insert(out.end(), one.begin(), one.end());
    }
  }
  return out;
}

std::vector<std::string> StringsOf(const json* value) {
  std::vector<std::string> out;
  if (value == nullptr) return out;
  if (const std::string* s = StringOf(value)) out.push_back(*s);
  if (value->is_array()) {
    for (const auto& e : *value) {
      if (e.is_string()) out.push_back(e.get<std::string>());
      else if (e.is_object() && FindMember(e, "id") != nullptr) out.push_back(StringMember(e, "id"));
    }
  }
  if (value->is_object() && FindMember(*value, "id") != nullptr) out.push_back(StringMember(*value, "id"));
  return out;
}

// learningOutcomes: a language map whose values are a text or a list of
// texts; outcome n holds each language's n-th text.
std::vector<LanguageMap> LearningOutcomesOf(const json* value) {
  std::vector<LanguageMap> out;
  if (value == nullptr) return out;
  if (value->is_string()) {
    out.push_back({{"", value->get<std::string>()}});
    return out;
  }
  if (!value->is_object()) return out;
  for (const auto& [tag, texts] : value->get_ref<const json::object_t&>()) {
    std::vector<const std::string*> list;
    if (const std::string* s = StringOf(&texts)) list.push_back(s);
    if (texts.is_array())
      for (const auto& t : texts)
        if (const std::string* s = StringOf(&t)) list.push_back(s);
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (out.size() <= i) out.emplace_back();
      out[i].emplace_back(tag, *list[i]);
    }
  }
  return out;
}

int EqfLevelOf(const std::string& iri) {
  if (iri.size() != kEqfLevelPrefix.size() + 1 || iri.compare(0, kEqfLevelPrefix.size(), kEqfLevelPrefix) != 0)
    return 0;
  char d = iri.back();
  return d >= '1' && d <= '8' ? d - '0' : 0;
}

Party PartyOf(const json* value) {
  Party p;
  if (value == nullptr) return p;
  if (const std::string* s = StringOf(value)) {
    p.id = *s;
  } else if (value->is_object()) {
    p.id = StringMember(*value, "id");
    p.name = LanguageMapOf(FindMember(*value, "name"));
    p.country = StringMember(*value, "country");
  }
  return p;
}

const json* FirstSubject(const json& document) {
  const json* s = FindMember(document, "credentialSubject");
  if (s != nullptr && s->is_array()) return s->empty() ? nullptr : &(*s)[0];
  return s != nullptr && s->is_object() ? s : nullptr;
}

Achievement AchievementOf(const json& document, const Party& issuer) {
  Achievement a;
  auto kind = KindOf(document);
  if (kind.ok()) a.kind = *kind;
  const json* subject = FirstSubject(document);
  if (subject == nullptr) return a;
  std::string name = StringMember(*subject, "name");
  std::string given = StringMember(*subject, "givenName"), family = StringMember(*subject, "familyName");
  if (name.empty()) name = given.empty() ? family : family.empty() ? given : given + " " + family;
  a.given_name = std::move(given);
  a.family_name = std::move(family);
  a.holder_name = std::move(name);
  a.awarded_on = DateMember(*subject, "awardedOn");
  const json* achievement = FindMember(*subject, "achievement");
  if (achievement == nullptr || !achievement->is_object()) return a;
  const json& ach = *achievement;
  a.code = StringMember(ach, "code");
  a.title = LanguageMapOf(FindMember(ach, "title"));
  if (const json* e = FindMember(ach, "ects"); e != nullptr && e->is_number()) a.ects = e->get<double>();
  a.workload = StringMember(ach, "workload");
  a.eqf_level = EqfLevelOf(StringMember(ach, "eqfLevel"));
  a.nqf_level = StringMember(ach, "nqfLevel");
  if (const json* g = FindMember(ach, "grade"); g != nullptr && g->is_object())
    a.grade = Grade{StringMember(*g, "value"), StringMember(*g, "scheme")};
  a.learning_outcomes = LearningOutcomesOf(FindMember(ach, "learningOutcomes"));
  a.assessment_type = StringMember(ach, "assessmentType");
  a.mode = StringMember(ach, "mode");
  a.quality_assurance = StringMember(ach, "qualityAssurance");
  a.part_of = StringMember(ach, "isPartOf");
  a.parts = StringsOf(FindMember(ach, "hasPart"));
  a.awarding_bodies = StringsOf(FindMember(ach, "awardingBody"));
  if (a.awarding_bodies.empty() && !issuer.id.empty()) a.awarding_bodies.push_back(issuer.id);
  if (a.kind == CredentialKind::kRecognition) a.obtained_by = ObtainedBy::kRecognition;
  if (const json* how = FindMember(ach, "influencedBy"); how != nullptr && how->is_object() &&
                                                          StringMember(*how, "activityType") == kPriorLearningActivity)
    a.obtained_by = ObtainedBy::kPriorLearning;
  return a;
}

// Takes the `proof` member out of `document` (a map node move: nothing copied).
json DetachProofs(json& document) {
  auto& members = document.get_ref<json::object_t&>();
  auto node = members.extract("proof");
  return node.empty() ? json() : std::move(node.mapped());
}

std::vector<std::string> TypesOf(const json& document) {
  std::vector<std::string> out;
  const json* t = FindMember(document, "type");
  if (t == nullptr) return out;
  if (t->is_string()) out.push_back(t->get<std::string>());
  if (t->is_array())
    for (const auto& e : *t)
      if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}

}  // namespace

std::string_view PickLanguage(const LanguageMap& map, std::string_view lang, const std::vector<std::string>& fallbacks) {
  if (map.empty()) return {};
  auto find = [&](std::string_view tag) -> const std::string* {
    for (const auto& [t, text] : map)
      if (t.size() == tag.size() &&
          std::equal(t.begin(), t.end(), tag.begin(), [](char a, char b) { return (a | 0x20) == (b | 0x20); }))
        return &text;
    return nullptr;
  };
  if (const std::string* s = find(lang)) return *s;
  if (std::size_t dash = lang.find('-'); dash != std::string_view::npos)
    if (const std::string* s = find(lang.substr(0, dash))) return *s;
  for (const auto& f : fallbacks)
    if (const std::string* s = find(f)) return *s;
  if (const std::string* s = find("en")) return *s;
  return map.front().second;
}

json LanguageMapToJson(const LanguageMap& map) {
  if (map.empty()) return nullptr;
  if (map.size() == 1 && map[0].first.empty()) return map[0].second;
  json out = json::object();
  for (const auto& [lang, text] : map) out[lang] = text;
  return out;
}

const char* ObtainedByName(ObtainedBy how) {
  switch (how) {
    case ObtainedBy::kCourse: return "course";
    case ObtainedBy::kRecognition: return "recognition";
    case ObtainedBy::kPriorLearning: return "prior-learning";
  }
  return "course";
}

struct Credential::State {
  json unsecured;
  json proofs;
  std::string text;
  std::string id;
  std::vector<std::string> types;
  Result<VcVersion> version = Status::InvalidCredential("/@context: missing");
  Party issuer;
  std::vector<std::string> subject_ids;
  std::optional<Timestamp> valid_from, valid_until;
  bool has_status = false;
  bool passerelle = false;
  JcsTextWithout canonical_unsecured;
  // Read on first use: the verifier's hot path needs none of it.
  mutable std::once_flag achievement_once;
  mutable std::optional<Achievement> achievement;
  ~State() { ReleaseJson(unsecured); }
};

namespace {
// The one empty state every placeholder shares: a default-constructed
// Credential (a report's verdict before it is filled) costs no allocation.
template <class State>
const std::shared_ptr<const State>& EmptyState() {
  static const auto* empty = new std::shared_ptr<const State>(std::make_shared<const State>());
  return *empty;
}
}  // namespace

Credential::Credential() : state_(EmptyState<State>()) {}
Credential::Credential(std::shared_ptr<const State> state) : state_(std::move(state)) {}

json Credential::ToJson() const {
  json out = state_->unsecured;
  if (!state_->proofs.is_null() && out.is_object()) out["proof"] = state_->proofs;
  return out;
}
const json& Credential::unsecured() const { return state_->unsecured; }
const json& Credential::proofs() const { return state_->proofs; }
const std::string& Credential::text() const { return state_->text; }
const std::string& Credential::id() const { return state_->id; }
const std::vector<std::string>& Credential::types() const { return state_->types; }
bool Credential::HasType(std::string_view type) const {
  return std::find(state_->types.begin(), state_->types.end(), type) != state_->types.end();
}
Result<VcVersion> Credential::version() const { return state_->version; }
const Party& Credential::issuer() const { return state_->issuer; }
const std::vector<std::string>& Credential::subject_ids() const { return state_->subject_ids; }
const std::optional<Timestamp>& Credential::valid_from() const { return state_->valid_from; }
const std::optional<Timestamp>& Credential::valid_until() const { return state_->valid_until; }
bool Credential::has_status() const { return state_->has_status; }
std::string_view Credential::canonical_unsecured() const { return state_->canonical_unsecured.text(); }
bool Credential::uses_passerelle_context() const { return state_->passerelle; }
const Achievement* Credential::achievement() const {
  if (!state_->passerelle) return nullptr;
  std::call_once(state_->achievement_once,
                 [this] { state_->achievement = AchievementOf(state_->unsecured, state_->issuer); });
  return &*state_->achievement;
}

Result<Credential> CredentialFromJson(json document, std::string text, JcsTextWithout canonical_unsecured) {
  if (!document.is_object()) return Status::Malformed("the credential is not a JSON object");
  auto state = std::make_shared<Credential::State>();
  state->proofs = DetachProofs(document);
  state->unsecured = std::move(document);
  state->text = std::move(text);
  state->canonical_unsecured = std::move(canonical_unsecured);
  const json& doc = state->unsecured;
  state->id = StringMember(doc, "id");
  state->types = TypesOf(doc);
  state->version = DetectVcVersion(doc);
  state->issuer = PartyOf(FindMember(doc, "issuer"));
  if (const json* s = FindMember(doc, "credentialSubject")) {
    if (s->is_array())
      for (const auto& one : *s) state->subject_ids.push_back(StringMember(one, "id"));
    else
      state->subject_ids.push_back(StringMember(*s, "id"));
  }
  state->valid_from = DateMember(doc, "validFrom");
  if (!state->valid_from) state->valid_from = DateMember(doc, "issuanceDate");
  state->valid_until = DateMember(doc, "validUntil");
  if (!state->valid_until) state->valid_until = DateMember(doc, "expirationDate");
  state->has_status = FindMember(doc, "credentialStatus") != nullptr;
  state->passerelle = UsesPasserelleContext(doc);
  return Credential(std::move(state));
}

Result<Credential> ParseCredential(std::string_view text, const JsonLimits& limits) {
  JcsTextWithout canonical;
  PSL_ASSIGN_OR_RETURN(json document, ParseJson(text, limits, "proof", canonical));
  return CredentialFromJson(std::move(document), std::string(text), std::move(canonical));
}

struct Presentation::State {
  json unsecured;
  json proofs;
  std::string text;
  std::string holder;
  std::vector<std::string> types;
  std::vector<Credential> credentials;
  std::vector<std::string> pointers;
  ~State() { ReleaseJson(unsecured); }
};

Presentation::Presentation() : state_(EmptyState<State>()) {}
const json& Presentation::unsecured() const { return state_->unsecured; }
const json& Presentation::proofs() const { return state_->proofs; }
const std::string& Presentation::text() const { return state_->text; }
const std::string& Presentation::holder() const { return state_->holder; }
bool Presentation::HasType(std::string_view type) const {
  return std::find(state_->types.begin(), state_->types.end(), type) != state_->types.end();
}
const std::vector<Credential>& Presentation::credentials() const { return state_->credentials; }
const std::vector<std::string>& Presentation::credential_pointers() const { return state_->pointers; }

Result<Presentation> PresentationFromJson(json document, std::string text) {
  if (!document.is_object()) return Status::Malformed("the presentation is not a JSON object");
  auto state = std::make_shared<Presentation::State>();
  state->proofs = DetachProofs(document);
  state->unsecured = std::move(document);
  state->text = std::move(text);
  const json& doc = state->unsecured;
  state->types = TypesOf(doc);
  const json* holder = FindMember(doc, "holder");
  if (const std::string* h = StringOf(holder)) state->holder = *h;
  else if (holder != nullptr && holder->is_object()) state->holder = StringMember(*holder, "id");
  const json* vcs = FindMember(doc, "verifiableCredential");
  auto add = [&](const json& vc, std::string pointer) {
    auto credential = CredentialFromJson(vc);
    if (!credential.ok()) return;
    state->credentials.push_back(std::move(*credential));
    state->pointers.push_back(std::move(pointer));
  };
  if (vcs != nullptr && vcs->is_array()) {
    for (std::size_t i = 0; i < vcs->size(); ++i) add((*vcs)[i], "/verifiableCredential/" + std::to_string(i));
  } else if (vcs != nullptr) {
    add(*vcs, "/verifiableCredential");
  }
  Presentation p;
  p.state_ = std::move(state);
  return p;
}

Result<Presentation> ParsePresentation(std::string_view text, const JsonLimits& limits) {
  PSL_ASSIGN_OR_RETURN(json document, ParseJson(text, limits));
  return PresentationFromJson(std::move(document), std::string(text));
}

}  // namespace passerelle
