// Passerelle — the parse-and-dispatch wrapper (see app.h).
#include "cmdline/app.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "cmdline/diagnostics.h"

namespace passerelle::cmdline {
namespace {

// Number of single-character insertions, deletions and substitutions that
// turn `a` into `b` (Levenshtein).
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The settings every verb shares, applied once all options are declared: an
// option that may be repeated takes one value per occurrence, so it leaves the
// arguments after that value to the verb's positionals.
void ApplySharedSettings(CLI::App* app) {
  for (CLI::Option* option : app->get_options({})) {
    if (option->nonpositional() && option->get_expected_max() > 1) option->allow_extra_args(false);
  }
  for (CLI::App* sub : app->get_subcommands({})) ApplySharedSettings(sub);
}

// Where the arguments lead among the verbs: the deepest verb (or group) named,
// its path ("issuer token"), and the first word given where a verb was due
// that names none.
struct VerbWalk {
  CLI::App* reached = nullptr;
  std::string path;
  std::optional<std::string> unknown;
};

VerbWalk WalkVerbs(CLI::App* root, std::string_view tool, int argc, const char* const* argv) {
  VerbWalk walk{root, std::string(tool), std::nullopt};
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    std::vector<CLI::App*> verbs = walk.reached->get_subcommands({});
    if (verbs.empty()) break;
    if (arg.starts_with("-")) continue;
    auto it = std::find_if(verbs.begin(), verbs.end(), [&](CLI::App* v) { return v->check_name(std::string(arg)); });
    if (it == verbs.end()) {
      walk.unknown = std::string(arg);
      break;
    }
    walk.reached = *it;
    walk.path += " " + (*it)->get_name();
  }
  return walk;
}

std::vector<std::string> VerbNames(CLI::App* group) {
  std::vector<std::string> names;
  for (CLI::App* v : group->get_subcommands({})) names.push_back(v->get_name());
  return names;
}

}  // namespace

CommandLine::CommandLine(std::string tool, std::string description, std::string version)
    : tool_(std::move(tool)), app_(std::move(description), tool_) {
  app_.set_version_flag("--version", std::move(version));
  app_.require_subcommand(1);
}

CLI::App* CommandLine::AddVerb(std::string name, std::string description, VerbRun run, CLI::App* parent) {
  CLI::App* verb = (parent ? parent : &app_)->add_subcommand(std::move(name), std::move(description));
  runs_.emplace(verb, std::move(run));
  return verb;
}

CLI::App* CommandLine::AddGroup(std::string name, std::string description, CLI::App* parent) {
  CLI::App* group = (parent ? parent : &app_)->add_subcommand(std::move(name), std::move(description));
  group->require_subcommand(1);
  return group;
}

int CommandLine::Run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  ApplySharedSettings(&app_);
  try {
    app_.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --help-all, --version
    return app_.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    return ReportParseError(e, argc, argv, err);
  }
  const CLI::App* chosen = &app_;
  for (std::vector<CLI::App*> parsed = app_.get_subcommands(); !parsed.empty();
       parsed = parsed.front()->get_subcommands()) {
    chosen = parsed.front();
  }
  auto run = runs_.find(chosen);
  if (run == runs_.end()) return kExitNoVerdict;
  return run->second();
}

int CommandLine::ReportParseError(const CLI::ParseError& error, int argc, const char* const* argv,
                                  std::ostream& err) {
  const Diagnostics diag(tool_, err);
  VerbWalk walk = WalkVerbs(&app_, tool_, argc, argv);
  std::string group = walk.path.substr(tool_.size());  // " token" under a group, else empty
  if (!group.empty()) group = group.substr(1) + " ";
  if (walk.unknown) {
    diag.Error("unknown command \"" + group + *walk.unknown + "\"");
    if (auto nearest = NearestName(*walk.unknown, VerbNames(walk.reached))) {
      diag.Hint("did you mean \"" + group + *nearest + "\"?");
    } else {
      diag.Hint("run " + walk.path + " --help to see the commands");
    }
    return kExitNoVerdict;
  }
  if (!walk.reached->get_subcommands({}).empty() && error.get_name() == "RequiredError") {
    diag.Error(walk.path + " needs a command");
    diag.Hint("run " + walk.path + " --help to see the commands");
    return kExitNoVerdict;
  }
  diag.Error(error.what());
  diag.Hint("run " + walk.path + " --help");
  return kExitNoVerdict;
}

std::optional<std::string> NearestName(std::string_view typed, const std::vector<std::string>& known) {
  std::optional<std::string> best;
  size_t best_distance = 3;  // at most 2 edits
  for (const std::string& name : known) {
    size_t d = EditDistance(typed, name);
    if (d < best_distance && d < typed.size()) {
      best = name;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace passerelle::cmdline
