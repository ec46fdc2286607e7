// Passerelle — the version-1 QR dictionary is frozen: its bytes are pinned
// by hash, and it holds the strings the payload format promises.
#include "formats/qr_dictionary_v1.h"

#include <string>

#include <catch2/catch.hpp>

#include "formats/digest.h"
#include "formats/multibase.h"

namespace passerelle {
namespace {

TEST_CASE("the version-1 dictionary bytes never change", "[qr_dictionary]") {
  std::string_view d = QrDictionaryV1();
  // If this fails you edited a frozen dictionary: every printed QR code of
  // version 1 would stop decoding. Add qr_dictionary_v2 and a new version.
  CHECK(Sha256Hex(d) == kQrDictionaryV1Sha256);
  CHECK(d.size() < 32 * 1024);  // deflate looks back 32 KiB at most
}

TEST_CASE("the dictionary holds the profile's recurring strings", "[qr_dictionary]") {
  std::string_view d = QrDictionaryV1();
  for (const char* s :
       {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1", "did:key:z6Mk",
        "DataIntegrityProof", "eddsa-rdfc-2022", "eddsa-jcs-2022", "authentication", "assertionMethod",
        "VerifiablePresentation", "VerifiableCredential", "ModuleCredential", "LearningAchievement",
        "http://data.europa.eu/snb/eqf/", "\"verificationMethod\":", "\"credentialSubject\":",
        "BitstringStatusListEntry"})
    CHECK(d.find(s) != std::string_view::npos);
}

}  // namespace
}  // namespace passerelle
