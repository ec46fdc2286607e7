// Passerelle issuer CLI — sign a credential as given.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cmdline/input.h"
#include "env/env.h"
#include "formats/json.h"
#include "issuer/cli/commands.h"
#include "issuer/credential_signer.h"
#include "issuer/cli/unlock_issuer.h"

namespace passerelle::cli {

int RunSign(const SignArgs& args, std::istream& in, std::ostream& out, std::ostream& err) {
  auto suite = ParseCryptosuite(args.suite);
  if (!suite.ok()) {
    Diag(err).Error("--suite", suite.status());
    return 2;
  }
  auto text = ReadInput(args.file, in);
  if (!text.ok()) {
    Diag(err).Error(text.status());
    return 2;
  }
  auto credential = ParseJson(*text);
  if (!credential.ok()) {
    Diag(err).Error("\"" + args.file + "\"", credential.status());
    return 2;
  }
  auto unlocked = UnlockIssuer(args.common);
  if (!unlocked.ok()) {
    Diag(err).Error(unlocked.status());
    return 2;
  }
  const IssuerDir* issuer = &unlocked->issuer;
  const Ed25519SigningKey* key = &unlocked->key;
  auto signed_credential = SignCredential(*issuer, *key, *credential, SignRequest{*suite, Now()});
  if (!signed_credential.ok()) {
    Diag(err).Error("\"" + args.file + "\"", signed_credential.status());
    if (signed_credential.status().code() == Code::kInvalidCredential &&
        signed_credential.status().message().find("/issuer") != std::string::npos)
      Diag(err).Hint("set \"issuer\" to " + issuer->did);
    return signed_credential.status().code() == Code::kInternal ? 2 : 1;
  }
  out << DumpJsonPretty(*signed_credential) << "\n";
  return 0;
}

}  // namespace passerelle::cli
