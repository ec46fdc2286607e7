// Passerelle — the offline document loader over the bundled contexts.
//
// The table below pins each URL to a file embedded from formats/contexts/
// and to the SHA-256 of its bytes (formats/contexts/index.json). A file is
// hashed, parsed and cached the first time its URL is loaded; a hash
// mismatch is reported on every load of that URL and never served.
//
// To bundle another context: add the file to formats/contexts/, record it in
// index.json, and add one row {url, file, sha256} to kBundledContexts.
#include "formats/jsonld/document_loader.h"

#include <array>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "formats/embedded_file.h"
#include "formats/jsonld/internal/input_limits.h"

namespace passerelle::jsonld {
namespace {

struct BundledContext {
  std::string_view url;  // a string_view: Load compares lengths before bytes
  const char* file;    // name in formats/contexts/
  const char* sha256;  // lower-case hex of the file's bytes
};

constexpr BundledContext kBundledContexts[] = {
    {"https://www.w3.org/ns/credentials/v2",
     "www.w3.org_ns_credentials_v2.jsonld",
     "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734"},
    {"https://www.w3.org/ns/credentials/examples/v2",
     "www.w3.org_ns_credentials_examples_v2.jsonld",
     "57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c"},
    {"https://www.w3.org/ns/credentials/undefined-terms/v2",
     "www.w3.org_ns_credentials_undefined-terms_v2.jsonld",
     "82dab514ba44eb18f5d1b0f638c5e140c6a556fbfb5089601bdc0fa5eb8b2581"},
    {"https://www.w3.org/2018/credentials/v1",
     "www.w3.org_2018_credentials_v1.jsonld",
     "ab4ddd9a531758807a79a5b450510d61ae8d147eab966cc9a200c07095b0cdcc"},
    {"https://w3id.org/security/data-integrity/v2",
     "w3id.org_security_data-integrity_v2.jsonld",
     "67f21e6e33a6c14e5ccfd2fc7865f7474fb71a04af7e94136cb399dfac8ae8f4"},
    {"https://w3id.org/security/data-integrity/v1",
     "w3id.org_security_data-integrity_v1.jsonld",
     "b5d829bd09aa7c42abc6efa0c8ed7635313b5487f37ccfce3ecd149ca9418554"},
    {"https://w3id.org/security/multikey/v1",
     "w3id.org_security_multikey_v1.jsonld",
     "ba2c182de2d92f7e47184bcca8fcf0beaee6d3986c527bf664c195bbc7c58597"},
    {"https://w3id.org/security/jwk/v1",
     "w3id.org_security_jwk_v1.jsonld",
     "0f14b62f6071aafe00df265770ea0c7508e118247d79b7d861a406d2aa00bece"},
    {"https://www.w3.org/ns/did/v1",
     "www.w3.org_ns_did_v1.jsonld",
     "4f3eae5568c9c5f036a082088f9e192019ee06faa78973c87ff91d5421b88dad"},
    {"https://w3id.org/security/suites/ed25519-2020/v1",
     "w3id.org_security_suites_ed25519-2020_v1.jsonld",
     "b9e1ab971fd8bf2c7553e0c4a9438e0b9450afde1ea1ca5b2492368b9f549588"},
    {"https://w3id.org/citizenship/v4rc1",
     "w3id.org_citizenship_v4rc1.jsonld",
     "5038c7383afd7ab2158f1b997913a8f60978a0abcf96e0b0d08e29f146d2db1e"},
    {"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
     "purl.imsglobal.org_spec_ob_v3p0_context-3.0.3.json",
     "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761"},
    {"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
     "purl.imsglobal.org_spec_ob_v3p0_context-3.0.2.json",
     "00666ad080ba407687ed1846b7f5e7495f5019042b202a727de47c48a1755c53"},
    {"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
     "purl.imsglobal.org_spec_ob_v3p0_context-3.0.1.json",
     "d582f3564282fb3b709136d28412e78e70b678b4dbc2f0221f67d84932748355"},
    {"https://purl.imsglobal.org/spec/ob/v3p0/context.json",
     "purl.imsglobal.org_spec_ob_v3p0_context.json",
     "b077fa134d909d92c1dcd1c153f2af1b244aeb415967fdc1467d7fc5dd48ac10"},
    {"http://data.europa.eu/snb/model/context/edc-ap",
     "data.europa.eu_snb_model_context_edc-ap.jsonld",
     "528f8a0e86dbbec7db2216c61806e6311feedac77a51d1a38b0a1d49e4c337fb"},
    {"https://www.w3.org/ns/credentials/status/v1",
     "www.w3.org_ns_credentials_status_v1.jsonld",
     "fda5add353231e6a6884a46b12e6c75464281900cb348284d9c360f62381d9f7"},
    {"https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
     "purl.imsglobal.org_spec_ob_v3p0_extensions.json",
     "146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3"},
    {"https://w3id.org/security/suites/x25519-2020/v1",
     "w3id.org_security_suites_x25519-2020_v1.jsonld",
     "b234f84fe7cebb0efef37cad82667eeacb6d414f6c51ac37f5dc803a4a0c728a"},
    {"https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
     "purl.imsglobal.org_spec_clr_v2p0_context-2.0.1.json",
     "880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6"},
    // Passerelle's own context (docs/formats/passerelle-context.md).
    {"https://w3id.org/passerelle/v1",
     "w3id.org_passerelle_v1.jsonld",
     "fe3ec70ad49008359bc84fba7638f2ed0b7e4ce73640a58e1303083054d1c786"},
    // Passerelle's trust lists (docs/formats/trust-list.md).
    {"https://w3id.org/passerelle/trust/v1",
     "w3id.org_passerelle_trust_v1.jsonld",
     "a52626e82695152370e08149affc90579a886a3b9a3e1246664bd5a027812527"},
};
constexpr size_t kBundledCount = sizeof(kBundledContexts) / sizeof(kBundledContexts[0]);

// Depth bound for bundled documents (they are trusted, but bounded anyway).
constexpr int kMaxContextDepth = 64;

std::string HexSha256(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * sizeof(digest));
  for (unsigned char b : digest) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

const EmbeddedFile* FindEmbedded(std::string_view name) {
  for (size_t i = 0; i < kEmbeddedContexts_count; ++i) {
    if (name == kEmbeddedContexts[i].name) return &kEmbeddedContexts[i];
  }
  return nullptr;
}

// One bundled document: verified and parsed once, on first use.
struct Slot {
  std::once_flag once;
  Status status;
  std::shared_ptr<const nlohmann::json> doc;
};

void LoadSlot(const BundledContext& entry, Slot& slot) {
  const EmbeddedFile* file = FindEmbedded(entry.file);
  if (file == nullptr) {
    slot.status = Status::Internal(std::string("bundled context file missing: ") + entry.file);
    return;
  }
  std::string digest = HexSha256(file->bytes());
  if (digest != entry.sha256) {
    slot.status = Status::VerificationFailed("bundled context " + std::string(entry.url) +
                                             ": sha-256 " + digest + " does not match pinned " +
                                             entry.sha256);
    return;
  }
  auto parsed = nlohmann::json::parse(file->bytes(), nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    slot.status = Status::Malformed("bundled context " + std::string(entry.url) +
                                    ": not valid JSON");
    return;
  }
  Status depth = internal::CheckDepth(parsed, kMaxContextDepth, std::string(entry.url));
  if (!depth.ok()) {
    slot.status = depth;
    return;
  }
  slot.doc = std::make_shared<const nlohmann::json>(std::move(parsed));
}

}  // namespace

Result<std::string_view> BundledDocumentBytes(std::string_view url) {
  for (size_t i = 0; i < kBundledCount; ++i) {
    if (url != kBundledContexts[i].url) continue;
    const EmbeddedFile* file = FindEmbedded(kBundledContexts[i].file);
    if (file == nullptr) return Status::Internal("bundled context file missing: " + std::string(url));
    // Hashed once per process, as Load does.
    static std::array<std::once_flag, kBundledCount> checked;
    static std::array<bool, kBundledCount> intact{};
    std::call_once(checked[i], [&] { intact[i] = HexSha256(file->bytes()) == kBundledContexts[i].sha256; });
    if (!intact[i])
      return Status::VerificationFailed("bundled context " + std::string(url) + " does not match its pinned hash");
    return file->bytes();
  }
  return Status::Unsupported("not bundled: " + std::string(url));
}

namespace {

class Bundled final : public DocumentLoader {
 public:
  Result<std::shared_ptr<const nlohmann::json>> Load(std::string_view url) const override {
    for (size_t i = 0; i < kBundledCount; ++i) {
      if (url != kBundledContexts[i].url) continue;
      Slot& slot = slots_[i];
      std::call_once(slot.once, [&] { LoadSlot(kBundledContexts[i], slot); });
      if (!slot.status.ok()) return slot.status;
      return slot.doc;
    }
    return Status::Unsupported("context not bundled: " + std::string(url));
  }

 private:
  mutable std::array<Slot, kBundledCount> slots_;
};

}  // namespace

bool IsBundledContext(std::string_view url) {
  for (const auto& entry : kBundledContexts)
    if (entry.url == url) return true;
  return false;
}

const DocumentLoader& BundledLoader() {
  static const Bundled* loader = new Bundled();
  return *loader;
}

}  // namespace passerelle::jsonld
