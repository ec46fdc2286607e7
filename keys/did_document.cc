// Passerelle — DID documents and offline verification-method resolution.
#include "keys/did_document.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/multibase.h"
#include "keys/did_key.h"

namespace passerelle {

using nlohmann::json;

std::string_view DidOf(std::string_view did_url) {
  // did:web paths use ':' so '/' only appears in a path component of a DID URL.
  // A plain loop: find_first_of calls memchr once per character, and this
  // runs for every proof verified.
  for (std::size_t i = 4; i < did_url.size(); ++i)
    if (did_url[i] == '#' || did_url[i] == '?' || did_url[i] == '/') return did_url.substr(0, i);
  return did_url;
}

const VerificationMethod* DidDocument::FindMethod(std::string_view method_id) const {
  for (const auto& m : methods)
    if (m.id == method_id) return &m;
  return nullptr;
}

namespace {

std::string Absolute(const std::string& did, const std::string& id) {
  if (!id.empty() && id[0] == '#') return did + id;
  return id;
}

Result<VerificationMethod> ParseMethod(const json& m, const std::string& did,
                                       const std::string& at) {
  if (!m.is_object()) return Status::Malformed(at + ": must be an object");
  VerificationMethod vm{};
  PSL_ASSIGN_OR_RETURN(std::string id, GetString(m, "id", at));
  vm.id = Absolute(did, id);
  vm.controller = did;
  if (const json* c = FindMember(m, "controller"); c && c->is_string()) vm.controller = c->get<std::string>();
  PSL_ASSIGN_OR_RETURN(std::string type, GetString(m, "type", at));
  if (type != "Multikey" && type != "Ed25519VerificationKey2020")
    return Status::Unsupported(at + "/type: verification method type \"" + type +
                               "\" is not supported (Multikey)");
  PSL_ASSIGN_OR_RETURN(std::string mb, GetString(m, "publicKeyMultibase", at));
  auto key = Ed25519PublicKey::FromMultibase(mb);
  if (!key.ok()) return key.status().Annotate(at);
  vm.key = *key;
  if (const json* r = FindMember(m, "revoked")) {
    if (!r->is_string()) return Status::Malformed(at + "/revoked: must be a date-time");
    auto t = ParseDateTime(r->get<std::string>());
    if (!t.ok()) return t.status().Annotate(at + "/revoked");
    vm.revoked = *t;
  }
  return vm;
}

// A relationship: ids (strings) or embedded methods.
Status ParseRelationship(const json& doc, std::string_view name, DidDocument& out,
                         std::vector<std::string>& ids) {
  const json* r = FindMember(doc, name);
  if (r == nullptr) return Status::Ok();
  if (!r->is_array()) return Status::Malformed("/" + std::string(name) + ": must be an array");
  for (std::size_t i = 0; i < r->size(); ++i) {
    const json& e = (*r)[i];
    std::string at = "/" + std::string(name) + "/" + std::to_string(i);
    if (e.is_string()) {
      ids.push_back(Absolute(out.id, e.get<std::string>()));
    } else {
      PSL_ASSIGN_OR_RETURN(auto vm, ParseMethod(e, out.id, at));
      ids.push_back(vm.id);
      if (out.FindMethod(vm.id) == nullptr) out.methods.push_back(std::move(vm));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<DidDocument> ParseDidDocument(const json& doc) {
  if (!doc.is_object()) return Status::Malformed("DID document: must be a JSON object");
  DidDocument out;
  PSL_ASSIGN_OR_RETURN(out.id, GetString(doc, "id", ""));
  if (out.id.rfind("did:", 0) != 0) return Status::Malformed("/id: not a DID");
  if (const json* vms = FindMember(doc, "verificationMethod")) {
    if (!vms->is_array()) return Status::Malformed("/verificationMethod: must be an array");
    for (std::size_t i = 0; i < vms->size(); ++i) {
      PSL_ASSIGN_OR_RETURN(auto vm, ParseMethod((*vms)[i], out.id,
                                                "/verificationMethod/" + std::to_string(i)));
      out.methods.push_back(std::move(vm));
    }
  }
  PSL_RETURN_IF_ERROR(ParseRelationship(doc, "assertionMethod", out, out.assertion_method));
  PSL_RETURN_IF_ERROR(ParseRelationship(doc, "authentication", out, out.authentication));
  return out;
}

json DidDocumentToJson(const DidDocument& d) {
  json doc = {{"@context", {"https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"}},
              {"id", d.id}};
  json vms = json::array();
  for (const auto& m : d.methods) {
    json vm = {{"id", m.id},
               {"type", "Multikey"},
               {"controller", m.controller},
               {"publicKeyMultibase", m.key.ToMultibase()}};
    if (m.revoked) vm["revoked"] = FormatDateTime(*m.revoked);
    vms.push_back(std::move(vm));
  }
  doc["verificationMethod"] = std::move(vms);
  doc["assertionMethod"] = d.assertion_method;
  doc["authentication"] = d.authentication;
  return doc;
}

DidDocument DidKeyDocument(const Ed25519PublicKey& key) {
  DidDocument d;
  d.id = DidKeyFor(key);
  VerificationMethod vm{DidKeyVerificationMethod(key), d.id, key, std::nullopt, std::nullopt};
  d.assertion_method = {vm.id};
  d.authentication = {vm.id};
  d.methods.push_back(std::move(vm));
  return d;
}

void DidResolver::Add(DidDocument document) {
  std::string id = document.id;
  if (documents_.use_count() > 1) documents_ = std::make_shared<Documents>(*documents_);  // copy on write
  (*documents_)[id] = std::move(document);
}

Result<DidDocument> DidResolver::Resolve(std::string_view did) const {
  if (did.rfind("did:key:", 0) == 0) {
    PSL_ASSIGN_OR_RETURN(auto key, ParseDidKey(did));
    // Built from the DID string itself: no re-encoding on the hot path.
    DidDocument d;
    d.id = std::string(did);
    VerificationMethod vm{d.id + "#" + d.id.substr(8), d.id, key, std::nullopt, std::nullopt};
    d.assertion_method = {vm.id};
    d.authentication = {vm.id};
    d.methods.push_back(std::move(vm));
    return d;
  }
  auto it = documents_->find(did);
  if (it != documents_->end()) return it->second;
  if (did.rfind("did:", 0) != 0)
    return Status::Malformed("\"" + std::string(did.substr(0, 100)) + "\" is not a DID");
  return Status::NotFound("no DID document for " + std::string(did.substr(0, 200)) +
                          " is known offline (give it with --did-document or a trust list)");
}

Result<ResolvedMethod> ResolveVerificationMethod(const DidResolver& resolver,
                                                 std::string_view method_url,
                                                 std::string_view purpose) {
  std::string_view did = DidOf(method_url);
  if (did.rfind("did:key:", 0) == 0) {
    // The did:key document has one method, "did:key:z…#z…", authorised for
    // every purpose: checked from the URL alone, with no document built
    // (this runs on every verification).
    PSL_ASSIGN_OR_RETURN(auto key, ParseDidKey(did));
    std::string_view fragment = method_url.substr(did.size());
    if (fragment.size() != did.size() - 7 || fragment[0] != '#' || fragment.substr(1) != did.substr(8))
      return Status::VerificationFailed("verification method " + std::string(method_url) +
                                        " is not in the DID document of " + std::string(did));
    if (purpose != "authentication" && purpose != "assertionMethod")
      return Status::VerificationFailed("proof purpose \"" + std::string(purpose) + "\" is not accepted");
    return ResolvedMethod{VerificationMethod{std::string(method_url), std::string(did), key, std::nullopt, std::nullopt}};
  }
  PSL_ASSIGN_OR_RETURN(auto doc, resolver.Resolve(did));
  const VerificationMethod* vm = doc.FindMethod(method_url);
  if (vm == nullptr)
    return Status::VerificationFailed("verification method " + std::string(method_url) +
                                      " is not in the DID document of " + std::string(did));
  const auto& allowed = purpose == "authentication" ? doc.authentication : doc.assertion_method;
  if (purpose != "authentication" && purpose != "assertionMethod")
    return Status::VerificationFailed("proof purpose \"" + std::string(purpose) + "\" is not accepted");
  if (std::find(allowed.begin(), allowed.end(), vm->id) == allowed.end())
    return Status::VerificationFailed("verification method " + std::string(method_url) +
                                      " is not authorised for " + std::string(purpose));
  return ResolvedMethod{*vm};
}

}  // namespace passerelle
