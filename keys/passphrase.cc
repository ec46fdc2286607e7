// Passerelle — passphrase sources.
#include "keys/passphrase.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <sodium.h>

namespace passerelle {
namespace {

constexpr std::size_t kMaxPassphrase = 4096;

// "-" reads standard input (to its end, at most kMaxPassphrase bytes).
Result<SecretBytes> FromFile(const std::string& file) {
  int fd = file == "-" ? ::dup(STDIN_FILENO) : ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError("passphrase file \"" + file + "\": " + std::strerror(errno));
  PSL_ASSIGN_OR_RETURN(auto buf, SecretBytes::Allocate(kMaxPassphrase));
  std::size_t len = 0;
  while (len < kMaxPassphrase) {
    ssize_t n = ::read(fd, RevealSecret(buf) + len, kMaxPassphrase - len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    len += static_cast<std::size_t>(n);
  }
  ::close(fd);
  const unsigned char* p = RevealSecret(buf);
  std::size_t end = 0;
  while (end < len && p[end] != '\n' && p[end] != '\r') ++end;
  if (end == 0) return Status::InvalidArgument("passphrase file \"" + file + "\" is empty");
  return SecretBytes::CopyFrom(std::string_view(reinterpret_cast<const char*>(p), end));
}

Result<SecretBytes> Prompt(const std::string& prompt) {
  int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
  if (fd < 0)
    return Status::InvalidArgument(
        "no passphrase: use --passphrase-file FILE or set PASSERELLE_PASSPHRASE (no terminal to prompt on)");
  termios old{};
  bool restore = ::tcgetattr(fd, &old) == 0;
  if (restore) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  (void)!::write(fd, prompt.data(), prompt.size());
  PSL_ASSIGN_OR_RETURN(auto buf, SecretBytes::Allocate(kMaxPassphrase));
  std::size_t len = 0;
  while (len < kMaxPassphrase) {
    char c;
    ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || c == '\n' || c == '\r') break;
    RevealSecret(buf)[len++] = static_cast<unsigned char>(c);
  }
  if (restore) ::tcsetattr(fd, TCSAFLUSH, &old);
  (void)!::write(fd, "\n", 1);
  ::close(fd);
  if (len == 0) return Status::InvalidArgument("empty passphrase");
  return SecretBytes::CopyFrom(
      std::string_view(reinterpret_cast<const char*>(RevealSecret(buf)), len));
}

}  // namespace

Result<SecretBytes> ObtainPassphrase(const PassphraseSource& source) {
  if (source.file) return FromFile(*source.file);
  if (const char* env = std::getenv(source.env); env != nullptr) {
    if (*env == '\0') return Status::InvalidArgument(std::string(source.env) + " is empty");
    return SecretBytes::CopyFrom(env);
  }
  PSL_ASSIGN_OR_RETURN(auto first, Prompt(source.prompt));
  if (source.confirm) {
    PSL_ASSIGN_OR_RETURN(auto second, Prompt("repeat " + source.prompt));
    if (first.size() != second.size() ||
        sodium_memcmp(RevealSecret(first), RevealSecret(second), first.size()) != 0)
      return Status::InvalidArgument("the passphrases do not match");
  }
  return first;
}

}  // namespace passerelle
