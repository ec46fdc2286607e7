// Passerelle — Status: code names and message layering.
#include "formats/status.h"

namespace passerelle {

const char* CodeName(Code code) {
  switch (code) {
    case Code::kOk: return "ok";
    case Code::kInvalidArgument: return "invalid_argument";
    case Code::kMalformed: return "malformed";
    case Code::kUnsupported: return "unsupported";
    case Code::kNotFound: return "not_found";
    case Code::kVerificationFailed: return "verification_failed";
    case Code::kInvalidCredential: return "invalid_credential";
    case Code::kExpired: return "expired";
    case Code::kRevoked: return "revoked";
    case Code::kUntrustedIssuer: return "untrusted_issuer";
    case Code::kAlreadyExists: return "already_exists";
    case Code::kPermissionDenied: return "permission_denied";
    case Code::kResourceExhausted: return "resource_exhausted";
    case Code::kIOError: return "io_error";
    case Code::kInternal: return "internal";
  }
  return "unknown";
}

Status Status::Annotate(std::string_view context) const {
  if (ok()) return *this;
  std::string m(context);
  m += ": ";
  m += message_;
  Status out(code_, std::move(m));
  out.pointer_ = pointer_;
  return out;
}

Status Status::AtPointer(std::string pointer) const& { return Status(*this).AtPointer(std::move(pointer)); }

Status Status::AtPointer(std::string pointer) && {
  if (!ok()) pointer_ = std::move(pointer);
  return std::move(*this);
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(CodeName(code_)) + ": " + message_;
}

}  // namespace passerelle
