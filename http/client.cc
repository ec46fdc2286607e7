// Passerelle — the HTTP(S) GET client: one of the two files that include
// httplib.h (the other is server.cc; CMake defines the macros matching
// Debian's build). Redirects are followed here rather than by httplib, which
// would take a 304 for a redirect without a Location and fail.
#include "http/client.h"

#include <cctype>

#include <httplib.h>

#include "http/internal/url.h"

namespace passerelle::http {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsRedirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// Timeouts, no redirects (the caller follows them, re-checking each URL),
// certificates verified against the system store or options.ca_file.
void Configure(httplib::Client& client, const GetOptions& options) {
  client.set_connection_timeout(options.timeout_seconds, 0);
  client.set_read_timeout(options.timeout_seconds, 0);
  client.set_write_timeout(options.timeout_seconds, 0);
  client.set_follow_location(false);
  client.enable_server_certificate_verification(true);
  if (!options.ca_file.empty()) client.set_ca_cert_path(options.ca_file.c_str());
}

// One request, no redirects followed.
Result<GetResponse> GetOnce(const std::string& url, const internal::SplitUrl& parts, const GetOptions& options) try {
  httplib::Client client(parts.origin);
  if (!client.is_valid()) return Status::InvalidArgument("\"" + url + "\": unsupported URL");
  Configure(client, options);
  httplib::Headers headers{{"Accept", options.accept}};
  if (!options.if_none_match.empty()) headers.emplace("If-None-Match", options.if_none_match);
  if (!options.if_modified_since.empty()) headers.emplace("If-Modified-Since", options.if_modified_since);
  GetResponse out;
  out.url = url;
  bool too_big = false;
  auto res = client.Get(parts.path, headers, [&](const char* data, std::size_t len) {
    if (out.body.size() + len > options.max_bytes) {
      too_big = true;
      return false;
    }
    out.body.append(data, len);
    return true;
  });
  if (too_big)
    return Status::ResourceExhausted(url + ": the response is larger than " + std::to_string(options.max_bytes) +
                                     " bytes");
  if (!res) return Status::IOError(url + ": " + httplib::to_string(res.error()));
  out.status = res->status;
  for (const auto& [name, value] : res->headers) out.headers.emplace(Lower(name), value);
  return out;
} catch (const std::exception& e) {  // httplib's URL handling may throw
  return Status::IOError(url + ": " + e.what());
}

}  // namespace

bool IsHttpUrl(std::string_view text) { return text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0; }

Result<GetResponse> Get(std::string_view url, const GetOptions& options) {
  std::string current(url);
  for (int hop = 0;; ++hop) {
    PSL_ASSIGN_OR_RETURN(internal::SplitUrl parts, internal::Split(current));
    Result<GetResponse> response = GetOnce(current, parts, options);
    if (!response.ok() || !options.follow_redirects || !IsRedirect(response->status)) return response;
    std::string location = response->Header("location");
    if (location.empty()) return response;
    if (hop == kMaxRedirects)
      return Status::IOError(std::string(url) + ": more than " + std::to_string(kMaxRedirects) + " redirects");
    current = internal::Resolve(parts, location);
  }
}

Result<GetResponse> Post(std::string_view url, const PostRequest& request, const GetOptions& options) try {
  std::string target(url);
  PSL_ASSIGN_OR_RETURN(internal::SplitUrl parts, internal::Split(target));
  httplib::Client client(parts.origin);
  if (!client.is_valid()) return Status::InvalidArgument("\"" + target + "\": unsupported URL");
  Configure(client, options);
  httplib::Headers headers{{"Accept", options.accept}};
  for (const auto& [name, value] : request.headers) headers.emplace(name, value);
  GetResponse out;
  out.url = target;
  auto res = client.Post(parts.path, headers, request.body, request.content_type);
  if (!res) return Status::IOError(target + ": " + httplib::to_string(res.error()));
  if (res->body.size() > options.max_bytes)
    return Status::ResourceExhausted(target + ": the response is larger than " + std::to_string(options.max_bytes) +
                                     " bytes");
  out.status = res->status;
  out.body = std::move(res->body);
  for (const auto& [name, value] : res->headers) out.headers.emplace(Lower(name), value);
  return out;
} catch (const std::exception& e) {  // httplib's URL handling may throw
  return Status::IOError(std::string(url) + ": " + e.what());
}

Result<std::string> GetBody(std::string_view url, const GetOptions& options) {
  PSL_ASSIGN_OR_RETURN(GetResponse response, Get(url, options));
  if (response.status != 200) return Status::IOError(std::string(url) + ": HTTP " + std::to_string(response.status));
  return std::move(response.body);
}

}  // namespace passerelle::http
