// Tests for issuer/store/store.cc: opening the store (the register, status,
// token and audit parts have their own files beside this one).
#include "issuer/store/store.h"

#include <catch2/catch.hpp>

#include "tests/issuer/store/store_test_support.h"

namespace passerelle::store {
namespace {

using passerelle::testing::TempDir;

using testing::OpenStore;

TEST_CASE("store: a store of another format is refused", "[issuer][store]") {
  TempDir dir;
  {
    auto store = OpenStore(dir);
    REQUIRE(store->PutSetting("format", "passerelle-issuer-store/v9").ok());
  }
  auto again = IssuerStore::Open(dir.path() / "store");
  CHECK(again.status().code() == Code::kMalformed);
}

}  // namespace
}  // namespace passerelle::store
