// End-to-end: `issuer audit --checkpoint` signs the audit log's head; an
// authority keeps it; `issuer audit --against` later tells whether the log
// before it still holds, unchanged (built binaries).
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/testing/paths.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::ProcessOptions;
using testing::RunTool;

TEST_CASE("cli: issuer audit --checkpoint, then --against: the log before it holds", "[cli][audit]") {
  testing::TempDir tmp;
  ProcessOptions env;
  env.env["PASSERELLE_PASSPHRASE"] = "audit test passphrase";
  const std::string dir = (tmp.path() / "iss").string();
  REQUIRE(RunTool("issuer", {"init", "--dir", dir, "--did-key", "--name", "Institut", "--country", "FR"}, env).exit_code ==
          0);
  // Token changes are audited: two entries.
  for (int i = 0; i < 2; ++i)
    REQUIRE(RunTool("issuer", {"token", "create", "--dir", dir, "--scope", "issue"}, env).exit_code == 0);

  auto checkpoint = RunTool("issuer", {"audit", "--dir", dir, "--checkpoint"}, env);
  INFO(checkpoint.err);
  REQUIRE(checkpoint.exit_code == 0);
  json signed_checkpoint = json::parse(checkpoint.out);
  CHECK(signed_checkpoint["credentialSubject"]["auditEntries"] == 2);
  CHECK(signed_checkpoint["credentialSubject"]["auditHead"].get<std::string>().size() == 64);
  CHECK(signed_checkpoint["proof"]["cryptosuite"] == "eddsa-jcs-2022");
  const std::string file = (tmp.path() / "checkpoint.json").string();
  std::ofstream(file) << checkpoint.out;

  // More work later; the checkpointed history is still there.
  REQUIRE(RunTool("issuer", {"token", "create", "--dir", dir, "--scope", "status"}, env).exit_code == 0);
  auto holds = RunTool("issuer", {"audit", "--dir", dir, "--against", file}, env);
  INFO(holds.err);
  CHECK(holds.exit_code == 0);
  CHECK_THAT(holds.out, Catch::Contains("unchanged, the 2 entries checkpointed (3 now)"));

  // A checkpoint edited after signing is refused.
  json edited = signed_checkpoint;
  edited["credentialSubject"]["auditEntries"] = 1;
  const std::string edited_file = (tmp.path() / "edited.json").string();
  std::ofstream(edited_file) << edited.dump();
  CHECK(RunTool("issuer", {"audit", "--dir", dir, "--against", edited_file}, env).exit_code == 1);
  // As is another issuer's checkpoint.
  const std::string other = (tmp.path() / "other").string();
  REQUIRE(RunTool("issuer", {"init", "--dir", other, "--did-key"}, env).exit_code == 0);
  REQUIRE(RunTool("issuer", {"token", "create", "--dir", other, "--scope", "issue"}, env).exit_code == 0);
  CHECK(RunTool("issuer", {"audit", "--dir", other, "--against", file}, env).exit_code == 1);
  CHECK(RunTool("issuer", {"audit", "--dir", dir, "--against", (tmp.path() / "missing.json").string()}, env)
            .exit_code == 2);
}

}  // namespace
}  // namespace passerelle
