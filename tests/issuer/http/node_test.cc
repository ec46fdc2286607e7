// Tests for issuer/http/node.cc: BuildNode wires a node over an Issuer that
// can serve (store, key, public URL) and refuses one that cannot.
#include "issuer/http/node.h"

#include <catch2/catch.hpp>

#include <fstream>

#include "tests/issuer/issuer_test_support.h"

namespace passerelle {
namespace {

namespace fs = std::filesystem;
using testing::MakeIssuerDir;
using testing::TempDir;

std::unique_ptr<Issuer> Open(const fs::path& dir, std::string public_url, bool with_key, StoreUse store) {
  IssuerOptions options;
  options.dir = dir;
  if (with_key) options.passphrase = testing::TestPassphrase();
  options.public_url = std::move(public_url);
  options.store = store;
  options.key_recheck = std::chrono::milliseconds(0);
  return std::move(OpenIssuer(std::move(options)).value());
}

TEST_CASE("node: built over a serving issuer, with its options and a verify cache of its own", "[issuer][http]") {
  TempDir tmp;
  MakeIssuerDir(tmp.path() / "node");
  auto issuer = Open(tmp.path() / "node", "https://issuer.test", true, StoreUse::kOpenOrCreate);
  http::NodeOptions options;
  options.default_suite = Cryptosuite::kEddsaJcs2022;
  options.max_body_bytes = 4096;
  auto parts = http::BuildNode(*issuer, tmp.path() / "state", options);
  INFO(parts.status().ToString());
  REQUIRE(parts.ok());
  const http::Node& node = (*parts)->node;
  CHECK(node.issuer == issuer.get());
  CHECK(node.verify_cache == (*parts)->verify_cache.get());
  REQUIRE(node.verify_cache != nullptr);
  CHECK(node.options.default_suite == Cryptosuite::kEddsaJcs2022);
  CHECK(node.options.max_body_bytes == 4096);
  // The verify cache lives under the state folder.
  CHECK(fs::is_directory(tmp.path() / "state" / "verify-cache"));
}

TEST_CASE("node: an issuer without its store, key or public URL cannot serve", "[issuer][http]") {
  TempDir tmp;
  MakeIssuerDir(tmp.path() / "node");
  const fs::path state = tmp.path() / "state";
  SECTION("no public URL") {
    auto issuer = Open(tmp.path() / "node", "", true, StoreUse::kOpenOrCreate);
    CHECK(http::BuildNode(*issuer, state, {}).status().code() == Code::kInvalidArgument);
  }
  SECTION("no key") {
    auto issuer = Open(tmp.path() / "node", "https://issuer.test", false, StoreUse::kOpenOrCreate);
    CHECK(http::BuildNode(*issuer, state, {}).status().code() == Code::kInvalidArgument);
  }
  SECTION("no store") {
    auto issuer = Open(tmp.path() / "node", "https://issuer.test", true, StoreUse::kNone);
    CHECK(http::BuildNode(*issuer, state, {}).status().code() == Code::kInvalidArgument);
  }
  // Nothing was created for a node that was refused.
  CHECK_FALSE(fs::exists(state));
}

TEST_CASE("node: a state folder that cannot hold the verify cache is an I/O error", "[issuer][http]") {
  TempDir tmp;
  MakeIssuerDir(tmp.path() / "node");
  auto issuer = Open(tmp.path() / "node", "https://issuer.test", true, StoreUse::kOpenOrCreate);
  std::ofstream(tmp.path() / "a-file") << "not a folder";
  auto parts = http::BuildNode(*issuer, tmp.path() / "a-file", {});
  CHECK(parts.status().code() == Code::kIOError);
}

}  // namespace
}  // namespace passerelle
