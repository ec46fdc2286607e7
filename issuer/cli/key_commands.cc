// Passerelle issuer CLI — init, config, did, key rotate.
#include <iostream>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/terminal_text.h"
#include "issuer/cli/commands.h"
#include "issuer/cli/node_setup.h"
#include "issuer/cli/unlock_issuer.h"
#include "issuer/issuer_dir.h"
#include "keys/passphrase.h"

namespace passerelle::cli {

int RunInit(const InitArgs& args, std::ostream& out, std::ostream& err) {
  if (args.did_key && args.did_web) {
    Diag(err).Error("--did-key and --did can't be used together");
    return 2;
  }
  if (args.public_url) {
    Status url = CheckPublicUrl(*args.public_url);
    if (!url.ok()) {
      Diag(err).Error(url);
      return 2;
    }
  }
  auto passphrase = ObtainPassphrase({args.common.passphrase_file, true, "issuer key passphrase: "});
  if (!passphrase.ok()) {
    Diag(err).Error(passphrase.status());
    return 2;
  }
  InitOptions options;
  options.did_web = args.did_web;
  options.name = args.name;
  options.country = args.country;
  auto issuer = InitIssuerDir(args.common.dir, options, *passphrase);
  if (!issuer.ok()) {
    Diag(err).Error(issuer.status());
    return 2;
  }
  // With a public URL the node's store (register, status lists, tokens,
  // audit log) is created now, and `issuer issue` records what it signs and
  // gives it status entries; otherwise the first serve/batch/token creates it.
  if (args.public_url) {
    auto store = OpenNodeStore(args.common.dir);
    auto public_url = store.ok() ? ResolvePublicUrl(**store, *issuer, args.public_url, err)
                                 : Result<std::string>(store.status());
    if (!public_url.ok()) {
      Diag(err).Error(public_url.status());
      return 2;
    }
  }
  out << issuer->did << "\n";
  err << "issuer: created " << args.common.dir << " for " << issuer->did << "\n";
  Diag(err).Hint("partners verify your credentials with: verifier verify --trust-issuer " + issuer->did +
                 " CREDENTIAL.json");
  if (args.did_web)
    Diag(err).Hint("publish the DID document (issuer did --dir " + args.common.dir +
                   ") at https://HOST/.well-known/did.json, or run issuer serve");
  return 0;
}

int RunDid(const CommonIssuerArgs& args, std::ostream& out, std::ostream& err) {
  auto issuer = OpenIssuerDir(args.dir);
  if (!issuer.ok()) {
    Diag(err).Error(issuer.status());
    return 2;
  }
  out << DumpJsonPretty(DidDocumentToJson(issuer->Document())) << "\n";
  return 0;
}

int RunConfig(const ConfigArgs& args, std::ostream& out, std::ostream& err) {
  auto show = [&](const IssuerDir& d) {
    out << "did      " << d.did << "\n"
        << "name     " << SanitizeForTerminal(d.name.empty() ? "(none: credentials show the DID)" : d.name) << "\n"
        << "country  " << (d.country.empty() ? "(none)" : d.country) << "\n";
  };
  if (!args.name && !args.country) {
    auto issuer = OpenIssuerDir(args.common.dir);
    if (!issuer.ok()) {
      Diag(err).Error(issuer.status());
      return 2;
    }
    show(*issuer);
    return 0;
  }
  // Only the holder of the issuer's key changes what its credentials say.
  auto unlocked = UnlockIssuer(args.common);
  if (!unlocked.ok()) {
    Diag(err).Error(unlocked.status());
    return 2;
  }
  auto updated = UpdateIssuerProfile(unlocked->issuer, args.name, args.country);
  if (!updated.ok()) {
    Diag(err).Error(updated.status());
    return 2;
  }
  show(*updated);
  err << "issuer: updated " << args.common.dir << "; credentials issued from now on carry it (those issued before "
      << "keep what they were signed with)\n";
  Diag(err).Hint("a running issuer serve signs with it within a second; trust lists that name this body are "
                 "the accrediting authority's to update");
  return 0;
}

int RunKeyRotate(const CommonIssuerArgs& args, std::ostream& out, std::ostream& err) {
  auto issuer = OpenIssuerDir(args.dir);
  if (!issuer.ok()) {
    Diag(err).Error(issuer.status());
    return 2;
  }
  auto repairs = RepairIssuerDir(*issuer);
  if (!repairs.ok()) {
    Diag(err).Error(repairs.status());
    return 2;
  }
  for (const auto& note : *repairs) Diag(err).Warning(note);
  IssuerOptions options;
  options.store = StoreUse::kNone;  // a rotation changes issuer.json only
  auto node = OpenCliIssuer(args, std::move(options));
  if (!node.ok()) {
    Diag(err).Error(node.status());
    return 2;
  }
  auto rotated = (*node)->RotateKey();
  if (!rotated.ok()) {
    Diag(err).Error(rotated.status());
    return 2;
  }
  out << rotated->current_key().method_id << "\n";
  Diag(err).Hint("publish the new DID document (issuer did --dir " + args.dir +
                 "; a running issuer serve picks the new key up by itself); credentials signed with earlier keys "
                 "keep verifying");
  return 0;
}

}  // namespace passerelle::cli
