// Passerelle — http(s) URLs for the client: split, and redirects resolved.
#include "http/internal/url.h"

namespace passerelle::http::internal {

Result<SplitUrl> Split(std::string_view url) {
  const std::string quoted = "\"" + std::string(url.substr(0, 200)) + "\"";
  const bool https = url.rfind("https://", 0) == 0;
  if (!https && url.rfind("http://", 0) != 0) return Status::InvalidArgument(quoted + " is not an http(s) URL");
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F)
      return Status::InvalidArgument(quoted + ": a URL with spaces or control characters");
  std::size_t host_start = url.find("://") + 3;
  std::size_t path_start = url.find_first_of("/?#", host_start);
  if (path_start == host_start || host_start == url.size()) return Status::InvalidArgument(quoted + " has no host");
  SplitUrl out;
  out.origin = std::string(url.substr(0, path_start));
  out.path = path_start == std::string_view::npos ? "/" : std::string(url.substr(path_start));
  if (std::size_t hash = out.path.find('#'); hash != std::string::npos) out.path.resize(hash);
  if (out.path.empty() || out.path[0] != '/') out.path.insert(0, "/");
  return out;
}

std::string Resolve(const SplitUrl& base, std::string_view location) {
  if (location.rfind("http://", 0) == 0 || location.rfind("https://", 0) == 0) return std::string(location);
  if (location.rfind("//", 0) == 0) return base.origin.substr(0, base.origin.find("//")) + std::string(location);
  if (!location.empty() && location[0] == '/') return base.origin + std::string(location);
  std::string dir = base.path.substr(0, base.path.find('?'));
  dir.resize(dir.rfind('/') + 1);
  return base.origin + dir + std::string(location);
}

}  // namespace passerelle::http::internal
