// Passerelle — the one parse-and-dispatch wrapper the three programs' main()
// use: a CLI11 app with --version, verbs that each carry the function that
// runs them, the settings every verb shares, and parse errors reported as
// `<tool>: error: …` with a hint and exit status 2.
// Shared settings: a repeatable option (`--trust-issuer`, `--part`, …) takes
// exactly one value per occurrence, so `--trust-issuer DID FILE` leaves FILE
// to the verb's positional arguments and options go before or after them.
// A mistyped verb is named, with the nearest known verb as a hint.
// Include this header from main.cc only: it pulls in CLI11.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace passerelle::cmdline {

// A verb's body: runs once the arguments are parsed; returns the exit status.
using VerbRun = std::function<int()>;

class CommandLine {
 public:
  // `tool` prefixes diagnostics ("issuer"); `description` heads --help;
  // `version` is what --version prints.
  CommandLine(std::string tool, std::string description, std::string version);

  // Declares verb `name` under `parent` (the program itself when null); when
  // the user chooses it, Run calls `run`. Add its options on the result.
  CLI::App* AddVerb(std::string name, std::string description, VerbRun run, CLI::App* parent = nullptr);
  // Declares a group of verbs (`issuer token …`) that needs exactly one of the
  // verbs then added under it.
  CLI::App* AddGroup(std::string name, std::string description, CLI::App* parent = nullptr);

  // Parses `argv`, writes help or --version to `out` and diagnostics to `err`,
  // and returns the chosen verb's exit status, or 0 after help, or 2 after a
  // usage error.
  int Run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

 private:
  int ReportParseError(const CLI::ParseError& error, int argc, const char* const* argv, std::ostream& err);

  std::string tool_;
  CLI::App app_;
  std::map<const CLI::App*, VerbRun> runs_;
};

// Returns the name in `known` closest to `typed` by edit distance, if one is
// close enough to be a likely typo (at most 2 edits, fewer than typed has
// characters); nullopt otherwise.
std::optional<std::string> NearestName(std::string_view typed, const std::vector<std::string>& known);

}  // namespace passerelle::cmdline
