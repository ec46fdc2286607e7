// Passerelle — JSON-LD Node Map Generation (API §7.2).
#include "formats/jsonld/internal/node_map.h"

#include "formats/jsonld/internal/errors.h"
#include "formats/jsonld/internal/iri.h"
#include "formats/jsonld/internal/keywords.h"

namespace passerelle::jsonld::internal {

std::string BlankNodeGenerator::Generate(const std::string* identifier) {
  if (identifier != nullptr) {
    auto it = issued_.find(*identifier);
    if (it != issued_.end()) return it->second;
  }
  std::string label = "_:b" + std::to_string(counter_++);
  if (identifier != nullptr) issued_.emplace(*identifier, label);
  return label;
}

namespace {

class NodeMapBuilder {
 public:
  NodeMapBuilder(NodeMap& map, BlankNodeGenerator& gen) : map_(map), gen_(gen) {}

  // `active_subject`: null, a subject id (string) or, for a reverse
  // property, the referencing node {"@id": id}.
  Status Add(json& element, const std::string& active_graph, const json& active_subject,
             const std::string* active_property, json* list) {
    return Add(element, map_[active_graph], active_subject, active_property, list);
  }

 private:
  using Graph = std::map<std::string, json>;
  // `graph` is node_map[active graph], looked up once by the caller.
  Status Add(json& element, Graph& graph, const json& active_subject,
             const std::string* active_property, json* list);

  std::string Relabel(const std::string& id) {
    return IsBlankNodeId(id) ? gen_.Generate(&id) : id;
  }
  static void Append(json& node, const std::string& property, json value) {
    json& slot = node[property];
    if (!slot.is_array()) slot = json::array();
    slot.push_back(std::move(value));
  }
  Status AddNode(json& element, Graph& graph, const json& active_subject,
                 const std::string* active_property, json* list);

  NodeMap& map_;
  BlankNodeGenerator& gen_;
};

Status NodeMapBuilder::Add(json& element, Graph& graph, const json& active_subject,
                           const std::string* active_property, json* list) {
  // 1) Arrays.
  if (element.is_array()) {
    for (json& item : element) {
      PSL_RETURN_IF_ERROR(Add(item, graph, active_subject, active_property, list));
    }
    return Status::Ok();
  }
  if (!element.is_object()) return Status::Ok();  // not in expanded form
  // 3) Relabel blank node types.
  if (auto t = element.find("@type"); t != element.end()) {
    if (t->is_array()) {
      for (json& item : *t) {
        if (item.is_string()) item = Relabel(item.get<std::string>());
      }
    } else if (t->is_string()) {
      *t = Relabel(t->get<std::string>());
    }
  }
  auto subject_node = [&]() -> json& {
    return graph[active_subject.get_ref<const std::string&>()];
  };
  // 4) Value objects.
  if (element.contains("@value")) {
    if (list != nullptr) {
      (*list)["@list"].push_back(std::move(element));
    } else if (active_subject.is_string() && active_property != nullptr) {
      Append(subject_node(), *active_property, std::move(element));
    }
    return Status::Ok();
  }
  // 5) List objects.
  if (auto l = element.find("@list"); l != element.end()) {
    json result = json::object();
    result["@list"] = json::array();
    PSL_RETURN_IF_ERROR(Add(*l, graph, active_subject, active_property, &result));
    if (list != nullptr) {
      (*list)["@list"].push_back(std::move(result));
    } else if (active_subject.is_string() && active_property != nullptr) {
      Append(subject_node(), *active_property, std::move(result));
    }
    return Status::Ok();
  }
  return AddNode(element, graph, active_subject, active_property, list);
}

// 6) Node objects.
Status NodeMapBuilder::AddNode(json& element, Graph& graph, const json& active_subject,
                               const std::string* active_property, json* list) {
  std::string id;
  if (auto it = element.find("@id"); it != element.end() && it->is_string()) {
    id = Relabel(it->get<std::string>());
  } else if (it != element.end()) {
    return Status::Ok();  // "@id": null (a keyword-like @id): nothing to say
  } else {
    id = gen_.Generate(nullptr);
  }
  json& node = graph[id];
  if (node.is_null()) {
    node = json::object();
    node["@id"] = id;
  }
  if (active_subject.is_object()) {
    Append(node, *active_property, active_subject);
  } else if (active_property != nullptr) {
    json reference = json::object();
    reference["@id"] = id;
    if (list != nullptr) {
      (*list)["@list"].push_back(std::move(reference));
    } else if (active_subject.is_string()) {
      Append(graph[active_subject.get_ref<const std::string&>()], *active_property,
             std::move(reference));
    }
  }
  if (auto t = element.find("@type"); t != element.end()) {
    json& types = node["@type"];
    if (!types.is_array()) types = json::array();
    if (t->is_array()) {
      for (json& item : *t) types.push_back(std::move(item));
    } else {
      types.push_back(std::move(*t));
    }
  }
  if (auto index = element.find("@index"); index != element.end()) {
    if (auto existing = node.find("@index"); existing != node.end() && *existing != *index) {
      return MakeError(JsonLdError::kConflictingIndexes, "node " + id + " has two @index values");
    }
    node["@index"] = *index;
  }
  if (auto reverse = element.find("@reverse"); reverse != element.end()) {
    json referenced = json::object();
    referenced["@id"] = id;
    for (auto it = reverse->begin(); it != reverse->end(); ++it) {
      const std::string& property = it.key();
      PSL_RETURN_IF_ERROR(Add(it.value(), graph, referenced, &property, nullptr));
    }
  }
  if (auto g = element.find("@graph"); g != element.end()) {
    PSL_RETURN_IF_ERROR(Add(*g, id, json(), nullptr, nullptr));
  }
  if (auto inc = element.find("@included"); inc != element.end()) {
    PSL_RETURN_IF_ERROR(Add(*inc, graph, json(), nullptr, nullptr));
  }
  const json subject(id);
  for (auto it = element.begin(); it != element.end(); ++it) {
    const std::string& key = it.key();
    if (!key.empty() && key[0] == '@') continue;  // @id, @type, @index, @reverse, ...
    std::string property = IsBlankNodeId(key) ? gen_.Generate(&key) : key;
    json& values = node[property];
    if (values.is_null()) values = json::array();
    PSL_RETURN_IF_ERROR(Add(it.value(), graph, subject, &property, nullptr));
  }
  return Status::Ok();
}

}  // namespace

Status GenerateNodeMap(json element, NodeMap& node_map, BlankNodeGenerator& generator) {
  node_map["@default"];
  NodeMapBuilder builder(node_map, generator);
  return builder.Add(element, "@default", json(), nullptr, nullptr);
}

}  // namespace passerelle::jsonld::internal
