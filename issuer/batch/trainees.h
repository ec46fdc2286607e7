// Passerelle — the trainees CSV of `issuer batch` (docs/formats/trainees-csv.md):
// one row per trainee, checked against the programme and its grading scales.
//
// Required columns: trainee_id, given_name, family_name, grades,
// grading_scale, completed_on; `modules` (the modules taken) is checked when
// present; `did` (optional) names the learner's DID (did:key or did:web),
// and such a row is issued to that DID (`issuer batch --offers` makes an
// offer only for rows without one); other columns (email, date_of_birth, country) are read but not
// put in credentials. A bad row is reported with its line and column and
// skipped; the other rows go on. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/datetime.h"
#include "formats/status.h"
#include "issuer/programme_files.h"

namespace passerelle::batch {

struct ModuleGrade {
  std::string module;  // programme module code
  std::string grade;   // as written, e.g. "18.1"
  bool passed = false;
};

struct TraineeRow {
  std::size_t line = 0;
  std::string trainee_id;
  std::string given_name;
  std::string family_name;
  std::optional<std::string> did;  // the `did` column, when given and not empty
  std::string grading_scale;
  Timestamp completed_on;
  std::vector<ModuleGrade> grades;  // in programme order
};

struct RowError {
  std::size_t line = 0;
  std::string column;   // the offending column's name
  std::string message;  // what is wrong, naming the value
};

struct TraineeTable {
  std::size_t data_rows = 0;
  std::vector<TraineeRow> rows;     // the good rows
  std::vector<RowError> errors;     // one per bad row, in file order
};

// Reads the CSV. Errors (nothing read): kMalformed when the header lacks a
// required column (naming it) or repeats one; kResourceExhausted.
Result<TraineeTable> ReadTrainees(std::string_view csv, const ProgrammeBundle& bundle);

// True when the row passed every mandatory module of the programme.
bool EarnsCertification(const TraineeRow& row, const Programme& programme);

}  // namespace passerelle::batch
