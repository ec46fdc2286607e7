// Passerelle tests — trainee rows against the programme and grading scales.
#include "issuer/batch/trainees.h"

#include <catch2/catch.hpp>

#include "tests/issuer/batch/batch_test_support.h"

namespace passerelle::batch {
namespace {

using testing::DemoBundle;

TEST_CASE("trainees: the scenario's 150 rows are all good, 47 earn the certification", "[issuer][batch]") {
  auto bundle = DemoBundle();
  auto table = ReadTrainees(testing::ReadFile(testing::DemoData() / "trainees.csv"), bundle);
  REQUIRE(table.ok());
  CHECK(table->data_rows == 150);
  CHECK(table->errors.empty());
  REQUIRE(table->rows.size() == 150);
  std::size_t passed = 0, certified = 0;
  for (const auto& row : table->rows) {
    for (const auto& g : row.grades) passed += g.passed ? 1 : 0;
    certified += EarnsCertification(row, bundle.programme) ? 1 : 0;
  }
  CHECK(passed == 1413);
  CHECK(certified == 47);
  const TraineeRow& first = table->rows.front();
  CHECK(first.trainee_id == "T0001");
  CHECK(first.given_name == "Jérôme");
  CHECK(first.grades.front().module == "HQ-M01");
  CHECK(first.grades.front().grade == "18.1");
}

TEST_CASE("trainees: bad rows are reported by line and column, exactly, and the rest is kept", "[issuer][batch]") {
  auto table = ReadTrainees(testing::CsvWithBadRows(10), DemoBundle());
  REQUIRE(table.ok());
  CHECK(table->data_rows == 10);
  REQUIRE(table->errors.size() == 4);
  CHECK(table->errors[0].line == 3);
  CHECK(table->errors[0].column == "completed_on");
  CHECK(table->errors[1].line == 5);
  CHECK(table->errors[1].column == "grades");
  CHECK(table->errors[1].message.find("HQ-M99") != std::string::npos);
  CHECK(table->errors[2].line == 7);
  CHECK(table->errors[2].column == "grades");
  CHECK(table->errors[2].message.find("outside") != std::string::npos);
  CHECK(table->errors[3].line == 9);
  CHECK(table->errors[3].column == "given_name");
  CHECK(table->errors[3].message == "invalid UTF-8");
  CHECK(table->rows.size() == 6);
}

TEST_CASE("trainees: header and value rules", "[issuer][batch]") {
  auto bundle = DemoBundle();
  std::string header = "trainee_id,given_name,family_name,grades,grading_scale,completed_on\n";
  CHECK(ReadTrainees("trainee_id,given_name\nT1,A\n", bundle).status().code() == Code::kMalformed);
  CHECK(ReadTrainees("trainee_id,trainee_id,given_name,family_name,grades,grading_scale,completed_on\n", bundle)
            .status()
            .code() == Code::kMalformed);
  auto one = [&](const std::string& row) {
    auto t = ReadTrainees(header + row + "\n", bundle);
    REQUIRE(t.ok());
    return t->errors.empty() ? std::string() : t->errors[0].column + ": " + t->errors[0].message;
  };
  CHECK(one("T1,A,B,HQ-M01=12,FR-0-20,2026-06-01").empty());
  CHECK(one("../x,A,B,HQ-M01=12,FR-0-20,2026-06-01").rfind("trainee_id", 0) == 0);
  CHECK(one("T1,A,B,HQ-M01=12,XX-0-9,2026-06-01").rfind("grading_scale", 0) == 0);
  CHECK(one("T1,A,B,HQ-M01=12.05,FR-0-20,2026-06-01").rfind("grades", 0) == 0);  // off the 0.1 step
  CHECK(one("T1,A,B,HQ-M01=twelve,FR-0-20,2026-06-01").rfind("grades", 0) == 0);
  // Only plain decimals: what strtod also reads would be signed as written.
  for (const char* grade : {"0x10", "1e1", "+12", "nan", "12."})
    CHECK(one(std::string("T1,A,B,HQ-M01=") + grade + ",FR-0-20,2026-06-01").rfind("grades", 0) == 0);
  CHECK(one("T1,A,B,\"HQ-M01=12,5\",FR-0-20,2026-06-01") ==
        "grades: HQ-M01: \"12,5\" is not a number: write the decimal with a point: 12.5");
  CHECK(one("T1,A,B,hq-m01=12,FR-0-20,2026-06-01") ==
        "grades: module \"hq-m01\" is not in programme HQ-CERT (did you mean HQ-M01?)");
  CHECK(one("T1,A,B,HQ-M01=12,fr-0-20,2026-06-01") ==
        "grading_scale: unknown grading scale \"fr-0-20\" (did you mean FR-0-20?)");
  CHECK(one("T1,A,B,HQ-M01=12;HQ-M01=13,FR-0-20,2026-06-01").rfind("grades", 0) == 0);
  CHECK(one("T1,A,B,HQ-M01=12,FR-0-20,June").rfind("completed_on", 0) == 0);
  CHECK(one("T1,,B,HQ-M01=12,FR-0-20,2026-06-01").rfind("given_name", 0) == 0);
  CHECK(one("T1,A,B,HQ-M01=12,FR-0-20,2026-06-01,extra").rfind("#7", 0) == 0);
  auto dup = ReadTrainees(header + "T1,A,B,HQ-M01=12,FR-0-20,2026-06-01\nT1,C,D,HQ-M01=12,FR-0-20,2026-06-01\n", bundle);
  REQUIRE(dup.ok());
  REQUIRE(dup->errors.size() == 1);
  CHECK(dup->errors[0].line == 3);
  CHECK(dup->errors[0].column == "trainee_id");
}

}  // namespace
}  // namespace passerelle::batch

namespace passerelle::batch {
namespace {

TEST_CASE("trainees: an optional did column names the learner, and bad DIDs are refused", "[issuer][batch]") {
  std::string csv =
      "trainee_id,given_name,family_name,grades,grading_scale,completed_on,did\n"
      "T1,Ana,Pop,HQ-M01=15,FR-0-20,2026-06-24,did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK\n"
      "T2,Ion,Popa,HQ-M01=15,FR-0-20,2026-06-24,\n"
      "T3,Eva,Ilie,HQ-M01=15,FR-0-20,2026-06-24,mailto:eva@example.org\n"
      "T4,Dan,Vlad,HQ-M01=15,FR-0-20,2026-06-24,did:web:a.example/x\n";
  auto table = ReadTrainees(csv, testing::DemoBundle());
  REQUIRE(table.ok());
  REQUIRE(table->rows.size() == 2);
  CHECK(table->rows[0].did == std::optional<std::string>("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"));
  CHECK_FALSE(table->rows[1].did);
  REQUIRE(table->errors.size() == 2);
  CHECK(table->errors[0].column == "did");
  CHECK(table->errors[1].column == "did");
}

}  // namespace
}  // namespace passerelle::batch
