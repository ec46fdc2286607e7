// Passerelle — building and signing BitstringStatusListCredentials.
#include "issuer/status/list_credential.h"

#include <nlohmann/json.hpp>

#include "formats/status_list.h"
#include "issuer/credential_signer.h"

namespace passerelle {

using nlohmann::json;

Result<json> BuildStatusListCredential(std::string_view issuer_did, const ListCredentialInput& in) {
  auto encoded = EncodeStatusList(in.bits);
  if (!encoded.ok()) return Status::Internal("status list " + in.url + ": " + encoded.status().message());
  return json{{"@context", {"https://www.w3.org/ns/credentials/v2"}},
              {"id", in.url},
              {"type", {"VerifiableCredential", "BitstringStatusListCredential"}},
              {"issuer", std::string(issuer_did)},
              {"validFrom", FormatDateTime(in.valid_from)},
              {"validUntil", FormatDateTime(in.valid_until)},
              {"credentialSubject",
               {{"id", in.url + "#list"},
                {"type", "BitstringStatusList"},
                {"statusPurpose", store::StatusPurposeName(in.purpose)},
                {"encodedList", *encoded}}}};
}

Result<json> SignStatusListCredential(const SigningSnapshot& signer, const ListCredentialInput& input,
                                      Cryptosuite suite) {
  PSL_ASSIGN_OR_RETURN(json unsigned_list, BuildStatusListCredential(signer.issuer.did, input));
  auto signed_list = SignCredential(signer.issuer, signer.key, unsigned_list, SignRequest{suite, input.valid_from});
  if (!signed_list.ok()) return signed_list.status().Annotate("sign status list " + input.url);
  return signed_list;
}

}  // namespace passerelle
