// Passerelle issuer CLI — init, did, key rotate.
#include <iostream>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "issuer/cli/commands.h"
#include "issuer/cli/node_setup.h"
#include "issuer/cli/unlock_issuer.h"
#include "issuer/issuer_dir.h"
#include "keys/passphrase.h"

namespace passerelle::cli {

int RunInit(const InitArgs& args, std::ostream& out, std::ostream& err) {
  if (args.did_key && args.did_web) {
    err << "issuer: error: --did-key and --did can't be used together\n";
    return 2;
  }
  if (args.public_url) {
    Status url = CheckPublicUrl(*args.public_url);
    if (!url.ok()) {
      err << "issuer: error: " << url.message() << "\n";
      return 2;
    }
  }
  auto passphrase = ObtainPassphrase({args.common.passphrase_file, true, "issuer key passphrase: "});
  if (!passphrase.ok()) {
    err << "issuer: error: " << passphrase.status().message() << "\n";
    return 2;
  }
  InitOptions options;
  options.did_web = args.did_web;
  options.name = args.name;
  options.country = args.country;
  auto issuer = InitIssuerDir(args.common.dir, options, *passphrase);
  if (!issuer.ok()) {
    err << "issuer: error: " << issuer.status().message() << "\n";
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
      err << "issuer: error: " << public_url.status().message() << "\n";
      return 2;
    }
  }
  out << issuer->did << "\n";
  err << "issuer: created " << args.common.dir << " for " << issuer->did << "\n"
      << "issuer: hint: partners verify your credentials with: verifier verify --trust-issuer "
      << issuer->did << " CREDENTIAL.json\n";
  if (args.did_web)
    err << "issuer: hint: publish the DID document (issuer did --dir " << args.common.dir
        << ") at https://HOST/.well-known/did.json, or run issuer serve\n";
  return 0;
}

int RunDid(const CommonIssuerArgs& args, std::ostream& out, std::ostream& err) {
  auto issuer = OpenIssuerDir(args.dir);
  if (!issuer.ok()) {
    err << "issuer: error: " << issuer.status().message() << "\n";
    return 2;
  }
  out << DumpJsonPretty(DidDocumentToJson(issuer->Document())) << "\n";
  return 0;
}

int RunKeyRotate(const CommonIssuerArgs& args, std::ostream& out, std::ostream& err) {
  auto issuer = OpenIssuerDir(args.dir);
  if (!issuer.ok()) {
    err << "issuer: error: " << issuer.status().message() << "\n";
    return 2;
  }
  IssuerOptions options;
  options.store = StoreUse::kNone;  // a rotation changes issuer.json only
  auto node = OpenCliIssuer(args, std::move(options));
  if (!node.ok()) {
    err << "issuer: error: " << node.status().message() << "\n";
    return 2;
  }
  auto rotated = (*node)->RotateKey();
  if (!rotated.ok()) {
    err << "issuer: error: " << rotated.status().message() << "\n";
    return 2;
  }
  out << rotated->current_key().method_id << "\n";
  err << "issuer: hint: publish the new DID document (issuer did --dir " << args.dir
      << "; a running issuer serve picks the new key up by itself); credentials signed with earlier keys "
         "keep verifying\n";
  return 0;
}

}  // namespace passerelle::cli
