// Tests for issuer/store/token_store.cc: API tokens shown once, stored hashed, checked exactly.
#include "issuer/store/store.h"

#include <set>

#include <catch2/catch.hpp>

#include "formats/digest.h"
#include "formats/status_list.h"
#include "tests/issuer/store/store_test_support.h"

namespace passerelle::store {
namespace {

using passerelle::testing::TempDir;
using testing::OpenStore;
using testing::Pending;

TEST_CASE("store: tokens are shown once, stored hashed, checked exactly", "[issuer][store]") {
  TempDir dir;
  auto store = OpenStore(dir);
  auto token = store->CreateToken({"status", "issue"}, "ci", "cli", Now());
  REQUIRE(token.ok());
  CHECK(token->rfind("psl_", 0) == 0);
  CHECK(token->size() == 4 + 16 + 1 + 43);
  auto rec = store->Authenticate(*token);
  REQUIRE(rec.ok());
  CHECK(rec->scopes == std::vector<std::string>{"issue", "status"});
  // The secret is nowhere in the store's record.
  auto tokens = store->ListTokens();
  REQUIRE(tokens.ok());
  REQUIRE(tokens->size() == 1);
  CHECK(EncodeTokenRecord((*tokens)[0]).find(token->substr(21)) == std::string::npos);

  std::string tampered = *token;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  CHECK(store->Authenticate(tampered).status().code() == Code::kPermissionDenied);
  CHECK(store->Authenticate("psl_").status().code() == Code::kPermissionDenied);
  CHECK(store->Authenticate("").status().code() == Code::kPermissionDenied);
  CHECK(store->CreateToken({"root"}, "", "cli", Now()).status().code() == Code::kInvalidArgument);

  REQUIRE(store->RevokeToken(rec->id, "cli", Now()).ok());
  CHECK(store->Authenticate(*token).status().code() == Code::kPermissionDenied);
  CHECK(store->VerifyAuditChain().ok());
}

}  // namespace
}  // namespace passerelle::store
