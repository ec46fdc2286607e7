// Passerelle — JSON-LD Expansion of language, index, id and type maps.
#include "formats/jsonld/internal/expand_containers.h"

#include "formats/jsonld/internal/context_processing.h"
#include "formats/jsonld/internal/errors.h"
#include "formats/jsonld/internal/expansion.h"
#include "formats/jsonld/internal/iri_expansion.h"
#include "formats/jsonld/internal/json_util.h"
#include "formats/jsonld/internal/keywords.h"

namespace passerelle::jsonld::internal {

Result<json> ExpandLanguageMap(Processor& p, const ActiveContext& active,
                               const TermDefinition* def, const json& value) {
  json expanded = json::array();
  std::optional<std::string> direction = active.default_direction;
  if (def != nullptr && def->direction) direction = *def->direction;
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string& language = it.key();
    PathScope scope(p, language);
    std::optional<std::string> expanded_language = ExpandIri(active, language, false, true);
    bool none = language == "@none" || (expanded_language && *expanded_language == "@none");
    if (!none && p.safe_mode() && !IsWellFormedLanguageTag(language)) {
      return p.SafeModeError("invalid @language value", "\"" + language + "\"");
    }
    for (const json& item : AsArray(it.value())) {
      if (item.is_null()) continue;
      if (!item.is_string()) {
        return MakeError(JsonLdError::kInvalidLanguageMapValue,
                         "values of a language map must be strings");
      }
      json v = json::object();
      v["@value"] = item;
      if (!none) v["@language"] = language;
      if (direction) v["@direction"] = *direction;
      expanded.push_back(std::move(v));
    }
  }
  return expanded;
}

Result<json> ExpandIndexMap(Processor& p, const CtxPtr& active, const std::string& key,
                            const TermDefinition& def, const json& value,
                            const std::optional<std::string>& base_url) {
  json expanded = json::array();
  const std::string index_key = def.index.value_or("@index");
  const bool id_or_type = def.Has(kContainerId) || def.Has(kContainerType);
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string& index = it.key();
    PathScope scope(p, index);
    // 13.8.3.1 - 13.8.3.3) The context the values expand in.
    CtxPtr map_context = active;
    if (id_or_type && active->previous) map_context = active->previous;
    if (def.Has(kContainerType)) {
      auto def_it = map_context->terms().find(index);
      if (def_it != map_context->terms().end() && def_it->second->context) {
        std::shared_ptr<const TermDefinition> hold = def_it->second;
        PSL_ASSIGN_OR_RETURN(map_context,
                             ApplyScopedContext(p, map_context, *hold, ContextFlags{}));
      }
    }
    std::optional<std::string> expanded_index = ExpandIri(*active, index, false, true);
    bool is_none = expanded_index && *expanded_index == "@none";
    PSL_ASSIGN_OR_RETURN(json items, ExpandElement(p, map_context, key, AsArray(it.value()),
                                                   base_url, /*from_map=*/true));
    if (items.is_null()) continue;
    for (json& item : AsArray(std::move(items))) {
      if (!item.is_object()) continue;  // expansion yields maps; be defensive
      if (def.Has(kContainerGraph) && !IsGraphObject(item)) {
        json g = json::object();
        g["@graph"] = AsArray(std::move(item));
        item = std::move(g);
      }
      if (def.Has(kContainerIndex) && index_key != "@index" && !is_none) {
        // 13.8.3.7.2) A property-valued index.
        PSL_ASSIGN_OR_RETURN(json re_expanded, ExpandValue(p, *active, index_key, index));
        std::optional<std::string> index_property = ExpandIri(*active, index_key, false, true);
        if (!index_property) continue;
        json values = json::array();
        values.push_back(std::move(re_expanded));
        if (auto existing = item.find(*index_property); existing != item.end()) {
          for (json& v : AsArray(std::move(*existing))) values.push_back(std::move(v));
        }
        item[*index_property] = std::move(values);
        if (IsValueObject(item)) {
          return MakeError(JsonLdError::kInvalidValueObject,
                           "a property-valued index on a value object");
        }
      } else if (def.Has(kContainerIndex) && !item.contains("@index") && !is_none) {
        item["@index"] = index;
      } else if (def.Has(kContainerId) && !item.contains("@id") && !is_none) {
        std::optional<std::string> id = ExpandIri(*active, index, true, false);
        PSL_RETURN_IF_ERROR(CheckSafeIri(p, "relative @id reference", index, id));
        if (id) item["@id"] = std::move(*id);
      } else if (def.Has(kContainerType) && !is_none) {
        json types = json::array();
        if (expanded_index) types.push_back(*expanded_index);
        if (auto existing = item.find("@type"); existing != item.end()) {
          for (json& t : AsArray(std::move(*existing))) types.push_back(std::move(t));
        }
        item["@type"] = std::move(types);
      }
      expanded.push_back(std::move(item));
    }
  }
  return expanded;
}

}  // namespace passerelle::jsonld::internal
