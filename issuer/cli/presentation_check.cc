// Passerelle issuer CLI — verifying a learner's presentation.
#include "issuer/cli/presentation_check.h"

#include <iostream>

#include "env/env.h"
#include "issuer/cli/commands.h"
#include "verifier/sync/did_web.h"
#include "verifier/sync/trust_sync.h"

namespace passerelle::cli {
namespace {

constexpr std::size_t kMaxPresentationBytes = 1 << 20;

Result<std::string> ReadBounded(const std::string& file, std::istream& in, std::size_t max_bytes) {
  if (file != "-") return Env::Default().ReadFileBounded(file, max_bytes);
  std::string data(max_bytes + 1, '\0');
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  data.resize(static_cast<std::size_t>(in.gcount()));
  if (data.size() > max_bytes)
    return Status::ResourceExhausted("standard input is larger than " + std::to_string(max_bytes) + " bytes");
  return data;
}

}  // namespace

Status SetUpPresentationCheck(const PresentationCheckArgs& args, PresentationCheck& check, std::ostream& err) {
  VerifyOptions& options = check.options;
  options.challenge = args.challenge;
  options.domain = args.domain;
  options.trusted_issuers = args.trust_issuers;
  if (args.status_cache) {
    auto cache = StatusListCache::Open(*args.status_cache);
    if (!cache.ok()) return cache.status().Annotate("--status-cache");
    check.cache.emplace(std::move(*cache));
    options.status_cache = &*check.cache;
    PSL_RETURN_IF_ERROR(LoadCachedDidDocuments(*args.status_cache, options.resolver).Annotate("--status-cache"));
  }
  // A list given without roots is its own anchor (as the wallet reads it).
  PSL_RETURN_IF_ERROR(
      AddTrustListFiles(check.registry, args.trust_roots, args.trust_lists, options.now, options.resolver));
  if (args.status_cache && !args.trust_roots.empty()) {
    std::vector<std::string> skipped;
    PSL_RETURN_IF_ERROR(LoadCachedTrustLists(*args.status_cache, check.registry, options.now, &skipped)
                            .Annotate("--status-cache"));
    for (const auto& s : skipped) Diag(err).Warning(s);
  }
  for (const auto& w : check.registry.warnings()) Diag(err).Warning(w);
  if (!args.trust_roots.empty() || !args.trust_lists.empty()) {
    check.registry.AddKeysTo(options.resolver);
    options.trust_registry = &check.registry;
  }
  return Status::Ok();
}

Result<CheckedPresentation> CheckPresentation(const PresentationCheckArgs& args, const PresentationCheck& check,
                                             std::istream& in) {
  auto text = ReadBounded(args.presentation, in, kMaxPresentationBytes);
  if (!text.ok()) return text.status().Annotate("\"" + args.presentation + "\"");
  auto presentation = ParsePresentation(*text);
  if (!presentation.ok()) return presentation.status().Annotate("\"" + args.presentation + "\"");
  if (!presentation->HasType("VerifiablePresentation"))
    return Status::Malformed("\"" + args.presentation +
                             "\" is not a presentation: the learner presents it with wallet present --challenge C");
  CheckedPresentation out;
  out.report = VerifyPresentation(*presentation, check.options);
  out.presentation = std::move(*presentation);
  return out;
}

std::vector<std::string> FailureReasons(const VerificationReport& report) {
  std::vector<std::string> out;
  for (const auto& e : report.errors) out.push_back(e.message);
  if (out.empty())
    for (const auto& c : report.checks)
      if (!c.ok) out.push_back(c.check + ": " + c.detail);
  if (out.empty())
    for (const auto& v : report.credentials)
      for (const auto& c : v.checks)
        if (!c.ok) out.push_back(v.id() + ": " + c.check + ": " + c.detail);
  if (out.empty() && !report.verified) out.push_back("the presentation did not verify");
  return out;
}

}  // namespace passerelle::cli
