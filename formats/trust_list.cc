// Passerelle — trust list documents (docs/formats/trust-list.md).
#include "formats/trust_list.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/multibase.h"
#include "formats/profile.h"
#include "formats/vc_model.h"

namespace passerelle {
namespace {

using nlohmann::json;

Status Bad(const std::string& where, const std::string& what) {
  return Status::InvalidCredential(where + ": " + what);
}

// did:key or did:web, the two methods Passerelle resolves offline.
bool IsSupportedDid(std::string_view did) {
  return (did.rfind("did:key:", 0) == 0 || did.rfind("did:web:", 0) == 0) && did.size() > 8 &&
         did.find_first_of("#?/ ") == std::string_view::npos && IsAbsoluteUrl(did);
}

// An http(s) URL naming a folder: no query, fragment, spaces or trailing '/'.
bool IsPublicationUrl(std::string_view url) {
  const bool http = url.rfind("http://", 0) == 0, https = url.rfind("https://", 0) == 0;
  const std::size_t host_at = https ? 8 : 7;
  if ((!http && !https) || url.size() <= host_at || url.size() > 512 || url.back() == '/') return false;
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == '?' || c == '#' || c == '"' || c == '\\' || c == 0x7f) return false;
  return url[host_at] != '/';
}

bool IsCountryCode(std::string_view c) {
  return c.size() == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z';
}

// Only the members this format defines, by their short names: an RDFC
// signature covers RDF, so the same signed statement could otherwise be
// written under another name (a compact or full IRI, "@nest", an alias)
// that this reader would not see — a key window or a scope silently lost.
Status OnlyMembers(const json& obj, std::initializer_list<std::string_view> allowed, const std::string& where) {
  if (!obj.is_object()) return Status::Ok();
  for (const auto& member : obj.get_ref<const json::object_t&>()) {
    bool known = false;
    for (std::string_view a : allowed) known |= member.first == a;
    if (!known)
      return Bad(where + "/" + JsonPointerEscape(member.first),
                 "not a member of a trust list (docs/formats/trust-list.md); only the short names it defines are read");
  }
  return Status::Ok();
}

Result<std::optional<Timestamp>> OptionalTime(const json& obj, std::string_view member, const std::string& where) {
  const json* m = FindMember(obj, member);
  if (m == nullptr) return std::optional<Timestamp>();
  if (!m->is_string()) return Bad(where + "/" + std::string(member), "must be a date-time string");
  auto t = ParseDateTime(m->get_ref<const std::string&>());
  if (!t.ok()) return Bad(where + "/" + std::string(member), t.status().message());
  return std::optional<Timestamp>(*t);
}

Status CheckWindow(const std::optional<Timestamp>& from, const std::optional<Timestamp>& until,
                   const std::string& where) {
  if (from && until && !(*from < *until)) return Bad(where, "notAfter must come after notBefore");
  return Status::Ok();
}

// A string or a non-empty array of strings, as a list (absent: empty).
Result<std::vector<std::string>> Strings(const json& obj, std::string_view member, const std::string& where) {
  if (FindMember(obj, member) == nullptr) return std::vector<std::string>();
  auto values = GetStringOrStrings(obj, member, where);
  if (!values.ok()) return Status::InvalidCredential(values.status().message());
  if (values->empty()) return Bad(where + "/" + std::string(member), "must be a string or a non-empty array of strings");
  return values;
}

Result<TrustedKey> ParseKey(const json& key, const std::string& did, const std::string& where) {
  if (!key.is_object()) return Bad(where, "a key must be an object");
  PSL_RETURN_IF_ERROR(OnlyMembers(key, {"id", "type", "controller", "publicKeyMultibase", "notBefore", "notAfter",
                                         "compromisedFrom"},
                                  where));
  TrustedKey k;
  const json* key_id = FindMember(key, "id");
  if (key_id == nullptr || !key_id->is_string()) return Bad(where + "/id", "missing: the key's verification method URL");
  k.id = key_id->get<std::string>();
  if (k.id.size() <= did.size() + 1 || k.id.compare(0, did.size(), did) != 0 || k.id[did.size()] != '#')
    return Bad(where + "/id", "\"" + k.id + "\" is not a key of " + did + " (must be " + did + "#…)");
  const json* type = FindMember(key, "type");
  if (type == nullptr || !JsonStringEquals(*type, "Multikey")) return Bad(where + "/type", "must be \"Multikey\"");
  if (const json* controller = FindMember(key, "controller"); controller != nullptr && !JsonStringEquals(*controller, did))
    return Bad(where + "/controller", "must be the entity's DID " + did);
  const json* pk = FindMember(key, "publicKeyMultibase");
  if (pk == nullptr || !pk->is_string() || pk->get_ref<const std::string&>().rfind("z6Mk", 0) != 0 ||
      pk->get_ref<const std::string&>().size() > 64)
    return Bad(where + "/publicKeyMultibase", "must be an Ed25519 Multikey (\"z6Mk…\")");
  k.public_key_multibase = pk->get<std::string>();
  auto decoded = DecodeMultibase(k.public_key_multibase);
  if (!decoded.ok() || decoded->bytes.size() != 34 || static_cast<unsigned char>(decoded->bytes[0]) != 0xed ||
      decoded->bytes[1] != 0x01)
    return Bad(where + "/publicKeyMultibase", "not an Ed25519 Multikey (0xed01 and 32 bytes, base58btc)");
  // A did:key has exactly one key, the one its DID spells.
  if (did.rfind("did:key:", 0) == 0 &&
      (k.public_key_multibase != did.substr(8) || k.id != did + "#" + did.substr(8)))
    return Bad(where, "a did:key entity's key is its own: id " + did + "#" + did.substr(8) + ", publicKeyMultibase " +
                          did.substr(8));
  PSL_ASSIGN_OR_RETURN(k.not_before, OptionalTime(key, "notBefore", where));
  PSL_ASSIGN_OR_RETURN(k.not_after, OptionalTime(key, "notAfter", where));
  PSL_RETURN_IF_ERROR(CheckWindow(k.not_before, k.not_after, where));
  PSL_ASSIGN_OR_RETURN(k.compromised_from, OptionalTime(key, "compromisedFrom", where));
  return k;
}

}  // namespace

Result<TrustedEntity> ParseTrustedEntity(const json& entity, const std::string& where) {
  if (!entity.is_object()) return Bad(where, "an entity must be an object");
  PSL_RETURN_IF_ERROR(OnlyMembers(entity, {"id", "type", "name", "description", "country", "publicKey",
                                           "credentialKind", "eqfLevel", "notBefore", "notAfter", "publishedAt"},
                                  where));
  TrustedEntity e;
  const json* id = FindMember(entity, "id");
  if (id == nullptr || !id->is_string() || !IsSupportedDid(id->get_ref<const std::string&>()))
    return Bad(where + "/id", "must be the entity's DID (did:web or did:key)");
  e.did = id->get<std::string>();
  const json* type = FindMember(entity, "type");
  if (type != nullptr && JsonStringEquals(*type, "AccreditedIssuer")) e.role = TrustRole::kIssuer;
  else if (type != nullptr && JsonStringEquals(*type, "TrustAuthority")) e.role = TrustRole::kAuthority;
  else return Bad(where + "/type", "must be \"AccreditedIssuer\" or \"TrustAuthority\"");
  if (const json* name = FindMember(entity, "name")) {
    if (!name->is_string()) return Bad(where + "/name", "must be a string");
    e.name = name->get<std::string>();
  }
  const json* country = FindMember(entity, "country");
  if (country == nullptr || !country->is_string() || !IsCountryCode(country->get_ref<const std::string&>()))
    return Bad(where + "/country", "must be an ISO 3166-1 alpha-2 code in capitals, e.g. \"FR\"");
  e.country = country->get<std::string>();

  const json* keys = FindMember(entity, "publicKey");
  if (keys == nullptr || !keys->is_array() || keys->empty())
    return Bad(where + "/publicKey", "must list the entity's keys (a non-empty array of Multikey objects)");
  if (keys->size() > kMaxKeysPerEntity)
    return Bad(where + "/publicKey", "more than " + std::to_string(kMaxKeysPerEntity) + " keys");
  std::set<std::string> key_ids;
  for (std::size_t i = 0; i < keys->size(); ++i) {
    PSL_ASSIGN_OR_RETURN(TrustedKey k, ParseKey((*keys)[i], e.did, where + "/publicKey/" + std::to_string(i)));
    if (!key_ids.insert(k.id).second)
      return Bad(where + "/publicKey/" + std::to_string(i) + "/id", "key " + k.id + " is listed twice");
    e.keys.push_back(std::move(k));
  }

  PSL_ASSIGN_OR_RETURN(e.credential_kinds, Strings(entity, "credentialKind", where));
  for (std::size_t i = 0; i < e.credential_kinds.size(); ++i)
    if (!ParseCredentialKind(e.credential_kinds[i]).ok())
      return Bad(where + "/credentialKind", "unknown kind \"" + e.credential_kinds[i] +
                                                "\" (module, certification, diploma, recognition)");
  PSL_ASSIGN_OR_RETURN(auto levels, Strings(entity, "eqfLevel", where));
  for (const auto& level : levels) {
    if (level.size() != kEqfLevelPrefix.size() + 1 || level.rfind(kEqfLevelPrefix, 0) != 0 || level.back() < '1' ||
        level.back() > '8')
      return Bad(where + "/eqfLevel", "\"" + level + "\" is not http://data.europa.eu/snb/eqf/1 … /8");
    e.eqf_levels.push_back(level.back() - '0');
  }
  if (e.role == TrustRole::kAuthority && (!e.credential_kinds.empty() || !e.eqf_levels.empty()))
    return Bad(where, "an authority's scope is its country: credentialKind and eqfLevel belong to issuers");
  PSL_ASSIGN_OR_RETURN(e.not_before, OptionalTime(entity, "notBefore", where));
  PSL_ASSIGN_OR_RETURN(e.not_after, OptionalTime(entity, "notAfter", where));
  PSL_RETURN_IF_ERROR(CheckWindow(e.not_before, e.not_after, where));
  if (const json* published = FindMember(entity, "publishedAt")) {
    if (!published->is_string() || !IsPublicationUrl(published->get_ref<const std::string&>()))
      return Bad(where + "/publishedAt",
                 "must be the http(s) URL of the folder the entity publishes (no trailing '/', query or fragment)");
    e.published_at = published->get<std::string>();
  }
  return e;
}

Result<TrustList> ParseTrustList(const json& credential) {
  PSL_RETURN_IF_ERROR(ValidateCredentialModel(credential));
  auto version = DetectVcVersion(credential);
  if (!version.ok() || *version != VcVersion::kV2_0)
    return Bad("/@context/0", "a trust list is a VC 2.0 credential");
  // Exactly these two contexts, so that every short name means what this
  // reader takes it to mean.
  const json* ctx = FindMember(credential, "@context");
  if (ctx == nullptr || !ctx->is_array() || ctx->size() != 2 || !JsonStringEquals((*ctx)[1], kTrustContextV1))
    return Bad("/@context", "must be [\"https://www.w3.org/ns/credentials/v2\", \"" + std::string(kTrustContextV1) + "\"]");
  PSL_RETURN_IF_ERROR(OnlyMembers(credential, {"@context", "id", "type", "issuer", "name", "description", "validFrom",
                                               "validUntil", "credentialSubject", "proof"},
                                  ""));
  if (const json* issuer = FindMember(credential, "issuer"); issuer != nullptr && issuer->is_object())
    PSL_RETURN_IF_ERROR(OnlyMembers(*issuer, {"id", "name", "description", "country"}, "/issuer"));
  if (!HasType(credential, kTrustListCredentialType)) return Bad("/type", "must include TrustListCredential");
  if (FindMember(credential, "credentialStatus") != nullptr)
    return Bad("/credentialStatus", "a trust list is replaced by a newer one, not revoked: no credentialStatus");

  TrustList list;
  if (const json* id = FindMember(credential, "id"); id != nullptr) list.id = id->get<std::string>();
  PSL_ASSIGN_OR_RETURN(list.issuer, CredentialIssuerId(credential));
  if (!IsSupportedDid(list.issuer)) return Bad("/issuer", "must be a DID (did:web or did:key)");
  PSL_ASSIGN_OR_RETURN(auto from, OptionalTime(credential, "validFrom", ""));
  PSL_ASSIGN_OR_RETURN(auto until, OptionalTime(credential, "validUntil", ""));
  if (!from) return Bad("/validFrom", "missing: when the list was issued");
  if (!until) return Bad("/validUntil", "missing: a trust list must say until when it holds");
  list.valid_from = *from;
  list.valid_until = *until;

  const json* subject = FindMember(credential, "credentialSubject");
  if (subject == nullptr || !subject->is_object())
    return Bad("/credentialSubject", "must be one object of type TrustList");
  if (!HasType(*subject, "TrustList")) return Bad("/credentialSubject/type", "must be \"TrustList\"");
  PSL_RETURN_IF_ERROR(OnlyMembers(*subject, {"type", "trustedEntity"}, "/credentialSubject"));
  const json* entities = FindMember(*subject, "trustedEntity");
  if (entities == nullptr || !entities->is_array() || entities->empty())
    return Bad("/credentialSubject/trustedEntity", "must be a non-empty array");
  if (entities->size() > kMaxTrustedEntities)
    return Bad("/credentialSubject/trustedEntity", "more than " + std::to_string(kMaxTrustedEntities) + " entities");
  std::set<std::string> dids;
  for (std::size_t i = 0; i < entities->size(); ++i) {
    const std::string where = "/credentialSubject/trustedEntity/" + std::to_string(i);
    PSL_ASSIGN_OR_RETURN(TrustedEntity e, ParseTrustedEntity((*entities)[i], where));
    if (!dids.insert(e.did).second) return Bad(where + "/id", e.did + " is listed twice");
    list.entities.push_back(std::move(e));
  }
  return list;
}

json TrustedEntityToJson(const TrustedEntity& e) {
  auto time = [](const Timestamp& t) { return FormatDateTime(t); };
  json out = {{"id", e.did}, {"type", e.role == TrustRole::kAuthority ? "TrustAuthority" : "AccreditedIssuer"},
              {"country", e.country}};
  if (!e.name.empty()) out["name"] = e.name;
  json keys = json::array();
  for (const auto& k : e.keys) {
    json key = {{"id", k.id}, {"type", "Multikey"}, {"controller", e.did}, {"publicKeyMultibase", k.public_key_multibase}};
    if (k.not_before) key["notBefore"] = time(*k.not_before);
    if (k.not_after) key["notAfter"] = time(*k.not_after);
    if (k.compromised_from) key["compromisedFrom"] = time(*k.compromised_from);
    keys.push_back(std::move(key));
  }
  out["publicKey"] = std::move(keys);
  if (!e.credential_kinds.empty()) out["credentialKind"] = e.credential_kinds;
  if (!e.eqf_levels.empty()) {
    json levels = json::array();
    for (int l : e.eqf_levels) levels.push_back(std::string(kEqfLevelPrefix) + std::to_string(l));
    out["eqfLevel"] = std::move(levels);
  }
  if (e.not_before) out["notBefore"] = time(*e.not_before);
  if (e.not_after) out["notAfter"] = time(*e.not_after);
  if (!e.published_at.empty()) out["publishedAt"] = e.published_at;
  return out;
}

json TrustListToCredential(const TrustList& list, const std::string& issuer_name, const std::string& issuer_country) {
  json issuer = {{"id", list.issuer}};
  if (!issuer_name.empty()) issuer["name"] = issuer_name;
  if (!issuer_country.empty()) issuer["country"] = issuer_country;
  json entities = json::array();
  for (const auto& e : list.entities) entities.push_back(TrustedEntityToJson(e));
  json vc = {{"@context", {"https://www.w3.org/ns/credentials/v2", std::string(kTrustContextV1)}},
             {"type", {"VerifiableCredential", std::string(kTrustListCredentialType)}},
             {"issuer", issuer},
             {"validFrom", FormatDateTime(list.valid_from)},
             {"validUntil", FormatDateTime(list.valid_until)},
             {"credentialSubject", {{"type", "TrustList"}, {"trustedEntity", std::move(entities)}}}};
  if (!list.id.empty()) vc["id"] = list.id;
  return vc;
}

}  // namespace passerelle
