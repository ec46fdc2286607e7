// Passerelle — fetching public documents (status lists, trust lists, did:web
// documents) for `verifier sync`. Nothing on the verification path fetches:
// only sync. The sync functions take a Fetcher, so tests inject one; the
// `verifier` binary passes http::GetBody / http::Get (http/client.h).
#pragma once

#include <functional>
#include <string>

#include "formats/status.h"
#include "verifier/status_cache.h"

namespace passerelle {

// GETs `url` and returns the body of a 200 response.
using Fetcher = std::function<Result<std::string>(const std::string& url)>;

// A conditional GET's answer: a new body with its validators, or "not
// modified" (HTTP 304: the cached copy is still current).
struct ConditionalResponse {
  bool not_modified = false;
  std::string body;
  CacheValidators validators;
};

// GETs `url` with If-None-Match / If-Modified-Since from `cached` (when not
// empty). Errors: the transport's, and kIOError for a status other than 200
// or 304.
using ConditionalFetcher =
    std::function<Result<ConditionalResponse>(const std::string& url, const CacheValidators& cached)>;

}  // namespace passerelle
