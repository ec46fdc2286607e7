// Passerelle wallet CLI — `wallet import FILE|-|URL`.
#include <istream>
#include <iterator>
#include <ostream>

#include "env/env.h"
#include "formats/terminal_text.h"
#include "http/client.h"
#include "verifier/status_cache.h"
#include "wallet-cli/commands/commands.h"
#include "wallet-cli/commands/common.h"
#include "wallet-cli/import_check.h"
#include "wallet-cli/language.h"

namespace passerelle::wallet::cli {

namespace {

constexpr std::size_t kMaxImportBytes = 512 * 1024;

Result<std::string> ReadSource(const std::string& source, std::istream& in) {
  if (source == "-") {
    std::string data;
    char buf[8192];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
      data.append(buf, static_cast<std::size_t>(in.gcount()));
      if (data.size() > kMaxImportBytes)
        return Status::ResourceExhausted("standard input is larger than " + std::to_string(kMaxImportBytes) + " bytes");
    }
    return data;
  }
  if (http::IsHttpUrl(source)) {
    http::GetOptions options;
    options.timeout_seconds = 15;
    options.max_bytes = kMaxImportBytes;
    options.accept = "application/vc+ld+json, application/json";
    return http::GetBody(source, options);
  }
  return Env::Default().ReadFileBounded(source, kMaxImportBytes);
}

}  // namespace

int RunImport(const ImportArgs& args, std::istream& in, std::ostream& out, std::ostream& err) {
  std::optional<StatusListCache> cache;
  if (args.status_cache) {
    auto c = StatusListCache::Open(*args.status_cache);
    if (!c.ok()) return Fail(err, c.status().Annotate("--status-cache"));
    cache.emplace(std::move(*c));
  }
  auto wallet = OpenWallet(args.common, LockMode::kExclusive, err);
  if (!wallet.ok()) return Fail(err, wallet.status());
  auto resolver = LoadIssuerKeys(wallet->store, args.keys);
  if (!resolver.ok()) return Fail(err, resolver.status());
  auto bytes = ReadSource(args.source, in);
  if (!bytes.ok()) return Fail(err, bytes.status().Annotate("import"));

  VerifyOptions options;
  options.resolver = *resolver;
  options.status_cache = cache ? &*cache : nullptr;
  std::string name = args.source == "-" ? "standard input" : "\"" + args.source + "\"";
  // Keep the issuer's keys the holder gave, so show, present and qr verify
  // this credential offline without them.
  auto keep_keys = [&](const ImportCheck& check) {
    if (Status kept = KeepIssuerKeys(wallet->store, args.keys, *resolver, check.summary.issuer_id); !kept.ok())
      Diag(err).Warning(kept.message() + ": give the same --did-document or --trust-list to present it");
  };
  return ImportVerified(*wallet, *bytes, std::move(options), name, args.source == "-" ? "stdin" : args.source, out,
                        err, nullptr, keep_keys);
}

int ImportVerified(OpenedWallet& wallet, const std::string& bytes, VerifyOptions options, const std::string& name,
                   const std::string& origin, std::ostream& out, std::ostream& err, std::set<std::string>* shown,
                   const std::function<void(const ImportCheck&)>& stored) {
  ImportCheck check = CheckForImport(bytes, wallet.store.holder_did(), std::move(options));
  if (!check.accepted) {
    Diag(err).Error("refused " + name + ": " + (check.malformed ? "it is not a credential" : "it does not verify"));
    for (const auto& r : check.refusals) Diag(err).Error(r);
    for (const auto& h : check.hints) Diag(err).Hint(h);
    return check.malformed ? 2 : 1;
  }
  auto duplicate = wallet.store.FindDuplicate(bytes);
  if (!duplicate.ok()) return Fail(err, duplicate.status());
  if (*duplicate != nullptr) {
    Diag(err).Warning("already in the wallet as " + ShortId(**duplicate) + ": nothing imported");
    out << ShortId(**duplicate) << "\n";
    return 0;
  }
  for (const auto& w : check.warnings)
    if (shown == nullptr || shown->insert(w).second) Diag(err).Warning(w);
  auto entry = wallet.store.Add(bytes, check.summary, origin);
  if (!entry.ok()) return Fail(err, entry.status());
  if (stored) stored(check);
  LocalizedText title = PickText(check.summary.title, PreferredLanguage());
  out << ShortId(*entry) << "\n";
  err << "wallet: imported " << check.summary.kind << " credential "
      << SanitizeForTerminal(title.text.empty() ? "(untitled)" : "\"" + title.text + "\"") << " as "
      << ShortId(*entry) << "\n";
  return 0;
}

}  // namespace passerelle::wallet::cli
