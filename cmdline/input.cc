// Passerelle — the programs' document input (cmdline/input.h).
#include "cmdline/input.h"

#include "env/env.h"

namespace passerelle::cli {

Result<std::string> ReadInput(const std::string& file, std::istream& in, std::size_t max_bytes) {
  if (file != "-") return Env::Default().ReadFileBounded(file, max_bytes);
  std::string data(max_bytes + 1, '\0');  // never more than the cap plus one byte in memory
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  data.resize(static_cast<std::size_t>(in.gcount()));
  if (data.size() > max_bytes)
    return Status::ResourceExhausted("\"" + file + "\" is larger than " + std::to_string(max_bytes) + " bytes");
  return data;
}

}  // namespace passerelle::cli
