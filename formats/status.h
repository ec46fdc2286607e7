// Passerelle — Status and Result<T>: how every module reports failure.
//
// Errors never cross a module boundary as exceptions. A Status carries a Code
// (what kind of failure, stable, tested against), a message (for humans,
// lowercase, layered with Annotate: "sign proof: key file: wrong passphrase")
// and, for failures in a JSON input, the JSON Pointer of where it failed, as
// data (reports carry it; nobody parses it back out of the message).
// Both types are values: cheap to move, safe to copy, not thread-hostile.
#pragma once

#include <cassert>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace passerelle {

// Do not renumber: codes appear in JSON output as their names (CodeName).
enum class Code {
  kOk,
  kInvalidArgument,     // the caller asked for something impossible (usage)
  kMalformed,           // input is not well-formed (syntax, size, depth, encoding)
  kUnsupported,         // well-formed but uses a feature we refuse (unknown suite, context)
  kNotFound,            // a referenced thing does not exist
  kVerificationFailed,  // a signature, hash or integrity check does not hold
  kInvalidCredential,   // data-model or profile rule broken
  kExpired,             // outside its validity window
  kRevoked,             // status list says revoked or suspended
  kUntrustedIssuer,     // no trust anchor covers the issuer
  kAlreadyExists,       // refusing to overwrite
  kPermissionDenied,    // wrong passphrase, token or scope
  kResourceExhausted,   // a work or size limit was hit
  kIOError,             // file system, network, database
  kInternal,            // a bug: an invariant of ours does not hold
};

// Stable snake_case name of a code, e.g. "verification_failed".
const char* CodeName(Code code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
  static Status Malformed(std::string m) { return {Code::kMalformed, std::move(m)}; }
  static Status Unsupported(std::string m) { return {Code::kUnsupported, std::move(m)}; }
  static Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Status VerificationFailed(std::string m) { return {Code::kVerificationFailed, std::move(m)}; }
  static Status InvalidCredential(std::string m) { return {Code::kInvalidCredential, std::move(m)}; }
  static Status Expired(std::string m) { return {Code::kExpired, std::move(m)}; }
  static Status Revoked(std::string m) { return {Code::kRevoked, std::move(m)}; }
  static Status UntrustedIssuer(std::string m) { return {Code::kUntrustedIssuer, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {Code::kAlreadyExists, std::move(m)}; }
  static Status PermissionDenied(std::string m) { return {Code::kPermissionDenied, std::move(m)}; }
  static Status ResourceExhausted(std::string m) { return {Code::kResourceExhausted, std::move(m)}; }
  static Status IOError(std::string m) { return {Code::kIOError, std::move(m)}; }
  static Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy with "context: " prepended to the message; OK stays OK.
  // The pointer is kept.
  Status Annotate(std::string_view context) const;
  // The JSON Pointer of the failing value in the input; "" when unknown.
  const std::string& pointer() const { return pointer_; }
  // Returns a copy located at `pointer` (a JSON Pointer); OK stays OK.
  Status AtPointer(std::string pointer) const&;
  Status AtPointer(std::string pointer) &&;
  // "verification_failed: proof: signature does not match", or "ok".
  std::string ToString() const;

 private:
  Code code_ = Code::kOk;
  std::string message_;
  std::string pointer_;
};

// Holds either a T or a non-OK Status. value() on an error aborts in every build.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    if (std::get<Status>(v_).ok()) std::abort();  // an OK Status carries no value
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  T& value() & { Check(); return std::get<T>(v_); }
  const T& value() const& { Check(); return std::get<T>(v_); }
  T&& value() && { Check(); return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  void Check() const {
    if (!ok()) std::abort();
  }
  std::variant<T, Status> v_;
};

#define PSL_CONCAT_INNER_(a, b) a##b
#define PSL_CONCAT_(a, b) PSL_CONCAT_INNER_(a, b)

// Returns the Status of `expr` from the current function if it is not OK.
#define PSL_RETURN_IF_ERROR(expr)                       \
  do {                                                  \
    ::passerelle::Status psl_status_ = (expr);          \
    if (!psl_status_.ok()) return psl_status_;          \
  } while (0)

// Evaluates `rexpr` (a Result<T>); on error returns its Status, else moves
// the value into `lhs` (which may be a declaration: `auto x`).
#define PSL_ASSIGN_OR_RETURN(lhs, rexpr) \
  PSL_ASSIGN_OR_RETURN_IMPL_(PSL_CONCAT_(psl_result_, __LINE__), lhs, rexpr)
#define PSL_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                               \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()

}  // namespace passerelle
