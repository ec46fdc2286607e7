// Passerelle — fetching public documents (status lists, did:web documents)
// for `verifier sync`. Nothing on the verification path fetches: only sync.
#pragma once

#include <functional>
#include <string>

#include "formats/status.h"

namespace passerelle {

// GETs `url` and returns the body of a 200 response.
using Fetcher = std::function<Result<std::string>(const std::string& url)>;

struct FetchOptions {
  int timeout_seconds = 10;
  std::size_t max_bytes = 4u << 20;  // a 131,072-entry list is a few KB; cap generously
  std::string ca_file;                // PEM bundle to trust instead of the system's
};

// A Fetcher over HTTP(S) (cpp-httplib; certificates verified for https).
// Its errors: kIOError (connection, TLS, timeout, status other than 200,
// naming it), kResourceExhausted (body over max_bytes), kInvalidArgument
// (not an http(s) URL).
Fetcher HttpFetcher(const FetchOptions& options);

}  // namespace passerelle
