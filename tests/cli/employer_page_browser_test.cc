// End-to-end in a real browser: `verifier serve` on a loopback port, driven
// through Debian's headless chromium by chromedriver's W3C WebDriver HTTP
// API (raw HTTP from tests/issuer/node_process.h; no Selenium). A recruiter
// loads the page in French and in Russian, uploads a PNG of a candidate's
// presentation QR code made for the page's challenge (presented), the same
// again (reused), one for a code the page never gave (wrong challenge), a
// printed code without challenge (authentic, not red), a revoked credential
// file (refused, "revoked" first) and a photo without a QR code
// (unreadable). Assertions are on the rendered DOM.
//
// With PASSERELLE_SCREENSHOTS_DIR set (scripts/screenshots), each outcome
// is also saved as <dir>/<lang>-<outcome>.png; CI leaves it unset and
// writes nothing into docs/. Without chromium and chromedriver on PATH the
// test says so and passes (scripts/setup installs both, so CI runs it).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "formats/multibase.h"
#include "tests/cli/wallet_cli_fixture.h"
#include "tests/issuer/node_process.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::BackgroundProcess;
using testing::ProcessOptions;
using testing::RunTool;

// The executable `name` on PATH, or "".
std::string FindOnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    std::filesystem::path candidate =
        std::filesystem::path(dirs.substr(start, end == std::string::npos ? std::string::npos : end - start)) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return "";
}

// Standard base64 (the screenshot endpoint's) through the base64url decoder.
std::string DecodeBase64(std::string text) {
  for (char& c : text) c = c == '+' ? '-' : c == '/' ? '_' : c;
  while (!text.empty() && text.back() == '=') text.pop_back();
  auto bytes = DecodeBase64Url(text);
  REQUIRE(bytes.ok());
  return *bytes;
}

// One HTTP exchange with chromedriver, which keeps connections open despite
// "Connection: close": the body is read by its Content-Length. 30 s at most.
testing::HttpReply DriverCall(int port, const std::string& method, const std::string& path, const std::string& body = "") {
  testing::HttpReply reply;
  int fd = testing::ConnectLoopback(port, 30);
  if (fd < 0) return reply;
  std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                    "\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                    std::to_string(body.size()) + "\r\n\r\n" + body;
  (void)::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
  std::string raw;
  char buf[65536];
  std::size_t head_end = std::string::npos, want = std::string::npos;
  while (want == std::string::npos || raw.size() < want) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    raw.append(buf, static_cast<std::size_t>(n));
    if (head_end == std::string::npos && (head_end = raw.find("\r\n\r\n")) != std::string::npos) {
      std::string head = raw.substr(0, head_end);
      for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::size_t cl = head.find("content-length:");
      want = cl == std::string::npos ? std::string::npos : head_end + 4 + std::strtoull(head.c_str() + cl + 15, nullptr, 10);
    }
  }
  ::close(fd);
  if (raw.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string::npos) return reply;
  reply.status = std::atoi(raw.c_str() + 9);
  reply.body = raw.substr(head_end + 4);
  return reply;
}

// One headless chromium session through chromedriver.
class Browser {
 public:
  Browser(const std::string& chromedriver, const std::filesystem::path& dir) {
    driver_ = std::make_unique<BackgroundProcess>(
        std::vector<std::string>{chromedriver, "--port=" + std::to_string(port_)},
        std::map<std::string, std::string>{{"HOME", dir.string()}}, dir, "chromedriver");
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (DriverCall(port_, "GET", "/status").status != 200) {
      REQUIRE(std::chrono::steady_clock::now() < deadline);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    json caps = {{"capabilities",
                  {{"alwaysMatch",
                    {{"browserName", "chrome"},
                     {"goog:chromeOptions",
                      {{"binary", FindOnPath("chromium")},
                       {"args",
                        {"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1000,1500", "--force-device-scale-factor=1", "--hide-scrollbars",
                         "--user-data-dir=" + (dir / "profile").string()}},
                       // What a French recruiter's browser asks for.
                       {"prefs", {{"intl.accept_languages", "fr-FR,fr,en"}}}}}}}}}};
    auto r = DriverCall(port_, "POST", "/session", caps.dump());
    INFO(r.body << driver_->err());
    REQUIRE(r.status == 200);
    session_ = json::parse(r.body)["value"]["sessionId"];
    Call("POST", "/timeouts", {{"implicit", 5000}, {"pageLoad", 20000}});
  }
  ~Browser() {
    if (!session_.empty()) DriverCall(port_, "DELETE", "/session/" + session_);
    driver_->Signal(SIGTERM);
    if (driver_->Wait(std::chrono::seconds(5)) < 0) driver_->Signal(SIGKILL);
  }

  json Call(const std::string& method, const std::string& path, const json& body = nullptr) {
    auto r = DriverCall(port_, method, "/session/" + session_ + path, body.is_null() ? "" : body.dump());
    INFO(method << " " << path << ": " << r.body);
    REQUIRE(r.status == 200);
    return json::parse(r.body)["value"];
  }
  void Go(const std::string& url) { Call("POST", "/url", {{"url", url}}); }
  std::string Element(const std::string& css) {
    json found = Call("POST", "/element", {{"using", "css selector"}, {"value", css}});
    return found.begin().value().get<std::string>();
  }
  std::string Text(const std::string& css) { return Call("GET", "/element/" + Element(css) + "/text"); }
  std::string Attribute(const std::string& css, const std::string& name) {
    json v = Call("GET", "/element/" + Element(css) + "/attribute/" + name);
    return v.is_string() ? v.get<std::string>() : "";
  }
  // Puts `file` in the form's file input `name` and submits the form;
  // returns the verdict's data-outcome.
  std::string Submit(const std::string& name, const std::string& file) {
    const std::string before = Element("main");
    Call("POST", "/element/" + Element("input[name=" + name + "]") + "/value", {{"text", file}});
    Call("POST", "/element/" + Element("button[type=submit]") + "/click", json::object());
    // The verdict is a new page: wait until <main> is another element.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      auto r = DriverCall(port_, "POST", "/session/" + session_ + "/element",
                          json{{"using", "css selector"}, {"value", "main[data-outcome]"}}.dump());
      if (r.status == 200) {
        std::string id = json::parse(r.body)["value"].begin().value().get<std::string>();
        if (id != before) {
          auto a = DriverCall(port_, "GET", "/session/" + session_ + "/element/" + id + "/attribute/data-outcome");
          if (a.status == 200) return json::parse(a.body)["value"].get<std::string>();
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL("no verdict page after submitting " << file);
    return "";
  }
  void Screenshot(const std::string& name) {
    const char* dir = std::getenv("PASSERELLE_SCREENSHOTS_DIR");
    if (dir == nullptr || *dir == '\0') return;
    std::ofstream(std::filesystem::path(dir) / (name + ".png"), std::ios::binary)
        << DecodeBase64(Call("GET", "/screenshot"));
  }

 private:
  int port_ = testing::FreeLoopbackPort();
  std::unique_ptr<BackgroundProcess> driver_;
  std::string session_;
};

// A training centre with a register (status lists served over HTTP), a
// trainee's wallet with one credential, a second credential revoked, and an
// employer's verifier holding the synced status lists.
struct EmployerWorld {
  testing::TempDir tmp;
  ProcessOptions env;
  int node_port = testing::FreeLoopbackPort();
  int verifier_port = testing::FreeLoopbackPort();
  std::string issuer_did, holder_did, wallet_id, revoked_file;
  std::unique_ptr<BackgroundProcess> verifier;

  std::string Path(const std::string& name) const { return (tmp.path() / name).string(); }

  testing::ProcessResult Run(const std::string& tool, const std::vector<std::string>& args) const {
    auto r = RunTool(tool, args, env);
    INFO(tool << " " << args.at(0) << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    return r;
  }

  json Issue(const std::string& module) const {
    auto r = Run("issuer", {"issue", "--dir", Path("issuer"), "--kind", "module", "--programme",
                            (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string(),
                            "--grading-scales", (testing::SourceDir() / "scripts/demo-data/grading-scales.json").string(),
                            "--module", module, "--learner-did", holder_did, "--given-name", "Jérôme", "--family-name",
                            "Mercier", "--grade", "18.1", "--grading-scale", "FR-0-20", "--awarded-on", "2026-06-24"});
    return json::parse(r.out);
  }

  EmployerWorld() {
    env.env["PASSERELLE_PASSPHRASE"] = wallet_cli_testing::kPassphrase;
    env.env["PASSERELLE_WALLET_DIR"] = Path("wallet");
    env.env["LANG"] = "en_GB.UTF-8";
    env.unset_env = {"LC_ALL", "LC_MESSAGES"};
    env.cwd = tmp.path().string();
    const std::string node = "http://127.0.0.1:" + std::to_string(node_port);
    issuer_did = Run("issuer", {"init", "--dir", Path("issuer"), "--did-key", "--name",
                                "Institut de formation en santé de Lyon (démo)", "--country", "FR", "--public-url", node})
                     .out;
    issuer_did = issuer_did.substr(0, issuer_did.find('\n'));
    holder_did = Run("wallet", {"init"}).out;
    holder_did = holder_did.substr(0, holder_did.find('\n'));
    BackgroundProcess issuer_node({(testing::BinDir() / "issuer").string(), "serve", "--dir", Path("issuer"), "--listen",
                                   "127.0.0.1:" + std::to_string(node_port), "--quiet"},
                                  env.env, tmp.path(), "issuer-serve");
    REQUIRE(testing::WaitForHealth(node_port));
    json kept = Issue("HQ-M01"), revoked = Issue("HQ-M02");
    std::ofstream(Path("hq-m01.json")) << kept.dump(2);
    revoked_file = Path("hq-m02.json");
    std::ofstream(revoked_file) << revoked.dump(2);
    wallet_id = Run("wallet", {"import", Path("hq-m01.json")}).out;
    wallet_id = wallet_id.substr(0, wallet_id.find('\n'));
    Run("issuer", {"revoke", "--dir", Path("issuer"), revoked["id"].get<std::string>()});
    std::vector<std::string> sync = {"sync", "--cache", Path("status-cache")};
    json entries = kept["credentialStatus"].is_array() ? kept["credentialStatus"] : json::array({kept["credentialStatus"]});
    for (const auto& e : entries) {
      sync.push_back("--from");
      sync.push_back(e["statusListCredential"]);
    }
    Run("verifier", sync);
    issuer_node.Signal(SIGTERM);
    issuer_node.Wait(std::chrono::seconds(5));
    verifier = std::make_unique<BackgroundProcess>(
        std::vector<std::string>{(testing::BinDir() / "verifier").string(), "serve", "--listen",
                                 "127.0.0.1:" + std::to_string(verifier_port), "--trust-issuer", issuer_did,
                                 "--status-cache", Path("status-cache"), "--quiet"},
        std::map<std::string, std::string>{}, tmp.path(), "verifier-serve");
    REQUIRE(testing::WaitForHealth(verifier_port));
  }

  std::string Url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(verifier_port) + path; }

  // `wallet qr --png` of the kept credential: for `challenge_from`, for a
  // raw `challenge`, or with none (a printed code).
  std::string QrPng(const std::string& name, const std::vector<std::string>& challenge) const {
    std::vector<std::string> args = {"qr", wallet_id, "--png", Path(name)};
    args.insert(args.end(), challenge.begin(), challenge.end());
    Run("wallet", args);
    return Path(name);
  }
};

struct Words {
  std::string lang, title, presented, authentic, revoked, reused, mismatch, unreadable;
};

TEST_CASE("browser: a recruiter checks credentials on the employer page in French and Russian", "[cli][browser]") {
  const std::string chromedriver = FindOnPath("chromedriver");
  if (chromedriver.empty() || FindOnPath("chromium").empty()) {
    WARN("chromium or chromedriver not found on PATH: the employer page's browser test did not run "
         "(scripts/setup installs both)");
    return;
  }
  EmployerWorld world;
  qr::GrayImage blank;
  blank.width = blank.height = 240;
  blank.pixels.assign(240 * 240, 230);
  const std::string no_qr = wallet_cli_testing::WritePng(world.Path("no-qr.png"), blank);
  Browser browser(chromedriver, world.tmp.path());

  const std::vector<Words> languages = {
      {"fr", "Vérifier un titre de formation", "Authentique, et présenté par son titulaire", "Document authentique",
       "Révoqué", "déjà été utilisé", "et non pour le code que vous avez saisi", "Impossible de lire"},
      {"ru", "Проверка документа об обучении", "Подлинный, предъявлен его владельцем", "Подлинный документ",
       "Отозван", "уже использован", "а не для введённого вами кода", "Не удалось прочитать"},
  };
  for (const Words& w : languages) {
    INFO("language " << w.lang);
    // French comes from the browser's Accept-Language; Russian from the switch.
    browser.Go(world.Url(w.lang == "fr" ? "/" : "/?lang=ru"));
    CHECK(browser.Attribute("html", "lang") == w.lang);
    CHECK(browser.Text("h1") == w.title);
    CHECK(browser.Attribute("input[name=qr_image]", "capture") == "environment");
    const std::string challenge = browser.Text("#challenge-code");
    REQUIRE(challenge.size() == 9);

    // The candidate's wallet reads the page's code; the recruiter uploads a
    // picture of the QR code it draws.
    const std::string presentation = world.QrPng(w.lang + "-presentation.png", {"--challenge-from", challenge});
    CHECK(browser.Submit("qr_image", presentation) == "presented");
    CHECK(browser.Text("h1.holder") == "Jérôme Mercier");
    CHECK_THAT(browser.Text("main"), Catch::Contains(w.presented) && Catch::Contains("18.1"));
    browser.Screenshot(w.lang + "-presented");

    // The same picture again: the code is used up.
    CHECK(browser.Submit("qr_image", presentation) == "authentic");
    CHECK_THAT(browser.Text(".challenge-message"), Catch::Contains(w.reused));

    // Made for a code this page never gave.
    CHECK(browser.Submit("qr_image", world.QrPng(w.lang + "-wrong.png", {"--challenge", "ZZZZ-ZZZZ"})) == "authentic");
    CHECK_THAT(browser.Text(".challenge-message"), Catch::Contains(w.mismatch));

    // A printed code without challenge: authentic, not red.
    CHECK(browser.Submit("qr_image", world.QrPng(w.lang + "-printed.png", {})) == "authentic");
    CHECK_THAT(browser.Text("main"), Catch::Contains(w.authentic));
    browser.Screenshot(w.lang + "-authentic");

    // A revoked credential file: refused, and "revoked" before anything else.
    CHECK(browser.Submit("file", world.revoked_file) == "refused");
    CHECK(browser.Text("main").rfind(w.revoked, 0) == 0);
    browser.Screenshot(w.lang + "-refused-revoked");

    // A photo without a QR code.
    CHECK(browser.Submit("qr_image", no_qr) == "unreadable");
    CHECK_THAT(browser.Text("main"), Catch::Contains(w.unreadable));
    browser.Screenshot(w.lang + "-unreadable");
  }
}

}  // namespace
}  // namespace passerelle
