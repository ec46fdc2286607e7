// Passerelle tests — the cohort batch engine, in process.
#include "issuer/batch/batch_runner.h"

#include <catch2/catch.hpp>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/status_list.h"
#include "issuer/batch/trainees.h"
#include "tests/issuer/batch/batch_test_support.h"
#include "tests/issuer/issuer_test_support.h"
#include "tests/testing/failing_env.h"
#include "verifier/verifier.h"

namespace passerelle::batch {
namespace {

using nlohmann::json;

struct BatchFixture {
  testing::TempDir tmp;
  IssuerDir issuer = testing::MakeIssuerDir(tmp.path() / "node", std::string("did:web:school.test"));
  std::unique_ptr<Issuer> service = testing::MakeIssuer(tmp.path() / "node", "https://school.test", 512);
  store::IssuerStore* store = service->store();
  ProgrammeBundle bundle = testing::DemoBundle();
  std::filesystem::path out = tmp.path() / "out";

  Result<BatchSummary> Run(const std::string& csv, int threads = 2, Env& env = Env::Default()) {
    auto table = ReadTrainees(csv, bundle);
    REQUIRE(table.ok());
    // The service reads its clock from `env`: open it again over that Env.
    service.reset();
    service = testing::MakeIssuer(tmp.path() / "node", "https://school.test", 512, env);
    store = service->store();
    BatchOptions options;
    options.env = &env;
    options.suite = Cryptosuite::kEddsaJcs2022;
    options.threads = threads;
    return RunCohortBatch(bundle, *table, out, *service, options);
  }
};

TEST_CASE("batch: the scenario issues every credential once, a re-run issues none and restores lost files",
          "[issuer][batch]") {
  BatchFixture f;
  std::string csv = testing::ReadFile(testing::DemoData() / "trainees.csv");
  auto first = f.Run(csv);
  REQUIRE(first.ok());
  CHECK(first->rows == 150);
  CHECK(first->issued_modules == 1413);
  CHECK(first->issued_certifications == 47);
  CHECK(first->already_issued == 0);
  CHECK(first->failures.empty());
  CHECK(f.store->CountCredentials().value() == 1460);

  // Files: exactly the register's bytes.
  json cert = ParseJson(testing::ReadFile(f.out / "T0001" / "HQ-CERT.json")).value();
  CHECK(cert["credentialSubject"]["achievement"]["hasPart"].size() == 11);
  for (const auto& part : cert["credentialSubject"]["achievement"]["hasPart"])
    CHECK(f.store->FindCredential(part.get<std::string>()).ok());
  json module = ParseJson(testing::ReadFile(f.out / "T0001" / "HQ-M01.json")).value();
  CHECK(module["credentialSubject"]["name"] == "Jérôme Mercier");
  CHECK(testing::ReadFile(f.out / "T0001" / "HQ-M01.json") == f.store->FindDocument(module["id"].get<std::string>()).value());
  CHECK(!std::filesystem::exists(f.out / "T0002" / "HQ-CERT.json"));  // T0002 did not take HQ-M08

  std::filesystem::remove(f.out / "T0003" / "HQ-M02.json");
  std::filesystem::remove(f.out / "T0001" / "HQ-CERT.json");
  auto second = f.Run(csv);
  REQUIRE(second.ok());
  CHECK(second->issued() == 0);
  CHECK(second->already_issued == 1460);
  CHECK(second->files_restored == 2);
  CHECK(testing::ReadFile(f.out / "T0001" / "HQ-CERT.json") == DumpJson(cert));
  CHECK(f.store->CountCredentials().value() == 1460);

  // Every status index is used once; every credential verifies.
  std::set<std::pair<std::string, std::uint64_t>> slots;
  VerifyOptions options;
  options.trusted_issuers = {f.issuer.did};
  options.resolver.Add(f.issuer.Document());
  std::size_t checked = 0;
  REQUIRE(f.store->ForEachCredential([&](const store::CredentialRecord& r) {
    for (const auto& s : r.status) CHECK(slots.insert({s.list_id, s.index}).second);
    if (checked++ % 50 == 0) {
      auto report = Verify(f.store->FindDocument(r.id).value(), options);
      for (const auto& c : report.checks) {
        INFO(r.id << " " << c.check << ": " << c.detail);
        CHECK((c.ok || c.check == "status"));
      }
    }
    return true;
  }).ok());
  CHECK(slots.size() == 2 * 1460);
}

TEST_CASE("batch: bad rows issue nothing, the others go on", "[issuer][batch]") {
  BatchFixture f;
  auto summary = f.Run(testing::CsvWithBadRows(10), 1);
  REQUIRE(summary.ok());
  CHECK(summary->rows == 10);
  CHECK(summary->bad_rows == 4);
  CHECK(summary->failures.empty());
  for (const char* bad : {"T0002", "T0004", "T0006", "T0008"}) CHECK(!std::filesystem::exists(f.out / bad));
  for (const char* good : {"T0001", "T0003", "T0005", "T0007", "T0009", "T0010"})
    CHECK(std::filesystem::exists(f.out / good));
  CHECK(summary->issued() == f.store->CountCredentials().value());
}

// The header and the first `rows` rows of a CSV.
std::string FirstRows(const std::string& csv, int rows) {
  std::size_t end = 0;
  for (int i = 0; i <= rows; ++i) end = csv.find('\n', end) + 1;
  return csv.substr(0, end);
}

TEST_CASE("batch: a disk that fails while the files are written loses no issuance, and a re-run restores the files",
          "[issuer][batch][faults]") {
  BatchFixture f;
  std::string csv = FirstRows(testing::ReadFile(testing::DemoData() / "trainees.csv"), 3);
  testing::FailingEnv env;
  Timestamp now = Now();
  now = Timestamp{now.seconds + 60, 0};
  env.SetNow(now);  // the Env's clock dates every proof and register entry

  env.Fail(testing::Fault::kWriteNoSpace, /*after=*/5);  // five files, then the disk is full
  auto first = f.Run(csv, 1, env);
  REQUIRE_FALSE(first.ok());
  CHECK(first.status().code() == Code::kIOError);
  CHECK_THAT(first.status().message(), Catch::Contains("write: No space left on device") &&
                                           Catch::Contains(f.out.string()));
  // What the register acknowledged stays acknowledged.
  std::map<std::string, std::string> acknowledged;
  REQUIRE(f.store->ForEachCredential([&](const store::CredentialRecord& r) {
    acknowledged[r.id] = f.store->FindDocument(r.id).value();
    CHECK(r.issued_at == now);
    return true;
  }).ok());
  CHECK(acknowledged.size() > 5);  // committed before any file was written

  env.Heal();
  auto second = f.Run(csv, 1, env);
  REQUIRE(second.ok());
  CHECK(second->already_issued == acknowledged.size());
  CHECK(second->issued() + second->already_issued == second->credentials);
  CHECK(second->files_restored == acknowledged.size() - 5);
  CHECK(f.store->CountCredentials().value() == second->credentials);
  for (const auto& [id, document] : acknowledged) CHECK(f.store->FindDocument(id).value() == document);
  // Every credential has its file, holding the register's bytes, and no temporary file is left.
  std::size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(f.out)) {
    if (!e.is_regular_file()) continue;
    CHECK(e.path().extension() == ".json");
    json vc = ParseJson(testing::ReadFile(e.path())).value();
    CHECK(testing::ReadFile(e.path()) == f.store->FindDocument(vc["id"].get<std::string>()).value());
    ++files;
  }
  CHECK(files == second->credentials);
}

}  // namespace
}  // namespace passerelle::batch
