// Passerelle wallet — deciding whether a credential may enter the wallet.
//
// The wallet keeps what verifies cryptographically: data model, every
// proof, validity window, status (when a status cache is given) and the
// Passerelle profile must all hold. Whether to trust the issuer is the
// verifier's (the employer's) decision, so an issuer no trust anchor covers
// is a warning here, not a refusal; so is a status the wallet cannot check
// offline, and a credential about someone other than this wallet's holder.
// Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "verifier/verifier.h"
#include "wallet-cli/credential_summary.h"

namespace passerelle::wallet {

struct ImportCheck {
  bool accepted = false;
  bool malformed = false;             // no verdict possible (exit 2 rather than 1)
  std::vector<std::string> refusals;  // why not, one line each ("/proof: …")
  std::vector<std::string> warnings;
  std::vector<std::string> hints;
  CredentialSummary summary;          // when accepted
};

// Verifies `credential_json` for import into the wallet of `holder_did`.
// `options` supplies time, DID documents and the status cache; its trusted
// issuers and challenge are ignored.
ImportCheck CheckForImport(std::string_view credential_json, const std::string& holder_did,
                           VerifyOptions options);

}  // namespace passerelle::wallet
