// Passerelle issuer CLI — sign a credential as given.
#include <fstream>
#include <iostream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "issuer/cli/commands.h"
#include "issuer/credential_signer.h"
#include "keys/passphrase.h"

namespace passerelle::cli {

int RunSign(const SignArgs& args, std::istream& in, std::ostream& out, std::ostream& err) {
  auto suite = ParseCryptosuite(args.suite);
  if (!suite.ok()) {
    err << "issuer: error: --suite: " << suite.status().message() << "\n";
    return 2;
  }
  std::string text;
  if (args.file == "-") {
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } else {
    std::ifstream f(args.file, std::ios::binary);
    if (!f) {
      err << "issuer: error: cannot read \"" << args.file << "\"\n";
      return 2;
    }
    text.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  }
  auto credential = ParseJson(text);
  if (!credential.ok()) {
    err << "issuer: error: \"" << args.file << "\": " << credential.status().message() << "\n";
    return 2;
  }
  auto issuer = OpenIssuerDir(args.common.dir);
  if (!issuer.ok()) {
    err << "issuer: error: " << issuer.status().message() << "\n";
    return 2;
  }
  auto passphrase = ObtainPassphrase({args.common.passphrase_file, false, "issuer key passphrase: "});
  if (!passphrase.ok()) {
    err << "issuer: error: " << passphrase.status().message() << "\n";
    return 2;
  }
  auto key = LoadCurrentKey(*issuer, *passphrase);
  if (!key.ok()) {
    err << "issuer: error: " << key.status().message() << "\n";
    return 2;
  }
  auto signed_credential = SignCredential(*issuer, *key, *credential, SignRequest{*suite, Now()});
  if (!signed_credential.ok()) {
    err << "issuer: error: \"" << args.file << "\": " << signed_credential.status().message() << "\n";
    if (signed_credential.status().code() == Code::kInvalidCredential &&
        signed_credential.status().message().find("/issuer") != std::string::npos)
      err << "issuer: hint: set \"issuer\" to " << issuer->did << "\n";
    return signed_credential.status().code() == Code::kInternal ? 2 : 1;
  }
  out << DumpJsonPretty(*signed_credential) << "\n";
  return 0;
}

}  // namespace passerelle::cli
