// Passerelle issuer CLI — the issuer service over a node with a register.
#include "issuer/cli/registered_issuer.h"

#include <iostream>

#include "formats/json.h"
#include "issuer/cli/node_setup.h"
#include "issuer/cli/unlock_issuer.h"

namespace passerelle::cli {

Result<std::unique_ptr<Issuer>> OpenRegisteredIssuer(const CommonIssuerArgs& common,
                                                     const std::optional<std::string>& public_url,
                                                     const std::string& verb, std::ostream& err) {
  PSL_ASSIGN_OR_RETURN(IssuerDir folder, OpenIssuerDir(common.dir));
  if (!store::IssuerStore::Exists(StoreDir(common.dir)))
    return Status::InvalidArgument(verb + " records each decision in the node's register, and \"" + common.dir +
                                   "\" has none: make the folder with issuer init --public-url URL, or run "
                                   "issuer serve on it once");
  std::string url;
  {
    // Settle the public URL, then close: the Issuer opens the store again.
    PSL_ASSIGN_OR_RETURN(auto opened, OpenNodeStore(common.dir));
    PSL_ASSIGN_OR_RETURN(url, ResolvePublicUrl(*opened, folder, public_url, err));
  }
  IssuerOptions options;
  options.public_url = url;
  options.slot_chunk = 8;
  return OpenCliIssuer(common, std::move(options));
}

Result<std::optional<nlohmann::json>> FindIssuedByKey(Issuer& issuer, const std::string& key) {
  PSL_ASSIGN_OR_RETURN(std::optional<std::string> id, issuer.FindByIdempotencyKey(key));
  if (!id) return std::optional<nlohmann::json>();
  PSL_ASSIGN_OR_RETURN(std::string document, issuer.FindDocument(*id));
  auto parsed = ParseJson(document);
  if (!parsed.ok()) return parsed.status().Annotate("the register's copy of " + *id);
  return std::optional<nlohmann::json>(std::move(*parsed));
}

}  // namespace passerelle::cli
