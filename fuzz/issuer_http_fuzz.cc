// Fuzz target: the issuer node's HTTP request handlers (issuer/http/routes.h)
// without sockets: a real issuer folder and LMDB store in a scratch folder,
// the real route table and access hook (tokens), requests from fuzz bytes
// (fuzz/http_input.h). Issuance signs and self-checks for real.
#include "fuzz/fuzz_support.h"
#include "fuzz/http_input.h"
#include "issuer/http/auth.h"
#include "issuer/http/node.h"
#include "issuer/http/routes.h"
#include "issuer/issuer_dir.h"
#include "issuer/service/issuer.h"
#include "issuer/store/store.h"
#include "keys/secret_bytes.h"

namespace {

struct IssuerNode {
  std::unique_ptr<passerelle::Issuer> issuer;
  std::unique_ptr<passerelle::http::NodeParts> parts;
  passerelle::http::Router router;
  passerelle::http::PreRouteHook hook;
  std::string token;
};

IssuerNode& Node() {
  using namespace passerelle;
  static IssuerNode* node = [] {
    auto* n = new IssuerNode;
    std::filesystem::path dir = fuzz::ScratchDir() / "node";
    InitOptions init;
    init.name = "Fuzz University";
    init.country = "FR";
    init.kdf = KdfParams{1, 8192};
    auto folder = InitIssuerDir(dir, init, SecretBytes::CopyFrom("fuzz passphrase").value());
    fuzz::Check(folder.ok(), "cannot create the fuzz issuer folder");
    IssuerOptions options;
    options.dir = dir;
    options.passphrase = SecretBytes::CopyFrom("fuzz passphrase").value();
    options.public_url = "https://issuer.example";
    options.list_suite = Cryptosuite::kEddsaJcs2022;
    auto issuer = OpenIssuer(std::move(options));
    fuzz::Check(issuer.ok(), "cannot open the fuzz issuer");
    n->issuer = std::move(issuer.value());
    http::NodeOptions node_options;
    node_options.default_suite = Cryptosuite::kEddsaJcs2022;
    auto parts = http::BuildNode(*n->issuer, dir / "store", node_options);
    fuzz::Check(parts.ok(), "cannot build the fuzz node");
    n->parts = std::move(parts.value());
    http::RegisterRoutes(n->router, n->parts->node, folder->did);
    n->hook = http::AccessHook(*n->issuer->store());
    n->token = n->issuer->store()->CreateToken({"admin"}, "fuzz", "fuzz", fuzz::FixedNow()).value();
    return n;
  }();
  return *node;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  IssuerNode& node = Node();
  http::HttpRequest request;
  if (!fuzz::ReadHttpRequest(fuzz::Text(data, size), node.token, &request)) return 0;
  (void)fuzz::Dispatch(node.router, node.hook, node.parts->node.options.max_body_bytes, std::move(request));
  return 0;
}
