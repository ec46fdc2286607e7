// Passerelle — fetching public documents (status lists, did:web documents)
// for `verifier sync`. Nothing on the verification path fetches: only sync.
// The sync functions take a Fetcher, so tests inject one; the `verifier`
// binary passes http::GetBody (http/client.h).
#pragma once

#include <functional>
#include <string>

#include "formats/status.h"

namespace passerelle {

// GETs `url` and returns the body of a 200 response.
using Fetcher = std::function<Result<std::string>(const std::string& url)>;

}  // namespace passerelle
