// Passerelle — the verifier's HTTP(S) client: the only verifier file that
// includes httplib.h. Debian's libcpp-httplib is built with OpenSSL, zlib and
// brotli support; the macros must match it (they change class layouts).
#define CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_ZLIB_SUPPORT
#define CPPHTTPLIB_BROTLI_SUPPORT
#include "verifier/sync/fetch.h"

#include <httplib.h>

namespace passerelle {

namespace {

struct SplitUrl {
  std::string origin;  // scheme://host[:port]
  std::string path;    // with the query
};

Result<SplitUrl> Split(const std::string& url) {
  bool https = url.rfind("https://", 0) == 0;
  if (!https && url.rfind("http://", 0) != 0)
    return Status::InvalidArgument("\"" + url.substr(0, 200) + "\" is not an http(s) URL");
  std::size_t host_start = url.find("://") + 3;
  std::size_t path_start = url.find('/', host_start);
  if (path_start == host_start) return Status::InvalidArgument("\"" + url.substr(0, 200) + "\" has no host");
  SplitUrl out;
  out.origin = url.substr(0, path_start);
  out.path = path_start == std::string::npos ? "/" : url.substr(path_start);
  std::size_t hash = out.path.find('#');
  if (hash != std::string::npos) out.path.resize(hash);
  return out;
}

}  // namespace

Fetcher HttpFetcher(const FetchOptions& options) {
  return [options](const std::string& url) -> Result<std::string> {
    PSL_ASSIGN_OR_RETURN(SplitUrl parts, Split(url));
    httplib::Client client(parts.origin);
    client.set_connection_timeout(options.timeout_seconds, 0);
    client.set_read_timeout(options.timeout_seconds, 0);
    client.set_write_timeout(options.timeout_seconds, 0);
    client.set_follow_location(true);
    client.enable_server_certificate_verification(true);
    if (!options.ca_file.empty()) client.set_ca_cert_path(options.ca_file.c_str());
    std::string body;
    bool too_big = false;
    auto res = client.Get(parts.path.c_str(), httplib::Headers{{"Accept", "application/json"}},
                          [&](const char* data, std::size_t len) {
                            if (body.size() + len > options.max_bytes) {
                              too_big = true;
                              return false;
                            }
                            body.append(data, len);
                            return true;
                          });
    if (too_big)
      return Status::ResourceExhausted(url + ": the response is larger than " + std::to_string(options.max_bytes) +
                                       " bytes");
    if (!res) return Status::IOError(url + ": " + httplib::to_string(res.error()));
    if (res->status != 200) return Status::IOError(url + ": HTTP " + std::to_string(res->status));
    return body;
  };
}

}  // namespace passerelle
