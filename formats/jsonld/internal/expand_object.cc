// Passerelle — JSON-LD Expansion of a map element (API §5.1 steps 6-20).
#include <algorithm>
#include <vector>

#include "formats/jsonld/internal/context_processing.h"
#include "formats/jsonld/internal/errors.h"
#include "formats/jsonld/internal/expand_containers.h"
#include "formats/jsonld/internal/expansion.h"
#include "formats/jsonld/internal/iri.h"
#include "formats/jsonld/internal/iri_expansion.h"
#include "formats/jsonld/internal/json_util.h"
#include "formats/jsonld/internal/keywords.h"

namespace passerelle::jsonld::internal {
namespace {

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

bool ExpandsTo(const ActiveContext& ctx, const std::string& key, std::string_view keyword) {
  if (key == keyword) return true;
  std::optional<std::string> e = ExpandIri(ctx, key, false, true);
  return e && *e == keyword;
}

class ObjectExpander {
 public:
  ObjectExpander(Processor& p, Property active_property,
                 const std::optional<std::string>& base_url)
      : p_(p), active_property_(active_property), base_url_(base_url) {}

  Result<json> Run(CtxPtr active, const json& element, bool from_map);

 private:
  Status ExpandEntries(const CtxPtr& active, const json& element);
  Status ExpandKeyword(const CtxPtr& active, const std::string& key, const json& value,
                       const std::string& expanded_property);
  Status ExpandTermValue(const CtxPtr& active, const std::string& key, const json& value,
                         const std::string& expanded_property);
  Status ExpandNests(const CtxPtr& active, const json& element,
                     const std::vector<std::string>& nests);
  Result<json> Finish();

  Processor& p_;
  Property active_property_;
  const std::optional<std::string>& base_url_;
  CtxPtr type_scoped_;
  std::optional<std::string> input_type_;
  json result_ = json::object();
};

Result<json> ObjectExpander::Run(CtxPtr active, const json& element, bool from_map) {
  // 3) Property-scoped context, looked up before any revert.
  const TermDefinition* property_def =
      active_property_ ? active->Find(*active_property_) : nullptr;
  std::shared_ptr<const TermDefinition> property_def_hold;
  if (property_def != nullptr && property_def->context) {
    property_def_hold = active->terms().find(*active_property_)->second;
  }
  // 7) Revert a non-propagated (type-scoped) context for a new node object.
  if (active->previous && !from_map) {
    bool revert = true;
    for (auto it = element.begin(); it != element.end() && revert; ++it) {
      if (ExpandsTo(*active, it.key(), "@value")) revert = false;
    }
    if (revert && element.size() == 1 && ExpandsTo(*active, element.begin().key(), "@id")) {
      revert = false;
    }
    if (revert) active = active->previous;
  }
  // 8) Property-scoped context (may override protected terms).
  if (property_def_hold) {
    ContextFlags flags;
    flags.override_protected = true;
    PSL_ASSIGN_OR_RETURN(active, ApplyScopedContext(p_, active, *property_def_hold, flags));
  }
  // 9) Embedded context.
  if (auto it = element.find("@context"); it != element.end()) {
    PathScope scope(p_, "@context");
    PSL_ASSIGN_OR_RETURN(active, ProcessContext(p_, active, *it, base_url_, {}, ContextFlags{}));
  }
  // 10, 11) Type-scoped contexts, in code point order of the type values.
  type_scoped_ = active;
  std::optional<std::string> first_type_key;
  for (auto it = element.begin(); it != element.end(); ++it) {
    if (!ExpandsTo(*type_scoped_, it.key(), "@type")) continue;
    if (!first_type_key) first_type_key = it.key();
    std::vector<std::string> terms;
    if (it->is_string()) {
      terms.push_back(it->get<std::string>());
    } else if (it->is_array()) {
      for (const json& t : *it) {
        if (t.is_string()) terms.push_back(t.get<std::string>());
      }
    }
    std::sort(terms.begin(), terms.end());
    for (const std::string& term : terms) {
      auto def_it = type_scoped_->terms().find(term);
      if (def_it == type_scoped_->terms().end() || !def_it->second->context) continue;
      ContextFlags flags;
      flags.propagate = false;
      std::shared_ptr<const TermDefinition> hold = def_it->second;
      PSL_ASSIGN_OR_RETURN(active, ApplyScopedContext(p_, active, *hold, flags));
    }
  }
  // 12) Input type: the last value of the first @type entry, expanded.
  if (first_type_key) {
    const json& t = element[*first_type_key];
    const json* last = t.is_array() ? (t.empty() ? nullptr : &t.back()) : &t;
    if (last != nullptr && last->is_string()) {
      input_type_ = ExpandIri(*active, last->get_ref<const std::string&>(), true, true);
    }
  }
  PSL_RETURN_IF_ERROR(ExpandEntries(active, element));
  return Finish();
}

// Steps 13 and 14 (also re-entered for nested values).
Status ObjectExpander::ExpandEntries(const CtxPtr& active, const json& element) {
  std::vector<std::string> nests;
  for (auto it = element.begin(); it != element.end(); ++it) {
    const std::string& key = it.key();
    if (key == "@context") continue;
    PathScope scope(p_, key);
    std::optional<std::string> expanded_property = ExpandIri(*active, key, false, true);
    if (!expanded_property ||
        (expanded_property->find(':') == std::string::npos && !IsKeyword(*expanded_property))) {
      if (p_.safe_mode()) {
        return p_.SafeModeError("invalid property",
                                "term " + Quote(key) + " is not defined by the context");
      }
      continue;  // 13.3) dropped
    }
    if (IsKeyword(*expanded_property)) {
      if (*expanded_property == "@nest") {
        nests.push_back(key);
        continue;
      }
      PSL_RETURN_IF_ERROR(ExpandKeyword(active, key, it.value(), *expanded_property));
    } else {
      if (p_.safe_mode() && !IsAbsoluteIri(*expanded_property)) {
        return p_.SafeModeError(IsBlankNodeId(*expanded_property) ? "blank node predicate"
                                                                  : "invalid property",
                                "term " + Quote(key) + " expands to " +
                                    Quote(*expanded_property));
      }
      PSL_RETURN_IF_ERROR(ExpandTermValue(active, key, it.value(), *expanded_property));
    }
  }
  return ExpandNests(active, element, nests);
}

Status ObjectExpander::ExpandKeyword(const CtxPtr& active, const std::string& key,
                                     const json& value, const std::string& prop) {
  // 13.4.1, 13.4.2
  if (active_property_ && *active_property_ == "@reverse") {
    return MakeError(JsonLdError::kInvalidReversePropertyMap,
                     "keyword " + Quote(key) + " inside @reverse");
  }
  if (result_.contains(prop) &&
      (p_.json_ld_10() || (prop != "@included" && prop != "@type"))) {
    return MakeError(JsonLdError::kCollidingKeywords, Quote(key) + " collides with " + prop);
  }
  json expanded;  // null: nothing to set
  if (prop == "@id") {
    if (!value.is_string()) return MakeError(JsonLdError::kInvalidIdValue, "not a string");
    const std::string& id = value.get_ref<const std::string&>();
    std::optional<std::string> iri = ExpandIri(*active, id, true, false);
    if (p_.safe_mode()) {
      PSL_RETURN_IF_ERROR(CheckSafeIri(p_, iri ? "relative @id reference" : "reserved @id value",
                                       id, iri));
    }
    // A keyword-like @id expands to null, which is kept (as jsonld.js does).
    expanded = iri ? json(std::move(*iri)) : json(nullptr);
    result_["@id"] = std::move(expanded);
    return Status::Ok();
  } else if (prop == "@type") {
    bool ok = value.is_string();
    if (value.is_array()) {
      ok = std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); });
    }
    if (!ok) return MakeError(JsonLdError::kInvalidTypeValue, "must be a string or strings");
    auto expand_type = [&](const json& t) -> Result<json> {
      const std::string& s = t.get_ref<const std::string&>();
      std::optional<std::string> iri = ExpandIri(*type_scoped_, s, true, true);
      PSL_RETURN_IF_ERROR(CheckSafeIri(p_, "relative @type reference", s, iri));
      return iri ? json(std::move(*iri)) : json(nullptr);
    };
    if (value.is_string()) {
      PSL_ASSIGN_OR_RETURN(expanded, expand_type(value));
    } else {
      expanded = json::array();
      for (const json& t : value) {
        PSL_ASSIGN_OR_RETURN(json e, expand_type(t));
        if (!e.is_null()) expanded.push_back(std::move(e));
      }
    }
    if (auto existing = result_.find("@type"); existing != result_.end()) {
      json merged = AsArray(*existing);
      for (json& e : AsArray(std::move(expanded))) {
        if (!e.is_null()) merged.push_back(std::move(e));
      }
      expanded = std::move(merged);
    }
  } else if (prop == "@graph") {
    PSL_ASSIGN_OR_RETURN(json g, ExpandElement(p_, active, "@graph", value, base_url_, false));
    expanded = g.is_null() ? json::array() : AsArray(std::move(g));
  } else if (prop == "@included") {
    if (p_.json_ld_10()) return Status::Ok();
    // Expanded under "@included" rather than null so that scalars and value
    // objects are kept, and so rejected below, instead of being dropped.
    PSL_ASSIGN_OR_RETURN(json inc, ExpandElement(p_, active, "@included", value, base_url_, false));
    inc = inc.is_null() ? json::array() : AsArray(std::move(inc));
    for (const json& node : inc) {
      if (!IsNodeObject(node)) {
        return MakeError(JsonLdError::kInvalidIncludedValue, "not a node object");
      }
    }
    if (auto existing = result_.find("@included"); existing != result_.end()) {
      json merged = *existing;
      for (json& n : inc) merged.push_back(std::move(n));
      inc = std::move(merged);
    }
    expanded = std::move(inc);
  } else if (prop == "@value") {
    if (input_type_ && *input_type_ == "@json") {
      if (p_.json_ld_10()) {
        return MakeError(JsonLdError::kInvalidValueObjectValue, "@json in json-ld-1.0 mode");
      }
      result_["@value"] = value;
      return Status::Ok();
    }
    if (value.is_object() || value.is_array()) {
      return MakeError(JsonLdError::kInvalidValueObjectValue, "@value must be a scalar or null");
    }
    result_["@value"] = value;  // null is kept: it decides how @type is read
    return Status::Ok();
  } else if (prop == "@language") {
    if (!value.is_string()) {
      return MakeError(JsonLdError::kInvalidLanguageTaggedString, "@language must be a string");
    }
    if (p_.safe_mode() && !IsWellFormedLanguageTag(value.get_ref<const std::string&>())) {
      return p_.SafeModeError("invalid @language value", Quote(value.get<std::string>()));
    }
    expanded = value;
  } else if (prop == "@direction") {
    if (p_.json_ld_10()) return Status::Ok();
    if (value != "ltr" && value != "rtl") {
      return MakeError(JsonLdError::kInvalidBaseDirection, "@direction must be ltr or rtl");
    }
    expanded = value;
  } else if (prop == "@index") {
    if (!value.is_string()) return MakeError(JsonLdError::kInvalidIndexValue, "not a string");
    expanded = value;
  } else if (prop == "@list") {
    if (!active_property_ || *active_property_ == "@graph") {
      if (p_.safe_mode()) return p_.SafeModeError("object with only @list", "free-floating list");
      return Status::Ok();
    }
    PSL_ASSIGN_OR_RETURN(json list,
                         ExpandElement(p_, active, active_property_, value, base_url_, false));
    expanded = list.is_null() ? json::array() : AsArray(std::move(list));
  } else if (prop == "@set") {
    PSL_ASSIGN_OR_RETURN(expanded,
                         ExpandElement(p_, active, active_property_, value, base_url_, false));
  } else if (prop == "@reverse") {
    if (!value.is_object()) return MakeError(JsonLdError::kInvalidReverseValue, "not a map");
    PSL_ASSIGN_OR_RETURN(json rev, ExpandElement(p_, active, "@reverse", value, base_url_, false));
    if (!rev.is_object()) return Status::Ok();
    if (auto twice = rev.find("@reverse"); twice != rev.end()) {
      for (auto it = twice->begin(); it != twice->end(); ++it) {
        AddValue(result_, it.key(), it.value());
      }
    }
    for (auto it = rev.begin(); it != rev.end(); ++it) {
      if (it.key() == "@reverse") continue;
      for (const json& item : AsArray(it.value())) {
        if (IsValueObject(item) || IsListObject(item)) {
          return MakeError(JsonLdError::kInvalidReversePropertyValue,
                           "a reverse property value must be a node");
        }
        AddValue(result_["@reverse"], it.key(), item);
      }
    }
    return Status::Ok();
  } else {
    return Status::Ok();  // 13.4.15: framing keywords are not expanded
  }
  if (!expanded.is_null()) result_[prop] = std::move(expanded);
  return Status::Ok();
}

Status ObjectExpander::ExpandTermValue(const CtxPtr& active, const std::string& key,
                                       const json& value, const std::string& prop) {
  const TermDefinition* def = active->Find(key);
  std::uint8_t container = def != nullptr ? def->container : 0;
  json expanded;
  if (def != nullptr && def->type && *def->type == "@json") {
    // 13.6) JSON literal.
    expanded = json::object();
    expanded["@value"] = value;
    expanded["@type"] = "@json";
  } else if ((container & kContainerLanguage) && value.is_object()) {
    PSL_ASSIGN_OR_RETURN(expanded, ExpandLanguageMap(p_, *active, def, value));
  } else if ((container & (kContainerIndex | kContainerType | kContainerId)) &&
             value.is_object()) {
    PSL_ASSIGN_OR_RETURN(expanded,
                         ExpandIndexMap(p_, active, key, *def, value, base_url_));
  } else {
    PSL_ASSIGN_OR_RETURN(expanded, ExpandElement(p_, active, key, value, base_url_, false));
  }
  // 13.10)
  if (expanded.is_null()) return Status::Ok();
  // 13.11) List container.
  if ((container & kContainerList) && !IsListObject(expanded)) {
    json list = json::object();
    list["@list"] = AsArray(std::move(expanded));
    expanded = std::move(list);
  }
  // 13.12) Graph container (not an id or index map).
  if ((container & kContainerGraph) && !(container & (kContainerId | kContainerIndex))) {
    json graphs = json::array();
    for (json& ev : AsArray(std::move(expanded))) {
      json g = json::object();
      g["@graph"] = AsArray(std::move(ev));
      graphs.push_back(std::move(g));
    }
    expanded = std::move(graphs);
  }
  // 13.13) Reverse property.
  if (def != nullptr && def->reverse) {
    json& reverse_map = result_["@reverse"];
    if (reverse_map.is_null()) reverse_map = json::object();
    for (json& item : AsArray(std::move(expanded))) {
      if (IsValueObject(item) || IsListObject(item)) {
        return MakeError(JsonLdError::kInvalidReversePropertyValue,
                         "term " + Quote(key) + ": a reverse property value must be a node");
      }
      AddValue(reverse_map, prop, std::move(item));
    }
    return Status::Ok();
  }
  AddValue(result_, prop, std::move(expanded));  // 13.14
  return Status::Ok();
}

// Step 14: nested properties (@nest).
Status ObjectExpander::ExpandNests(const CtxPtr& active, const json& element,
                                   const std::vector<std::string>& nests) {
  for (const std::string& nesting_key : nests) {
    PathScope scope(p_, nesting_key);
    const json& nested_values = element[nesting_key];
    json values = AsArray(nested_values);
    for (size_t i = 0; i < values.size(); ++i) {
      PathScope index_scope(p_, i);
      const json& nested = values[i];
      if (!nested.is_object()) {
        return MakeError(JsonLdError::kInvalidNestValue, "nested value must be a map");
      }
      for (auto it = nested.begin(); it != nested.end(); ++it) {
        if (ExpandsTo(*active, it.key(), "@value")) {
          return MakeError(JsonLdError::kInvalidNestValue, "nested value has @value");
        }
      }
      // Steps 3 and 8 for the nesting key, then 13 and 14.
      CtxPtr nested_ctx = active;
      const TermDefinition* def = active->Find(nesting_key);
      if (def != nullptr && def->context) {
        std::shared_ptr<const TermDefinition> hold = active->terms().find(nesting_key)->second;
        ContextFlags flags;
        flags.override_protected = true;
        PSL_ASSIGN_OR_RETURN(nested_ctx, ApplyScopedContext(p_, active, *hold, flags));
      }
      Property saved = active_property_;
      active_property_ = nesting_key;
      Status s = ExpandEntries(nested_ctx, nested);
      active_property_ = saved;
      PSL_RETURN_IF_ERROR(s);
    }
  }
  return Status::Ok();
}

// Steps 15 - 20.
Result<json> ObjectExpander::Finish() {
  json& result = result_;
  if (result.contains("@value")) {
    // 15) Value objects.
    for (auto it = result.begin(); it != result.end(); ++it) {
      const std::string& k = it.key();
      if (k != "@direction" && k != "@index" && k != "@language" && k != "@type" &&
          k != "@value") {
        return MakeError(JsonLdError::kInvalidValueObject, "unexpected entry " + Quote(k));
      }
    }
    if (result.contains("@type") && (result.contains("@language") || result.contains("@direction"))) {
      return MakeError(JsonLdError::kInvalidValueObject, "@type with @language or @direction");
    }
    const json& type = result.contains("@type") ? result["@type"] : json();
    const json& v = result["@value"];
    if (type == "@json") return result;
    if (v.is_null() || (v.is_array() && v.empty())) {
      if (p_.safe_mode()) return p_.SafeModeError("null @value value", "a value object without a value");
      return json(nullptr);
    }
    if (!v.is_string() && result.contains("@language")) {
      return MakeError(JsonLdError::kInvalidLanguageTaggedValue, "only strings take @language");
    }
    if (!type.is_null() &&
        (!type.is_string() || !IsWellFormedIri(type.get_ref<const std::string&>()))) {
      return MakeError(JsonLdError::kInvalidTypedValue, "@type of a value must be an IRI");
    }
  } else if (auto t = result.find("@type"); t != result.end() && !t->is_array()) {
    *t = AsArray(std::move(*t));  // 16
  } else if (result.contains("@set") || result.contains("@list")) {
    // 17) Set and list objects.
    size_t others = result.size() - 1;
    if (others > 1 || (others == 1 && !result.contains("@index"))) {
      return MakeError(JsonLdError::kInvalidSetOrListObject, "unexpected entries");
    }
    if (result.contains("@set")) {
      json set = std::move(result["@set"]);
      return set;
    }
  }
  // 18)
  if (result.size() == 1 && result.contains("@language")) {
    if (p_.safe_mode()) return p_.SafeModeError("object with only @language", "no @value");
    return json(nullptr);
  }
  // 19) Free-floating values at the top level or in @graph.
  if (!active_property_ || *active_property_ == "@graph") {
    if (result.empty() || result.contains("@value") || result.contains("@list")) {
      if (p_.safe_mode()) {
        return p_.SafeModeError(result.empty() ? "empty object" : "free-floating value",
                                "a value outside any property");
      }
      return json(nullptr);
    }
    if (result.size() == 1 && result.contains("@id")) {
      if (p_.safe_mode()) {
        return p_.SafeModeError("object with only @id", "a node with no properties");
      }
      return json(nullptr);
    }
  }
  return std::move(result_);
}

}  // namespace

Result<json> ExpandObject(Processor& p, CtxPtr active, Property active_property,
                          const json& element, const std::optional<std::string>& base_url,
                          bool from_map) {
  ObjectExpander expander(p, active_property, base_url);
  return expander.Run(std::move(active), element, from_map);
}

}  // namespace passerelle::jsonld::internal
