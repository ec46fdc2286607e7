// Passerelle CLI tests — learning pathways: an Almaty student's wallet, the
// Kazakh university that awarded her modules, and the Romanian university
// that recognises them (built binaries: issuer, wallet, verifier).
#pragma once

#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/issuer/node_process.h"
#include "tests/testing/paths.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace passerelle::pathways_testing {

using nlohmann::json;
using testing::ProcessOptions;
using testing::ProcessResult;
using testing::RunTool;

struct Pathways {
  testing::TempDir tmp;
  ProcessOptions env;
  std::string almaty_did, iasi_did, student_did;
  int awarded = 0;
  int almaty_port = testing::FreeLoopbackPort();
  int iasi_port = testing::FreeLoopbackPort();
  int lyon_port = testing::FreeLoopbackPort();

  Pathways() {
    env.env["PASSERELLE_PASSPHRASE"] = "pathways test passphrase";
    env.env["PASSERELLE_WALLET_DIR"] = Path("wallet");
    env.env["LANG"] = "en_GB.UTF-8";
    almaty_did = Init("almaty", "Almaty medical university (demo)", "KZ", almaty_port);
    iasi_did = Init("iasi", "Universitatea de Medicină Iași (demo)", "RO", iasi_port);
    auto wallet = RunTool("wallet", {"init"}, env);
    REQUIRE(wallet.exit_code == 0);
    student_did = wallet.out.substr(0, wallet.out.find('\n'));
  }
  std::string Path(const std::string& name) const { return (tmp.path() / name).string(); }

  // An issuer folder with a register (status entries need a public URL).
  std::string Init(const std::string& dir, const std::string& name, const std::string& country, int port) const {
    auto init = RunTool("issuer", {"init", "--dir", Path(dir), "--did-key", "--name", name, "--country", country,
                                   "--public-url", "http://127.0.0.1:" + std::to_string(port)},
                        env);
    INFO(init.err);
    REQUIRE(init.exit_code == 0);
    return init.out.substr(0, init.out.find('\n'));
  }

  // A Kazakh module credential (NQF level only: Kazakhstan is outside the
  // EQF), signed by Almaty for `subject`; returns the file.
  std::string KazakhModule(const std::string& code, const std::string& title, const std::string& grade,
                           const std::string& subject) {
    const std::string id = "urn:uuid:00000000-0000-4000-8000-00000000000" + std::to_string(++awarded);
    json vc = {{"@context", {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"}},
               {"id", id},
               {"type", {"VerifiableCredential", "ModuleCredential"}},
               {"issuer", {{"id", almaty_did}, {"name", "Almaty medical university (demo)"}, {"country", "KZ"}}},
               {"validFrom", "2026-06-20T00:00:00Z"},
               {"credentialSubject",
                {{"id", subject},
                 {"givenName", "Aigerim"},
                 {"familyName", "Nurlanovna"},
                 {"awardedOn", "2026-06-20T00:00:00Z"},
                 {"achievement",
                  {{"type", "LearningAchievement"},
                   {"code", code},
                   {"title", {{"en", title}, {"ru", title + " (ru)"}}},
                   {"learningOutcomes", {{"en", {"Lead a clinical audit cycle"}}}},
                   {"ects", 6},
                   {"nqfLevel", "https://example.kz/nqf/7"},
                   {"assessmentType", "http://data.europa.eu/snb/assessment/6e6cb2cc78"},
                   {"mode", "http://data.europa.eu/snb/learning-assessment/e92d221e4d"},
                   {"qualityAssurance", "http://data.europa.eu/snb/accreditation/820101cba6"},
                   {"grade", {{"value", grade}, {"scheme", "KZ-0-100"}}}}}}}};
    std::ofstream(Path(code + ".unsigned.json")) << vc.dump();
    auto sign = RunTool("issuer", {"sign", "--dir", Path("almaty"), Path(code + ".unsigned.json")}, env);
    INFO(sign.err);
    REQUIRE(sign.exit_code == 0);
    std::ofstream(Path(code + ".json")) << sign.out;
    return Path(code + ".json");
  }

  // Runs `issuer serve` over folder `dir` on `port` until the result is dropped.
  std::unique_ptr<testing::BackgroundProcess> Serve(const std::string& dir, int port) const {
    auto server = std::make_unique<testing::BackgroundProcess>(
        std::vector<std::string>{(testing::BinDir() / "issuer").string(), "serve", "--dir", Path(dir), "--listen",
                                 "127.0.0.1:" + std::to_string(port), "--quiet"},
        env.env, tmp.path(), "serve-" + dir);
    REQUIRE(server->started());
    REQUIRE(testing::WaitForHealth(port));
    return server;
  }

  // Fetches the status lists `credentials` point at into the cache `cache`,
  // serving each issuer for the time of the fetch.
  void Sync(const std::string& cache, const std::vector<json>& credentials) const {
    for (const auto& [dir, port] :
         {std::pair<std::string, int>{"almaty", almaty_port}, {"iasi", iasi_port}, {"lyon", lyon_port}}) {
      std::vector<std::string> args = {"sync", "--cache", Path(cache)};
      const std::string prefix = "http://127.0.0.1:" + std::to_string(port) + "/";
      for (const auto& vc : credentials)
        for (const auto& e : vc.value("credentialStatus", json::array()))
          if (e.value("statusListCredential", "").rfind(prefix, 0) == 0) {
            args.push_back("--from");
            args.push_back(e["statusListCredential"]);
          }
      if (args.size() == 3) continue;
      auto server = Serve(dir, port);
      auto sync = RunTool("verifier", args, env);
      INFO(sync.err);
      REQUIRE(sync.exit_code == 0);
    }
  }

  // A Kazakh module issued by Almaty's node (with status entries, so it can
  // be revoked): the unsigned file made by KazakhModule, posted to the node.
  json IssueOverHttp(const std::string& unsigned_file) const {
    auto token = RunTool("issuer", {"token", "create", "--dir", Path("almaty"), "--scope", "issue"}, env);
    REQUIRE(token.exit_code == 0);
    auto server = Serve("almaty", almaty_port);
    json body = {{"credential", json::parse(std::ifstream(unsigned_file))}};
    auto r = testing::HttpCall(almaty_port, "POST", "/credentials/issue", body.dump(),
                               {{"Authorization", "Bearer " + token.out.substr(0, token.out.find('\n'))}});
    INFO(r.body);
    REQUIRE(r.status == 201);
    return json::parse(r.body)["verifiableCredential"];
  }

  // A French partner training centre (for the certification story).
  std::string InitLyon() const { return Init("lyon", "Institut de formation en santé de Lyon (demo)", "FR", lyon_port); }

  // The Health Qualitician programme cut to three modules (16 ECTS), with
  // `partner` accredited, beside a copy of the scenario's grading scales.
  std::string Programme(const std::string& partner) const {
    json prog = json::parse(std::ifstream(testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json"));
    json modules = json::array();
    for (const auto& m : prog["modules"])
      if (m["code"] == "HQ-M01" || m["code"] == "HQ-M02" || m["code"] == "HQ-M03") modules.push_back(m);
    prog["modules"] = modules;
    prog["ects"] = 16;
    prog["certificationRules"] = {{"partners", {partner}}, {"minGrades", {{"FR-0-20", 12}}}};
    std::ofstream(Path("grading-scales.json"))
        << std::ifstream(testing::SourceDir() / "scripts/demo-data/grading-scales.json").rdbuf();
    std::ofstream(Path("programme.json")) << prog.dump();
    return Path("programme.json");
  }

  // `issuer issue --kind module` by folder `dir` to the student; returns the signed credential.
  json IssueModule(const std::string& dir, const std::string& module, const std::string& grade,
                   const std::string& scale, std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"issue", "--dir", Path(dir), "--kind", "module", "--programme",
                                     Path("programme.json"), "--module", module, "--learner-did", student_did,
                                     "--given-name", "Ioana", "--family-name", "Popescu", "--grade", grade,
                                     "--grading-scale", scale};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = RunTool("issuer", args, env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }

  // Writes `vc` to NAME.json and imports it; returns the wallet ID.
  std::string Keep(const json& vc, const std::string& name) const {
    std::ofstream(Path(name + ".json")) << vc.dump(2);
    return Import(Path(name + ".json"));
  }

  // Imports a credential file into the student's wallet; returns its wallet ID.
  std::string Import(const std::string& file) const {
    auto imported = RunTool("wallet", {"import", file}, env);
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    return imported.out.substr(0, imported.out.find('\n'));
  }

  // The student presents wallet IDs to `challenge`; returns the file.
  std::string Present(const std::vector<std::string>& ids, const std::string& challenge, const std::string& name) const {
    std::vector<std::string> args = {"present"};
    args.insert(args.end(), ids.begin(), ids.end());
    const std::string out = Path(name);
    for (const std::string& a : {std::string("--challenge"), challenge, std::string("--out"), out}) args.push_back(a);
    auto present = RunTool("wallet", args, env);
    INFO(present.err);
    REQUIRE(present.exit_code == 0);
    return Path(name);
  }

  // The scenario's agreement between these two universities, with a grade
  // conversion onto the Romanian scale.
  std::string Agreement() const {
    json a = json::parse(std::ifstream(testing::SourceDir() / "scripts/demo-data/double-diploma-kz-ro.json"));
    a["institutionDids"] = {{"kz-univ-almaty", almaty_did}, {"ro-univ-iasi", iasi_did}};
    a["gradeConversion"] = {{"toScale", "RO-1-10"},
                            {"scales",
                             {{"KZ-0-100", {{"min", 0}, {"max", 100}, {"passMark", 50}, {"step", 1}}},
                              {"RO-1-10", {{"min", 1}, {"max", 10}, {"passMark", 5}, {"step", 0.01}}}}}};
    std::ofstream(Path("agreement.json")) << a.dump();
    return Path("agreement.json");
  }

  ProcessResult Recognise(const std::string& presentation, const std::string& challenge, const std::string& out,
                          std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"recognise", "--dir", Path("iasi"), "--agreement", Agreement(), presentation,
                                     "--challenge", challenge, "--trust-issuer", almaty_did, "--decision-ref",
                                     "UMF-IASI/REC/2026/114", "--out", Path(out)};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunTool("issuer", args, env);
  }

  // Lines of `issuer list` for the Iasi register.
  int RegisterSize() const {
    auto list = RunTool("issuer", {"list", "--dir", Path("iasi"), "--json"}, env);
    REQUIRE(list.exit_code == 0);
    json j = json::parse(list.out);
    return j.is_array() ? static_cast<int>(j.size()) : static_cast<int>(j.value("credentials", json::array()).size());
  }
};

}  // namespace passerelle::pathways_testing
