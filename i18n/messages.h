// Passerelle — the programs' translated messages: the catalogues of
// i18n/messages/<lang>.txt, embedded in the binaries, looked up by key.
//
// Contract: Message(lang, key) never fails and never returns empty for a
// key that en.txt defines: it looks in `lang`'s catalogue, then along
// FallbackChain(lang) (kk → ru → en), and returns the key itself only when
// no catalogue has it (a programming error the catalogue test catches).
// The catalogues are parsed once, on first use; a catalogue that does not
// parse is treated as empty (the catalogue test fails on it). Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "i18n/catalogue.h"

namespace passerelle::i18n {

// The message `key` for a reader of `language` (see the contract above).
std::string Message(std::string_view language, std::string_view key);

// Message() with "{1}" … replaced by `args` (Substitute).
std::string Message(std::string_view language, std::string_view key, const std::vector<std::string>& args);

// The embedded catalogue of `language` exactly as parsed, for tests.
// Errors: kNotFound (no such catalogue), those of Catalogue::Parse.
Result<Catalogue> EmbeddedCatalogue(std::string_view language);

}  // namespace passerelle::i18n
