// Passerelle bench — QR payload sizes on the scenario data (docs/benchmarks.md, "QR").
//
// Builds, from scripts/demo-data, the module credential of trainee T0001 for
// module HQ-M01 (native profile, eddsa-rdfc-2022, with the revocation and
// suspension status entries an issuer node adds) and a presentation of it
// signed by the holder with a challenge and a domain, then prints, for both:
// bytes of compact JSON, bytes after plain raw deflate, bytes after deflate
// with the version-1 preset dictionary, the base45 payload length ("PSL1:"
// included) and the QR version at error-correction level M — and, for
// comparison, the payload length and QR version plain deflate would give. Keys come from fixed seeds and every
// date and id is fixed, so the figures are reproducible byte for byte.
//
//   qr_size [--languages en,fr | --languages all] [--no-status] [--data DIR] [--module HQ-M01]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/base45.h"
#include "formats/compression.h"
#include "formats/json.h"
#include "formats/qr_dictionary_v1.h"
#include "formats/qr_payload.h"
#include "issuer/programme.h"
#include "issuer/programme_files.h"
#include "issuer/status/status_entries.h"
#include "keys/did_key.h"
#include "keys/proof_signer.h"
#include "wallet-cli/presentation.h"
#include "wallet-cli/qr_render.h"

using nlohmann::json;
using namespace passerelle;

namespace {

struct Trainee {
  std::string given_name, family_name, grades, scale, completed_on;
};

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, sep)) out.push_back(item);
  return out;
}

Result<Trainee> LoadTrainee(const std::string& csv, const std::string& id) {
  std::ifstream in(csv);
  if (!in) return Status::IOError("cannot read " + csv);
  std::string line;
  std::getline(in, line);  // header: trainee_id,given_name,family_name,email,…,grades,grading_scale,completed_on
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();  // CRLF files
    auto f = Split(line, ',');
    if (f.size() >= 10 && f[0] == id) return Trainee{f[1], f[2], f[7], f[8], f[9]};
  }
  return Status::NotFound("trainee " + id + " is not in " + csv);
}

std::string GradeFor(const Trainee& t, const std::string& module) {
  for (const auto& g : Split(t.grades, ';'))
    if (g.rfind(module + "=", 0) == 0) return g.substr(module.size() + 1);
  return {};
}

Result<Ed25519SigningKey> KeyFromSeed(char fill) {
  PSL_ASSIGN_OR_RETURN(SecretBytes seed, SecretBytes::CopyFrom(std::string(32, fill)));
  return Ed25519SigningKey::FromSeed(seed);
}

void Row(const char* what, const std::string& doc) {
  auto plain = Compress(doc, ZFormat::kRawDeflate);
  auto dict = Compress(doc, ZFormat::kRawDeflate, QrDictionaryV1());
  auto payload = EncodeQrPayload(doc);
  std::string plain_payload = std::string(kQrPayloadPrefixV1) + EncodeBase45(*plain);
  auto qr = wallet::EncodeQrMatrix(*payload);
  auto qr_plain = wallet::EncodeQrMatrix(plain_payload);
  std::printf("| %-20s | %5zu | %13zu | %12zu | %6zu | %9d | %12zu | %10d |\n", what, doc.size(), plain->size(),
              dict->size(), payload->size(), qr.ok() ? qr->version : -1, plain_payload.size(),
              qr_plain.ok() ? qr_plain->version : -1);
}

int Run(const std::string& data, const std::string& languages, const std::string& module_code, bool status) {
  auto bundle = LoadProgrammeBundle(data + "/programme-health-qualitician.json");
  auto trainee = LoadTrainee(data + "/trainees.csv", "T0001");
  if (!bundle.ok() || !trainee.ok()) {
    std::cerr << "qr_size: " << (bundle.ok() ? trainee.status() : bundle.status()).message() << "\n";
    return 2;
  }
  const ProgrammeModule* found = bundle->programme.FindModule(module_code);
  if (found == nullptr) {
    std::cerr << "qr_size: no module " << module_code << "\n";
    return 2;
  }
  ProgrammeModule module = *found;
  if (languages != "all") {
    json kept = json::object();
    for (const auto& lang : Split(languages, ','))
      if (module.title.contains(lang)) kept[lang] = module.title[lang];
    module.title = kept;
  }
  auto issuer_key = KeyFromSeed('\x11');
  auto holder_key = KeyFromSeed('\x22');
  if (!issuer_key.ok() || !holder_key.ok()) {
    std::cerr << "qr_size: keys: " << (issuer_key.ok() ? holder_key.status() : issuer_key.status()).message() << "\n";
    return 2;
  }
  IssuerIdentity issuer{DidKeyFor(issuer_key->public_key()), "Institut de formation en santé de Lyon (démo)", "FR"};
  Learner learner{DidKeyFor(holder_key->public_key()), trainee->given_name, trainee->family_name};
  auto completed = ParseDateTime(trainee->completed_on + "T00:00:00Z");
  if (!completed.ok()) {
    std::cerr << "qr_size: trainee T0001: completed_on: " << completed.status().message() << "\n";
    return 2;
  }
  Timestamp awarded = *completed;
  auto unsigned_vc = BuildModuleCredential(bundle->programme, module, issuer, learner,
                                           ModuleAward{"urn:uuid:5f0c6a7e-2b1d-4c3e-9a8f-7d6e5c4b3a21",
                                                       GradeFor(*trainee, module_code), trainee->scale, awarded});
  if (!unsigned_vc.ok()) {
    std::cerr << "qr_size: " << unsigned_vc.status().message() << "\n";
    return 2;
  }
  if (status) {  // as the issuer node writes them: revocation and suspension
    std::vector<store::StatusSlot> slots{{store::StatusPurpose::kRevocation, "revocation-1", 104689},
                                         {store::StatusPurpose::kSuspension, "suspension-1", 80976}};
    Status added = AddStatusEntries(*unsigned_vc, slots, "https://formation-sante-lyon.example.fr");
    if (!added.ok()) {
      std::cerr << "qr_size: status entries: " << added.message() << "\n";
      return 2;
    }
  }
  ProofOptions proof;
  proof.verification_method = DidKeyVerificationMethod(issuer_key->public_key());
  proof.created = Timestamp{awarded.seconds + 12 * 3600, 0};
  auto vc = AddProof(*unsigned_vc, *issuer_key, proof);
  if (!vc.ok()) {
    std::cerr << "qr_size: sign: " << vc.status().message() << "\n";
    return 2;
  }
  wallet::PresentOptions present;
  present.challenge = "4bd6f1e0-9c2a-4f5e-8d3b-1a7c6e2f9b05";  // a UUID, as verifiers hand out
  present.domain = "https://recrutement.example.fr";
  present.now = *ParseDateTime("2026-07-01T09:30:00Z");
  auto vp = wallet::MakePresentation({*vc}, *holder_key, present);
  if (!vp.ok()) {
    std::cerr << "qr_size: present: " << vp.status().message() << "\n";
    return 2;
  }
  std::printf("QR payload sizes: module %s of trainee T0001, titles in %s, %s, %s\n", module_code.c_str(),
              languages == "all" ? "every language of the programme" : languages.c_str(),
              CryptosuiteName(wallet::kPresentationSuite),
              status ? "revocation and suspension status entries" : "no status entries");
  std::printf("dictionary v1: %zu bytes, SHA-256 %s\n\n", QrDictionaryV1().size(),
              std::string(kQrDictionaryV1Sha256).c_str());
  std::printf("| %-20s | %5s | %13s | %12s | %6s | %9s | %12s | %10s |\n", "document", "JSON", "plain deflate",
              "dict deflate", "base45", "QR (M)", "plain base45", "plain QR (M)");
  std::printf("|----------------------|------:|--------------:|-------------:|-------:|----------:|-------------:|-----------:|\n");
  Row("module credential", DumpJson(*vc));
  Row("presentation of it", *vp);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = std::string(PASSERELLE_SOURCE_DIR) + "/scripts/demo-data";
  std::string languages = "en,fr";
  std::string module = "HQ-M01";
  bool status = true;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--no-status") {
      status = false;
      continue;
    }
    if (i + 1 >= argc) flag = "--help";
    if (flag == "--data") data = argv[++i];
    else if (flag == "--languages") languages = argv[++i];
    else if (flag == "--module") module = argv[++i];
    else {
      std::cerr << "usage: qr_size [--languages en,fr|all] [--no-status] [--data DIR] [--module CODE]\n";
      return 2;
    }
  }
  return Run(data, languages, module, status);
}
