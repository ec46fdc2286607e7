// Tests for cmdline/app.h: the one parse-and-dispatch wrapper, run in-process
// on a small program shaped like the real ones (verbs, a group, repeatable
// options, positional files).
#include "cmdline/app.h"

#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cmdline/diagnostics.h"

namespace passerelle::cmdline {
namespace {

struct Outcome {
  int exit_code = -1;
  std::string out, err;
};

// A program with `verify FILE... [--trust-issuer DID]... [--kind K,K]...`,
// `issue`, and a group `token create|list`.
struct Program {
  std::vector<std::string> files, trust, kinds;
  std::string ran;

  Outcome Run(std::vector<std::string> args) {
    CommandLine program("tool", "a test program", "tool 1.0");
    CLI::App* verify = program.AddVerb("verify", "verify files", [&] {
      ran = "verify";
      return kExitOk;
    });
    verify->add_option("files", files, "files");
    verify->add_option("--trust-issuer", trust, "a trusted DID");
    verify->add_option("--kind", kinds, "kinds")->delimiter(',');
    program.AddVerb("issue", "issue", [&] {
      ran = "issue";
      return kExitNo;
    });
    CLI::App* token = program.AddGroup("token", "tokens");
    program.AddVerb("create", "create a token", [&] { ran = "token create"; return kExitOk; }, token);
    program.AddVerb("list", "list tokens", [&] { ran = "token list"; return kExitOk; }, token);

    args.insert(args.begin(), "tool");
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    int code = program.Run(static_cast<int>(argv.size()), argv.data(), out, err);
    return {code, out.str(), err.str()};
  }
};

TEST_CASE("app: a repeatable option takes one value, leaving the files after it to the verb", "[cmdline]") {
  Program p;
  auto r = p.Run({"verify", "--trust-issuer", "did:a", "one.json", "--trust-issuer", "did:b", "two.json",
                  "--kind", "module,certification", "three.json"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(p.ran == "verify");
  CHECK(p.files == std::vector<std::string>{"one.json", "two.json", "three.json"});
  CHECK(p.trust == std::vector<std::string>{"did:a", "did:b"});
  CHECK(p.kinds == std::vector<std::string>{"module", "certification"});
}

TEST_CASE("app: options go before or after the files", "[cmdline]") {
  Program before, after;
  before.Run({"verify", "--trust-issuer", "did:a", "one.json"});
  after.Run({"verify", "one.json", "--trust-issuer", "did:a"});
  CHECK(before.files == after.files);
  CHECK(before.trust == after.trust);
  CHECK(before.files == std::vector<std::string>{"one.json"});
}

TEST_CASE("app: the chosen verb runs and its status is the exit status", "[cmdline]") {
  Program p;
  CHECK(p.Run({"issue"}).exit_code == kExitNo);
  CHECK(p.ran == "issue");
  Program q;
  CHECK(q.Run({"token", "list"}).exit_code == kExitOk);
  CHECK(q.ran == "token list");
}

TEST_CASE("app: a mistyped verb is named, with the nearest one as a hint", "[cmdline]") {
  Program p;
  auto r = p.Run({"isue", "--dir", "x"});
  CHECK(r.exit_code == kExitNoVerdict);
  CHECK(p.ran.empty());
  CHECK(r.err == "tool: error: unknown command \"isue\"\ntool: hint: did you mean \"issue\"?\n");
  auto nested = Program().Run({"token", "crate"});
  CHECK(nested.exit_code == kExitNoVerdict);
  CHECK_THAT(nested.err, Catch::Contains("tool: error: unknown command \"token crate\""));
  CHECK_THAT(nested.err, Catch::Contains("tool: hint: did you mean \"token create\"?"));
  auto far = Program().Run({"frobnicate"});
  CHECK(far.exit_code == kExitNoVerdict);
  CHECK_THAT(far.err, Catch::Contains("unknown command \"frobnicate\""));
  CHECK_THAT(far.err, Catch::Contains("tool: hint: run tool --help to see the commands"));
}

TEST_CASE("app: a missing verb and a bad option are usage errors (2) with a hint", "[cmdline]") {
  auto none = Program().Run({});
  CHECK(none.exit_code == kExitNoVerdict);
  CHECK_THAT(none.err, Catch::Contains("tool: error: tool needs a command"));
  auto group = Program().Run({"token"});
  CHECK(group.exit_code == kExitNoVerdict);
  CHECK_THAT(group.err, Catch::Contains("tool: error: tool token needs a command"));
  auto bad = Program().Run({"verify", "--no-such-flag", "x.json"});
  CHECK(bad.exit_code == kExitNoVerdict);
  CHECK_THAT(bad.err, Catch::Contains("tool: error: "));
  CHECK_THAT(bad.err, Catch::Contains("--no-such-flag"));
  CHECK_THAT(bad.err, Catch::Contains("tool: hint: run tool verify --help"));
}

TEST_CASE("app: --version and --help print to out and exit 0", "[cmdline]") {
  auto version = Program().Run({"--version"});
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::Contains("tool 1.0"));
  auto help = Program().Run({"verify", "--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("--trust-issuer"));
}

TEST_CASE("app: NearestName suggests only likely typos", "[cmdline]") {
  const std::vector<std::string> verbs{"init", "issue", "sign", "serve", "revoke", "suspend", "unsuspend"};
  CHECK(NearestName("isue", verbs) == "issue");
  CHECK(NearestName("sevre", verbs) == "serve");
  CHECK(NearestName("unsuspnd", verbs) == "unsuspend");
  CHECK(NearestName("frobnicate", verbs) == std::nullopt);
  CHECK(NearestName("x", verbs) == std::nullopt);
}

}  // namespace
}  // namespace passerelle::cmdline
