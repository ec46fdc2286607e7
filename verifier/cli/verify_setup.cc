// Passerelle verifier CLI — options shared by `verify` and `recognise`.
#include "verifier/cli/verify_setup.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "cmdline/diagnostics.h"
#include "env/env.h"
#include "formats/json.h"
#include "keys/did_document.h"
#include "verifier/sync/did_web.h"
#include "verifier/sync/sync.h"
#include "verifier/sync/trust_sync.h"

namespace passerelle::cli {

Result<std::string> ReadInput(const std::string& file, std::istream& in, std::size_t max_bytes) {
  if (file != "-") return Env::Default().ReadFileBounded(file, max_bytes);
  std::string data(max_bytes + 1, '\0');  // never more than the cap plus one byte in memory
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  data.resize(static_cast<std::size_t>(in.gcount()));
  if (data.size() > max_bytes)
    return Status::ResourceExhausted("\"" + file + "\" is larger than " + std::to_string(max_bytes) + " bytes");
  return data;
}

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
