// Passerelle — wiring a node together.
#include "issuer/http/node.h"

namespace passerelle::http {

Result<std::unique_ptr<NodeParts>> BuildNode(store::IssuerStore& store, SigningIdentity& signer,
                                             const std::filesystem::path& state_dir, NodeOptions options) {
  while (!options.public_base_url.empty() && options.public_base_url.back() == '/')
    options.public_base_url.pop_back();
  auto parts = std::make_unique<NodeParts>();
  PSL_ASSIGN_OR_RETURN(StatusListCache cache, StatusListCache::Open(state_dir / "verify-cache"));
  parts->verify_cache = std::make_unique<StatusListCache>(std::move(cache));
  parts->slots = std::make_unique<SlotPool>(store, 256);
  parts->committer = std::make_unique<GroupCommitter>(store);
  PublisherOptions publisher_options;
  publisher_options.suite = options.default_suite;
  publisher_options.public_base_url = options.public_base_url;
  parts->publisher = std::make_unique<StatusListPublisher>(store, signer, publisher_options);
  parts->node = Node{&store,
                     &signer,
                     parts->slots.get(),
                     parts->committer.get(),
                     parts->publisher.get(),
                     parts->verify_cache.get(),
                     std::move(options)};
  return parts;
}

}  // namespace passerelle::http
