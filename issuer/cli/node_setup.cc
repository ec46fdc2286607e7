// Passerelle issuer CLI — node store and public URL.
#include "issuer/cli/node_setup.h"

#include <ostream>

#include "issuer/cli/commands.h"

namespace passerelle::cli {

namespace {

constexpr const char* kPublicUrlSetting = "public-url";

}  // namespace

Status CheckPublicUrl(const std::string& url) {
  bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  bool clean = url.find_first_of("?# \t\r\n") == std::string::npos && url.size() < 200;
  std::size_t host_start = url.find("://") + 3;
  if (!scheme || !clean || url.size() <= host_start)
    return Status::InvalidArgument("--public-url \"" + url.substr(0, 200) +
                                   "\" must be an http(s) URL without query or fragment, e.g. https://issuer.example");
  return Status::Ok();
}

namespace {

std::string Trimmed(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

// did:web:host%3A8443:a:b -> https://host:8443/a/b
std::optional<std::string> FromDidWeb(const std::string& did) {
  if (did.rfind("did:web:", 0) != 0) return std::nullopt;
  std::string rest = did.substr(8), out = "https://";
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest.compare(i, 3, "%3A") == 0 || rest.compare(i, 3, "%3a") == 0) {
      out += ':';
      i += 2;
    } else {
      out += rest[i] == ':' ? '/' : rest[i];
    }
  }
  return out;
}

}  // namespace

std::filesystem::path StoreDir(const std::filesystem::path& issuer_dir) { return issuer_dir / "store"; }

Result<std::unique_ptr<store::IssuerStore>> OpenNodeStore(const std::filesystem::path& issuer_dir) {
  auto s = store::IssuerStore::Open(StoreDir(issuer_dir));
  if (!s.ok()) return s.status();
  return s;
}

Result<std::string> ResolvePublicUrl(store::IssuerStore& store, const IssuerDir& issuer,
                                     const std::optional<std::string>& explicit_url, std::ostream& err,
                                     const std::optional<std::string>& fallback) {
  PSL_ASSIGN_OR_RETURN(std::string remembered, store.GetSetting(kPublicUrlSetting));
  if (explicit_url) {
    std::string url = Trimmed(*explicit_url);
    PSL_RETURN_IF_ERROR(CheckPublicUrl(url));
    if (url != remembered) {
      if (!remembered.empty())
        Diag(err).Warning("the public URL changes from " + remembered + " to " + url +
                          "; credentials issued before keep pointing at " + remembered + "/status-lists/…");
      PSL_RETURN_IF_ERROR(store.PutSetting(kPublicUrlSetting, url));
    }
    return url;
  }
  if (!remembered.empty()) return remembered;
  if (auto derived = FromDidWeb(issuer.did)) return Trimmed(*derived);
  if (fallback) return Trimmed(*fallback);
  return Status::InvalidArgument("this issuer has no public URL for its status lists: give --public-url "
                                 "(a did:key issuer has no web address to derive one from)");
}

}  // namespace passerelle::cli
