// Passerelle — making untrusted text safe to print on a terminal.
// Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace passerelle {

// Returns `text` with control characters (C0, DEL, C1, so ANSI escape
// sequences too), bidirectional overrides and isolates (U+202A–U+202E,
// U+2066–U+2069, U+200E, U+200F, U+061C) and invalid UTF-8 bytes replaced by
// visible escapes ("\x1b", "\u202e"). Newlines become "\n" unless `keep_newlines`.
std::string SanitizeForTerminal(std::string_view text, bool keep_newlines = false);

}  // namespace passerelle
