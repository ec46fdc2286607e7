// Passerelle fuzzing — an HTTP request from fuzz bytes, for the route-table
// targets (issuer_http_fuzz, verifier_http_fuzz): no sockets, the request
// goes through the same route match, pre-route hook and body cap the server
// applies (http/server.h), then to the handler.
//
// Input format (seeds in fuzz/corpus/*_http/):
//   METHOD SP PATH[?QUERY] LF
//   (NAME ":" SP VALUE LF)*      header names are lower-cased, as the server does
//   LF
//   BODY                         the rest, byte for byte
// "@TOKEN@" in a header value is replaced by a valid token of the node.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"
#include "http/router.h"

namespace passerelle::fuzz {

// Reads the request; false when the bytes do not have the shape above.
bool ReadHttpRequest(std::string_view bytes, std::string_view token, http::HttpRequest* request);

// Routes `request` as the server does: 404/405 without a route, the hook
// (may be empty), 413 over the route's (or `default_cap`) body cap, then the
// handler. An exception escaping a handler, or a 500, is an invariant
// failure: hostile input must get a 4xx, never a server error.
http::HttpResponse Dispatch(const http::Router& router,
                            const std::function<std::optional<http::HttpResponse>(
                                const http::HttpRequest&, const http::Route&, std::string*)>& hook,
                            std::size_t default_cap, http::HttpRequest request);

}  // namespace passerelle::fuzz
