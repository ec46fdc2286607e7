// Passerelle (verifier internal) — writing the verifier's cache files.
#include "verifier/internal/durable_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace passerelle::internal {

Status WriteFileDurably(const std::filesystem::path& path, const std::string& data) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError("\"" + tmp.string() + "\": " + std::strerror(errno));
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return Status::IOError("\"" + tmp.string() + "\": write failed");
    }
    off += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    return Status::IOError("\"" + tmp.string() + "\": fsync failed");
  }
  ::close(fd);
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    return Status::IOError("\"" + path.string() + "\": rename failed: " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace passerelle::internal
