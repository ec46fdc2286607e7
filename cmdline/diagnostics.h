// Passerelle — diagnostics for the command-line programs: one line per
// message, `<tool>: error: …`, `<tool>: warning: …` or `<tool>: hint: …`
// (docs/cli/*.md, STYLE G11), with the text always passed through
// SanitizeForTerminal (G12): callers hand it file names, user input and
// messages that quote untrusted documents as they are.
// A Diagnostics is a cheap view of a tool name and a stream; not thread-safe
// beyond what the stream is.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "formats/status.h"

namespace passerelle::cmdline {

// The exit statuses every program shares (docs/cli/verifier.md, EXIT STATUS).
inline constexpr int kExitOk = 0;         // done; valid
inline constexpr int kExitNo = 1;         // a definite "no": forged, expired, revoked, untrusted
inline constexpr int kExitNoVerdict = 2;  // usage error, unreadable or malformed input, I/O failure

class Diagnostics {
 public:
  // Writes to `err` as `tool`; `tool` and `err` must outlive this object.
  Diagnostics(std::string_view tool, std::ostream& err) : tool_(tool), err_(err) {}

  // Writes "<tool>: error: <text>" (sanitised) and a newline.
  void Error(std::string_view text) const;
  // Writes the status's message as an error; `status` is expected not to be ok.
  void Error(const Status& status) const;
  // Writes "<what>: <status message>" as an error, e.g. Error("--cache", s).
  void Error(std::string_view what, const Status& status) const;
  // Writes "<tool>: warning: <text>" (sanitised) and a newline.
  void Warning(std::string_view text) const;
  // Writes "<tool>: hint: <text>" (sanitised) and a newline.
  void Hint(std::string_view text) const;

  std::string_view tool() const { return tool_; }

 private:
  void Line(std::string_view kind, std::string_view text) const;

  std::string_view tool_;
  std::ostream& err_;
};

}  // namespace passerelle::cmdline
