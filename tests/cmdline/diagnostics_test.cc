// Tests for cmdline/diagnostics.h: the line format every program uses, and
// that what reaches the terminal is sanitised.
#include "cmdline/diagnostics.h"

#include <sstream>

#include <catch2/catch.hpp>

namespace passerelle::cmdline {
namespace {

TEST_CASE("diagnostics: error, warning and hint lines name the tool", "[cmdline]") {
  std::ostringstream err;
  const Diagnostics diag("verifier", err);
  diag.Error("nothing to verify");
  diag.Warning("no trust anchor given");
  diag.Hint("give a credential file");
  CHECK(err.str() ==
        "verifier: error: nothing to verify\n"
        "verifier: warning: no trust anchor given\n"
        "verifier: hint: give a credential file\n");
}

TEST_CASE("diagnostics: a status prints its message, after what it is about", "[cmdline]") {
  std::ostringstream err;
  const Diagnostics diag("issuer", err);
  diag.Error(Status::IOError("\"x.json\": no such file"));
  diag.Error("--cache", Status::IOError("not a folder"));
  CHECK(err.str() ==
        "issuer: error: \"x.json\": no such file\n"
        "issuer: error: --cache: not a folder\n");
}

TEST_CASE("diagnostics: escapes, bidi overrides and newlines from files are defused", "[cmdline]") {
  std::ostringstream err;
  const Diagnostics diag("wallet", err);
  diag.Error("\"evil\x1b[2J.json\": bad\nwallet: hint: fake \xe2\x80\xae");
  const std::string line = err.str();
  CHECK(line.find('\x1b') == std::string::npos);
  CHECK(line.find("\xe2\x80\xae") == std::string::npos);
  // One line only: a forged second diagnostic cannot appear.
  CHECK(line.find('\n') == line.size() - 1);
  CHECK(line.rfind("wallet: error: ", 0) == 0);
}

}  // namespace
}  // namespace passerelle::cmdline
