// Passerelle issuer CLI — opening the issuer service over a node that keeps
// a register, for the verbs whose decisions must be recorded (recognitions,
// certifications from a presentation): what they issue gets status entries
// and an idempotency key in the register.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "formats/status.h"
#include "issuer/cli/commands.h"
#include "issuer/service/issuer.h"

namespace passerelle::cli {

// Opens the Issuer over --dir with its key, settling the public URL first
// (`public_url`, else the remembered one). `verb` names the command in the
// error. Errors: kInvalidArgument when the folder
// has no register, and those of ResolvePublicUrl and OpenCliIssuer.
Result<std::unique_ptr<Issuer>> OpenRegisteredIssuer(const CommonIssuerArgs& common,
                                                     const std::optional<std::string>& public_url,
                                                     const std::string& verb, std::ostream& err);

// The signed credential the register holds for `key`, when one was issued
// under it. Errors: kNotFound, kIOError, kMalformed (an unreadable copy).
Result<std::optional<nlohmann::json>> FindIssuedByKey(Issuer& issuer, const std::string& key);

}  // namespace passerelle::cli
