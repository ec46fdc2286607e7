// Passerelle — loading programme and grading-scale files from disk.
#pragma once

#include <filesystem>

#include "formats/status.h"
#include "issuer/programme.h"

namespace passerelle {

struct ProgrammeBundle {
  Programme programme;
  GradingScales scales;
};

// Loads a programme file and the grading scales it names ("gradingScales",
// relative to the programme file), or `scales_override` when given.
// Errors: kIOError, kMalformed (naming the file).
Result<ProgrammeBundle> LoadProgrammeBundle(const std::filesystem::path& programme_file,
                                            const std::filesystem::path& scales_override = {});

}  // namespace passerelle
