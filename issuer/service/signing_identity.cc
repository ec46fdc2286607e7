// Passerelle — the node's signing identity, reloaded after a key rotation.
#include "issuer/service/signing_identity.h"

namespace passerelle {

namespace {

Result<std::shared_ptr<const SigningSnapshot>> Load(const std::filesystem::path& dir, const SecretBytes& passphrase) {
  PSL_ASSIGN_OR_RETURN(IssuerDir issuer, OpenIssuerDir(dir));
  PSL_ASSIGN_OR_RETURN(Ed25519SigningKey key, LoadCurrentKey(issuer, passphrase));
  return std::shared_ptr<const SigningSnapshot>(new SigningSnapshot{std::move(issuer), std::move(key)});
}

}  // namespace

Result<std::unique_ptr<SigningIdentity>> SigningIdentity::Open(const std::filesystem::path& dir,
                                                               SecretBytes passphrase,
                                                               std::chrono::milliseconds recheck) {
  std::unique_ptr<SigningIdentity> id(new SigningIdentity());
  id->dir_ = dir;
  id->recheck_ = recheck;
  std::error_code ec;
  id->mtime_ = std::filesystem::last_write_time(dir / "issuer.json", ec);
  PSL_ASSIGN_OR_RETURN(id->current_, Load(dir, passphrase));
  id->passphrase_ = std::move(passphrase);
  id->next_check_ = std::chrono::steady_clock::now() + recheck;
  return id;
}

std::shared_ptr<const SigningSnapshot> SigningIdentity::Current() {
  std::lock_guard<std::mutex> lock(mu_);
  auto now = std::chrono::steady_clock::now();
  if (now < next_check_) return current_;
  next_check_ = now + recheck_;
  std::error_code ec;
  auto mtime = std::filesystem::last_write_time(dir_ / "issuer.json", ec);
  if (ec || mtime == mtime_) return current_;
  auto reloaded = Load(dir_, passphrase_);
  if (!reloaded.ok()) {
    last_error_ = reloaded.status().message();
    return current_;
  }
  mtime_ = mtime;
  current_ = std::move(*reloaded);
  last_error_.clear();
  return current_;
}

Result<IssuerDir> SigningIdentity::Rotate(Timestamp now, const KdfParams& kdf, Env& env) {
  std::lock_guard<std::mutex> lock(mu_);
  PSL_ASSIGN_OR_RETURN(IssuerDir issuer, OpenIssuerDir(dir_, env));
  PSL_ASSIGN_OR_RETURN(IssuerDir rotated, RotateKey(issuer, passphrase_, now, kdf, env));
  PSL_ASSIGN_OR_RETURN(current_, Load(dir_, passphrase_));
  std::error_code ec;
  mtime_ = std::filesystem::last_write_time(dir_ / "issuer.json", ec);
  last_error_.clear();
  return rotated;
}

std::string SigningIdentity::last_error() {
  std::lock_guard<std::mutex> lock(mu_);
  return last_error_;
}

}  // namespace passerelle
