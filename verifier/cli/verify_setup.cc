// Passerelle verifier CLI — options shared by `verify` and `recognise`.
#include "verifier/cli/verify_setup.h"

#include <cstdlib>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cmdline/diagnostics.h"
#include "env/env.h"
#include "formats/duration.h"
#include "formats/json.h"
#include "keys/did_document.h"
#include "verifier/bundle.h"
#include "verifier/sync/did_web.h"
#include "verifier/sync/sync.h"
#include "verifier/sync/trust_sync.h"

namespace passerelle::cli {

VerificationSetup::~VerificationSetup() {
  if (bundle_dir) {
    std::error_code ec;
    std::filesystem::remove_all(*bundle_dir, ec);
  }
}

namespace {

// A fresh folder only this user can read or write, for an unpacked bundle.
Result<std::filesystem::path> PrivateTempDir() {
  std::error_code ec;
  std::string tmpl = (std::filesystem::temp_directory_path(ec) / "passerelle-bundle-XXXXXX").string();
  if (ec) return Status::IOError("no temporary folder: " + ec.message());
  if (mkdtemp(tmpl.data()) == nullptr) return Status::IOError("cannot create \"" + tmpl + "\"");
  return std::filesystem::path(tmpl);
}

// Loads --bundle after the roots: every document checked, then unpacked.
int SetUpBundle(const VerifyArgs& args, std::istream& in, const cmdline::Diagnostics& diag, VerificationSetup& setup) {
  if (args.status_cache) {
    diag.Error("--bundle and --status-cache: give one of them");
    return 2;
  }
  if (args.trust_roots.empty()) {
    diag.Error("--bundle: its documents are checked against trust roots, and none was given");
    diag.Hint("give the root list the bundle's trust lists chain to: --trust-root root.json --bundle " + *args.bundle);
    return 2;
  }
  auto text = ReadInput(*args.bundle, in, kMaxBundleBytes);
  auto dir = text.ok() ? PrivateTempDir() : Result<std::filesystem::path>(text.status());
  if (!dir.ok()) {
    diag.Error("--bundle \"" + *args.bundle + "\"", dir.status());
    return 2;
  }
  setup.bundle_dir = *dir;
  auto cache = StatusListCache::Open(*dir);
  auto loaded = cache.ok() ? LoadBundle(*text, setup.registry, *cache, setup.options.now)
                           : Result<BundleCounts>(cache.status());
  if (!loaded.ok()) {
    diag.Error("--bundle \"" + *args.bundle + "\"", loaded.status());
    diag.Hint("the bundle is refused whole; make a new one with verifier bundle on the syncing machine");
    return 2;
  }
  setup.cache.emplace(std::move(*cache));
  setup.options.status_cache = &*setup.cache;
  return 0;
}

}  // namespace

int SetUpVerification(const VerifyArgs& args, std::istream& in, std::ostream& err, VerificationSetup& setup) {
  const cmdline::Diagnostics diag("verifier", err);
  VerifyOptions& options = setup.options;
  if (args.at) {
    auto t = ParseDateTime(*args.at);
    if (!t.ok()) {
      diag.Error("--at \"" + *args.at + "\"", t.status());
      return 2;
    }
    options.now = *t;
  }
  for (auto [flag, text, field] : {std::tuple{"--max-status-age", &args.max_status_age, &options.max_status_age_seconds},
                                   std::tuple{"--max-trust-age", &args.max_trust_age, &options.max_trust_age_seconds}}) {
    auto seconds = ParseDuration(*text);
    if (!seconds.ok()) {
      diag.Error(flag, seconds.status());
      return 2;
    }
    *field = *seconds;
  }
  options.trusted_issuers = args.trust_issuers;
  options.challenge = args.challenge;
  options.domain = args.domain;
  for (const auto& f : args.did_documents) {
    auto text = ReadInput(f, in);
    if (!text.ok()) {
      diag.Error("--did-document", text.status());
      return 2;
    }
    auto parsed = ParseJson(*text);
    auto doc = parsed.ok() ? ParseDidDocument(*parsed) : Result<DidDocument>(parsed.status());
    if (!doc.ok()) {
      diag.Error("--did-document \"" + f + "\"", doc.status());
      return 2;
    }
    options.resolver.Add(std::move(*doc));
  }
  if (args.status_cache) {
    auto c = StatusListCache::Open(*args.status_cache);
    if (!c.ok()) {
      diag.Error("--status-cache", c.status());
      return 2;
    }
    for (const auto& repair : c->repairs()) diag.Warning(repair);
    setup.cache.emplace(std::move(*c));
    options.status_cache = &*setup.cache;
    // The did:web documents `verifier sync` stored beside the lists.
    Status dids = LoadCachedDidDocuments(*args.status_cache, options.resolver);
    if (!dids.ok()) {
      diag.Error("--status-cache", dids);
      return 2;
    }
  }
  // Trust lists: roots first (anchors), then the lists they vouch for.
  auto load_lists = [&](const std::vector<std::string>& files, bool roots) -> bool {
    for (const auto& f : files) {
      auto text = ReadInput(f, in, kMaxTrustListFileBytes);
      Status added = !text.ok() ? text.status()
                     : roots    ? setup.registry.AddRoot(*text, f, options.now, options.resolver)
                                : setup.registry.AddList(*text, f, options.now, options.resolver);
      if (!added.ok()) {
        diag.Error(roots ? "--trust-root" : "--trust-list", added);
        if (!roots && added.code() == Code::kUntrustedIssuer)
          diag.Hint("give the root list naming the authority that signed it with --trust-root");
        if (added.code() == Code::kExpired)
          diag.Hint("fetch the current list from its authority");
        return false;
      }
    }
    return true;
  };
  if (!load_lists(args.trust_roots, true) || !load_lists(args.trust_lists, false)) return 2;
  if (args.bundle)
    if (int rc = SetUpBundle(args, in, diag, setup); rc != 0) return rc;
  // Trust lists `verifier sync --trust-root` cached, checked again now.
  if (args.status_cache && !args.trust_roots.empty()) {
    std::vector<std::string> skipped;
    Status cached = LoadCachedTrustLists(*args.status_cache, setup.registry, options.now, &skipped);
    if (!cached.ok()) {
      diag.Error("--status-cache", cached);
      return 2;
    }
    for (const auto& s : skipped) diag.Warning(s);
  }
  for (const auto& w : setup.registry.warnings()) diag.Warning(w);
  if (!args.trust_roots.empty() || !args.trust_lists.empty()) {
    setup.registry.AddKeysTo(options.resolver);
    options.trust_registry = &setup.registry;
  }
  return 0;
}

}  // namespace passerelle::cli
