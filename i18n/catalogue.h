// Passerelle — one language's message catalogue: the `key = text` file format
// of i18n/messages/*.txt, parsed strictly.
//
// Format (UTF-8): one message per line, `key = text`; blank lines and lines
// starting with '#' are ignored. Keys are [a-z0-9_.-]+, unique. Text runs to
// the end of the line (surrounding spaces trimmed); "\n" in the text stands
// for a line break, "\\" for a backslash; placeholders are "{1}" … "{9}"
// (see Substitute). A catalogue is a value: immutable once parsed, thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "formats/status.h"

namespace passerelle::i18n {

inline constexpr std::size_t kMaxCatalogueBytes = 256 * 1024;
inline constexpr std::size_t kMaxMessageBytes = 2048;

class Catalogue {
 public:
  // Parses `text`. Errors: kMalformed naming the 1-based line (a line
  // without " = ", a bad key, a duplicate key, invalid UTF-8, an unknown
  // escape, a message over kMaxMessageBytes), kResourceExhausted (over
  // kMaxCatalogueBytes).
  static Result<Catalogue> Parse(std::string_view text);

  // The message for `key`, or nullptr when this catalogue has none.
  const std::string* Find(std::string_view key) const;

  // Every key, sorted.
  std::vector<std::string> Keys() const;

 private:
  std::map<std::string, std::string, std::less<>> messages_;
};

// `text` with "{1}" … "{9}" replaced by args[0] … args[8]; a placeholder
// without an argument, and any other brace, is kept as written. Values are
// inserted verbatim (escape them for their destination first, or after).
std::string Substitute(std::string_view text, const std::vector<std::string>& args);

}  // namespace passerelle::i18n
