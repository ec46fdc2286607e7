// Passerelle — the one HTTP(S) client: GET for `verifier sync` (status lists,
// trust lists, did:web documents) and `wallet import URL`; POST for
// `wallet claim` (OID4VCI).
//
// Bounded: a response-size cap, connect/read/write timeouts, at most
// kMaxRedirects redirects followed. HTTPS verifies the server certificate
// (the system's CA store, or a given PEM bundle). Conditional requests:
// pass the ETag / Last-Modified of a cached copy and a 304 comes back as
// such, with no body. The URL's #fragment is never sent. Thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "formats/status.h"

namespace passerelle::http {

// Redirects followed before giving up (cpp-httplib's own limit).
inline constexpr int kMaxRedirects = 20;

struct GetOptions {
  int timeout_seconds = 10;          // connect, read and write, each
  std::size_t max_bytes = 4u << 20;  // larger bodies: kResourceExhausted
  std::string ca_file;               // PEM bundle to trust instead of the system's
  bool follow_redirects = true;
  std::string accept = "application/json";
  // Sent as If-None-Match / If-Modified-Since when not empty.
  std::string if_none_match;
  std::string if_modified_since;
};

struct GetResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string url;  // where the response came from, after redirects

  // The header's value, or "" (`name` in lower case).
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
  std::string etag() const { return Header("etag"); }
  std::string last_modified() const { return Header("last-modified"); }
};

// True for "http://…" and "https://…".
bool IsHttpUrl(std::string_view text);

// GETs `url` and returns whatever status the server answered (after
// redirects, when followed). Errors: kInvalidArgument (not an http(s) URL,
// no host, spaces or control characters), kIOError (connection, TLS,
// timeout, too many redirects), kResourceExhausted (body over max_bytes).
// Messages name the URL.
Result<GetResponse> Get(std::string_view url, const GetOptions& options);

// A POST request's body and headers (`wallet claim`: the OID4VCI token and
// credential requests).
struct PostRequest {
  std::string content_type = "application/json";
  std::string body;
  std::map<std::string, std::string> headers;  // e.g. {"Authorization", "Bearer …"}
};

// POSTs to `url` (redirects are not followed) and returns whatever status
// the server answered, with its body. Options: timeouts, max_bytes, ca_file
// and accept as for Get(). Errors: those of Get().
Result<GetResponse> Post(std::string_view url, const PostRequest& request, const GetOptions& options);

// The body of a 200 answer to GET `url`. Errors: those of Get(), and
// kIOError "…: HTTP N" for any other status.
Result<std::string> GetBody(std::string_view url, const GetOptions& options);

}  // namespace passerelle::http
