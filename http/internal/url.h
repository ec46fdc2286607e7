// Passerelle — splitting an http(s) URL for the client (private to http/).
//
// cpp-httplib wants the origin and the path apart; a redirect's Location is
// resolved against the URL that answered. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "formats/status.h"

namespace passerelle::http::internal {

struct SplitUrl {
  std::string origin;  // scheme://host[:port]
  std::string path;    // "/…" with the query, without the #fragment
};

// Errors: kInvalidArgument (not http(s), no host, a space or control character).
Result<SplitUrl> Split(std::string_view url);

// `location` (absolute, scheme-relative, absolute-path or relative) read
// against `base`, which Split() accepted.
std::string Resolve(const SplitUrl& base, std::string_view location);

}  // namespace passerelle::http::internal
