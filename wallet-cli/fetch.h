// Passerelle wallet — fetching a credential from an http(s) URL (wallet import URL).
//
// The only network code in the wallet, and the only file that includes
// cpp-httplib. HTTPS verifies the server certificate against the system's
// CA store. Bounded: response size, redirects, timeouts. Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "formats/status.h"

namespace passerelle::wallet {

// True for "http://…" and "https://…".
bool IsHttpUrl(std::string_view text);

// Returns the body of a 200 response to GET `url`.
// Errors: kInvalidArgument (not an http(s) URL), kIOError (connection, TLS,
// timeout, a status other than 200, with the status), kResourceExhausted
// (body over `max_bytes`).
Result<std::string> FetchUrl(std::string_view url, std::size_t max_bytes);

}  // namespace passerelle::wallet
