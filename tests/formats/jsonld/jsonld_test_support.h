// Passerelle tests — helpers for the JSON-LD conformance runners: a loader
// over the W3C test-suite folder and JSON-LD object comparison.
#pragma once

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/jsonld/document_loader.h"
#include "formats/status.h"
#include "tests/testing/paths.h"

namespace passerelle::jsonld::testing {

using json = nlohmann::json;

inline constexpr std::string_view kSuiteBase = "https://w3c.github.io/json-ld-api/tests/";

inline std::filesystem::path SuiteDir() {
  return passerelle::testing::VectorsDir() / "jsonld-api";
}

// Parses a file; discarded JSON when missing or invalid.
inline json ReadJsonFile(const std::filesystem::path& path) {
  std::string bytes = passerelle::testing::ReadFile(path);
  if (bytes.empty()) return json(json::value_t::discarded);
  return json::parse(bytes, nullptr, false);
}

// Serves https://w3c.github.io/json-ld-api/tests/<path> from the suite
// folder (the remote contexts the tests reference are relative files).
class SuiteLoader final : public DocumentLoader {
 public:
  Result<std::shared_ptr<const json>> Load(std::string_view url) const override {
    if (url.substr(0, kSuiteBase.size()) != kSuiteBase) {
      return Status::Unsupported("not in the test suite: " + std::string(url));
    }
    std::string rel(url.substr(kSuiteBase.size()));
    if (rel.find("..") != std::string::npos) return Status::NotFound(std::string(url));
    json doc = ReadJsonFile(SuiteDir() / rel);
    if (doc.is_discarded()) return Status::NotFound("cannot load " + std::string(url));
    return std::make_shared<const json>(std::move(doc));
  }
};

inline bool EqualsIgnoreCase(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// JSON-LD object comparison (test-suite README): maps by member, arrays
// without regard to order except values of @list, language tags without
// regard to case.
inline bool JsonLdEquals(const json& a, const json& b, std::string_view key = {}) {
  if (a.is_object() && b.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto it = a.begin(); it != a.end(); ++it) {
      auto other = b.find(it.key());
      if (other == b.end()) return false;
      if (!JsonLdEquals(it.value(), *other, it.key())) return false;
    }
    return true;
  }
  if (a.is_array() && b.is_array()) {
    if (a.size() != b.size()) return false;
    if (key == "@list") {
      for (size_t i = 0; i < a.size(); ++i) {
        if (!JsonLdEquals(a[i], b[i])) return false;
      }
      return true;
    }
    std::vector<bool> used(b.size(), false);
    for (const json& x : a) {
      bool found = false;
      for (size_t j = 0; j < b.size() && !found; ++j) {
        if (!used[j] && JsonLdEquals(x, b[j], key)) {
          used[j] = true;
          found = true;
        }
      }
      if (!found) return false;
    }
    return true;
  }
  if (key == "@language" && a.is_string() && b.is_string()) {
    return EqualsIgnoreCase(a.get<std::string>(), b.get<std::string>());
  }
  return a == b;
}

// One manifest entry, with the options the runners honour.
struct SuiteTest {
  std::string id;
  std::string name;
  bool negative = false;
  bool syntax_only = false;
  std::string input;   // relative to the suite folder
  std::string expect;  // file, or error code for negative tests
  json option;
};

inline std::vector<SuiteTest> ReadManifest(const std::string& manifest) {
  std::vector<SuiteTest> tests;
  json m = ReadJsonFile(SuiteDir() / manifest);
  if (!m.is_object() || !m.contains("sequence")) return tests;
  for (const json& t : m["sequence"]) {
    SuiteTest st;
    st.id = t.value("@id", "");
    st.name = t.value("name", "");
    for (const json& type : t["@type"]) {
      if (type == "jld:NegativeEvaluationTest") st.negative = true;
      if (type == "jld:PositiveSyntaxTest") st.syntax_only = true;
    }
    st.input = t.value("input", "");
    st.expect = st.negative ? t.value("expectErrorCode", "") : t.value("expect", "");
    st.option = t.contains("option") ? t["option"] : json::object();
    tests.push_back(std::move(st));
  }
  return tests;
}

}  // namespace passerelle::jsonld::testing
