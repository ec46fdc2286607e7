// Passerelle — wiring a node together.
#include "issuer/http/node.h"

namespace passerelle::http {

Result<std::unique_ptr<NodeParts>> BuildNode(Issuer& issuer, const std::filesystem::path& state_dir,
                                             NodeOptions options) {
  if (!issuer.has_store() || !issuer.can_sign() || issuer.public_url().empty())
    return Status::InvalidArgument("an issuer node needs its store, its key and a public URL");
  auto parts = std::make_unique<NodeParts>();
  PSL_ASSIGN_OR_RETURN(StatusListCache cache, StatusListCache::Open(state_dir / "verify-cache"));
  parts->verify_cache = std::make_unique<StatusListCache>(std::move(cache));
  parts->node = Node{&issuer, parts->verify_cache.get(), std::move(options)};
  return parts;
}

}  // namespace passerelle::http
