// Passerelle — lookup in the embedded catalogues.
#include "i18n/messages.h"

#include <map>

#include "formats/embedded_file.h"
#include "i18n/accept_language.h"

namespace passerelle {
extern const EmbeddedFile kEmbeddedCatalogues[];
extern const std::size_t kEmbeddedCatalogues_count;
}  // namespace passerelle

namespace passerelle::i18n {

namespace {

using Catalogues = std::map<std::string, Catalogue, std::less<>>;

const Catalogues& All() {
  static const Catalogues kAll = [] {
    Catalogues all;
    for (const std::string& lang : SupportedLanguages()) {
      auto parsed = EmbeddedCatalogue(lang);
      if (parsed.ok()) all.emplace(lang, std::move(*parsed));
    }
    return all;
  }();
  return kAll;
}

}  // namespace

Result<Catalogue> EmbeddedCatalogue(std::string_view language) {
  const std::string name = std::string(language) + ".txt";
  for (std::size_t i = 0; i < kEmbeddedCatalogues_count; ++i)
    if (name == kEmbeddedCatalogues[i].name) return Catalogue::Parse(kEmbeddedCatalogues[i].bytes());
  return Status::NotFound("no catalogue for \"" + std::string(language) + "\"");
}

std::string Message(std::string_view language, std::string_view key) {
  const Catalogues& all = All();
  for (const std::string& lang : FallbackChain(language)) {
    auto it = all.find(lang);
    if (it == all.end()) continue;
    if (const std::string* text = it->second.Find(key)) return *text;
  }
  return std::string(key);  // in no catalogue: a programming error the catalogue test catches
}

std::string Message(std::string_view language, std::string_view key, const std::vector<std::string>& args) {
  return Substitute(Message(language, key), args);
}

}  // namespace passerelle::i18n
