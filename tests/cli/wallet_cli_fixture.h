// Passerelle CLI tests — a training centre, a trainee's wallet and an
// employer's verifier, run as the built binaries in a temporary folder.
#pragma once

#include <png.h>

#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <qrcodegen/qrcodegen.hpp>

#include "tests/testing/paths.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"
#include "keys/key_file.h"
#include "keys/secret_bytes.h"
#include "verifier/qr/image_decode.h"
#include "wallet-cli/qr_render.h"
#include "wallet-cli/store/wallet_store.h"

namespace passerelle::wallet_cli_testing {

using nlohmann::json;
using passerelle::testing::ProcessOptions;
using passerelle::testing::ProcessResult;
using passerelle::testing::RunTool;

inline const std::string kPassphrase = "trainee wallet passphrase";

struct Scenario {
  passerelle::testing::TempDir tmp;
  ProcessOptions env;
  std::string issuer_did;
  std::string holder_did;

  // How the trainee's wallet is made: by `wallet init` (the real default
  // Argon2id cost), or, for tests that run the wallet many times (the crash
  // tests), by the store itself at Argon2id's minimum cost, which every
  // later `wallet` run reads from the wallet's header.
  enum class Kdf { kDefault, kFast };

  explicit Scenario(const std::string& wallet = "wallet", Kdf kdf = Kdf::kDefault) {
    env.env["PASSERELLE_PASSPHRASE"] = kPassphrase;
    env.env["PASSERELLE_WALLET_DIR"] = Path(wallet);
    env.env["LANG"] = "en_GB.UTF-8";
    env.unset_env = {"LC_ALL", "LC_MESSAGES"};
    env.cwd = tmp.path().string();
    auto init = RunTool("issuer", {"init", "--dir", Path("issuer"), "--did-key", "--name",
                                   "Institut de formation en santé de Lyon (démo)", "--country", "FR"},
                        env);
    INFO(init.err);
    REQUIRE(init.exit_code == 0);
    issuer_did = init.out.substr(0, init.out.find('\n'));
    if (kdf == Kdf::kFast) {
      auto store = wallet::WalletStore::Create(Path(wallet), SecretBytes::CopyFrom(kPassphrase).value(),
                                               KdfParams{1, 8192});
      INFO(store.status().ToString());
      REQUIRE(store.ok());
      holder_did = store->holder_did();
    } else {
      auto w = Wallet({"init"});
      INFO(w.err);
      REQUIRE(w.exit_code == 0);
      holder_did = w.out.substr(0, w.out.find('\n'));
    }
    REQUIRE(holder_did.rfind("did:key:z6Mk", 0) == 0);
  }

  std::string Path(const std::string& name) const { return (tmp.path() / name).string(); }

  std::string Write(const std::string& name, const std::string& content) const {
    std::ofstream(tmp.path() / name, std::ios::binary) << content;
    return Path(name);
  }

  ProcessResult Wallet(const std::vector<std::string>& args, const ProcessOptions* options = nullptr) const {
    return RunTool("wallet", args, options ? *options : env);
  }
  ProcessResult Verifier(std::vector<std::string> args) const {
    args.insert(args.begin(), "verify");
    args.push_back("--trust-issuer");
    args.push_back(issuer_did);
    return RunTool("verifier", args, env);
  }

  // Issues module `module` of the scenario to `learner_did` (trainee T0001,
  // Jérôme Mercier); returns the file it was written to.
  std::string IssueModule(const std::string& file, const std::string& learner_did,
                          const std::string& module = "HQ-M01", const std::string& programme = "") const {
    auto r = RunTool("issuer",
                     {"issue", "--dir", Path("issuer"), "--kind", "module", "--programme",
                      programme.empty()
                          ? (passerelle::testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string()
                          : programme,
                      "--grading-scales", (passerelle::testing::SourceDir() / "scripts/demo-data/grading-scales.json").string(),
                      "--module", module, "--learner-did", learner_did, "--given-name", "Jérôme",
                      "--family-name", "Mercier", "--grade", "18.1", "--grading-scale", "FR-0-20",
                      "--awarded-on", "2026-06-24"},
                     env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return Write(file, r.out);
  }

  // Issues and imports HQ-M01 for this wallet's holder; returns the wallet ID.
  std::string ImportModule(const std::string& module = "HQ-M01") const {
    std::string file = IssueModule(module + ".json", holder_did, module);
    auto r = Wallet({"import", file});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r.out.substr(0, r.out.find('\n'));
  }
};

// Writes an 8-bit grayscale PNG.
inline std::string WritePng(const std::string& path, const qr::GrayImage& img) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(img.width);
  image.height = static_cast<png_uint_32>(img.height);
  image.format = PNG_FORMAT_GRAY;
  REQUIRE(png_image_write_to_file(&image, path.c_str(), 0, img.pixels.data(), 0, nullptr));
  return path;
}

// The PNG the wallet would draw for any QR-alphanumeric or byte text.
inline wallet::QrMatrix MatrixOf(const qrcodegen::QrCode& code) {
  wallet::QrMatrix m;
  m.version = code.getVersion();
  m.size = code.getSize();
  m.dark.resize(static_cast<std::size_t>(m.size * m.size));
  for (int y = 0; y < m.size; ++y)
    for (int x = 0; x < m.size; ++x) m.dark[static_cast<std::size_t>(y * m.size + x)] = code.getModule(x, y);
  return m;
}

// A "screenshot" of `wallet qr --terminal` output: character cells of 8×16
// pixels (top half one module row, bottom half the next), inside a dark
// terminal window.
inline qr::GrayImage Screenshot(const std::string& text) {
  std::vector<std::vector<int>> rows(1);
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\x1b') {
      while (i < text.size() && text[i] != 'm') ++i;
      ++i;
    } else if (text[i] == '\n') {
      rows.emplace_back();
      ++i;
    } else if (text[i] == ' ') {
      rows.back().push_back(0);
      ++i;
    } else {
      std::string g = text.substr(i, 3);
      rows.back().push_back(g == "\xe2\x96\x80" ? 1 : g == "\xe2\x96\x84" ? 2 : g == "\xe2\x96\x88" ? 3 : -1);
      i += 3;
    }
  }
  while (!rows.empty() && rows.back().empty()) rows.pop_back();
  const int cw = 8, ch = 16, margin = 48;
  qr::GrayImage img;
  img.width = static_cast<int>(rows.at(0).size()) * cw + 2 * margin;
  img.height = static_cast<int>(rows.size()) * ch + 2 * margin;
  img.pixels.assign(static_cast<std::size_t>(img.width * img.height), 24);
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[r].size(); ++c)
      for (int y = 0; y < ch; ++y)
        for (int x = 0; x < cw; ++x) {
          int cell = rows[r][c];
          bool dark = y < ch / 2 ? (cell == 1 || cell == 3) : (cell == 2 || cell == 3);
          img.pixels[static_cast<std::size_t>((margin + static_cast<int>(r) * ch + y) * img.width + margin +
                                              static_cast<int>(c) * cw + x)] = dark ? 0 : 255;
        }
  return img;
}

}  // namespace passerelle::wallet_cli_testing
