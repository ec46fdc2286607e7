// Passerelle — did:web URLs and the DID-document cache.
#include "verifier/sync/did_web.h"

#include <nlohmann/json.hpp>

#include "formats/digest.h"
#include "formats/json.h"
#include "verifier/internal/folder_trust.h"

namespace passerelle {

namespace {

bool HostChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
         c == '%' || c == '_';
}

std::string Percent3ADecoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 3) == "%3A" || s.substr(i, 3) == "%3a") {
      out += ':';
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

Result<std::string> DidWebDocumentUrl(std::string_view did, std::string_view loopback_scheme) {
  if (did.rfind("did:web:", 0) != 0 || did.size() <= 8 || did.size() > 400)
    return Status::Malformed("\"" + std::string(did.substr(0, 100)) + "\" is not a did:web DID");
  std::string_view rest = did.substr(8);
  std::size_t colon = rest.find(':');
  std::string_view host = rest.substr(0, colon);
  for (char c : rest)
    if (!HostChar(c) && c != ':') return Status::Malformed("did:web \"" + std::string(did) + "\": unexpected character");
  std::string authority = Percent3ADecoded(host);
  std::string hostname = authority.substr(0, authority.find(':'));
  bool loopback = hostname == "localhost" || hostname == "127.0.0.1" || hostname == "%5B%3A%3A1%5D";
  std::string url = std::string(loopback ? loopback_scheme : "https") + "://" + authority;
  if (colon == std::string_view::npos) return url + "/.well-known/did.json";
  std::string path(rest.substr(colon));
  for (char& c : path)
    if (c == ':') c = '/';
  return url + path + "/did.json";
}

Status StoreCachedDidDocument(const std::filesystem::path& cache_dir, const nlohmann::json& document, Env& env) {
  PSL_ASSIGN_OR_RETURN(std::string did, GetString(document, "id", ""));
  std::filesystem::path dir = cache_dir / "did";
  PSL_RETURN_IF_ERROR(env.CreateDirectories(dir, 0777));
  return env.WriteFileAtomic(dir / (Sha256Hex(did).substr(0, 32) + ".json"), DumpJson(document),
                             WriteOptions{0644, Durability::kSynced});
}

Status LoadCachedDidDocuments(const std::filesystem::path& cache_dir, DidResolver& resolver, Env& env) {
  std::filesystem::path dir = cache_dir / "did";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return Status::Ok();
  // DID documents carry no signature: a cached one is exactly as trustworthy
  // as the folder it sits in. Refuse folders and files others could write.
  if (internal::WritableByOthers(dir))
    return Status::PermissionDenied("cached DID documents in \"" + dir.string() +
                                    "\" are writable by another user: not trusted (fix its owner and mode, or sync again)");
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".json") continue;
    std::string where = "cached DID document \"" + entry.path().string() + "\"";
    if (internal::WritableByOthers(entry.path()))
      return Status::PermissionDenied(where + " is writable by another user: not trusted");
    constexpr std::size_t kMaxDidDocumentBytes = 1 << 20;
    auto text = env.ReadFileBounded(entry.path(), kMaxDidDocumentBytes);
    auto parsed = text.ok() ? ParseJson(*text, JsonLimits{kMaxDidDocumentBytes, 32}) : Result<nlohmann::json>(text.status());
    auto doc = parsed.ok() ? ParseDidDocument(*parsed) : Result<DidDocument>(parsed.status());
    if (!doc.ok()) return doc.status().Annotate(where);
    // Each file is named after the DID it was fetched for: a document
    // claiming another DID is not the one sync stored there.
    if (entry.path().filename().string() != Sha256Hex(doc->id).substr(0, 32) + ".json")
      return Status::VerificationFailed(where + " claims " + doc->id + ", which is not the DID it was stored for");
    if (!resolver.Resolve(doc->id).ok()) resolver.Add(std::move(*doc));
  }
  if (ec) return Status::IOError("\"" + dir.string() + "\": " + ec.message());
  return Status::Ok();
}

}  // namespace passerelle
