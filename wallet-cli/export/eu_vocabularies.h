// Passerelle wallet — the EU Publications Office authority tables the
// Europass export names: languages and countries as concept IRIs.
//
// ELM 3 documents name a language or a country by its concept in the EU
// authority tables (http://publications.europa.eu/resource/authority/…),
// keyed by three-letter codes. This unit maps the two-letter codes
// Passerelle credentials use onto them, for the languages and countries of
// the EHEA and its partners. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace passerelle::wallet {

inline constexpr std::string_view kEuLanguageScheme = "http://publications.europa.eu/resource/authority/language";
inline constexpr std::string_view kEuCountryScheme = "http://publications.europa.eu/resource/authority/country";

// The language authority IRI for a BCP 47 tag ("ro", "kk-KZ" → …/language/RON,
// …/language/KAZ); empty when the primary subtag is not in the table.
std::string EuLanguageIri(std::string_view bcp47);

// The country authority IRI for an ISO 3166-1 alpha-2 code ("FR" → …/country/FRA);
// empty when the code is not in the table.
std::string EuCountryIri(std::string_view alpha2);

}  // namespace passerelle::wallet
