// Passerelle wallet CLI — `wallet claim OFFER [--pin PIN]`: the wallet side
// of OpenID for Verifiable Credential Issuance 1.0, pre-authorized code
// flow (docs/claiming.md). Reads the offer (URI, QR image, text file or
// stdin), fetches the issuer's metadata, exchanges the code and PIN for an
// access token, proves possession of the holder key with a `jwt` key proof
// over a fresh c_nonce, and verifies each returned credential fully before
// storing it (ImportVerified, as `wallet import` does). The PIN and tokens
// are never printed.
#include <algorithm>
#include <istream>
#include <set>
#include <ostream>

#include <nlohmann/json.hpp>

#include "env/env.h"
#include "formats/credential_offer.h"
#include "formats/json.h"
#include "http/client.h"
#include "keys/key_proof.h"
#include "verifier/qr/qr_scan.h"
#include "wallet-cli/commands/commands.h"
#include "wallet-cli/commands/common.h"

namespace passerelle::wallet::cli {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxResponseBytes = 1u << 20;

bool HasImageMagic(std::string_view bytes) {
  return bytes.rfind("\x89PNG", 0) == 0 || bytes.rfind("\xff\xd8\xff", 0) == 0;
}

// The offer text from a URI, a QR image, a text file or "-".
Result<std::string> ReadOffer(const std::string& source, std::istream& in) {
  if (source == "-") {
    std::string data;
    char buf[4096];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
      data.append(buf, static_cast<std::size_t>(in.gcount()));
      if (data.size() > kMaxCredentialOfferBytes)
        return Status::ResourceExhausted("standard input: longer than an offer can be");
    }
    return data;
  }
  if (source.rfind(kCredentialOfferScheme, 0) == 0 || source.rfind("{", 0) == 0) return source;
  PSL_ASSIGN_OR_RETURN(std::string bytes, Env::Default().ReadFileBounded(source, 16u << 20));
  if (HasImageMagic(bytes)) {
    auto text = qr::ReadQrCodeFile(source);
    if (!text.ok()) return text.status().Annotate("the QR code in \"" + source + "\"");
    return *text;
  }
  if (bytes.size() > kMaxCredentialOfferBytes)
    return Status::ResourceExhausted("\"" + source + "\": longer than an offer can be");
  return bytes;
}

http::GetOptions Options() {
  http::GetOptions o;
  o.timeout_seconds = 20;
  o.max_bytes = kMaxResponseBytes;
  return o;
}

// The JSON object of a response, or an error naming the URL.
Result<json> JsonOf(const http::GetResponse& r) {
  auto parsed = ParseJson(r.body, JsonLimits{kMaxResponseBytes, 32});
  if (!parsed.ok() || !parsed->is_object())
    return Status::Malformed(r.url + ": HTTP " + std::to_string(r.status) + ", not a JSON object");
  return parsed;
}

std::string Member(const json& o, const char* name) {
  const json* m = FindMember(o, name);
  return m != nullptr && m->is_string() ? m->get<std::string>() : std::string();
}

// An endpoint from metadata: must live under the credential issuer.
Result<std::string> Endpoint(const json& metadata, const char* name, const std::string& issuer, const std::string& fallback) {
  std::string url = Member(metadata, name);
  if (url.empty()) {
    if (fallback.empty()) return Status::Malformed("the issuer's metadata names no " + std::string(name));
    return fallback;
  }
  if (url.rfind(issuer + "/", 0) != 0)
    return Status::VerificationFailed("the issuer's " + std::string(name) + " \"" + url.substr(0, 100) +
                                      "\" is not under " + issuer);
  return url;
}

std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string body;
  for (const auto& [k, v] : params) body += (body.empty() ? "" : "&") + PercentEncode(k) + "=" + PercentEncode(v);
  return body;
}

}  // namespace

int RunClaim(const ClaimArgs& given, std::istream& in, std::ostream& out, std::ostream& err) {
  ClaimArgs args = given;
  if (args.pin_file) {
    auto text = Env::Default().ReadFileBounded(*args.pin_file, 256);
    if (!text.ok()) return Fail(err, text.status().Annotate("--pin-file"));
    std::string pin = text->substr(0, text->find_first_of("\r\n"));
    args.pin = std::move(pin);
  }
  auto text = ReadOffer(args.offer, in);
  if (!text.ok()) return Fail(err, text.status().Annotate("claim"));
  auto offer = ParseCredentialOffer(*text);
  if (!offer.ok()) {
    Diag(err).Error(offer.status().Annotate("claim"));
    Diag(err).Hint("give the offer as the issuer sent it: the openid-credential-offer:// URI, its QR image, or the "
                   ".offer.txt file");
    return 2;
  }
  if (offer->tx_code && !args.pin) {
    Diag(err).Error("this offer needs the PIN the issuer sent you separately");
    Diag(err).Hint("wallet claim " + args.offer + " --pin PIN");
    return 2;
  }
  if (args.pin && offer->tx_code && offer->tx_code->input_mode == "numeric") {
    bool digits = !args.pin->empty() && args.pin->size() <= 64;
    for (char c : *args.pin) digits = digits && c >= '0' && c <= '9';
    if (!digits || (offer->tx_code->length > 0 && args.pin->size() != static_cast<std::size_t>(offer->tx_code->length))) {
      Diag(err).Error("--pin: the issuer's PIN is " + std::to_string(offer->tx_code->length) + " digits");
      return 2;
    }
  }
  auto wallet = OpenWallet(args.common, LockMode::kExclusive, err);
  if (!wallet.ok()) return Fail(err, wallet.status());
  auto resolver = LoadIssuerKeys(wallet->store, args.keys);
  if (!resolver.ok()) return Fail(err, resolver.status());
  auto holder_key = wallet->store.HolderKey(wallet->passphrase);
  if (!holder_key.ok()) return Fail(err, holder_key.status());
  const std::string& issuer = offer->credential_issuer;

  auto unreachable = [&](const Status& s) {
    Diag(err).Error(s.Annotate("claim: the issuer " + issuer + " could not be reached"));
    Diag(err).Hint("check your connection, or ask the issuer whether its node is running");
    return 2;
  };
  // 1. Metadata (credential issuer, then its authorization server).
  auto meta_response = http::Get(issuer + "/.well-known/openid-credential-issuer", Options());
  if (!meta_response.ok()) return unreachable(meta_response.status());
  if (meta_response->status != 200)
    return unreachable(Status::IOError("metadata: HTTP " + std::to_string(meta_response->status)));
  auto metadata = JsonOf(*meta_response);
  if (!metadata.ok()) return Fail(err, metadata.status().Annotate("claim"));
  if (Member(*metadata, "credential_issuer") != issuer)
    return Fail(err, Status::VerificationFailed("claim: the metadata at " + issuer + " names another credential issuer"));
  auto credential_endpoint = Endpoint(*metadata, "credential_endpoint", issuer, "");
  auto nonce_endpoint = Endpoint(*metadata, "nonce_endpoint", issuer, "");
  if (!credential_endpoint.ok()) return Fail(err, credential_endpoint.status().Annotate("claim"));
  if (!nonce_endpoint.ok()) return Fail(err, nonce_endpoint.status().Annotate("claim"));
  std::string token_endpoint = issuer + "/token";
  if (auto as = http::Get(issuer + "/.well-known/oauth-authorization-server", Options()); as.ok() && as->status == 200) {
    if (auto as_json = JsonOf(*as); as_json.ok()) {
      auto t = Endpoint(*as_json, "token_endpoint", issuer, token_endpoint);
      if (!t.ok()) return Fail(err, t.status().Annotate("claim"));
      token_endpoint = *t;
    }
  }

  // 2. The token: the pre-authorized code and the PIN.
  std::vector<std::pair<std::string, std::string>> form = {{"grant_type", std::string(kPreAuthorizedGrant)},
                                                           {"pre-authorized_code", offer->pre_authorized_code}};
  if (args.pin) form.emplace_back("tx_code", *args.pin);
  http::PostRequest token_request{"application/x-www-form-urlencoded", FormEncode(form), {}};
  auto token_response = http::Post(token_endpoint, token_request, Options());
  if (!token_response.ok()) return unreachable(token_response.status());
  auto token_json = JsonOf(*token_response);
  if (!token_json.ok()) return Fail(err, token_json.status().Annotate("claim: token"));
  if (token_response->status != 200) {
    std::string error = Member(*token_json, "error"), state = Member(*token_json, "offer_state");
    std::string description = Member(*token_json, "error_description");
    const json* tries = FindMember(*token_json, "tx_code_tries_left");
    if (state == "expired") {
      Diag(err).Error("claim: the offer has expired");
      Diag(err).Hint("ask the issuer for a new offer");
    } else if (state == "used") {
      Diag(err).Error("claim: the offer was already claimed (an offer works once)");
      Diag(err).Hint("if it was not you, tell the issuer");
    } else if (state == "locked") {
      Diag(err).Error("claim: the offer is locked after too many wrong PINs");
      Diag(err).Hint("ask the issuer for a new offer");
    } else if (tries != nullptr && tries->is_number_integer()) {
      Diag(err).Error("claim: wrong PIN: " + std::to_string(tries->get<int>()) + " tries left");
      Diag(err).Hint("check the PIN the issuer sent you separately");
    } else {
      Diag(err).Error("claim: the issuer refused the offer: " + (error.empty() ? "HTTP " + std::to_string(token_response->status) : error) +
                      (description.empty() ? "" : ": " + description));
    }
    return 1;
  }
  std::string access_token = Member(*token_json, "access_token");
  if (access_token.empty()) return Fail(err, Status::Malformed("claim: the token response has no access_token"));

  // 3. One credential request per configuration offered, each with a fresh nonce.
  int worst = 0;
  std::size_t stored = 0;
  std::set<std::string> shown;  // warnings, each printed once
  for (const std::string& configuration : offer->credential_configuration_ids) {
    auto nonce_response = http::Post(*nonce_endpoint, http::PostRequest{"application/json", "", {}}, Options());
    if (!nonce_response.ok()) return unreachable(nonce_response.status());
    auto nonce_json = JsonOf(*nonce_response);
    if (!nonce_json.ok()) return Fail(err, nonce_json.status().Annotate("claim: nonce"));
    std::string nonce = Member(*nonce_json, "c_nonce");
    if (nonce_response->status != 200 || nonce.empty())
      return Fail(err, Status::IOError("claim: the issuer gave no c_nonce (HTTP " + std::to_string(nonce_response->status) + ")"));
    std::string input = KeyProofSigningInput(holder_key->public_key(), issuer, Env::Default().Now(), nonce);
    std::string jwt = FinishKeyProofJwt(input, holder_key->Sign(input));
    json request = {{"credential_configuration_id", configuration}, {"proofs", {{"jwt", {jwt}}}}};
    http::PostRequest credential_request{"application/json", DumpJson(request),
                                         {{"Authorization", "Bearer " + access_token}}};
    auto response = http::Post(*credential_endpoint, credential_request, Options());
    if (!response.ok()) return unreachable(response.status());
    auto body = JsonOf(*response);
    if (!body.ok()) return Fail(err, body.status().Annotate("claim: credential"));
    if (response->status != 200) {
      Diag(err).Error("claim: " + configuration + ": the issuer refused: " + Member(*body, "error") + ": " +
                      Member(*body, "error_description"));
      worst = std::max(worst, 1);
      continue;
    }
    const json* credentials = FindMember(*body, "credentials");
    if (credentials == nullptr || !credentials->is_array() || credentials->empty())
      return Fail(err, Status::Malformed("claim: the credential response holds no credentials"));
    for (const json& item : *credentials) {
      const json* credential = item.is_object() ? FindMember(item, "credential") : nullptr;
      if (credential == nullptr || !credential->is_object()) {
        Diag(err).Error("claim: the issuer returned a credential that is not a JSON object (ldp_vc expected)");
        worst = std::max(worst, 2);
        continue;
      }
      // Bound to this wallet's key, or refused: the point of claiming.
      const json* subject = FindMember(*credential, "credentialSubject");
      const json* subject_id = subject != nullptr && subject->is_object() ? FindMember(*subject, "id") : nullptr;
      if (subject_id == nullptr || !JsonStringEquals(*subject_id, wallet->store.holder_did())) {
        Diag(err).Error("claim: the issuer returned a credential that is not about this wallet's holder");
        worst = std::max(worst, 1);
        continue;
      }
      VerifyOptions verify;
      verify.resolver = *resolver;
      int code = ImportVerified(*wallet, DumpJson(*credential), std::move(verify), "the credential from " + issuer,
                                issuer, out, err, &shown, [&](const ImportCheck& check) {
                                  Status kept = KeepIssuerKeys(wallet->store, args.keys, *resolver,
                                                               check.summary.issuer_id);
                                  if (!kept.ok()) Diag(err).Warning(kept.message());
                                });
      if (code == 0) ++stored;
      worst = std::max(worst, code);
    }
  }
  if (stored > 0) err << "wallet: claimed " << stored << " credential(s) from " << issuer << "\n";
  return worst;
}

}  // namespace passerelle::wallet::cli
