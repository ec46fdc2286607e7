// Passerelle issuer CLI — `issuer token create|list|revoke`.
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "issuer/cli/commands.h"
#include "issuer/cli/node_setup.h"

namespace passerelle::cli {

namespace {

// "--scope issue,status" and "--scope issue --scope status" both work.
std::vector<std::string> SplitScopes(const std::vector<std::string>& given) {
  std::vector<std::string> out;
  for (const auto& g : given) {
    std::stringstream ss(g);
    std::string part;
    while (std::getline(ss, part, ','))
      if (!part.empty()) out.push_back(part);
  }
  return out;
}

}  // namespace

int RunTokenCreate(const TokenCreateArgs& args, std::ostream& out, std::ostream& err) {
  auto issuer = OpenIssuerDir(args.common.dir);
  if (!issuer.ok()) {
    Diag(err).Error(issuer.status());
    return 2;
  }
  auto store = OpenNodeStore(args.common.dir);
  if (!store.ok()) {
    Diag(err).Error(store.status());
    return 2;
  }
  auto token = (*store)->CreateToken(SplitScopes(args.scopes), args.label, "cli", Now());
  if (!token.ok()) {
    Diag(err).Error(token.status());
    return 2;
  }
  out << *token << "\n";
  err << "issuer: this token is shown once; only its hash is kept. Use it as: Authorization: Bearer <token>\n";
  return 0;
}

int RunTokenList(const ListArgs& args, std::ostream& out, std::ostream& err) {
  if (!store::IssuerStore::Exists(StoreDir(args.common.dir))) {
    Diag(err).Error("\"" + args.common.dir + "\" has no store yet (issuer token create makes one)");
    return 2;
  }
  auto store = OpenNodeStore(args.common.dir);
  auto tokens = store.ok() ? (*store)->ListTokens() : Result<std::vector<store::TokenRecord>>(store.status());
  if (!tokens.ok()) {
    Diag(err).Error(tokens.status());
    return 2;
  }
  nlohmann::json all = nlohmann::json::array();
  for (const auto& t : *tokens) {
    if (args.json) {
      all.push_back({{"id", t.id}, {"scopes", t.scopes}, {"label", t.label},
                     {"created", FormatDateTime(t.created)}, {"revoked", t.revoked}});
      continue;
    }
    out << t.id << "  ";
    for (std::size_t i = 0; i < t.scopes.size(); ++i) out << (i ? "," : "") << t.scopes[i];
    out << "  " << FormatDateTime(t.created) << (t.revoked ? "  revoked" : "") << (t.label.empty() ? "" : "  " + t.label)
        << "\n";
  }
  if (args.json) out << DumpJsonPretty(all) << "\n";
  return 0;
}

int RunTokenRevoke(const TokenRevokeArgs& args, std::ostream& out, std::ostream& err) {
  auto store = OpenNodeStore(args.common.dir);
  Status s = store.ok() ? (*store)->RevokeToken(args.token_id, "cli", Now()) : store.status();
  if (!s.ok()) {
    Diag(err).Error(s);
    return 2;
  }
  err << "issuer: token " << args.token_id << " revoked\n";
  return 0;
}

}  // namespace passerelle::cli
