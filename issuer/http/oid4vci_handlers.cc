// Passerelle — OpenID for Verifiable Credential Issuance 1.0 routes
// (pre-authorized code flow; docs/claiming.md): metadata, token, nonce,
// credential. Errors use the OAuth / OID4VCI error envelope
// {"error", "error_description"} these clients expect, not problem+json.
// Codes, PINs, tokens and nonces never reach a log or an error message.
#include <cctype>

#include <nlohmann/json.hpp>

#include "formats/credential_offer.h"
#include "formats/json.h"
#include "issuer/http/handlers.h"
#include "issuer/service/claims.h"
#include "issuer/store/offer_store.h"
#include "keys/did_key.h"
#include "keys/key_proof.h"
#include "verifier/holder_proof.h"

namespace passerelle::http {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxFormParams = 16;

HttpResponse OAuthError(int status, std::string_view error, std::string_view description, json extra = json::object()) {
  json body = {{"error", std::string(error)}, {"error_description", std::string(description)}};
  for (auto& [k, v] : extra.items()) body[k] = v;
  HttpResponse r = JsonResponse(status, body);
  r.headers["Cache-Control"] = "no-store";
  return r;
}

HttpResponse NoStore(HttpResponse r) {
  r.headers["Cache-Control"] = "no-store";
  return r;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A di_vp key proof: a presentation without credentials, signed by its
// did:key holder with challenge = a c_nonce and domain = this issuer.
// Returns the holder and the challenge (the nonce, checked by the caller).
Result<std::pair<std::string, std::string>> CheckDiVpProof(const json& vp, const std::string& issuer, Timestamp now) {
  if (!vp.is_object()) return Status::Malformed("a di_vp key proof must be a presentation (a JSON object)");
  const json* p = FindMember(vp, "proof");
  if (p != nullptr && p->is_array() && p->size() == 1) p = &(*p)[0];
  const json* challenge = p != nullptr && p->is_object() ? FindMember(*p, "challenge") : nullptr;
  if (challenge == nullptr || !challenge->is_string())
    return Status::Malformed("the di_vp proof has no challenge: sign it with the c_nonce as challenge");
  PSL_ASSIGN_OR_RETURN(Presentation presentation, PresentationFromJson(vp));
  VerifyOptions options;
  options.now = now;
  options.challenge = challenge->get<std::string>();
  options.domain = issuer;
  PSL_ASSIGN_OR_RETURN(std::string holder, VerifyHolderProof(presentation, options));
  if (!ParseDidKey(holder).ok()) return Status::Unsupported("the di_vp holder must be a did:key");
  return std::make_pair(holder, challenge->get<std::string>());
}

}  // namespace

Result<std::map<std::string, std::string>> ParseFormBody(std::string_view body) {
  std::map<std::string, std::string> out;
  while (!body.empty()) {
    std::size_t amp = body.find('&');
    std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    std::size_t eq = pair.find('=');
    std::string name(pair.substr(0, eq)), value(eq == std::string_view::npos ? "" : pair.substr(eq + 1));
    for (std::string* s : {&name, &value})
      for (char& c : *s)
        if (c == '+') c = ' ';
    PSL_ASSIGN_OR_RETURN(std::string n, PercentDecode(name));
    PSL_ASSIGN_OR_RETURN(std::string v, PercentDecode(value));
    if (out.size() >= kMaxFormParams) return Status::Malformed("too many form parameters");
    if (!out.emplace(std::move(n), std::move(v)).second)
      return Status::Malformed("a form parameter appears twice");
  }
  return out;
}

HttpResponse HandleCredentialIssuerMetadata(Node& node, const HttpRequest& request) {
  HttpResponse r = JsonResponse(200, CredentialIssuerMetadata(*node.issuer));
  r.headers["Cache-Control"] = "public, max-age=300";
  return r;
}

HttpResponse HandleAuthorizationServerMetadata(Node& node, const HttpRequest& request) {
  HttpResponse r = JsonResponse(200, AuthorizationServerMetadata(*node.issuer));
  r.headers["Cache-Control"] = "public, max-age=300";
  return r;
}

HttpResponse HandleToken(Node& node, const HttpRequest& request) {
  if (Lower(request.Header("content-type")).rfind("application/x-www-form-urlencoded", 0) != 0)
    return OAuthError(400, "invalid_request", "send the token request as application/x-www-form-urlencoded");
  if (request.body.size() > 8192) return OAuthError(400, "invalid_request", "the token request is too large");
  auto form = ParseFormBody(request.body);
  if (!form.ok()) return OAuthError(400, "invalid_request", form.status().message());
  auto get = [&](const char* name) -> const std::string* {
    auto it = form->find(name);
    return it == form->end() ? nullptr : &it->second;
  };
  const std::string* grant = get("grant_type");
  if (grant == nullptr) return OAuthError(400, "invalid_request", "missing grant_type");
  if (*grant != kPreAuthorizedGrant)
    return OAuthError(400, "unsupported_grant_type", "only the pre-authorized code grant is supported");
  const std::string* code = get("pre-authorized_code");
  if (code == nullptr || code->empty() || code->size() > 512)
    return OAuthError(400, "invalid_request", "missing pre-authorized_code");
  const std::string* pin = get("tx_code");
  if (pin != nullptr && pin->size() > 64) return OAuthError(400, "invalid_request", "tx_code is too long");
  store::OfferStore offers(*node.issuer->store());
  Timestamp now = node.issuer->env().Now();
  auto outcome = offers.Redeem(*code, pin ? std::optional<std::string_view>(*pin) : std::nullopt, now,
                               ClaimOptions{}.token_seconds);
  if (!outcome.ok()) {
    HttpResponse r = OAuthError(500, "server_error", "the offer store failed");
    r.internal_error = outcome.status().ToString();
    return r;
  }
  if (outcome->refusal) {
    switch (*outcome->refusal) {
      case store::RedeemRefusal::kUnknownCode:
        return OAuthError(400, "invalid_grant", "unknown pre-authorized code");
      case store::RedeemRefusal::kExpired:
        return OAuthError(400, "invalid_grant", "the offer has expired: ask the issuer for a new one",
                          {{"offer_state", "expired"}});
      case store::RedeemRefusal::kAlreadyUsed:
        return OAuthError(400, "invalid_grant", "the offer was already claimed (a pre-authorized code works once)",
                          {{"offer_state", "used"}});
      case store::RedeemRefusal::kLocked:
        return OAuthError(400, "invalid_grant",
                          "the offer is locked after " + std::to_string(store::kMaxPinAttempts) +
                              " wrong transaction codes: ask the issuer for a new one",
                          {{"offer_state", "locked"}, {"tx_code_tries_left", 0}});
      case store::RedeemRefusal::kPinMissing:
        return OAuthError(400, "invalid_request", "this offer needs its transaction code (tx_code)");
      case store::RedeemRefusal::kWrongPin:
        return OAuthError(400, "invalid_grant",
                          "wrong transaction code: " + std::to_string(outcome->tries_left) + " tries left",
                          {{"tx_code_tries_left", outcome->tries_left}});
    }
  }
  return NoStore(JsonResponse(200, {{"access_token", outcome->access_token},
                                    {"token_type", "Bearer"},
                                    {"expires_in", outcome->token_expires.seconds - now.seconds}}));
}

HttpResponse HandleNonce(Node& node, const HttpRequest& request) {
  store::OfferStore offers(*node.issuer->store());
  auto nonce = offers.CreateNonce(node.issuer->env().Now(), ClaimOptions{}.nonce_seconds);
  if (!nonce.ok()) {
    HttpResponse r = OAuthError(500, "server_error", "the nonce store failed");
    r.internal_error = nonce.status().ToString();
    return r;
  }
  return NoStore(JsonResponse(200, {{"c_nonce", *nonce}}));
}

HttpResponse HandleCredential(Node& node, const HttpRequest& request) {
  std::string auth = request.Header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  auto invalid_token = [&](std::string_view why) {
    HttpResponse r = OAuthError(401, "invalid_token", why);
    r.headers["WWW-Authenticate"] = "Bearer error=\"invalid_token\"";
    return r;
  };
  if (auth.size() <= kBearer.size() || auth.compare(0, kBearer.size(), kBearer) != 0)
    return invalid_token("this route needs the access token from /token (Authorization: Bearer …)");
  Timestamp now = node.issuer->env().Now();
  store::OfferStore offers(*node.issuer->store());
  auto offer = offers.OfferForToken(std::string_view(auth).substr(kBearer.size()), now);
  if (!offer.ok()) {
    if (offer.status().code() == Code::kPermissionDenied) return invalid_token("the access token is not valid or has expired");
    HttpResponse r = OAuthError(500, "server_error", "the offer store failed");
    r.internal_error = offer.status().ToString();
    return r;
  }
  auto body = ParseBody(node, request);
  if (!body.ok()) return OAuthError(400, "invalid_credential_request", body.status().message());
  if (!body->is_object()) return OAuthError(400, "invalid_credential_request", "the body must be a JSON object");
  const json* configuration = FindMember(*body, "credential_configuration_id");
  if (configuration == nullptr || !configuration->is_string()) {
    if (FindMember(*body, "credential_identifier") != nullptr)
      return OAuthError(400, "invalid_credential_request", "credential_identifier is not supported here");
    return OAuthError(400, "invalid_credential_request", "missing credential_configuration_id");
  }
  // The key proof: 1.0's {"proofs": {TYPE: [one]}} or the earlier {"proof": {"proof_type": TYPE, TYPE: …}}.
  const json* proofs = FindMember(*body, "proofs");
  const json* proof = FindMember(*body, "proof");
  if ((proofs != nullptr) == (proof != nullptr))
    return OAuthError(400, "invalid_credential_request", "send exactly one of proofs and proof");
  std::string type;
  const json* value = nullptr;
  if (proofs != nullptr) {
    if (!proofs->is_object() || proofs->size() != 1)
      return OAuthError(400, "invalid_proof", "proofs must hold exactly one proof type");
    type = proofs->begin().key();
    const json& list = proofs->begin().value();
    if (!list.is_array() || list.size() != 1)
      return OAuthError(400, "invalid_proof", "proofs." + type.substr(0, 20) + " must be an array of one proof (no batch issuance)");
    value = &list[0];
  } else {
    if (!proof->is_object()) return OAuthError(400, "invalid_proof", "proof must be an object");
    const json* t = FindMember(*proof, "proof_type");
    if (t == nullptr || !t->is_string()) return OAuthError(400, "invalid_proof", "proof.proof_type is missing");
    type = t->get<std::string>();
    value = FindMember(*proof, type);
    if (value == nullptr) return OAuthError(400, "invalid_proof", "proof." + type.substr(0, 20) + " is missing");
  }
  ClaimOptions options;
  std::string holder_did, nonce;
  if (type == "jwt") {
    if (!value->is_string()) return OAuthError(400, "invalid_proof", "a jwt key proof must be a string");
    KeyProofCheck check{node.issuer->public_url(), now, options.proof_max_age_seconds, 60};
    auto verified = VerifyKeyProofJwt(value->get<std::string>(), check);
    if (!verified.ok()) return OAuthError(400, "invalid_proof", verified.status().message());
    holder_did = verified->holder_did;
    nonce = verified->nonce;
  } else if (type == "di_vp") {
    auto checked = CheckDiVpProof(*value, node.issuer->public_url(), now);
    if (!checked.ok()) return OAuthError(400, "invalid_proof", checked.status().message());
    holder_did = checked->first;
    nonce = checked->second;
  } else {
    return OAuthError(400, "invalid_proof", "unsupported proof type: jwt and di_vp are supported");
  }
  if (nonce.empty()) return OAuthError(400, "invalid_nonce", "the key proof carries no nonce: get one from /nonce");
  auto fresh = offers.ConsumeNonce(nonce, now);
  if (!fresh.ok()) {
    HttpResponse r = OAuthError(500, "server_error", "the nonce store failed");
    r.internal_error = fresh.status().ToString();
    return r;
  }
  if (!*fresh)
    return OAuthError(400, "invalid_nonce", "the key proof's nonce is unknown, used or expired: get a new one from /nonce");
  auto issued = IssueClaimed(*node.issuer, *offer, configuration->get<std::string>(), holder_did);
  if (!issued.ok()) {
    const Status& s = issued.status();
    if (s.code() == Code::kNotFound) return OAuthError(400, "unknown_credential_configuration", s.message());
    if (s.code() == Code::kAlreadyExists) return OAuthError(400, "credential_request_denied", s.message());
    if (s.code() == Code::kInvalidCredential || s.code() == Code::kUnsupported)
      return OAuthError(400, "credential_request_denied", s.message());
    HttpResponse r = OAuthError(500, "server_error", "the credential could not be issued; nothing was issued twice");
    r.internal_error = s.ToString();
    return r;
  }
  json credentials = json::array();
  for (auto& c : *issued) credentials.push_back({{"credential", std::move(c)}});
  return NoStore(JsonResponse(200, {{"credentials", credentials}}));
}

}  // namespace passerelle::http
