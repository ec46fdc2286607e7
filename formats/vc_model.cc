// Passerelle — W3C VC Data Model structural rules.
#include "formats/vc_model.h"

#include <array>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "formats/json.h"
#include "formats/related_resource.h"

namespace passerelle {
namespace {

using nlohmann::json;

// A JSON Pointer kept in parts (a parent, then a member name or an array
// index) and written out only when an error names it: these checks run on
// every credential verified and almost always pass. Parts refer to strings
// that outlive the check (literals, member names of the document).
class Where {
 public:
  explicit Where(std::string_view root) : text_(root) {}
  Where(const Where& parent, std::string_view member) : parent_(&parent), text_(member) {}
  Where(const Where& parent, std::size_t index) : parent_(&parent), index_(index), is_index_(true) {}

  std::string str() const {
    if (parent_ == nullptr) return std::string(text_);
    std::string out = parent_->str();
    out += '/';
    out += is_index_ ? std::to_string(index_) : JsonPointerEscape(text_);
    return out;
  }

 private:
  const Where* parent_ = nullptr;
  std::string_view text_;
  std::size_t index_ = 0;
  bool is_index_ = false;
};

Status Invalid(const Where& where, const std::string& rule) {
  std::string at = where.str();
  return Status::InvalidCredential((at.empty() ? std::string("/") : at) + ": " + rule).AtPointer(at);
}
Status Invalid(std::string_view at, const std::string& rule) { return Invalid(Where(at), rule); }

// `@context`: the base context first, then URLs or inline objects only.
Status CheckContext(const json& doc, const Where& where) {
  const json* ctx = FindMember(doc, "@context");
  const Where at(where, "@context");
  if (ctx == nullptr) return Invalid(at, "missing");
  if (ctx->is_string()) {
    if (!JsonStringEquals(*ctx, kVc2Context) && !JsonStringEquals(*ctx, kVc1Context))
      return Invalid(at, "the first context must be " + std::string(kVc2Context));
    return Status::Ok();
  }
  if (!ctx->is_array() || ctx->empty()) return Invalid(at, "must be a URL or a non-empty array");
  const json& first = (*ctx)[0];
  if (!JsonStringEquals(first, kVc2Context) && !JsonStringEquals(first, kVc1Context))
    return Invalid(Where(at, std::size_t{0}), "the first context must be " + std::string(kVc2Context));
  for (std::size_t i = 1; i < ctx->size(); ++i) {
    const json& c = (*ctx)[i];
    if (c.is_string()) {
      if (!IsAbsoluteUrl(c.get_ref<const std::string&>())) return Invalid(Where(at, i), "not a URL");
    } else if (!c.is_object()) {
      return Invalid(Where(at, i), "a context must be a URL or an object");
    }
  }
  return Status::Ok();
}

Status CheckTypeIncludes(const json& doc, const Where& where, std::string_view required) {
  const json* t = FindMember(doc, "type");
  const Where at(where, "type");
  if (t == nullptr) return Invalid(at, "missing");
  if (t->is_string()) {
    if (!JsonStringEquals(*t, required)) return Invalid(at, "must include " + std::string(required));
    return Status::Ok();
  }
  if (!t->is_array()) return Invalid(at, "must be a string or an array of strings");
  bool found = false;
  for (const auto& e : *t) {
    if (!e.is_string()) return Invalid(at, "must be a string or an array of strings");
    if (JsonStringEquals(e, required)) found = true;
  }
  if (!found) return Invalid(at, "must include " + std::string(required));
  return Status::Ok();
}

// Optional `id`: a single URL.
Status CheckOptionalId(const json& obj, const Where& where) {
  const json* id = FindMember(obj, "id");
  if (id == nullptr) return Status::Ok();
  if (!id->is_string()) return Invalid(Where(where, "id"), "must be a single URL");
  if (!IsAbsoluteUrl(id->get_ref<const std::string&>())) return Invalid(Where(where, "id"), "not a URL");
  return Status::Ok();
}

// Runs `check_one(item, where)` on a member that holds one item or an array
// of them; the first error wins.
template <typename CheckOne>
Status CheckEach(const json& m, const Where& at, CheckOne&& check_one) {
  if (!m.is_array()) return check_one(m, at);
  for (std::size_t i = 0; i < m.size(); ++i) PSL_RETURN_IF_ERROR(check_one(m[i], Where(at, i)));
  return Status::Ok();
}

// An object (or array of objects) each with a `type`, optional URL `id`.
Status CheckTypedObjects(const json& doc, std::string_view member, const Where& where, bool id_required) {
  const json* m = FindMember(doc, member);
  if (m == nullptr) return Status::Ok();
  return CheckEach(*m, Where(where, member), [&](const json& o, const Where& at) -> Status {
    if (!o.is_object()) return Invalid(at, "must be an object");
    const json* t = FindMember(o, "type");
    if (t == nullptr) return Invalid(Where(at, "type"), "missing");
    if (t->is_string()) {
      if (t->get_ref<const std::string&>().empty()) return Invalid(Where(at, "type"), "empty");
    } else if (t->is_array() && !t->empty()) {
      for (const auto& e : *t)
        if (!e.is_string()) return Invalid(Where(at, "type"), "must be a string or array of strings");
    } else {
      return Invalid(Where(at, "type"), "must be a string or array of strings");
    }
    if (id_required && FindMember(o, "id") == nullptr) return Invalid(Where(at, "id"), "missing");
    return CheckOptionalId(o, at);
  });
}

// name / description: a string, a language value object, or an array of them.
Status CheckLanguageValue(const json& obj, std::string_view member, const Where& where) {
  const json* m = FindMember(obj, member);
  if (m == nullptr) return Status::Ok();
  return CheckEach(*m, Where(where, member), [&](const json& v, const Where& at) -> Status {
    if (v.is_string()) return Status::Ok();
    if (!v.is_object()) return Invalid(at, "must be a string or a language value object");
    const json* value = FindMember(v, "@value");
    if (value == nullptr || !value->is_string()) return Invalid(Where(at, "@value"), "must be a string");
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (it.key() != "@value" && it.key() != "@language" && it.key() != "@direction")
        return Invalid(Where(at, it.key()), "not allowed in a language value object");
      if (!it->is_string()) return Invalid(Where(at, it.key()), "must be a string");
    }
    if (const json* d = FindMember(v, "@direction");
        d != nullptr && !JsonStringEquals(*d, "ltr") && !JsonStringEquals(*d, "rtl"))
      return Invalid(Where(at, "@direction"), "must be \"ltr\" or \"rtl\"");
    return Status::Ok();
  });
}

Status CheckDateTime(const json& doc, std::string_view member, const Where& where, Timestamp* out, bool* present) {
  *present = false;
  const json* m = FindMember(doc, member);
  if (m == nullptr) return Status::Ok();
  if (!m->is_string()) return Invalid(Where(where, member), "must be a date-time string");
  auto t = ParseDateTime(m->get_ref<const std::string&>());
  if (!t.ok()) return Invalid(Where(where, member), t.status().message());
  *out = *t;
  *present = true;
  return Status::Ok();
}

Status CheckIssuer(const json& cred, const Where& where) {
  const json* issuer = FindMember(cred, "issuer");
  const Where at(where, "issuer");
  if (issuer == nullptr) return Invalid(at, "missing");
  if (issuer->is_string()) {
    if (!IsAbsoluteUrl(issuer->get_ref<const std::string&>())) return Invalid(at, "not a URL");
    return Status::Ok();
  }
  if (!issuer->is_object()) return Invalid(at, "must be a URL or an object with an id");
  const json* id = FindMember(*issuer, "id");
  if (id == nullptr || !id->is_string()) return Invalid(Where(at, "id"), "must be a URL");
  if (!IsAbsoluteUrl(id->get_ref<const std::string&>())) return Invalid(Where(at, "id"), "not a URL");
  PSL_RETURN_IF_ERROR(CheckLanguageValue(*issuer, "name", at));
  return CheckLanguageValue(*issuer, "description", at);
}

Status CheckSubjects(const json& cred, const Where& where) {
  const json* subject = FindMember(cred, "credentialSubject");
  const Where at(where, "credentialSubject");
  if (subject == nullptr) return Invalid(at, "missing");
  if (subject->is_array() && subject->empty()) return Invalid(at, "must not be empty");
  return CheckEach(*subject, at, [](const json& s, const Where& sat) -> Status {
    if (!s.is_object()) return Invalid(sat, "must be an object");
    if (s.empty()) return Invalid(sat, "must make at least one claim");
    return CheckOptionalId(s, sat);
  });
}

Status CheckRelatedResources(const json& cred, const Where& where) {
  const json* m = FindMember(cred, "relatedResource");
  if (m == nullptr) return Status::Ok();
  const OneOrMany items(*m);
  const Where at(where, "relatedResource");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json& r = items[i];
    const Where rat(at, i);
    if (!r.is_object()) return Invalid(rat, "must be an object");
    if (FindMember(r, "id") == nullptr) return Invalid(Where(rat, "id"), "missing");
    PSL_RETURN_IF_ERROR(CheckOptionalId(r, rat));
    const json* sri = FindMember(r, "digestSRI");
    const json* mb = FindMember(r, "digestMultibase");
    if (sri == nullptr && mb == nullptr) return Invalid(rat, "needs digestSRI or digestMultibase");
    if (sri != nullptr && !sri->is_string()) return Invalid(Where(rat, "digestSRI"), "must be a string");
    if (mb != nullptr && !mb->is_string()) return Invalid(Where(rat, "digestMultibase"), "must be a string");
  }
  // Unique ids, well-formed digests, and digests that match what can be
  // checked offline (bundled resources).
  return CheckRelatedResourceDigests(cred, where.str()).status();
}

Status CheckProofShape(const json* proof, const Where& where) {
  if (proof == nullptr || proof->is_null()) return Status::Ok();
  return CheckEach(*proof, Where(where, "proof"), [](const json& p, const Where& at) -> Status {
    if (!p.is_object()) return Invalid(at, "must be an object");
    if (FindMember(p, "type") == nullptr) return Invalid(Where(at, "type"), "missing");
    return Status::Ok();
  });
}

}  // namespace

Status ValidateProofShape(const json* proof, const std::string& where) {
  return CheckProofShape(proof, Where(where));
}

namespace {

Status ValidateCredentialAt(const json& cred, const Where& where) {
  if (!cred.is_object()) return Invalid(where, "a credential must be a JSON object");
  PSL_RETURN_IF_ERROR(CheckContext(cred, where));
  PSL_ASSIGN_OR_RETURN(VcVersion version, DetectVcVersion(cred));
  PSL_RETURN_IF_ERROR(CheckTypeIncludes(cred, where, "VerifiableCredential"));
  PSL_RETURN_IF_ERROR(CheckOptionalId(cred, where));
  PSL_RETURN_IF_ERROR(CheckIssuer(cred, where));
  PSL_RETURN_IF_ERROR(CheckSubjects(cred, where));
  PSL_RETURN_IF_ERROR(CheckLanguageValue(cred, "name", where));
  PSL_RETURN_IF_ERROR(CheckLanguageValue(cred, "description", where));

  Timestamp from{}, until{};
  bool has_from = false, has_until = false;
  if (version == VcVersion::kV2_0) {
    PSL_RETURN_IF_ERROR(CheckDateTime(cred, "validFrom", where, &from, &has_from));
    PSL_RETURN_IF_ERROR(CheckDateTime(cred, "validUntil", where, &until, &has_until));
  } else {
    PSL_RETURN_IF_ERROR(CheckDateTime(cred, "issuanceDate", where, &from, &has_from));
    if (!has_from) return Invalid(Where(where, "issuanceDate"), "missing (required by VC 1.1)");
    PSL_RETURN_IF_ERROR(CheckDateTime(cred, "expirationDate", where, &until, &has_until));
  }
  if (has_from && has_until && until < from)
    return Invalid(where, "the validity period ends before it starts");

  PSL_RETURN_IF_ERROR(CheckTypedObjects(cred, "credentialStatus", where, false));
  PSL_RETURN_IF_ERROR(CheckTypedObjects(cred, "credentialSchema", where, true));
  PSL_RETURN_IF_ERROR(CheckTypedObjects(cred, "termsOfUse", where, false));
  PSL_RETURN_IF_ERROR(CheckTypedObjects(cred, "evidence", where, false));
  PSL_RETURN_IF_ERROR(CheckTypedObjects(cred, "refreshService", where, false));
  PSL_RETURN_IF_ERROR(CheckRelatedResources(cred, where));
  return CheckProofShape(FindMember(cred, "proof"), where);
}

Status ValidateEnvelopedCredential(const json& vc, const Where& at) {
  PSL_RETURN_IF_ERROR(CheckContext(vc, at));
  PSL_RETURN_IF_ERROR(CheckTypeIncludes(vc, at, "EnvelopedVerifiableCredential"));
  const json* id = FindMember(vc, "id");
  if (id == nullptr || !id->is_string() || id->get_ref<const std::string&>().rfind("data:", 0) != 0)
    return Invalid(Where(at, "id"), "an enveloped credential's id must be a data: URL");
  return Status::Ok();
}

}  // namespace

bool IsAbsoluteUrl(std::string_view s) {
  // Characters a URL may not hold anywhere (RFC 3986 / WHATWG): controls,
  // space, DEL and  < > " { } | \\ ^ `. A table: this runs on every URL of
  // every credential verified.
  static constexpr auto kForbidden = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c <= 0x20; ++c) t[c] = true;
    for (unsigned char c : std::string_view("\x7f<>\"{}|\\^`")) t[c] = true;
    return t;
  }();
  auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  auto is_alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!is_alpha(s[0])) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    char c = s[i];
    if (!(is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) return false;
  }
  if (colon + 1 >= s.size()) return false;
  for (unsigned char c : s)
    if (kForbidden[c]) return false;
  return true;
}

Result<VcVersion> DetectVcVersion(const json& document) {
  const json* ctx = FindMember(document, "@context");
  const json* first = nullptr;
  if (ctx != nullptr && ctx->is_string()) first = ctx;
  if (ctx != nullptr && ctx->is_array() && !ctx->empty()) first = &(*ctx)[0];
  if (first != nullptr && JsonStringEquals(*first, kVc2Context)) return VcVersion::kV2_0;
  if (first != nullptr && JsonStringEquals(*first, kVc1Context)) return VcVersion::kV1_1;
  return Status::InvalidCredential("/@context/0: must be " + std::string(kVc2Context) + " (or " +
                                   std::string(kVc1Context) + " for VC 1.1)");
}

Status ValidateCredentialModel(const json& credential) { return ValidateCredentialAt(credential, Where("")); }

Status ValidatePresentationModel(const json& vp) {
  if (!vp.is_object()) return Invalid("", "a presentation must be a JSON object");
  const Where root("");
  PSL_RETURN_IF_ERROR(CheckContext(vp, root));
  PSL_RETURN_IF_ERROR(CheckTypeIncludes(vp, root, "VerifiablePresentation"));
  PSL_RETURN_IF_ERROR(CheckOptionalId(vp, root));
  if (const json* holder = FindMember(vp, "holder")) {
    if (holder->is_string()) {
      if (!IsAbsoluteUrl(holder->get_ref<const std::string&>())) return Invalid("/holder", "not a URL");
    } else if (holder->is_object()) {
      const json* id = FindMember(*holder, "id");
      if (id == nullptr || !id->is_string() || !IsAbsoluteUrl(id->get_ref<const std::string&>()))
        return Invalid("/holder/id", "must be a URL");
    } else {
      return Invalid("/holder", "must be a URL or an object with an id");
    }
  }
  if (const json* vcs = FindMember(vp, "verifiableCredential")) {
    const OneOrMany items(*vcs);  // in place: a copy would duplicate every credential
    const Where list(root, "verifiableCredential");
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Where at(list, i);
      const json& vc = items[i];
      if (!vc.is_object()) return Invalid(at, "an embedded credential must be an object");
      if (HasType(vc, "EnvelopedVerifiableCredential") ||
          (FindMember(vc, "id") && (*FindMember(vc, "id")).is_string() &&
           (*FindMember(vc, "id")).get_ref<const std::string&>().rfind("data:", 0) == 0)) {
        PSL_RETURN_IF_ERROR(ValidateEnvelopedCredential(vc, at));
      } else {
        PSL_RETURN_IF_ERROR(ValidateCredentialAt(vc, at));
      }
    }
  }
  return CheckProofShape(FindMember(vp, "proof"), root);
}

Result<std::string> CredentialIssuerId(const json& credential) {
  const json* issuer = FindMember(credential, "issuer");
  if (issuer != nullptr && issuer->is_string()) return issuer->get<std::string>();
  if (issuer != nullptr && issuer->is_object()) {
    const json* id = FindMember(*issuer, "id");
    if (id != nullptr && id->is_string()) return id->get<std::string>();
  }
  return Status::InvalidCredential("/issuer: missing or without an id");
}

bool HasType(const json& document, std::string_view type) {
  const json* t = FindMember(document, "type");
  if (t == nullptr) return false;
  if (t->is_string()) return JsonStringEquals(*t, type);
  if (t->is_array())
    for (const auto& e : *t)
      if (JsonStringEquals(e, type)) return true;
  return false;
}

}  // namespace passerelle
