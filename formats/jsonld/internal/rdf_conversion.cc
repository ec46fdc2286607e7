// Passerelle — JSON-LD node map to RDF quads (API §8.1 - §8.3).
#include "formats/jsonld/internal/rdf_conversion.h"

#include <optional>
#include <vector>

#include "formats/jcs.h"
#include "formats/jsonld/internal/iri.h"
#include "formats/jsonld/internal/keywords.h"
#include "formats/jsonld/internal/rdf_literals.h"

namespace passerelle::jsonld::internal {
namespace {

constexpr const char* kI18n = "https://www.w3.org/ns/i18n#";
#define PSL_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define PSL_XSD "http://www.w3.org/2001/XMLSchema#"
const std::string kRdfType = PSL_RDF "type";
const std::string kRdfFirst = PSL_RDF "first";
const std::string kRdfRest = PSL_RDF "rest";
const std::string kRdfNil = PSL_RDF "nil";
const std::string kRdfValue = PSL_RDF "value";
const std::string kRdfLanguage = PSL_RDF "language";
const std::string kRdfDirection = PSL_RDF "direction";
const std::string kRdfJson = PSL_RDF "JSON";
const std::string kRdfLangString = PSL_RDF "langString";
const std::string kXsdBoolean = PSL_XSD "boolean";
const std::string kXsdDouble = PSL_XSD "double";
const std::string kXsdInteger = PSL_XSD "integer";
const std::string kXsdString = PSL_XSD "string";
#undef PSL_RDF
#undef PSL_XSD

// Subjects, objects and graph names: an absolute well-formed IRI or a
// blank node identifier.
bool IsWellFormedResource(const std::string& id) {
  return IsBlankNodeId(id) ? id.size() > 2 : IsWellFormedIri(id);
}

rdf::Term ResourceTerm(const std::string& id) {
  if (IsBlankNodeId(id)) return rdf::Term::Blank(id.substr(2));
  return rdf::Term::Iri(id);
}

class RdfWriter {
 public:
  RdfWriter(const JsonLdOptions& options, BlankNodeGenerator& gen, rdf::Dataset& out)
      : options_(options), gen_(gen), out_(out) {}

  Status Run(const NodeMap& node_map);

 private:
  using Triples = std::vector<rdf::Quad>;  // graph left as the default graph
  Status Unsafe(std::string_view event, const std::string& what) const {
    return Status::InvalidCredential("safe mode: " + std::string(event) + ": \"" + what +
                                     "\" is not an absolute IRI (json-ld to rdf)");
  }
  Result<std::optional<rdf::Term>> ObjectToRdf(const json& item, Triples& list_triples);
  Result<rdf::Term> ListToRdf(const json& list, Triples& list_triples);
  Result<std::optional<rdf::Term>> ValueToRdf(const json& item, Triples& list_triples);

  const JsonLdOptions& options_;
  BlankNodeGenerator& gen_;
  rdf::Dataset& out_;
};

Status RdfWriter::Run(const NodeMap& node_map) {
  const bool safe = options_.safe_mode;
  for (const auto& [graph_name, graph] : node_map) {
    rdf::Term graph_term = rdf::Term::DefaultGraph();
    if (graph_name != "@default") {
      if (!IsWellFormedResource(graph_name)) {
        if (safe) return Unsafe("relative graph reference", graph_name);
        continue;
      }
      graph_term = ResourceTerm(graph_name);
    }
    for (const auto& [subject, node] : graph) {
      if (!IsWellFormedResource(subject)) {
        if (safe) return Unsafe("relative subject reference", subject);
        continue;
      }
      rdf::Term subject_term = ResourceTerm(subject);
      for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string& property = it.key();
        if (property == "@type") {
          for (const json& type : it.value()) {
            if (!type.is_string()) continue;
            const std::string& t = type.get_ref<const std::string&>();
            if (!IsWellFormedResource(t)) {
              if (safe) return Unsafe("relative type reference", t);
              continue;
            }
            out_.push_back({subject_term, rdf::Term::Iri(kRdfType), ResourceTerm(t),
                            graph_term});
          }
          continue;
        }
        if (IsKeyword(property)) continue;
        if (IsBlankNodeId(property) && !options_.produce_generalized_rdf) {
          if (safe) {
            return Status::InvalidCredential("safe mode: blank node predicate: \"" + property +
                                             "\" (json-ld to rdf)");
          }
          continue;
        }
        if (!IsBlankNodeId(property) && !IsWellFormedIri(property)) {
          if (safe) return Unsafe("relative property reference", property);
          continue;
        }
        rdf::Term predicate = ResourceTerm(property);
        for (const json& item : it.value()) {
          Triples list_triples;
          PSL_ASSIGN_OR_RETURN(std::optional<rdf::Term> object, ObjectToRdf(item, list_triples));
          if (object) out_.push_back({subject_term, predicate, std::move(*object), graph_term});
          for (rdf::Quad& q : list_triples) {
            q.graph = graph_term;
            out_.push_back(std::move(q));
          }
        }
      }
    }
  }
  return Status::Ok();
}

// Object to RDF Conversion (§8.2).
Result<std::optional<rdf::Term>> RdfWriter::ObjectToRdf(const json& item, Triples& list_triples) {
  if (!item.is_object()) return std::optional<rdf::Term>();
  if (auto l = item.find("@list"); l != item.end()) {
    PSL_ASSIGN_OR_RETURN(rdf::Term head, ListToRdf(*l, list_triples));
    return std::optional<rdf::Term>(std::move(head));
  }
  if (item.contains("@value")) return ValueToRdf(item, list_triples);
  auto id = item.find("@id");
  if (id == item.end() || !id->is_string()) return std::optional<rdf::Term>();
  const std::string& s = id->get_ref<const std::string&>();
  if (!IsWellFormedResource(s)) {
    if (options_.safe_mode) return Unsafe("relative object reference", s);
    return std::optional<rdf::Term>();
  }
  return std::optional<rdf::Term>(ResourceTerm(s));
}

Result<std::optional<rdf::Term>> RdfWriter::ValueToRdf(const json& item, Triples& list_triples) {
  const json& value = item["@value"];
  std::optional<std::string> datatype;
  if (auto t = item.find("@type"); t != item.end() && t->is_string()) {
    datatype = t->get<std::string>();
  }
  if (datatype && *datatype != "@json" && !IsWellFormedIri(*datatype)) {
    if (options_.safe_mode) return Unsafe("relative type reference", *datatype);
    return std::optional<rdf::Term>();
  }
  std::optional<std::string> language;
  if (auto l = item.find("@language"); l != item.end() && l->is_string()) {
    language = l->get<std::string>();
    if (!IsWellFormedLanguageTag(*language)) {
      if (options_.safe_mode) {
        return Status::InvalidCredential("safe mode: invalid @language value: \"" + *language +
                                         "\" (json-ld to rdf)");
      }
      return std::optional<rdf::Term>();
    }
  }
  std::string lexical;
  if (datatype && *datatype == "@json") {
    PSL_ASSIGN_OR_RETURN(lexical, CanonicalizeJson(value));
    datatype = kRdfJson;
  } else if (value.is_boolean()) {
    lexical = value.get<bool>() ? "true" : "false";
    if (!datatype) datatype = kXsdBoolean;
  } else if (value.is_number() &&
             (NeedsDoubleForm(value) || (datatype && *datatype == kXsdDouble))) {
    lexical = CanonicalDouble(value.get<double>());
    if (!datatype) datatype = kXsdDouble;
  } else if (value.is_number()) {
    lexical = CanonicalInteger(value);
    if (!datatype) datatype = kXsdInteger;
  } else if (value.is_string()) {
    lexical = value.get<std::string>();
    if (!datatype) datatype = language ? kRdfLangString : kXsdString;
  } else {
    return std::optional<rdf::Term>();
  }
  auto direction = item.find("@direction");
  if (direction != item.end() && direction->is_string() && !options_.rdf_direction.empty()) {
    std::string lang = language ? ToLowerAscii(*language) : std::string();
    const std::string& dir = direction->get_ref<const std::string&>();
    if (options_.rdf_direction == "i18n-datatype") {
      return std::optional<rdf::Term>(
          rdf::Term::Literal(std::move(lexical), std::string(kI18n) + lang + "_" + dir));
    }
    // compound-literal
    rdf::Term node = ResourceTerm(gen_.Generate(nullptr));
    list_triples.push_back({node, rdf::Term::Iri(kRdfValue),
                            rdf::Term::Literal(std::move(lexical)), rdf::Term::DefaultGraph()});
    if (language) {
      list_triples.push_back({node, rdf::Term::Iri(kRdfLanguage), rdf::Term::Literal(lang),
                              rdf::Term::DefaultGraph()});
    }
    list_triples.push_back({node, rdf::Term::Iri(kRdfDirection), rdf::Term::Literal(dir),
                            rdf::Term::DefaultGraph()});
    return std::optional<rdf::Term>(std::move(node));
  }
  return std::optional<rdf::Term>(
      rdf::Term::Literal(std::move(lexical), std::move(*datatype), language.value_or("")));
}

// List to RDF Conversion (§8.3).
Result<rdf::Term> RdfWriter::ListToRdf(const json& list, Triples& list_triples) {
  if (!list.is_array() || list.empty()) return rdf::Term::Iri(kRdfNil);
  std::vector<rdf::Term> bnodes;
  bnodes.reserve(list.size());
  for (size_t i = 0; i < list.size(); ++i) bnodes.push_back(ResourceTerm(gen_.Generate(nullptr)));
  for (size_t i = 0; i < list.size(); ++i) {
    Triples embedded;
    PSL_ASSIGN_OR_RETURN(std::optional<rdf::Term> object, ObjectToRdf(list[i], embedded));
    if (object) {
      list_triples.push_back({bnodes[i], rdf::Term::Iri(kRdfFirst), std::move(*object),
                              rdf::Term::DefaultGraph()});
    }
    rdf::Term rest = i + 1 < bnodes.size() ? bnodes[i + 1] : rdf::Term::Iri(kRdfNil);
    list_triples.push_back({bnodes[i], rdf::Term::Iri(kRdfRest), std::move(rest),
                            rdf::Term::DefaultGraph()});
    for (rdf::Quad& q : embedded) list_triples.push_back(std::move(q));
  }
  return bnodes[0];
}

}  // namespace

Status NodeMapToRdf(const NodeMap& node_map, const JsonLdOptions& options,
                    BlankNodeGenerator& generator, rdf::Dataset& dataset) {
  return RdfWriter(options, generator, dataset).Run(node_map);
}

}  // namespace passerelle::jsonld::internal
