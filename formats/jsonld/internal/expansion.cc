// Passerelle — JSON-LD Expansion: scalars, arrays and Value Expansion
// (API §5.1 steps 1-5, §5.3). Maps are in expand_object.cc.
#include "formats/jsonld/internal/expansion.h"

#include "formats/jsonld/internal/context_processing.h"
#include "formats/jsonld/internal/iri.h"
#include "formats/jsonld/internal/iri_expansion.h"
#include "formats/jsonld/internal/json_util.h"

namespace passerelle::jsonld::internal {

Status CheckSafeIri(Processor& p, std::string_view event, std::string_view original,
                    const std::optional<std::string>& expanded) {
  if (!p.safe_mode()) return Status::Ok();
  if (!expanded) {
    return p.SafeModeError(event, "\"" + std::string(original) + "\" expands to nothing");
  }
  if (!IsAbsoluteIri(*expanded) && !IsBlankNodeId(*expanded)) {
    return p.SafeModeError(event, "\"" + std::string(original) +
                                      "\" does not expand to an absolute IRI");
  }
  return Status::Ok();
}

Result<json> ExpandValue(Processor& p, const ActiveContext& active, Property active_property,
                         const json& value) {
  const TermDefinition* def = active_property ? active.Find(*active_property) : nullptr;
  if (def != nullptr && def->type && value.is_string()) {
    // 1, 2) IRIs.
    bool is_id = *def->type == "@id";
    if (is_id || *def->type == "@vocab") {
      const std::string& s = value.get_ref<const std::string&>();
      std::optional<std::string> iri = ExpandIri(active, s, true, !is_id);
      PSL_RETURN_IF_ERROR(CheckSafeIri(p, "relative @id reference", s, iri));
      json out = json::object();
      out["@id"] = iri ? json(std::move(*iri)) : json(nullptr);
      return out;
    }
  }
  json result = json::object();
  result["@value"] = value;
  if (def != nullptr && def->type && *def->type != "@id" && *def->type != "@vocab" &&
      *def->type != "@none") {
    result["@type"] = *def->type;  // 4)
  } else if (value.is_string()) {
    // 5) Language and direction.
    std::optional<std::string> language = active.default_language;
    if (def != nullptr && def->language) language = *def->language;
    std::optional<std::string> direction = active.default_direction;
    if (def != nullptr && def->direction) direction = *def->direction;
    if (language) result["@language"] = *language;
    if (direction) result["@direction"] = *direction;
  }
  return result;
}

Result<json> ExpandElement(Processor& p, const CtxPtr& active, Property active_property,
                           const json& element, const std::optional<std::string>& base_url,
                           bool from_map) {
  NestingGuard guard(p);
  PSL_RETURN_IF_ERROR(guard.status());
  // 1)
  if (element.is_null()) return json(nullptr);
  // 4) Scalars.
  if (!element.is_array() && !element.is_object()) {
    if (!active_property || *active_property == "@graph") {
      if (p.safe_mode()) {
        return p.SafeModeError("free-floating scalar", "a value outside any property");
      }
      return json(nullptr);
    }
    const TermDefinition* def = active->Find(*active_property);
    if (def != nullptr && def->context) {
      // 4.2) The spec text omits "override protected" here, but property-
      // scoped contexts may override protected terms whatever the value
      // (JSON-LD 1.1 §4.1.11); jsonld.js does the same.
      ContextFlags flags;
      flags.override_protected = true;
      PSL_ASSIGN_OR_RETURN(CtxPtr scoped, ApplyScopedContext(p, active, *def, flags));
      return ExpandValue(p, *scoped, active_property, element);
    }
    return ExpandValue(p, *active, active_property, element);
  }
  // 5) Arrays.
  if (element.is_array()) {
    json result = json::array();
    const TermDefinition* def = active_property ? active->Find(*active_property) : nullptr;
    bool list_container = def != nullptr && def->Has(kContainerList);
    for (size_t i = 0; i < element.size(); ++i) {
      PathScope scope(p, i);
      PSL_ASSIGN_OR_RETURN(json item, ExpandElement(p, active, active_property, element[i],
                                                    base_url, from_map));
      if (list_container && item.is_array()) {
        json list = json::object();
        list["@list"] = std::move(item);
        item = std::move(list);
      }
      if (item.is_array()) {
        for (json& v : item) result.push_back(std::move(v));
      } else if (!item.is_null()) {
        result.push_back(std::move(item));
      }
    }
    return result;
  }
  return ExpandObject(p, active, active_property, element, base_url, from_map);
}

}  // namespace passerelle::jsonld::internal
