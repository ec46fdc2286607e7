// Passerelle tests — a cohort's offers: three files per trainee, the PIN
// file private, no second offer on a re-run, and files before records (a
// failed write records nothing).
#include "issuer/batch/offers.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "formats/credential_offer.h"
#include "issuer/store/offer_store.h"
#include "tests/issuer/batch/batch_test_support.h"
#include "tests/issuer/issuer_test_support.h"
#include "tests/testing/failing_env.h"

namespace passerelle::batch {
namespace {

struct Cohort {
  testing::TempDir tmp;
  IssuerDir folder = testing::MakeIssuerDir(tmp.path() / "centre");
  std::unique_ptr<Issuer> issuer = testing::MakeIssuer(tmp.path() / "centre", "https://issuer.test");
  ProgrammeBundle bundle = testing::DemoBundle();
  TraineeTable table;

  explicit Cohort(std::size_t rows) {
    auto lines = testing::DemoCsvLines();
    lines.resize(rows + 1);
    table = std::move(ReadTrainees(testing::JoinLines(lines), bundle).value());
  }
  std::vector<const TraineeRow*> Rows() const {
    std::vector<const TraineeRow*> out;
    for (const auto& r : table.rows) out.push_back(&r);
    return out;
  }
  std::size_t RecordedOffers() const {
    store::OfferStore offers(*issuer->store());
    return offers.ListOffers().value().size();
  }
};

TEST_CASE("offers: three files per trainee, the PIN private, no second offer", "[issuer][batch][offers]") {
  Cohort c(3);
  std::filesystem::path out = c.tmp.path() / "out";
  OfferBatchOptions options;
  options.render_png = [](std::string_view) -> Result<std::string> { return std::string("\x89PNG fake"); };
  auto made = RunCohortOffers(c.bundle, c.Rows(), out, *c.issuer, options);
  REQUIRE(made.ok());
  CHECK(made->offers == 3);
  CHECK(made->failures.empty());
  for (const char* id : {"T0001", "T0002", "T0003"}) {
    auto offer = ParseCredentialOffer(testing::ReadFile(out / (std::string(id) + ".offer.txt")));
    REQUIRE(offer.ok());
    CHECK(offer->credential_issuer == "https://issuer.test");
    CHECK(offer->tx_code);
    CHECK(testing::ReadFile(out / (std::string(id) + ".offer.png")).rfind("\x89PNG", 0) == 0);
    struct stat st {};
    REQUIRE(::stat((out / (std::string(id) + ".pin")).c_str(), &st) == 0);
    CHECK((st.st_mode & 077) == 0);
  }
  // T0001 passed every mandatory module: its offer carries the certification too.
  auto first = ParseCredentialOffer(testing::ReadFile(out / "T0001.offer.txt")).value();
  CHECK(first.credential_configuration_ids ==
        std::vector<std::string>{"ModuleCredential", "CertificationCredential"});
  auto again = RunCohortOffers(c.bundle, c.Rows(), out, *c.issuer, options);
  REQUIRE(again.ok());
  CHECK(again->offers == 0);
  CHECK(again->already_offered == 3);
  CHECK(c.RecordedOffers() == 3);
}

TEST_CASE("offers: files are written before the offer is recorded", "[issuer][batch][offers]") {
  Cohort c(2);
  testing::FailingEnv env;
  env.Fail(testing::Fault::kRename);
  OfferBatchOptions options;
  options.env = &env;
  auto made = RunCohortOffers(c.bundle, c.Rows(), c.tmp.path() / "out", *c.issuer, options);
  CHECK(made.status().code() == Code::kIOError);
  CHECK(c.RecordedOffers() == 0);  // nobody holds a code that works
  env.Heal();
  auto retried = RunCohortOffers(c.bundle, c.Rows(), c.tmp.path() / "out", *c.issuer, options);
  REQUIRE(retried.ok());
  CHECK(retried->offers == 2);
  CHECK(c.RecordedOffers() == 2);
}

}  // namespace
}  // namespace passerelle::batch
