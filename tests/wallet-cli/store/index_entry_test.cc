// Tests for wallet-cli/store/index_entry.h: an index entry's JSON form, both ways.
#include "wallet-cli/store/index_entry.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

namespace passerelle::wallet {
namespace {

using nlohmann::json;

IndexEntry Sample() {
  IndexEntry e;
  e.record = "0123456789abcdef0123456789abcdef";
  e.imported_at = "2026-07-01T10:00:00Z";
  e.source = "module.json";
  e.summary.credential_id = "urn:uuid:1";
  e.summary.kind = "module";
  e.summary.title = json{{"en", "Hygiene"}, {"fr", "Hygiène"}};
  e.summary.issuer_id = "did:web:uni.example";
  e.summary.issuer_name = "Université";
  e.summary.subject_id = "did:key:z6Mk";
  e.summary.eqf_level = 6;
  e.summary.ects = 2.5;
  e.summary.valid_from = "2026-06-24T00:00:00Z";
  e.summary.has_status = true;
  e.summary.status = "active";
  e.summary.status_checked_at = "2026-07-02T00:00:00Z";
  return e;
}

TEST_CASE("index entry: the JSON form round-trips every field", "[wallet][store]") {
  const IndexEntry e = Sample();
  const json j = EntryToJson(e);
  CHECK(j["record"] == e.record);
  CHECK(j["importedAt"] == e.imported_at);
  CHECK(j["source"] == e.source);
  CHECK(j["summary"]["kind"] == "module");
  auto back = EntryFromJson(j, "index");
  REQUIRE(back.ok());
  CHECK(back->record == e.record);
  CHECK(back->imported_at == e.imported_at);
  CHECK(back->source == e.source);
  const CredentialSummary& s = back->summary;
  CHECK(s.credential_id == e.summary.credential_id);
  CHECK(s.kind == e.summary.kind);
  CHECK(s.title == e.summary.title);
  CHECK(s.issuer_id == e.summary.issuer_id);
  CHECK(s.issuer_name == e.summary.issuer_name);
  CHECK(s.subject_id == e.summary.subject_id);
  CHECK(s.eqf_level == 6);
  REQUIRE(s.ects.has_value());
  CHECK(*s.ects == 2.5);
  CHECK(s.valid_from == e.summary.valid_from);
  CHECK(s.valid_until.empty());
  CHECK(s.has_status);
  CHECK(s.status == "active");
  CHECK(s.status_checked_at == e.summary.status_checked_at);
  CHECK(EntryToJson(*back) == j);
}

TEST_CASE("index entry: no ECTS and no title stay absent", "[wallet][store]") {
  IndexEntry e = Sample();
  e.summary.ects.reset();
  e.summary.title = nullptr;
  e.summary.has_status = false;
  auto back = EntryFromJson(EntryToJson(e), "index");
  REQUIRE(back.ok());
  CHECK_FALSE(back->summary.ects.has_value());
  CHECK(back->summary.title.is_null());
  CHECK_FALSE(back->summary.has_status);
}

TEST_CASE("index entry: missing or mistyped members are malformed, named after where", "[wallet][store]") {
  const json good = EntryToJson(Sample());
  CHECK(EntryFromJson(json::array(), "index[0]").status().code() == Code::kMalformed);
  CHECK_THAT(EntryFromJson(json::array(), "index[0]").status().message(), Catch::StartsWith("index[0]"));
  for (const char* member : {"record", "importedAt", "source", "summary"}) {
    INFO(member);
    json bad = good;
    bad.erase(member);
    auto r = EntryFromJson(bad, "index[3]");
    CHECK(r.status().code() == Code::kMalformed);
    CHECK_THAT(r.status().message(), Catch::Contains("index[3]"));
  }
  json wrong_type = good;
  wrong_type["record"] = 42;
  CHECK(EntryFromJson(wrong_type, "index").status().code() == Code::kMalformed);
  json bad_summary = good;
  bad_summary["summary"]["eqfLevel"] = "six";
  auto r = EntryFromJson(bad_summary, "index[1]");
  CHECK(r.status().code() == Code::kMalformed);
  CHECK_THAT(r.status().message(), Catch::Contains("eqfLevel"));
  CHECK_THAT(r.status().message(), Catch::Contains("index[1]"));
  json summary_not_object = good;
  summary_not_object["summary"] = "x";
  CHECK(EntryFromJson(summary_not_object, "index").status().code() == Code::kMalformed);
}

}  // namespace
}  // namespace passerelle::wallet
