// Passerelle — `issuer publish`: the node's public documents as static files.
//
// The same documents `issuer serve` answers with (the Issuer facade makes
// both: its DID document and its signed status lists), laid out so that any
// web server, object store or CDN serves them unchanged
// (docs/federation.md):
//   OUT/.well-known/did.json          the DID document
//   OUT/status-lists/<id>             each signed BitstringStatusListCredential
//   OUT/status-lists/index.json       {"statusLists": [URL, …]} (what sync follows)
//   OUT/trust-list.json               an authority's signed trust list (when given)
// Every file is written atomically through Env (readers see the old file or
// the new one, never half of one), and only when its bytes changed, so a web
// server's ETag and Last-Modified stay put and verifiers get a 304.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "env/env.h"
#include "formats/status.h"
#include "issuer/service/issuer.h"

namespace passerelle {

struct PublishedFile {
  std::string path;  // relative to the output folder, '/'-separated
  bool changed = false;
};

// Writes the node's documents under `out` (created when missing).
// `trust_list`, when given, is a signed trust list this node issued (its
// issuer must be the node's DID) and becomes trust-list.json. Status lists
// need the issuer opened with its key and a public URL.
// Errors: kPermissionDenied (no key), kInvalidArgument (no public URL, a
// trust list of another issuer), kNotFound (no store), kIOError naming the
// file; files written before a failure stay (each one whole).
Result<std::vector<PublishedFile>> PublishDocuments(Issuer& issuer, const std::filesystem::path& out,
                                                    const std::optional<std::string>& trust_list,
                                                    Env& env = Env::Default());

}  // namespace passerelle
