// Passerelle issuer CLI — opening a node's store and settling its public URL.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "formats/status.h"
#include "issuer/issuer_dir.h"
#include "issuer/store/store.h"

namespace passerelle::cli {

// Checks a --public-url value: http(s), no query or fragment.
// Errors: kInvalidArgument.
Status CheckPublicUrl(const std::string& url);

// DIR/store.
std::filesystem::path StoreDir(const std::filesystem::path& issuer_dir);

// Opens (creating when missing) the node's store. Errors: those of
// IssuerStore::Open.
Result<std::unique_ptr<store::IssuerStore>> OpenNodeStore(const std::filesystem::path& issuer_dir);

// The base URL status lists are published under: `explicit_url` (checked,
// then remembered in the store, with a warning on `err` when it replaces
// another), else the remembered one, else https://HOST[/PATH] derived from a
// did:web DID, else `fallback` when given. Errors: kInvalidArgument (not an
// http(s) URL, or nothing to derive it from).
Result<std::string> ResolvePublicUrl(store::IssuerStore& store, const IssuerDir& issuer,
                                     const std::optional<std::string>& explicit_url, std::ostream& err,
                                     const std::optional<std::string>& fallback = std::nullopt);

}  // namespace passerelle::cli
