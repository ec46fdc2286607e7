// Passerelle — related-resource digests.
#include "formats/related_resource.h"

#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "formats/digest.h"
#include "formats/json.h"
#include "formats/jsonld/document_loader.h"
#include "formats/multibase.h"

namespace passerelle {

using nlohmann::json;

namespace {

Status Invalid(const std::string& at, const std::string& what) {
  return Status::InvalidCredential(at + ": " + what).AtPointer(at);
}

enum class Outcome { kMatch, kUnknownAlgorithm };

// Subresource Integrity: one or more "alg-base64[?options]" tokens separated
// by spaces; the resource matches when a token of the strongest algorithm
// given matches (SRI §3.3.5). Unknown algorithms are ignored; none known:
// kUnknownAlgorithm.
Result<Outcome> CheckSri(const std::string& value, std::string_view bytes, const std::string& at) {
  std::istringstream tokens(value);
  std::string token;
  int strongest = 0;  // 256, 384, 512
  bool matched_strongest = false;
  std::vector<std::pair<int, std::string>> known;
  while (tokens >> token) {
    std::string expression = token.substr(0, token.find('?'));
    std::size_t dash = expression.find('-');
    if (dash == std::string::npos) return Invalid(at, "\"" + token.substr(0, 80) + "\" is not an integrity token (alg-base64)");
    const std::string alg = expression.substr(0, dash);
    int bits = alg == "sha256" ? 256 : alg == "sha384" ? 384 : alg == "sha512" ? 512 : 0;
    if (bits == 0) continue;
    known.emplace_back(bits, expression.substr(dash + 1));
    strongest = std::max(strongest, bits);
  }
  if (known.empty()) return Outcome::kUnknownAlgorithm;
  const std::string expected = strongest == 256   ? EncodeBase64(Sha256(bytes))
                               : strongest == 384 ? EncodeBase64(Sha384(bytes))
                                                  : EncodeBase64(Sha512(bytes));
  for (const auto& [bits, digest] : known)
    if (bits == strongest && digest == expected) matched_strongest = true;
  if (!matched_strongest) return Invalid(at, "does not match the resource's bytes");
  return Outcome::kMatch;
}

// digestMultibase: a multihash (sha2-256 0x12, sha2-384 0x20, sha2-512 0x13)
// or, as the VC 2.0 examples write it, a bare 32-byte SHA-256.
Result<Outcome> CheckMultibase(const std::string& value, std::string_view bytes, const std::string& at) {
  auto decoded = DecodeMultibase(value);
  if (!decoded.ok()) return Invalid(at, "not a multibase value (" + decoded.status().message() + ")");
  const std::string& d = decoded->bytes;
  std::string expected;
  if (d.size() == 32) {
    expected = Sha256(bytes);
    return d == expected ? Result<Outcome>(Outcome::kMatch) : Invalid(at, "does not match the resource's bytes");
  }
  if (d.size() < 2) return Invalid(at, "too short for a digest");
  const auto code = static_cast<unsigned char>(d[0]);
  const auto length = static_cast<unsigned char>(d[1]);
  if (code == 0x12 && length == 32) expected = Sha256(bytes);
  else if (code == 0x20 && length == 48) expected = Sha384(bytes);
  else if (code == 0x13 && length == 64) expected = Sha512(bytes);
  else return Outcome::kUnknownAlgorithm;
  if (d.size() != 2 + expected.size()) return Invalid(at, "the multihash length does not match its digest");
  return d.compare(2, std::string::npos, expected) == 0 ? Result<Outcome>(Outcome::kMatch)
                                                        : Invalid(at, "does not match the resource's bytes");
}

}  // namespace

Result<RelatedResourceCheck> CheckRelatedResourceDigests(const json& credential, const std::string& where) {
  RelatedResourceCheck out;
  const json* member = FindMember(credential, "relatedResource");
  if (member == nullptr) return out;
  const std::string base = where + "/relatedResource";
  const bool many = member->is_array();
  const std::size_t n = many ? member->size() : 1;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < n; ++i) {
    const json& r = many ? (*member)[i] : *member;
    const std::string at = many ? base + "/" + std::to_string(i) : base;
    if (!r.is_object()) return Invalid(at, "must be an object");
    const json* id = FindMember(r, "id");
    if (id == nullptr || !id->is_string()) return Invalid(at + "/id", "must be a string");
    const std::string& url = id->get_ref<const std::string&>();
    if (!seen.insert(url).second) return Invalid(at + "/id", "\"" + url + "\" is listed twice");
    auto bytes = jsonld::BundledDocumentBytes(url);
    if (!bytes.ok()) {
      out.unchecked.push_back(url);
      continue;
    }
    bool all_known = true;
    if (const json* sri = FindMember(r, "digestSRI"); sri != nullptr && sri->is_string()) {
      PSL_ASSIGN_OR_RETURN(Outcome o, CheckSri(sri->get<std::string>(), *bytes, at + "/digestSRI"));
      all_known = all_known && o == Outcome::kMatch;
    }
    if (const json* mb = FindMember(r, "digestMultibase"); mb != nullptr && mb->is_string()) {
      PSL_ASSIGN_OR_RETURN(Outcome o, CheckMultibase(mb->get<std::string>(), *bytes, at + "/digestMultibase"));
      all_known = all_known && o == Outcome::kMatch;
    }
    (all_known ? out.checked : out.unchecked).push_back(url);
  }
  return out;
}

}  // namespace passerelle
