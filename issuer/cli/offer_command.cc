// Passerelle issuer CLI — `issuer offer`: one OID4VCI offer instead of a
// signed credential (the credential is signed when the learner claims it).
#include <iostream>

#include <nlohmann/json.hpp>

#include "issuer/batch/offers.h"
#include "issuer/cli/commands.h"
#include "issuer/cli/node_setup.h"
#include "issuer/cli/offer_output.h"
#include "issuer/cli/unlock_issuer.h"
#include "issuer/service/claims.h"

namespace passerelle::cli {

int RunOfferFor(const IssueArgs& args, Cryptosuite suite, const std::string& programme, const std::string& module,
                nlohmann::json credential, std::ostream& out, std::ostream& err) {
  auto fail = [&](const Status& s, int code) {
    Diag(err).Error(s);
    return code;
  };
  auto lifetime = ParseOfferLifetime(args.offer_expires_in);
  if (!lifetime.ok()) return fail(lifetime.status(), 2);
  auto folder = OpenIssuerDir(args.common.dir);
  if (!folder.ok()) return fail(folder.status(), 2);
  auto opened = OpenNodeStore(args.common.dir);
  if (!opened.ok()) return fail(opened.status(), 2);
  auto url = ResolvePublicUrl(**opened, *folder, args.public_url, err);
  if (!url.ok()) {
    Diag(err).Error(url.status());
    Diag(err).Hint("an offer names the node wallets claim from: give --public-url URL (where issuer serve is reached)");
    return 2;
  }
  opened->reset();
  IssuerOptions options;
  options.public_url = *url;
  options.slot_chunk = 1;
  auto node = OpenCliIssuer(args.common, std::move(options));
  if (!node.ok()) return fail(node.status(), 2);
  OfferRequest request;
  request.credentials.push_back(std::move(credential));
  request.modules.push_back(module);
  request.programme = programme;
  request.suite = suite;
  request.lifetime_seconds = *lifetime;
  request.with_pin = args.offer_pin;
  request.actor = "cli";
  std::filesystem::path dir = *args.offer_out;
  request.deliver = [&](const CreatedOffer& made) -> Status {
    PSL_ASSIGN_OR_RETURN(std::string png, RenderOfferPng(made.uri));
    return batch::WriteOfferFiles(Env::Default(), dir, made.offer_id, made.uri, png, made.pin);
  };
  auto made = CreateOffer(**node, std::move(request));
  if (!made.ok()) return fail(made.status(), made.status().code() == Code::kInvalidCredential ? 1 : 2);
  out << made->offer_id << "\n";
  std::string base = (dir / made->offer_id).string();
  err << "issuer: offer " << made->offer_id << " expires " << FormatDateTime(made->expires) << ": " << base
      << ".offer.txt (the URI), " << base << ".offer.png (its QR code)";
  if (!made->pin.empty()) err << ", " << base << ".pin (send the PIN separately)";
  err << "\n";
  Diag(err).Hint("the learner claims it with: wallet claim " + base + ".offer.png --pin PIN, while issuer serve runs at " +
                 *url);
  return 0;
}

}  // namespace passerelle::cli
