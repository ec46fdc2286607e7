// Passerelle — offers, issuer metadata and claim-time issuance.
#include "issuer/service/claims.h"

#include <sodium.h>

#include <algorithm>
#include <mutex>
#include <set>

#include "formats/credential_offer.h"
#include "formats/json.h"
#include "formats/multibase.h"
#include "formats/profile.h"

namespace passerelle {

using nlohmann::json;

namespace {

const std::vector<CredentialKind>& OfferedKinds() {
  static const std::vector<CredentialKind> kKinds = {CredentialKind::kModule, CredentialKind::kCertification,
                                                     CredentialKind::kDiploma};
  return kKinds;
}

std::string RandomCode() {
  unsigned char raw[32];  // 256 bits
  randombytes_buf(raw, sizeof raw);
  std::string code = EncodeBase64Url(std::string_view(reinterpret_cast<char*>(raw), sizeof raw));
  sodium_memzero(raw, sizeof raw);
  return code;
}

std::string RandomPin() {
  std::string pin;
  for (int i = 0; i < 6; ++i) pin.push_back(static_cast<char>('0' + randombytes_uniform(10)));
  return pin;
}

std::mutex& ClaimMutex() {
  static std::mutex mu;
  return mu;
}

}  // namespace

Result<std::string> ConfigurationIdFor(const json& credential) {
  auto kind = KindOf(credential);
  if (!kind.ok()) return Status::InvalidCredential("offer: " + kind.status().message());
  for (CredentialKind k : OfferedKinds())
    if (k == *kind) return std::string(CredentialKindType(k));
  return Status::InvalidCredential(std::string("offer: ") + CredentialKindName(*kind) + " credentials are not offered");
}

Result<CreatedOffer> CreateOffer(Issuer& issuer, OfferRequest request) {
  if (issuer.public_url().empty())
    return Status::InvalidArgument("an offer needs the node's public URL (the credential issuer identifier)");
  if (!issuer.has_store()) return Status::NotFound("an offer needs the node's store");
  if (request.credentials.empty()) return Status::InvalidArgument("an offer needs at least one credential");
  if (request.lifetime_seconds <= 0) return Status::InvalidArgument("an offer's lifetime must be positive");
  if (sodium_init() < 0) return Status::Internal("libsodium failed to initialise");
  store::OfferRecord record;
  unsigned char id_bytes[8];
  randombytes_buf(id_bytes, sizeof id_bytes);
  record.id = HexEncode(std::string_view(reinterpret_cast<char*>(id_bytes), sizeof id_bytes));
  record.trainee = request.trainee;
  record.suite = CryptosuiteName(request.suite);
  record.created = issuer.env().Now();
  record.created.nanos = 0;
  record.expires = Timestamp{record.created.seconds + request.lifetime_seconds, 0};
  std::vector<std::string> configurations;
  for (std::size_t i = 0; i < request.credentials.size(); ++i) {
    const json& c = request.credentials[i];
    PSL_ASSIGN_OR_RETURN(std::string configuration, ConfigurationIdFor(c));
    const json* subject = c.is_object() ? FindMember(c, "credentialSubject") : nullptr;
    if (subject != nullptr && subject->is_object() && FindMember(*subject, "id") != nullptr)
      return Status::InvalidCredential("offer: credential " + std::to_string(i) +
                                       " already names its subject; an offer binds the claimant's key");
    store::OfferItem item;
    item.configuration = configuration;
    item.credential = DumpJson(c);
    item.kind = KindLabel(c);
    item.programme = request.programme;
    item.module = i < request.modules.size() ? request.modules[i] : "";
    record.items.push_back(std::move(item));
    if (std::find(configurations.begin(), configurations.end(), configuration) == configurations.end())
      configurations.push_back(configuration);
  }
  std::string code = RandomCode();
  std::string pin = request.with_pin ? RandomPin() : "";
  CredentialOffer offer;
  offer.credential_issuer = issuer.public_url();
  offer.credential_configuration_ids = configurations;
  offer.pre_authorized_code = code;
  if (request.with_pin) offer.tx_code = TxCodeSpec{"numeric", 6, "the 6-digit PIN sent to you separately"};
  PSL_RETURN_IF_ERROR(CheckCredentialOffer(offer).Annotate("offer"));
  store::OfferStore offers(*issuer.store());
  if (!request.key.empty()) {
    PSL_ASSIGN_OR_RETURN(auto existing, offers.FindOfferByKey(request.key));
    if (existing) return Status::AlreadyExists("an offer for \"" + request.key + "\" exists already");
  }
  CreatedOffer out{record.id, CredentialOfferUri(offer), pin, record.expires};
  if (request.deliver) PSL_RETURN_IF_ERROR(request.deliver(out));
  Status put = offers.PutOffer(code, pin, record, request.key, request.actor);
  sodium_memzero(code.data(), code.size());
  PSL_RETURN_IF_ERROR(put);
  return out;
}

json CredentialIssuerMetadata(const Issuer& issuer) {
  const std::string& url = issuer.public_url();
  json configurations = json::object();
  for (CredentialKind kind : OfferedKinds()) {
    std::string type = CredentialKindType(kind);
    std::string name = CredentialKindName(kind);
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    configurations[type] = {
        {"format", "ldp_vc"},
        {"scope", type},
        {"credential_definition",
         {{"@context", {"https://www.w3.org/ns/credentials/v2", std::string(kPasserelleContextV1)}},
          {"type", {"VerifiableCredential", type}}}},
        {"cryptographic_binding_methods_supported", {"did:key"}},
        {"credential_signing_alg_values_supported", {"eddsa-rdfc-2022", "eddsa-jcs-2022"}},
        {"proof_types_supported",
         {{"jwt", {{"proof_signing_alg_values_supported", {"EdDSA"}}}},
          {"di_vp", {{"proof_signing_alg_values_supported", {"eddsa-rdfc-2022", "eddsa-jcs-2022"}}}}}},
        {"credential_metadata", {{"display", {{{"name", name + " credential"}, {"locale", "en"}}}}}}};
  }
  IssuerDir folder = issuer.folder();
  return {{"credential_issuer", url},
          {"credential_endpoint", url + "/credential"},
          {"nonce_endpoint", url + "/nonce"},
          {"display", {{{"name", folder.name}}}},
          {"credential_configurations_supported", configurations}};
}

json AuthorizationServerMetadata(const Issuer& issuer) {
  const std::string& url = issuer.public_url();
  return {{"issuer", url},
          {"token_endpoint", url + "/token"},
          {"grant_types_supported", {std::string(kPreAuthorizedGrant)}},
          {"pre-authorized_grant_anonymous_access_supported", true},
          {"token_endpoint_auth_methods_supported", {"none"}}};
}

Result<std::vector<json>> IssueClaimed(Issuer& issuer, const store::OfferRecord& offer, std::string_view configuration,
                                       const std::string& holder_did) {
  std::lock_guard<std::mutex> lock(ClaimMutex());
  store::OfferStore offers(*issuer.store());
  std::vector<json> issued;
  bool any = false, pending = false;
  for (std::size_t i = 0; i < offer.items.size(); ++i) {
    const store::OfferItem& item = offer.items[i];
    if (item.configuration != configuration) continue;
    any = true;
    if (!item.issued_id.empty()) continue;
    pending = true;
    auto credential = ParseJson(item.credential);
    if (!credential.ok()) return credential.status().Annotate("offer " + offer.id + " item " + std::to_string(i));
    (*credential)["credentialSubject"]["id"] = holder_did;
    IssueRequest request;
    request.credential = std::move(*credential);
    auto suite = ParseCryptosuite(offer.suite);
    request.suite = suite.ok() ? *suite : Cryptosuite::kEddsaRdfc2022;
    request.actor = "offer:" + offer.id;
    request.kind = item.kind;
    request.programme = item.programme;
    request.module = item.module;
    request.trainee = offer.trainee;
    request.idempotency_key = "offer|" + offer.id + "|" + std::to_string(i);
    PSL_ASSIGN_OR_RETURN(json signed_credential, issuer.Issue(std::move(request)));
    std::string id;
    if (const json* cid = FindMember(signed_credential, "id"); cid != nullptr && cid->is_string())
      id = cid->get<std::string>();
    PSL_RETURN_IF_ERROR(offers.MarkIssued(offer.id, i, id.empty() ? "issued" : id));
    issued.push_back(std::move(signed_credential));
  }
  if (!any)
    return Status::NotFound("the offer holds no credential of configuration \"" + std::string(configuration) + "\"");
  if (!pending) return Status::AlreadyExists("the credentials of this offer were already claimed");
  return issued;
}

}  // namespace passerelle
