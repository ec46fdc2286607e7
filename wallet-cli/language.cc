// Passerelle wallet — language choice for language maps.
#include "wallet-cli/language.h"

#include <nlohmann/json.hpp>

namespace passerelle::wallet {

using nlohmann::json;

namespace {

std::string TextOf(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v) {
      if (!item.is_string()) continue;
      if (!out.empty()) out += "; ";
      out += item.get<std::string>();
    }
    return out;
  }
  return {};
}

}  // namespace

LocalizedText PickText(const json& value, std::string_view language) {
  if (value.is_string() || value.is_array()) return {TextOf(value), ""};
  if (!value.is_object() || value.empty()) return {};
  for (std::string_view want : {language, std::string_view("en")}) {
    if (want.empty()) continue;
    auto it = value.find(std::string(want));
    if (it != value.end() && !TextOf(*it).empty()) return {TextOf(*it), std::string(want)};
    for (auto r = value.begin(); r != value.end(); ++r)  // a regional tag: "fr-CA" for "fr"
      if (LanguageOfLocale(r.key()) == want && !TextOf(*r).empty()) return {TextOf(*r), r.key()};
  }
  for (auto it = value.begin(); it != value.end(); ++it)
    if (!TextOf(*it).empty()) return {TextOf(*it), it.key()};
  return {};
}

}  // namespace passerelle::wallet
