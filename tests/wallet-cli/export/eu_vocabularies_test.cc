// Tests for wallet-cli/export/eu_vocabularies.h.
#include "wallet-cli/export/eu_vocabularies.h"

#include <catch2/catch.hpp>

namespace passerelle::wallet {
namespace {

TEST_CASE("eu vocabularies: languages and countries as authority IRIs", "[europass]") {
  CHECK(EuLanguageIri("kk") == "http://publications.europa.eu/resource/authority/language/KAZ");
  CHECK(EuLanguageIri("ro-RO") == "http://publications.europa.eu/resource/authority/language/RON");
  CHECK(EuLanguageIri("EL") == "http://publications.europa.eu/resource/authority/language/ELL");
  CHECK(EuLanguageIri("").empty());
  CHECK(EuLanguageIri("xx").empty());
  CHECK(EuCountryIri("FR") == "http://publications.europa.eu/resource/authority/country/FRA");
  CHECK(EuCountryIri("el") == "http://publications.europa.eu/resource/authority/country/GRC");
  CHECK(EuCountryIri("KZ") == "http://publications.europa.eu/resource/authority/country/KAZ");
  CHECK(EuCountryIri("ZZ").empty());
}

}  // namespace
}  // namespace passerelle::wallet
