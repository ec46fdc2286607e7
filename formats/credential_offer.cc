// Passerelle — OID4VCI credential offers: building and strict parsing.
#include "formats/credential_offer.h"

#include <set>

#include <nlohmann/json.hpp>

#include "formats/json.h"

namespace passerelle {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxIdChars = 200, kMaxCodeChars = 512, kMaxIds = 16, kMaxDescription = 300;

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsIssuerUrl(std::string_view url) {
  std::string_view rest;
  if (url.rfind("https://", 0) == 0) {
    rest = url.substr(8);
  } else if (url.rfind("http://", 0) == 0) {
    rest = url.substr(7);
    // Plain http only for a node on this machine (tests, demos).
    if (rest.rfind("127.0.0.1", 0) != 0 && rest.rfind("localhost", 0) != 0 && rest.rfind("[::1]", 0) != 0)
      return false;
  } else {
    return false;
  }
  if (rest.empty() || rest.front() == '/' || rest.find_first_of("?#") != std::string_view::npos) return false;
  for (unsigned char c : rest)
    if (c <= 0x20 || c >= 0x7f) return false;
  return true;
}

bool PrintableAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x21 || c > 0x7e) return false;
  return true;
}

Result<CredentialOffer> FromJson(const json& root) {
  if (!root.is_object()) return Status::Malformed("credential_offer: must be a JSON object");
  CredentialOffer offer;
  PSL_ASSIGN_OR_RETURN(offer.credential_issuer, GetString(root, "credential_issuer", ""));
  const json* ids = FindMember(root, "credential_configuration_ids");
  if (ids == nullptr || !ids->is_array())
    return Status::Malformed("/credential_configuration_ids: missing or not an array");
  for (const json& id : *ids) {
    if (!id.is_string()) return Status::Malformed("/credential_configuration_ids: holds a non-string");
    offer.credential_configuration_ids.push_back(id.get<std::string>());
  }
  const json* grants = FindMember(root, "grants");
  if (grants == nullptr) return Status::Unsupported("/grants: missing: only pre-authorized code offers are supported");
  if (!grants->is_object()) return Status::Malformed("/grants: must be an object");
  const json* grant = FindMember(*grants, kPreAuthorizedGrant);
  if (grant == nullptr)
    return Status::Unsupported("/grants: no pre-authorized code grant: only pre-authorized code offers are supported");
  if (!grant->is_object()) return Status::Malformed("/grants/" + std::string(kPreAuthorizedGrant) + ": must be an object");
  PSL_ASSIGN_OR_RETURN(offer.pre_authorized_code,
                       GetString(*grant, "pre-authorized_code", "/grants/" + std::string(kPreAuthorizedGrant)));
  if (const json* tx = FindMember(*grant, "tx_code")) {
    if (!tx->is_object()) return Status::Malformed("/tx_code: must be an object");
    TxCodeSpec spec;
    spec.length = 0;
    if (const json* mode = FindMember(*tx, "input_mode")) {
      if (!mode->is_string()) return Status::Malformed("/tx_code/input_mode: must be a string");
      spec.input_mode = mode->get<std::string>();
    }
    if (const json* length = FindMember(*tx, "length")) {
      if (!length->is_number_integer()) return Status::Malformed("/tx_code/length: must be an integer");
      long long n = length->get<long long>();
      if (n < 1 || n > 64) return Status::Malformed("/tx_code/length: must be 1 to 64");
      spec.length = static_cast<int>(n);
    }
    if (const json* d = FindMember(*tx, "description")) {
      if (!d->is_string()) return Status::Malformed("/tx_code/description: must be a string");
      spec.description = d->get<std::string>();
    }
    offer.tx_code = std::move(spec);
  }
  PSL_RETURN_IF_ERROR(CheckCredentialOffer(offer));
  return offer;
}

}  // namespace

Status CheckCredentialOffer(const CredentialOffer& offer) {
  if (offer.credential_issuer.size() > kMaxIdChars || !IsIssuerUrl(offer.credential_issuer))
    return Status::Malformed("/credential_issuer: \"" + offer.credential_issuer.substr(0, 80) +
                             "\" is not an https URL (http only for 127.0.0.1 or localhost), without query or fragment");
  if (offer.credential_configuration_ids.empty() || offer.credential_configuration_ids.size() > kMaxIds)
    return Status::Malformed("/credential_configuration_ids: must hold 1 to " + std::to_string(kMaxIds) + " ids");
  std::set<std::string> seen;
  for (const auto& id : offer.credential_configuration_ids) {
    if (id.empty() || id.size() > kMaxIdChars || !PrintableAscii(id))
      return Status::Malformed("/credential_configuration_ids: an id must be 1 to 200 printable ASCII characters");
    if (!seen.insert(id).second) return Status::Malformed("/credential_configuration_ids: \"" + id + "\" appears twice");
  }
  if (offer.pre_authorized_code.empty() || offer.pre_authorized_code.size() > kMaxCodeChars ||
      !PrintableAscii(offer.pre_authorized_code))
    return Status::Malformed("/grants/pre-authorized_code: must be 1 to 512 printable ASCII characters");
  if (offer.tx_code) {
    if (offer.tx_code->input_mode != "numeric" && offer.tx_code->input_mode != "text")
      return Status::Malformed("/tx_code/input_mode: expected \"numeric\" or \"text\"");
    if (offer.tx_code->length < 0 || offer.tx_code->length > 64)
      return Status::Malformed("/tx_code/length: must be 1 to 64");
    if (offer.tx_code->description.size() > kMaxDescription * 4)
      return Status::Malformed("/tx_code/description: longer than 300 characters");
  }
  return Status::Ok();
}

std::string CredentialOfferJson(const CredentialOffer& offer) {
  json grant = {{"pre-authorized_code", offer.pre_authorized_code}};
  if (offer.tx_code) {
    json tx = {{"input_mode", offer.tx_code->input_mode}};
    if (offer.tx_code->length > 0) tx["length"] = offer.tx_code->length;
    if (!offer.tx_code->description.empty()) tx["description"] = offer.tx_code->description;
    grant["tx_code"] = std::move(tx);
  }
  json root = {{"credential_issuer", offer.credential_issuer},
               {"credential_configuration_ids", offer.credential_configuration_ids},
               {"grants", {{std::string(kPreAuthorizedGrant), std::move(grant)}}}};
  return DumpJson(root);
}

std::string CredentialOfferUri(const CredentialOffer& offer) {
  return std::string(kCredentialOfferScheme) + "?credential_offer=" + PercentEncode(CredentialOfferJson(offer));
}

Result<CredentialOffer> ParseCredentialOffer(std::string_view text) {
  if (text.size() > kMaxCredentialOfferBytes)
    return Status::ResourceExhausted("credential offer: longer than " + std::to_string(kMaxCredentialOfferBytes) +
                                     " bytes");
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
    text.remove_suffix(1);
  std::string json_text;
  if (!text.empty() && text.front() == '{') {
    json_text = std::string(text);
  } else {
    if (text.rfind(kCredentialOfferScheme, 0) != 0)
      return Status::Malformed("credential offer: expected a URI starting with " + std::string(kCredentialOfferScheme));
    std::string_view rest = text.substr(kCredentialOfferScheme.size());
    // "openid-credential-offer://?…" or "openid-credential-offer://host/?…": the query is what counts.
    std::size_t q = rest.find('?');
    if (q == std::string_view::npos) return Status::Malformed("credential offer: the URI has no query");
    std::string_view query = rest.substr(q + 1);
    if (std::size_t hash = query.find('#'); hash != std::string_view::npos) query = query.substr(0, hash);
    std::optional<std::string> found;
    while (!query.empty()) {
      std::size_t amp = query.find('&');
      std::string_view pair = query.substr(0, amp);
      query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
      std::size_t eq = pair.find('=');
      std::string_view name = pair.substr(0, eq);
      std::string_view value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
      if (name == "credential_offer_uri")
        return Status::Unsupported("credential offer: credential_offer_uri (an offer by reference) is not supported");
      if (name != "credential_offer") continue;
      if (found) return Status::Malformed("credential offer: credential_offer appears twice");
      PSL_ASSIGN_OR_RETURN(std::string decoded, PercentDecode(value));
      found = std::move(decoded);
    }
    if (!found) return Status::Malformed("credential offer: the URI has no credential_offer parameter");
    json_text = std::move(*found);
  }
  auto parsed = ParseJson(json_text, JsonLimits{kMaxCredentialOfferBytes, 8});
  if (!parsed.ok()) return parsed.status().Annotate("credential_offer");
  return FromJson(*parsed);
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (unsigned char c : text) {
    if (IsUnreserved(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

Result<std::string> PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    int hi = i + 1 < text.size() ? HexValue(text[i + 1]) : -1;
    int lo = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
    if (hi < 0 || lo < 0) return Status::Malformed("percent-encoding: bad escape at offset " + std::to_string(i));
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

}  // namespace passerelle
