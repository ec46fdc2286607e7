// Passerelle issuer CLI — `issuer cosign`: a partner's proof on a joint diploma.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cmdline/input.h"
#include "env/env.h"
#include "formats/json.h"
#include "issuer/cli/commands.h"
#include "issuer/cli/unlock_issuer.h"
#include "issuer/cosign.h"
#include "verifier/trust_registry.h"

namespace passerelle::cli {

int RunCosign(const CosignArgs& args, std::istream& in, std::ostream& out, std::ostream& err) {
  auto diag = Diag(err);
  auto suite = ParseCryptosuite(args.suite);
  if (!suite.ok()) {
    diag.Error("--suite", suite.status());
    return 2;
  }
  auto text = ReadInput(args.file, in);
  if (!text.ok()) {
    diag.Error(text.status());
    return 2;
  }
  auto credential = ParseJson(*text);
  if (!credential.ok()) {
    diag.Error("\"" + args.file + "\"", credential.status());
    return 2;
  }
  VerifyOptions options;
  options.now = Now();
  // did:web signers' keys: from the trust lists given (offline).
  TrustRegistry registry;
  if (!args.trust_roots.empty() || !args.trust_lists.empty()) {
    Status s = AddTrustListFiles(registry, args.trust_roots, args.trust_lists, options.now, options.resolver);
    if (!s.ok()) {
      diag.Error(s);
      return 2;
    }
    registry.AddKeysTo(options.resolver);
  }
  auto unlocked = UnlockIssuer(args.common);
  if (!unlocked.ok()) {
    diag.Error(unlocked.status());
    return 2;
  }
  auto cosigned = CosignCredential(unlocked->issuer, unlocked->key, *credential, *suite, options);
  if (!cosigned.ok()) {
    const Code code = cosigned.status().code();
    diag.Error("\"" + args.file + "\"", cosigned.status());
    if (code == Code::kPermissionDenied && cosigned.status().message().find("not one of") != std::string::npos)
      diag.Hint("only an awarding body the diploma names co-signs it: its issuer names them with issuer issue "
                "--joint-with DID");
    if (code == Code::kVerificationFailed && cosigned.status().message().find("resolve") != std::string::npos)
      diag.Hint("a did:web signer's keys come from the trust lists that accredit it: --trust-root FILE --trust-list FILE");
    return code == Code::kInternal || code == Code::kInvalidCredential ? 2 : 1;
  }
  out << DumpJsonPretty(*cosigned) << "\n";
  return 0;
}

}  // namespace passerelle::cli
