// Passerelle — env/interrupted_writes.h.
#include "env/interrupted_writes.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string_view>

namespace passerelle {

namespace {
constexpr std::string_view kTmpMarker = ".tmp-";  // as env/env.cc names them
}  // namespace

Result<std::vector<std::string>> RemoveInterruptedWrites(Env& env, const std::filesystem::path& dir) {
  std::vector<std::string> removed;
  auto names = env.ListDirectory(dir);
  if (!names.ok()) {
    if (names.status().code() == Code::kNotFound) return removed;
    return names.status();
  }
  for (const std::string& name : *names) {
    if (!IsTemporaryFileName(name)) continue;
    // "PID-N" after the marker; anything else is not one of ours.
    std::string_view rest = std::string_view(name).substr(name.rfind(kTmpMarker) + kTmpMarker.size());
    std::size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string_view::npos || dash > 9) continue;
    if (!std::all_of(rest.begin(), rest.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); })) continue;
    pid_t pid = static_cast<pid_t>(std::stol(std::string(rest.substr(0, dash))));
    if (pid <= 0 || pid == ::getpid()) continue;
    if (::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
    PSL_RETURN_IF_ERROR(env.RemoveFile(dir / name));
    removed.push_back(name);
  }
  return removed;
}

}  // namespace passerelle
