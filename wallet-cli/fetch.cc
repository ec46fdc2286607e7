// Passerelle wallet — HTTP(S) GET with cpp-httplib, bounded.
#include "wallet-cli/fetch.h"

// Debian builds cpp-httplib as a library; its pkg-config flags turn on TLS.
#include <httplib.h>

namespace passerelle::wallet {
namespace {

constexpr int kTimeoutSeconds = 15;

struct SplitUrl {
  std::string origin;  // scheme://host[:port]
  std::string path;    // "/…" with query
};

Result<SplitUrl> Split(std::string_view url) {
  std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return Status::InvalidArgument("not a URL");
  std::size_t path_start = url.find('/', scheme_end + 3);
  SplitUrl out;
  out.origin = std::string(url.substr(0, path_start));
  out.path = path_start == std::string_view::npos ? "/" : std::string(url.substr(path_start));
  if (out.origin.size() <= scheme_end + 3) return Status::InvalidArgument("URL without a host");
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F)
      return Status::InvalidArgument("URL with spaces or control characters");
  return out;
}

}  // namespace

bool IsHttpUrl(std::string_view text) {
  return text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0;
}

Result<std::string> FetchUrl(std::string_view url, std::size_t max_bytes) {
  if (!IsHttpUrl(url)) return Status::InvalidArgument("\"" + std::string(url) + "\" is not an http(s) URL");
  auto split = Split(url);
  if (!split.ok()) return split.status().Annotate("\"" + std::string(url) + "\"");
  try {
    httplib::Client client(split->origin);
    if (!client.is_valid()) return Status::InvalidArgument("\"" + std::string(url) + "\": unsupported URL");
    client.set_connection_timeout(kTimeoutSeconds);
    client.set_read_timeout(kTimeoutSeconds);
    client.set_write_timeout(kTimeoutSeconds);
    client.set_follow_location(true);
    client.enable_server_certificate_verification(true);
    std::string body;
    bool too_large = false;
    int status = 0;
    auto result = client.Get(
        split->path, httplib::Headers{{"Accept", "application/vc+ld+json, application/json"}},
        [&](const httplib::Response& response) {
          status = response.status;
          return response.status == 200;
        },
        [&](const char* data, std::size_t length) {
          if (body.size() + length > max_bytes) {
            too_large = true;
            return false;
          }
          body.append(data, length);
          return true;
        });
    if (too_large)
      return Status::ResourceExhausted("\"" + std::string(url) + "\": the response is larger than " +
                                       std::to_string(max_bytes) + " bytes");
    if (status != 0 && status != 200)
      return Status::IOError("\"" + std::string(url) + "\": the server answered HTTP " + std::to_string(status));
    if (!result)
      return Status::IOError("\"" + std::string(url) + "\": " + httplib::to_string(result.error()));
    return body;
  } catch (const std::exception& e) {
    return Status::IOError("\"" + std::string(url) + "\": " + e.what());
  }
}

}  // namespace passerelle::wallet
