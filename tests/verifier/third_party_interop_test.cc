// Interop: real signed credentials from other projects (Open Badges 3.0
// samples of the 1EdTech validator, the Digital Credentials Consortium's test
// VCs) verified offline, each against the expected strict verdict recorded in
// tests/vectors/third-party/README.md (0 valid, 1 definite no, 2 no verdict),
// with exactly the offline material that README lists: bundled contexts,
// did:key, the two DCC did:web documents, the stored status lists, time
// 2026-11-23, and the credential's own issuer as the trust anchor.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/vc_model.h"
#include "tests/testing/paths.h"
#include "tests/testing/temp_dir.h"
#include "verifier/status_cache.h"
#include "verifier/verifier.h"

namespace passerelle {
namespace {

using nlohmann::json;

struct Expectation {
  std::string file;  // relative to tests/vectors/third-party
  int exit_code;
};

std::vector<std::string> SplitCells(const std::string& row) {
  std::vector<std::string> cells;
  std::string cell;
  for (std::size_t i = 1; i < row.size(); ++i) {
    if (row[i] == '|') {
      cells.push_back(cell);
      cell.clear();
    } else {
      cell += row[i];
    }
  }
  return cells;
}

// Reads the "expected (strict)" column of the README's two credential tables.
std::vector<Expectation> LoadExpectations() {
  std::ifstream in(testing::VectorsDir() / "third-party" / "README.md");
  std::vector<Expectation> out;
  std::string line, prefix;
  int expected_column = -1;
  while (std::getline(in, line)) {
    if (line.rfind("## 1edtech-validator/ob30/", 0) == 0) prefix = "1edtech-validator/ob30/";
    else if (line.rfind("## dcc-vc-test-fixtures/", 0) == 0) prefix = "dcc-vc-test-fixtures/verifiableCredentials/";
    else if (line.rfind("## ", 0) == 0) prefix.clear();
    if (prefix.empty() || line.rfind("| ", 0) != 0) continue;
    auto cells = SplitCells(line);
    if (cells.empty() || cells[0].find('`') == std::string::npos) {  // a header or rule row
      expected_column = -1;
      for (std::size_t i = 0; i < cells.size(); ++i)
        if (cells[i].find("expected (strict)") != std::string::npos) expected_column = static_cast<int>(i);
      continue;
    }
    if (expected_column < 0 || static_cast<int>(cells.size()) <= expected_column) continue;
    std::string verdict = cells[expected_column];
    auto digit = verdict.find_first_of("012");
    if (digit == std::string::npos) continue;
    int code = verdict[digit] - '0';
    // First column: one or more `file` names; abbreviated ones (…) are skipped.
    const std::string& names = cells[0];
    std::size_t pos = 0;
    while ((pos = names.find('`', pos)) != std::string::npos) {
      auto end = names.find('`', pos + 1);
      if (end == std::string::npos) break;
      std::string name = names.substr(pos + 1, end - pos - 1);
      pos = end + 1;
      if (name.find("\xE2\x80\xA6") != std::string::npos) continue;  // "…"
      out.push_back({prefix + name, code});
    }
  }
  return out;
}

std::string Read(const std::filesystem::path& p) { return testing::ReadFile(p); }

TEST_CASE("interop: third-party credentials get the expected strict verdict", "[interop][vectors]") {
  const auto base = testing::VectorsDir() / "third-party";
  auto expectations = LoadExpectations();
  REQUIRE(expectations.size() > 80);

  // The offline material.
  testing::TempDir tmp;
  auto cache = StatusListCache::Open(tmp.path() / "status");
  REQUIRE(cache.ok());
  const std::string dcc = "https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/";
  const std::vector<std::pair<std::string, std::filesystem::path>> lists = {
      {dcc + "e5WK8CbZ1GjycuPombrj", base / "dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj"},
      {"https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj",
       base / "dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj"},
      {dcc + "expired", base / "dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/expired"},
      {dcc + "notYetValid", base / "dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/notYetValid"},
      {dcc + "tampered", base / "dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/tampered"},
      {dcc + "missingBitStringType", base / "dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/missingBitStringType"},
      {"https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist",
       base / "1edtech-validator/ob30/bit-string-list/testlist"}};
  for (const auto& [url, file] : lists) {
    auto parsed = ParseJson(Read(file));
    if (parsed.ok()) REQUIRE(cache->Store(url, *parsed, ParseDateTime("2026-11-23T00:00:00Z").value()).ok());
  }
  VerifyOptions base_options;
  base_options.now = ParseDateTime("2026-11-23T00:00:00Z").value();
  base_options.status_cache = &*cache;
  for (const char* doc : {"dcc-vc-test-fixtures/dids/legacy/did.json", "dcc-vc-test-fixtures/dids/oidf/did.json"}) {
    auto parsed = ParseJson(Read(base / doc));
    REQUIRE(parsed.ok());
    auto did = ParseDidDocument(*parsed);
    INFO(doc << ": " << did.status().message());
    REQUIRE(did.ok());
    base_options.resolver.Add(*did);
  }

  int matched = 0, ran = 0;
  std::map<int, int> by_verdict;
  for (const auto& e : expectations) {
    if (!std::filesystem::exists(base / e.file)) {
      FAIL_CHECK("listed in README but missing: " << e.file);
      continue;
    }
    std::string text = Read(base / e.file);
    VerifyOptions options = base_options;
    if (auto parsed = ParseJson(text); parsed.ok()) {
      auto issuer = CredentialIssuerId(*parsed);
      if (issuer.ok()) options.trusted_issuers = {*issuer};
    }
    auto report = Verify(text, options);
    int got = report.verified ? 0 : (report.malformed_input ? 2 : 1);
    ++ran;
    ++by_verdict[e.exit_code];
    if (got == e.exit_code) {
      ++matched;
    } else {
      std::string why = report.errors.empty() ? std::string("(no error)") : report.errors.front().message;
      FAIL_CHECK(e.file << ": expected " << e.exit_code << ", got " << got << ": " << why);
    }
  }
  std::cout << "third-party interop: " << matched << "/" << ran << " verdicts as expected (" << by_verdict[0]
            << " valid, " << by_verdict[1] << " definite no, " << by_verdict[2] << " no verdict)\n";
  CHECK(matched == ran);
  CHECK(by_verdict[0] >= 30);  // a real number of foreign credentials verify
}

}  // namespace
}  // namespace passerelle
