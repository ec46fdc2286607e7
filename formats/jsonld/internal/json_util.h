// Passerelle — small helpers over the JSON-LD internal representation.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace passerelle::jsonld::internal {

using json = nlohmann::json;

inline bool IsValueObject(const json& j) { return j.is_object() && j.contains("@value"); }
inline bool IsListObject(const json& j) { return j.is_object() && j.contains("@list"); }

// A map that is not a value, list or set object.
inline bool IsNodeObject(const json& j) {
  return j.is_object() && !j.contains("@value") && !j.contains("@list") && !j.contains("@set");
}

// A map with @graph and at most @id, @index and @context besides.
inline bool IsGraphObject(const json& j) {
  if (!j.is_object() || !j.contains("@graph")) return false;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& k = it.key();
    if (k != "@graph" && k != "@id" && k != "@index" && k != "@context") return false;
  }
  return true;
}

// Wraps a non-array in a one-element array.
inline json AsArray(json v) {
  if (v.is_array()) return v;
  json a = json::array();
  a.push_back(std::move(v));
  return a;
}

// The "add value" helper (as array): appends `value` (each item when it is
// an array) to the array at obj[key], creating it if needed.
inline void AddValue(json& obj, std::string_view key, json value) {
  json& slot = obj[std::string(key)];
  if (slot.is_null()) {
    slot = json::array();
  } else if (!slot.is_array()) {
    json first = std::move(slot);
    slot = json::array();
    slot.push_back(std::move(first));
  }
  if (value.is_array()) {
    for (json& v : value) slot.push_back(std::move(v));
  } else {
    slot.push_back(std::move(value));
  }
}

}  // namespace passerelle::jsonld::internal
