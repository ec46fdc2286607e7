// Tests for formats/terminal_text.h.
#include "formats/terminal_text.h"

#include <catch2/catch.hpp>

namespace passerelle {
namespace {

TEST_CASE("terminal text: escapes controls, ANSI and bidi overrides, keeps real text", "[terminal]") {
  CHECK(SanitizeForTerminal("Jérôme Θεμέλια Алматы") == "Jérôme Θεμέλια Алматы");
  CHECK(SanitizeForTerminal("\x1b[31mred") == "\\x1b[31mred");
  CHECK(SanitizeForTerminal("a\xE2\x80\xAE" "cba") == "a\\u202ecba");   // RIGHT-TO-LEFT OVERRIDE
  CHECK(SanitizeForTerminal("x\xE2\x81\xA6y") == "x\\u2066y");          // LEFT-TO-RIGHT ISOLATE
  CHECK(SanitizeForTerminal("\xC2\x9B" "2J") == "\\u009b2J");           // C1 CSI
  CHECK(SanitizeForTerminal("a\nb") == "a\\nb");
  CHECK(SanitizeForTerminal("a\nb", true) == "a\nb");
  CHECK(SanitizeForTerminal("\xFF\xC3") == "\\xff\\xc3");
  CHECK(SanitizeForTerminal("\xC0\xAF") == "\\xc0\\xaf");  // overlong '/'
  CHECK(SanitizeForTerminal("back\\slash") == "back\\\\slash");
}

}  // namespace
}  // namespace passerelle
