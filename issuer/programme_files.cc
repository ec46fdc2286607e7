// Passerelle — programme files from disk.
#include "issuer/programme_files.h"

#include <nlohmann/json.hpp>

#include "env/env.h"
#include "formats/json.h"

namespace passerelle {

namespace {
constexpr std::size_t kMaxProgrammeFileBytes = 8u << 20;

Result<nlohmann::json> ReadJsonFile(const std::filesystem::path& path) {
  auto text = Env::Default().ReadFileBounded(path, kMaxProgrammeFileBytes);
  if (!text.ok() && text.status().code() != Code::kResourceExhausted)
    return Status::IOError(text.status().message());
  if (!text.ok()) return text.status();
  auto parsed = ParseJson(*text, JsonLimits{kMaxProgrammeFileBytes, 32});
  if (!parsed.ok()) return parsed.status().Annotate("\"" + path.string() + "\"");
  return parsed;
}
}  // namespace

Result<ProgrammeBundle> LoadProgrammeBundle(const std::filesystem::path& programme_file,
                                            const std::filesystem::path& scales_override) {
  PSL_ASSIGN_OR_RETURN(auto pj, ReadJsonFile(programme_file));
  auto programme = ParseProgramme(pj);
  if (!programme.ok()) return programme.status().Annotate("\"" + programme_file.string() + "\"");
  std::filesystem::path scales_path = scales_override;
  if (scales_path.empty()) {
    if (programme->grading_scales_file.empty())
      return Status::InvalidArgument("\"" + programme_file.string() +
                                     "\" names no gradingScales file; pass --grading-scales FILE");
    scales_path = programme_file.parent_path() / programme->grading_scales_file;
  }
  PSL_ASSIGN_OR_RETURN(auto sj, ReadJsonFile(scales_path));
  auto scales = ParseGradingScales(sj);
  if (!scales.ok()) return scales.status().Annotate("\"" + scales_path.string() + "\"");
  return ProgrammeBundle{std::move(*programme), std::move(*scales)};
}

}  // namespace passerelle
