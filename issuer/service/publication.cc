// Passerelle — the node's public documents as static files.
#include "issuer/service/publication.h"

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/vc_model.h"
#include "keys/did_document.h"

namespace passerelle {

namespace {

constexpr std::size_t kMaxPublishedBytes = 16u << 20;

// Writes `bytes` at out/rel unless the file already holds exactly them.
Result<PublishedFile> WriteIfChanged(const std::filesystem::path& out, const std::string& rel,
                                     const std::string& bytes, Env& env) {
  const std::filesystem::path path = out / rel;
  auto current = env.ReadFileBounded(path, kMaxPublishedBytes);
  if (current.ok() && *current == bytes) return PublishedFile{rel, false};
  PSL_RETURN_IF_ERROR(env.CreateDirectories(path.parent_path(), 0755));
  // World-readable: these are public documents for a web server to serve.
  PSL_RETURN_IF_ERROR(env.WriteFileAtomic(path, bytes, WriteOptions{0644, Durability::kSynced})
                          .Annotate("publish \"" + path.string() + "\""));
  return PublishedFile{rel, true};
}

}  // namespace

Result<std::vector<PublishedFile>> PublishDocuments(Issuer& issuer, const std::filesystem::path& out,
                                                    const std::optional<std::string>& trust_list, Env& env) {
  std::vector<PublishedFile> files;
  const std::string did = issuer.folder().did;
  if (trust_list) {
    auto doc = ParseJson(*trust_list, JsonLimits{8u << 20, 16});
    if (!doc.ok()) return doc.status().Annotate("--trust-list");
    auto signer = CredentialIssuerId(*doc);
    if (!signer.ok() || *signer != did)
      return Status::InvalidArgument("--trust-list: signed by " + (signer.ok() ? *signer : std::string("nobody")) +
                                     ", not by this node (" + did + ")");
  }
  PSL_RETURN_IF_ERROR(env.CreateDirectories(out, 0755).Annotate("--out"));
  PSL_ASSIGN_OR_RETURN(PublishedFile did_file,
                       WriteIfChanged(out, ".well-known/did.json", DumpJson(issuer.DidDocumentJson()) + "\n", env));
  files.push_back(did_file);
  if (issuer.has_store()) {
    if (issuer.public_url().empty())
      return Status::InvalidArgument("the node has no public URL: its status lists have no address "
                                     "(issuer init --public-url URL)");
    PSL_ASSIGN_OR_RETURN(std::vector<std::string> ids, issuer.StatusListIds());
    nlohmann::json urls = nlohmann::json::array();
    for (const auto& id : ids) {
      PSL_ASSIGN_OR_RETURN(SignedList list, issuer.StatusList(id));
      PSL_ASSIGN_OR_RETURN(PublishedFile f, WriteIfChanged(out, "status-lists/" + id, list.json, env));
      files.push_back(f);
      urls.push_back(issuer.public_url() + "/status-lists/" + id);
    }
    nlohmann::json index = {{"statusLists", std::move(urls)}};
    PSL_ASSIGN_OR_RETURN(PublishedFile f, WriteIfChanged(out, "status-lists/index.json", DumpJson(index) + "\n", env));
    files.push_back(f);
  }
  if (trust_list) {
    PSL_ASSIGN_OR_RETURN(PublishedFile f, WriteIfChanged(out, "trust-list.json", *trust_list, env));
    files.push_back(f);
  }
  return files;
}

}  // namespace passerelle
