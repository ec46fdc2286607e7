// Passerelle — did:web for the verifier: where a DID document is fetched from
// (W3C did:web method §3.2), and the DID documents `verifier sync` keeps next
// to the status lists so that `verifier verify` resolves did:web offline.
// Stateless functions; thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "env/env.h"
#include "formats/status.h"
#include "keys/did_document.h"

namespace passerelle {

// The URL of a did:web DID's document: did:web:example.com ->
// https://example.com/.well-known/did.json; did:web:example.com:u:alice ->
// https://example.com/u/alice/did.json; "%3A" in the host is a port. A
// loopback host (localhost, 127.0.0.1, [::1]) is fetched with `loopback_scheme`
// ("http" for a development node), anything else always over https.
// Errors: kMalformed (not did:web, or characters a host cannot hold).
Result<std::string> DidWebDocumentUrl(std::string_view did, std::string_view loopback_scheme = "https");

// Stores a DID document (already checked: its id is the DID) in
// CACHE/did/<hash>.json with env.WriteFileAtomic (fsync'd). Errors: kIOError.
Status StoreCachedDidDocument(const std::filesystem::path& cache_dir, const nlohmann::json& document,
                              Env& env = Env::Default());

// Adds the DID documents stored in CACHE/did/ to `resolver`, except for
// DIDs it already resolves (documents given explicitly win); a missing
// folder adds nothing. Errors: kMalformed naming a damaged file, kIOError.
Status LoadCachedDidDocuments(const std::filesystem::path& cache_dir, DidResolver& resolver,
                              Env& env = Env::Default());

}  // namespace passerelle
