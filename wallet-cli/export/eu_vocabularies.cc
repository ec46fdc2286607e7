// Passerelle wallet — ISO 639-1 / ISO 3166-1 alpha-2 to EU authority tables.
#include "wallet-cli/export/eu_vocabularies.h"

#include <cctype>
#include <utility>

namespace passerelle::wallet {

namespace {

// ISO 639-1 → ISO 639-2/T (the EU language table's codes, upper case).
constexpr std::pair<std::string_view, std::string_view> kLanguages[] = {
    {"az", "AZE"}, {"be", "BEL"}, {"bg", "BUL"}, {"bs", "BOS"}, {"ca", "CAT"}, {"cs", "CES"}, {"cy", "CYM"},
    {"da", "DAN"}, {"de", "DEU"}, {"el", "ELL"}, {"en", "ENG"}, {"es", "SPA"}, {"et", "EST"}, {"eu", "EUS"},
    {"fi", "FIN"}, {"fr", "FRA"}, {"ga", "GLE"}, {"gl", "GLG"}, {"hr", "HRV"}, {"hu", "HUN"}, {"hy", "HYE"},
    {"is", "ISL"}, {"it", "ITA"}, {"ka", "KAT"}, {"kk", "KAZ"}, {"ky", "KIR"}, {"lb", "LTZ"}, {"lt", "LIT"},
    {"lv", "LAV"}, {"mk", "MKD"}, {"mt", "MLT"}, {"nl", "NLD"}, {"no", "NOR"}, {"pl", "POL"}, {"pt", "POR"},
    {"ro", "RON"}, {"ru", "RUS"}, {"sk", "SLK"}, {"sl", "SLV"}, {"sq", "SQI"}, {"sr", "SRP"}, {"sv", "SWE"},
    {"tg", "TGK"}, {"tk", "TUK"}, {"tr", "TUR"}, {"uk", "UKR"}, {"uz", "UZB"},
};

// ISO 3166-1 alpha-2 → alpha-3 (the EU country table's codes).
constexpr std::pair<std::string_view, std::string_view> kCountries[] = {
    {"AD", "AND"}, {"AL", "ALB"}, {"AM", "ARM"}, {"AT", "AUT"}, {"AZ", "AZE"}, {"BA", "BIH"}, {"BE", "BEL"},
    {"BG", "BGR"}, {"BY", "BLR"}, {"CA", "CAN"}, {"CH", "CHE"}, {"CY", "CYP"}, {"CZ", "CZE"}, {"DE", "DEU"},
    {"DK", "DNK"}, {"EE", "EST"}, {"ES", "ESP"}, {"FI", "FIN"}, {"FR", "FRA"}, {"GB", "GBR"}, {"GE", "GEO"},
    {"GR", "GRC"}, {"HR", "HRV"}, {"HU", "HUN"}, {"IE", "IRL"}, {"IS", "ISL"}, {"IT", "ITA"}, {"KG", "KGZ"},
    {"KZ", "KAZ"}, {"LI", "LIE"}, {"LT", "LTU"}, {"LU", "LUX"}, {"LV", "LVA"}, {"MC", "MCO"}, {"MD", "MDA"},
    {"ME", "MNE"}, {"MK", "MKD"}, {"MT", "MLT"}, {"NL", "NLD"}, {"NO", "NOR"}, {"PL", "POL"}, {"PT", "PRT"},
    {"RO", "ROU"}, {"RS", "SRB"}, {"RU", "RUS"}, {"SE", "SWE"}, {"SI", "SVN"}, {"SK", "SVK"}, {"SM", "SMR"},
    {"TJ", "TJK"}, {"TM", "TKM"}, {"TR", "TUR"}, {"UA", "UKR"}, {"US", "USA"}, {"UZ", "UZB"}, {"VA", "VAT"},
};

template <std::size_t N>
std::string_view Lookup(const std::pair<std::string_view, std::string_view> (&table)[N], std::string_view key) {
  for (const auto& [from, to] : table)
    if (from == key) return to;
  return {};
}

}  // namespace

std::string EuLanguageIri(std::string_view bcp47) {
  std::string primary;
  for (char c : bcp47.substr(0, bcp47.find('-'))) primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view code = Lookup(kLanguages, primary);
  return code.empty() ? std::string() : std::string(kEuLanguageScheme) + "/" + std::string(code);
}

std::string EuCountryIri(std::string_view alpha2) {
  std::string upper;
  for (char c : alpha2) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper == "EL") upper = "GR";
  std::string_view code = Lookup(kCountries, upper);
  return code.empty() ? std::string() : std::string(kEuCountryScheme) + "/" + std::string(code);
}

}  // namespace passerelle::wallet
