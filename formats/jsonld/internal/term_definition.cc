// Passerelle — JSON-LD 1.1 Create Term Definition algorithm (API §4.2).
#include <algorithm>

#include "formats/jsonld/internal/context_processing.h"
#include "formats/jsonld/internal/errors.h"
#include "formats/jsonld/internal/iri.h"
#include "formats/jsonld/internal/iri_expansion.h"
#include "formats/jsonld/internal/keywords.h"

namespace passerelle::jsonld::internal {
namespace {

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

bool IsIriOrBlank(const std::string& s) { return IsAbsoluteIri(s) || IsBlankNodeId(s); }

// Step 19.1: the container values JSON-LD 1.1 allows, as flags.
Result<std::uint8_t> ParseContainer(Processor& p, const std::string& term, const json& value) {
  auto invalid = [&](std::string_view why) {
    return MakeError(JsonLdError::kInvalidContainerMapping,
                     "term " + Quote(term) + ": " + std::string(why));
  };
  auto flag_of = [](const json& v) -> std::uint8_t {
    if (!v.is_string()) return 0;
    const std::string& s = v.get_ref<const std::string&>();
    if (s == "@list") return kContainerList;
    if (s == "@set") return kContainerSet;
    if (s == "@index") return kContainerIndex;
    if (s == "@language") return kContainerLanguage;
    if (s == "@id") return kContainerId;
    if (s == "@type") return kContainerType;
    if (s == "@graph") return kContainerGraph;
    return 0;
  };
  if (p.json_ld_10()) {
    std::uint8_t f = flag_of(value);
    if (!value.is_string() || f == 0 || f == kContainerGraph || f == kContainerId ||
        f == kContainerType) {
      return invalid("not a json-ld-1.0 container");
    }
    return f;
  }
  std::uint8_t flags = 0;
  if (value.is_array()) {
    if (value.empty()) return invalid("empty container array");
    for (const json& v : value) {
      std::uint8_t f = flag_of(v);
      if (f == 0 || (flags & f) != 0) return invalid("unknown or repeated container keyword");
      flags |= f;
    }
  } else {
    flags = flag_of(value);
    if (flags == 0) return invalid("unknown container keyword");
  }
  auto count = [](std::uint8_t f) { return __builtin_popcount(f); };
  if (count(flags) == 1) return flags;
  if (flags & kContainerList) return invalid("@list cannot be combined");
  if (flags & kContainerGraph) {
    std::uint8_t others = flags & ~(kContainerGraph | kContainerSet);
    if (others != 0 && others != kContainerId && others != kContainerIndex) {
      return invalid("@graph combines only with one of @id or @index, and @set");
    }
    return flags;
  }
  if (!(flags & kContainerSet) || count(flags) != 2) {
    return invalid("keywords combine only with @set");
  }
  return flags;
}

class TermDefiner {
 public:
  TermDefiner(Processor& p, DefineState& state, const std::string& term)
      : p_(p), st_(state), term_(term) {}

  Status Run();

 private:
  Status Error(JsonLdError code, std::string_view why) const {
    return MakeError(code, "term " + Quote(term_) + ": " + std::string(why));
  }
  // The term is ignored (keyword-like); safe mode refuses instead.
  Status Ignore(std::string_view event, std::string_view why) {
    st_.defined[term_] = true;
    if (p_.safe_mode()) return p_.SafeModeError(event, "term " + Quote(term_) + " " + std::string(why));
    return Status::Ok();
  }
  Result<std::optional<std::string>> Expand(std::string_view v, bool doc_rel, bool vocab) {
    return ExpandIriDefining(p_, st_, v, doc_rel, vocab);
  }
  Status DefineIriMapping(const json& value, bool simple_term, bool* ignored);
  Status DefineReverse(const json& value, bool* ignored);
  Status DefineRest(const json& value);

  Processor& p_;
  DefineState& st_;
  const std::string& term_;
  TermDefinition def_;
};

Status TermDefiner::Run() {
  // 1) Already defined, or being defined (a cycle).
  if (auto it = st_.defined.find(term_); it != st_.defined.end()) {
    if (it->second) return Status::Ok();
    return Error(JsonLdError::kCyclicIriMapping, "its IRI mapping depends on itself");
  }
  PSL_RETURN_IF_ERROR(p_.CountContextOperation());
  NestingGuard guard(p_);
  PSL_RETURN_IF_ERROR(guard.status());
  // 2)
  if (term_.empty()) return Error(JsonLdError::kInvalidTermDefinition, "empty term");
  st_.defined[term_] = false;
  // 3)
  const json& raw = st_.local[term_];
  // 4) @type may only be made a @set container and/or protected.
  if (term_ == "@type") {
    if (p_.json_ld_10()) return Error(JsonLdError::kKeywordRedefinition, "in json-ld-1.0 mode");
    bool ok = raw.is_object() && !raw.empty();
    if (ok) {
      for (auto it = raw.begin(); it != raw.end(); ++it) {
        if (it.key() == "@container" && it.value() == "@set") continue;
        if (it.key() == "@protected") continue;
        ok = false;
      }
    }
    if (!ok) return Error(JsonLdError::kKeywordRedefinition, "@type may only set @container @set");
  } else if (IsKeyword(term_)) {
    // 5)
    return Error(JsonLdError::kKeywordRedefinition, "keywords cannot be redefined");
  } else if (HasKeywordForm(term_)) {
    return Ignore("reserved term", "has the form of a keyword");
  }
  // 6)
  std::shared_ptr<const TermDefinition> previous = st_.result.RemoveTerm(term_);
  // 7 - 9) Normalise to a map.
  json expanded_value;
  const json* value = &raw;
  bool simple_term = false;
  if (raw.is_null()) {
    expanded_value = json::object({{"@id", nullptr}});
    value = &expanded_value;
  } else if (raw.is_string()) {
    expanded_value = json::object({{"@id", raw}});
    value = &expanded_value;
    simple_term = true;
  } else if (!raw.is_object()) {
    return Error(JsonLdError::kInvalidTermDefinition, "must be null, a string or a map");
  }
  // 10, 11) Protection.
  def_.is_protected = st_.is_protected;
  def_.from_loader = st_.from_loader;
  if (auto it = value->find("@protected"); it != value->end()) {
    if (p_.json_ld_10()) return Error(JsonLdError::kInvalidTermDefinition, "@protected in 1.0");
    if (!it->is_boolean()) return Error(JsonLdError::kInvalidProtectedValue, "not a boolean");
    def_.is_protected = it->get<bool>();
  }
  // 12) Type mapping.
  if (auto it = value->find("@type"); it != value->end()) {
    if (!it->is_string()) return Error(JsonLdError::kInvalidTypeMapping, "@type must be a string");
    PSL_ASSIGN_OR_RETURN(std::optional<std::string> type,
                         Expand(it->get_ref<const std::string&>(), false, true));
    if (!type) return Error(JsonLdError::kInvalidTypeMapping, "@type expands to null");
    if ((*type == "@json" || *type == "@none") && p_.json_ld_10()) {
      return Error(JsonLdError::kInvalidTypeMapping, *type + " in json-ld-1.0 mode");
    }
    if (*type != "@id" && *type != "@json" && *type != "@none" && *type != "@vocab" &&
        !IsAbsoluteIri(*type)) {
      return Error(JsonLdError::kInvalidTypeMapping, "@type " + Quote(*type) + " is not an IRI");
    }
    def_.type = std::move(type);
  }
  bool ignored = false;
  if (value->contains("@reverse")) {
    PSL_RETURN_IF_ERROR(DefineReverse(*value, &ignored));
  } else {
    PSL_RETURN_IF_ERROR(DefineIriMapping(*value, simple_term, &ignored));
  }
  if (ignored) return Status::Ok();
  PSL_RETURN_IF_ERROR(DefineRest(*value));
  // 27) Protected terms may only be "redefined" identically.
  if (!st_.override_protected && previous && previous->is_protected) {
    if (!def_.SameExceptProtected(*previous)) {
      return Error(JsonLdError::kProtectedTermRedefinition, "is protected");
    }
    st_.result.SetTerm(term_, previous);
  } else {
    def_.iri_well_formed = def_.iri && IsWellFormedIri(*def_.iri);
    def_.type_well_formed = def_.type && IsWellFormedIri(*def_.type);
    st_.result.SetTerm(term_, std::make_shared<const TermDefinition>(std::move(def_)));
  }
  // 28)
  st_.defined[term_] = true;
  return Status::Ok();
}

// Step 13: a reverse property.
Status TermDefiner::DefineReverse(const json& value, bool* ignored) {
  if (value.contains("@id") || value.contains("@nest")) {
    return Error(JsonLdError::kInvalidReverseProperty, "@reverse with @id or @nest");
  }
  const json& reverse = value["@reverse"];
  if (!reverse.is_string()) return Error(JsonLdError::kInvalidIriMapping, "@reverse not a string");
  const std::string& r = reverse.get_ref<const std::string&>();
  if (HasKeywordForm(r)) {
    *ignored = true;
    return Ignore("reserved @reverse value", "has @reverse " + Quote(r));
  }
  PSL_ASSIGN_OR_RETURN(std::optional<std::string> iri, Expand(r, false, true));
  if (!iri || !IsIriOrBlank(*iri)) {
    return Error(JsonLdError::kInvalidIriMapping, "@reverse is not an IRI");
  }
  def_.iri = std::move(iri);
  if (auto it = value.find("@container"); it != value.end()) {
    if (!it->is_null() && *it != "@set" && *it != "@index") {
      return Error(JsonLdError::kInvalidReverseProperty, "container must be @set or @index");
    }
  }
  def_.reverse = true;
  return Status::Ok();
}

// Steps 14 - 18: the IRI mapping.
Status TermDefiner::DefineIriMapping(const json& value, bool simple_term, bool* ignored) {
  auto id = value.find("@id");
  if (id != value.end() && !(id->is_string() && *id == term_)) {
    if (id->is_null()) {
      def_.iri.reset();  // 14.1: retained only to block later redefinition
      return Status::Ok();
    }
    if (!id->is_string()) return Error(JsonLdError::kInvalidIriMapping, "@id not a string");
    const std::string& id_value = id->get_ref<const std::string&>();
    if (!IsKeyword(id_value) && HasKeywordForm(id_value)) {
      *ignored = true;
      return Ignore("reserved @id value", "has @id " + Quote(id_value));
    }
    PSL_ASSIGN_OR_RETURN(std::optional<std::string> iri, Expand(id_value, false, true));
    if (!iri || (!IsKeyword(*iri) && !IsIriOrBlank(*iri))) {
      return Error(JsonLdError::kInvalidIriMapping, "@id " + Quote(id_value) + " is not an IRI");
    }
    if (*iri == "@context") return Error(JsonLdError::kInvalidKeywordAlias, "aliases @context");
    def_.iri = std::move(iri);
    // 14.2.4) A term that looks like an IRI must expand to its own mapping.
    size_t inner_colon = term_.size() > 2 ? term_.substr(1, term_.size() - 2).find(':')
                                          : std::string::npos;
    if (inner_colon != std::string::npos || term_.find('/') != std::string::npos) {
      st_.defined[term_] = true;
      PSL_ASSIGN_OR_RETURN(std::optional<std::string> self, Expand(term_, false, true));
      if (self != def_.iri) {
        return Error(JsonLdError::kInvalidIriMapping,
                     "looks like an IRI but maps to " + Quote(*def_.iri));
      }
    }
    // 14.2.5) Prefix flag for simple terms ending in a gen-delim.
    if (term_.find(':') == std::string::npos && term_.find('/') == std::string::npos &&
        simple_term && (IsBlankNodeId(*def_.iri) || EndsWithGenDelim(*def_.iri))) {
      def_.prefix = true;
    }
    return Status::Ok();
  }
  if (term_.find(':', 1) != std::string::npos) {
    // 15) A compact IRI, IRI or blank node identifier as the term itself.
    size_t colon = term_.find(':');
    std::string prefix = term_.substr(0, colon);
    std::string_view suffix = std::string_view(term_).substr(colon + 1);
    if (prefix != "_" && suffix.substr(0, 2) != "//") {
      if (st_.local.contains(prefix)) {
        PSL_RETURN_IF_ERROR(CreateTermDefinition(p_, st_, prefix));
      }
      if (const TermDefinition* pd = st_.result.Find(prefix); pd != nullptr && pd->iri) {
        def_.iri = *pd->iri + std::string(suffix);
        return Status::Ok();
      }
    }
    def_.iri = term_;
    return Status::Ok();
  }
  if (term_.find('/') != std::string::npos) {
    // 16) A relative IRI reference (expanded without defining terms: the
    // term itself is the one being defined).
    std::optional<std::string> iri = ExpandIri(st_.result, term_, false, true);
    if (!iri || !IsAbsoluteIri(*iri)) {
      return Error(JsonLdError::kInvalidIriMapping, "relative term without a usable @vocab");
    }
    def_.iri = std::move(iri);
    return Status::Ok();
  }
  if (term_ == "@type") {
    def_.iri = "@type";  // 17
    return Status::Ok();
  }
  if (st_.result.vocab) {
    def_.iri = *st_.result.vocab + term_;  // 18
    return Status::Ok();
  }
  return Error(JsonLdError::kInvalidIriMapping, "no @id and no @vocab to derive one");
}

// Steps 19 - 26: container, index, scoped context, language, direction,
// nest, prefix, and the check for unknown entries.
Status TermDefiner::DefineRest(const json& value) {
  if (auto it = value.find("@container"); it != value.end()) {
    PSL_ASSIGN_OR_RETURN(def_.container, ParseContainer(p_, term_, *it));
    if (def_.Has(kContainerType)) {
      if (!def_.type) def_.type = "@id";
      if (*def_.type != "@id" && *def_.type != "@vocab") {
        return Error(JsonLdError::kInvalidTypeMapping, "@type container needs @id or @vocab");
      }
    }
  }
  if (auto it = value.find("@index"); it != value.end()) {
    if (p_.json_ld_10() || !def_.Has(kContainerIndex)) {
      return Error(JsonLdError::kInvalidTermDefinition, "@index without an @index container");
    }
    if (!it->is_string()) return Error(JsonLdError::kInvalidTermDefinition, "@index not a string");
    const std::string& index = it->get_ref<const std::string&>();
    PSL_ASSIGN_OR_RETURN(std::optional<std::string> iri, Expand(index, false, true));
    if (!iri || !IsAbsoluteIri(*iri)) {
      return Error(JsonLdError::kInvalidTermDefinition, "@index is not an IRI");
    }
    def_.index = index;
  }
  if (auto it = value.find("@context"); it != value.end()) {
    if (p_.json_ld_10()) return Error(JsonLdError::kInvalidTermDefinition, "@context in 1.0");
    ContextFlags flags;
    flags.override_protected = true;
    flags.validate_scoped = false;
    // The result is discarded: this only validates the scoped context.
    auto snapshot = st_.result.Clone();
    auto checked = ProcessContext(p_, snapshot, *it, st_.base_url, st_.remote, flags);
    if (!checked.ok()) {
      if (checked.status().code() == Code::kResourceExhausted) return checked.status();
      return Error(JsonLdError::kInvalidScopedContext, checked.status().message());
    }
    def_.context = std::make_shared<const json>(*it);
    def_.context_base_url = st_.base_url;
  }
  if (auto it = value.find("@language"); it != value.end() && !value.contains("@type")) {
    if (!it->is_null() && !it->is_string()) {
      return Error(JsonLdError::kInvalidLanguageMapping, "@language must be a string or null");
    }
    if (it->is_string()) {
      const std::string& lang = it->get_ref<const std::string&>();
      if (p_.safe_mode() && !IsWellFormedLanguageTag(lang)) {
        return p_.SafeModeError("invalid @language value", "term " + Quote(term_) + " " + Quote(lang));
      }
      def_.language = std::optional<std::string>(lang);
    } else {
      def_.language = std::optional<std::string>();
    }
  }
  if (auto it = value.find("@direction"); it != value.end() && !value.contains("@type")) {
    if (it->is_null()) {
      def_.direction = std::optional<std::string>();
    } else if (it->is_string() && (*it == "ltr" || *it == "rtl")) {
      def_.direction = std::optional<std::string>(it->get<std::string>());
    } else {
      return Error(JsonLdError::kInvalidBaseDirection, "@direction must be ltr, rtl or null");
    }
  }
  if (auto it = value.find("@nest"); it != value.end()) {
    if (p_.json_ld_10()) return Error(JsonLdError::kInvalidTermDefinition, "@nest in 1.0");
    if (!it->is_string() ||
        (IsKeyword(it->get_ref<const std::string&>()) && *it != "@nest")) {
      return Error(JsonLdError::kInvalidNestValue, "@nest must be a term or @nest");
    }
    def_.nest = it->get<std::string>();
  }
  if (auto it = value.find("@prefix"); it != value.end()) {
    if (p_.json_ld_10() || term_.find(':') != std::string::npos ||
        term_.find('/') != std::string::npos) {
      return Error(JsonLdError::kInvalidTermDefinition, "@prefix not allowed here");
    }
    if (!it->is_boolean()) return Error(JsonLdError::kInvalidPrefixValue, "not a boolean");
    def_.prefix = it->get<bool>();
    if (def_.prefix && def_.iri && IsKeyword(*def_.iri)) {
      return Error(JsonLdError::kInvalidTermDefinition, "a keyword alias cannot be a prefix");
    }
  }
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string& k = it.key();
    if (k != "@id" && k != "@reverse" && k != "@container" && k != "@context" &&
        k != "@direction" && k != "@index" && k != "@language" && k != "@nest" &&
        k != "@prefix" && k != "@protected" && k != "@type") {
      return Error(JsonLdError::kInvalidTermDefinition, "unexpected entry " + Quote(k));
    }
  }
  return Status::Ok();
}

}  // namespace

Status CreateTermDefinition(Processor& p, DefineState& state, const std::string& term) {
  return TermDefiner(p, state, term).Run();
}

}  // namespace passerelle::jsonld::internal
