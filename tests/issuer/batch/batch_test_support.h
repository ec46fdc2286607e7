// Passerelle tests — the scenario's programme and trainees, and CSVs derived
// from them.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "issuer/programme_files.h"
#include "tests/testing/paths.h"

namespace passerelle::testing {

inline std::filesystem::path DemoData() { return SourceDir() / "scripts" / "demo-data"; }
inline std::filesystem::path DemoProgramme() { return DemoData() / "programme-health-qualitician.json"; }
inline ProgrammeBundle DemoBundle() { return std::move(LoadProgrammeBundle(DemoProgramme()).value()); }

// The lines of trainees.csv (header first), without line ends.
inline std::vector<std::string> DemoCsvLines() {
  std::istringstream in(ReadFile(DemoData() / "trainees.csv"));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

inline std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// Replaces the first occurrence of `from` in `line`.
inline std::string Replace(std::string line, const std::string& from, const std::string& to) {
  std::size_t at = line.find(from);
  if (at != std::string::npos) line.replace(at, from.size(), to);
  return line;
}

// The scenario's header and first `n` trainees, with four rows broken the
// four ways the batch must report: (line 3) a missing column, (line 5) an
// unknown module, (line 7) a grade outside its scale, (line 9) invalid UTF-8.
inline std::string CsvWithBadRows(std::size_t n) {
  auto lines = DemoCsvLines();
  lines.resize(n + 1);
  lines[2] = lines[2].substr(0, lines[2].rfind(','));                 // completed_on gone
  lines[4] = Replace(lines[4], "HQ-M03=", "HQ-M99=");                  // not in the programme
  lines[4] = Replace(lines[4], "HQ-M03;", "HQ-M99;");
  lines[6] = Replace(lines[6], lines[6].substr(lines[6].find("HQ-M01="), 11), "HQ-M01=25.0");  // above the max
  lines[8] = Replace(lines[8], ",", ",\xff");                          // trainee's given name
  return JoinLines(lines);
}

}  // namespace passerelle::testing
