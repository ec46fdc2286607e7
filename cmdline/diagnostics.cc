// Passerelle — command-line diagnostics (see diagnostics.h).
#include "cmdline/diagnostics.h"

#include "formats/terminal_text.h"

namespace passerelle::cmdline {

void Diagnostics::Line(std::string_view kind, std::string_view text) const {
  err_ << tool_ << ": " << kind << ": " << SanitizeForTerminal(text) << "\n";
}

void Diagnostics::Error(std::string_view text) const { Line("error", text); }

void Diagnostics::Error(const Status& status) const { Line("error", status.message()); }

void Diagnostics::Error(std::string_view what, const Status& status) const {
  Line("error", std::string(what) + ": " + status.message());
}

void Diagnostics::Warning(std::string_view text) const { Line("warning", text); }

void Diagnostics::Hint(std::string_view text) const { Line("hint", text); }

}  // namespace passerelle::cmdline
