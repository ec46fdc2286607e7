// Passerelle tests — running the built binaries as real processes.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace passerelle::testing {

struct ProcessResult {
  int exit_code = -1;  // -1: could not start; 128+N: killed by signal N
  std::string out;
  std::string err;
};

struct ProcessOptions {
  std::string stdin_data;
  std::map<std::string, std::string> env;  // added to (or replacing in) the environment
  std::vector<std::string> unset_env;
  std::string cwd;
  int timeout_seconds = 120;  // killed after this; exit_code becomes 128+9
};

// Runs `argv` (argv[0] a path), feeding stdin and capturing stdout/stderr.
ProcessResult RunProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// Runs one of the project's binaries from PASSERELLE_BIN_DIR.
ProcessResult RunTool(const std::string& tool, const std::vector<std::string>& args,
                      const ProcessOptions& options = {});

}  // namespace passerelle::testing
