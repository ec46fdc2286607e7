// Passerelle — reading --listen HOST:PORT (IPv6 in brackets) and writing a
// host back into a URL. Shared by `issuer serve` and `verifier serve`.
#include <charconv>

#include "formats/terminal_text.h"
#include "http/server.h"

namespace passerelle::http {

Result<ListenAddress> ParseListenAddress(std::string_view listen) {
  const std::string quoted = "--listen \"" + SanitizeForTerminal(listen) + "\": ";
  std::size_t colon = listen.rfind(':');
  if (colon == std::string_view::npos || colon == 0)
    return Status::InvalidArgument(quoted + "expected HOST:PORT, e.g. 127.0.0.1:8080");
  ListenAddress a;
  a.host = std::string(listen.substr(0, colon));
  // An IPv6 address goes in brackets, or its last group would read as the port.
  const bool bracketed = a.host.size() > 2 && a.host.front() == '[' && a.host.back() == ']';
  if (bracketed) {
    a.host = a.host.substr(1, a.host.size() - 2);
  } else if (a.host.find_first_of("[]:") != std::string::npos) {
    return Status::InvalidArgument(quoted + "write an IPv6 address in brackets, e.g. [::1]:8080");
  }
  std::string_view port = listen.substr(colon + 1);
  auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), a.port);
  if (port.empty() || ec != std::errc() || ptr != port.data() + port.size() || a.port < 0 || a.port > 65535)
    return Status::InvalidArgument(quoted + "the port must be 0 to 65535");
  return a;
}

std::string UrlHost(std::string_view host) {
  return host.find(':') != std::string_view::npos ? "[" + std::string(host) + "]" : std::string(host);
}

}  // namespace passerelle::http
