// Passerelle issuer CLI — `issuer publish --dir DIR --out FOLDER`.
#include <iostream>

#include <nlohmann/json.hpp>

#include "env/env.h"
#include "formats/json.h"
#include "issuer/cli/commands.h"
#include "issuer/cli/node_setup.h"
#include "issuer/cli/unlock_issuer.h"
#include "issuer/service/publication.h"

namespace passerelle::cli {

int RunPublish(const PublishArgs& args, std::ostream& out, std::ostream& err) {
  auto fail = [&](const Status& s) {
    Diag(err).Error(s);
    return 2;
  };
  auto folder = OpenIssuerDir(args.common.dir);
  if (!folder.ok()) return fail(folder.status());
  std::optional<std::string> trust_list;
  if (args.trust_list) {
    auto text = Env::Default().ReadFileBounded(*args.trust_list, 8u << 20);
    if (!text.ok()) return fail(text.status().Annotate("--trust-list"));
    trust_list = std::move(*text);
  }
  IssuerOptions options;
  options.store = StoreUse::kOpenIfExists;
  std::unique_ptr<Issuer> node;
  if (store::IssuerStore::Exists(StoreDir(args.common.dir))) {
    // Status lists are signed documents: publishing them needs the key.
    auto store = OpenNodeStore(args.common.dir);
    if (!store.ok()) return fail(store.status());
    auto url = ResolvePublicUrl(**store, *folder, std::nullopt, err);
    if (!url.ok()) {
      Diag(err).Error(url.status());
      Diag(err).Hint("status lists live under the node's public URL: issuer init --public-url URL");
      return 2;
    }
    store->reset();
    options.public_url = *url;
    auto opened = OpenCliIssuer(args.common, std::move(options));
    if (!opened.ok()) return fail(opened.status());
    node = std::move(*opened);
  } else {
    // No register: only the DID document (and a trust list); nothing to sign.
    options.dir = args.common.dir;
    auto opened = OpenIssuer(std::move(options));
    if (!opened.ok()) return fail(opened.status());
    node = std::move(*opened);
  }
  auto files = PublishDocuments(*node, args.out, trust_list);
  if (!files.ok()) return fail(files.status());
  std::size_t changed = 0;
  nlohmann::json report = nlohmann::json::array();
  for (const auto& f : *files) {
    changed += f.changed ? 1 : 0;
    if (args.json) report.push_back({{"path", f.path}, {"changed", f.changed}});
    else out << f.path << (f.changed ? ": written" : ": unchanged") << "\n";
  }
  if (args.json) out << DumpJsonPretty(report) << "\n";
  err << "issuer: " << files->size() << " documents in " << args.out << ", " << changed << " written\n";
  return 0;
}

}  // namespace passerelle::cli
