// Fuzz target: the batch CSV reader (issuer/batch/csv.h) and the trainee
// table over it (issuer/batch/trainees.h), against the demo programme
// (scripts/demo-data). Invariant: every good row names a trainee and one
// grade per programme module read.
#include "fuzz/fuzz_support.h"
#include "issuer/batch/csv.h"
#include "issuer/batch/trainees.h"
#include "issuer/programme_files.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  static const ProgrammeBundle bundle =
      LoadProgrammeBundle(std::filesystem::path(PASSERELLE_SOURCE_DIR) / "scripts/demo-data/programme-health-qualitician.json")
          .value();
  std::string_view text = fuzz::Text(data, size);
  auto records = batch::ParseCsv(text);
  if (!records.ok()) return 0;
  auto table = batch::ReadTrainees(text, bundle);
  if (!table.ok()) return 0;
  fuzz::Check(table->rows.size() + table->errors.size() <= table->data_rows + 1, "more rows than the file holds");
  for (const auto& row : table->rows) {
    fuzz::Check(!row.trainee_id.empty(), "a good row without a trainee id");
    (void)batch::EarnsCertification(row, bundle.programme);
  }
  return 0;
}
