// Passerelle — the issuer node's route table (routes.cc, on one screen).
#pragma once

#include <string_view>

#include "issuer/http/node.h"
#include "http/router.h"

namespace passerelle::http {

// Registers every route of the node on `router`; `did` decides where the
// did:web document is served (/.well-known/did.json, or /PATH/did.json for
// did:web:HOST:PATH). `node` must outlive the router.
void RegisterRoutes(Router& router, Node& node, std::string_view did);

}  // namespace passerelle::http
