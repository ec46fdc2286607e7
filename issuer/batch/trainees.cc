// Passerelle — reading and checking trainee rows.
#include "issuer/batch/trainees.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "formats/grade_number.h"
#include "issuer/batch/csv.h"

namespace passerelle::batch {

namespace {

const std::vector<std::string> kRequired = {"trainee_id", "given_name", "family_name",
                                            "grades",     "grading_scale", "completed_on"};

bool ValidTraineeId(const std::string& id) {
  if (id.empty() || id.size() > 64 || id == "." || id == "..") return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
  });
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(sep, start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string Quote(std::string_view s) { return "\"" + std::string(s.substr(0, 60)) + "\""; }

// Checks one record; returns the row or the first problem found.
struct Checked {
  std::optional<TraineeRow> row;
  RowError error;
};

Checked CheckRow(const CsvRecord& rec, const std::map<std::string, std::size_t>& col,
                 const std::vector<std::string>& header, const ProgrammeBundle& bundle) {
  Checked out;
  auto bad = [&](const std::string& column, const std::string& message) {
    out.error = RowError{rec.line, column, message};
    return out;
  };
  if (!rec.error.empty())
    return bad(rec.bad_field < header.size() ? header[rec.bad_field] : "#" + std::to_string(rec.bad_field + 1),
               rec.error);
  if (rec.fields.size() < header.size())
    return bad(header[rec.fields.size()], "missing: the row has " + std::to_string(rec.fields.size()) +
                                              " fields where the header names " + std::to_string(header.size()));
  if (rec.fields.size() > header.size())
    return bad("#" + std::to_string(header.size() + 1),
               "the row has " + std::to_string(rec.fields.size()) + " fields, the header only " +
                   std::to_string(header.size()));
  auto field = [&](const char* name) -> const std::string& { return rec.fields[col.at(name)]; };

  TraineeRow row;
  row.line = rec.line;
  row.trainee_id = field("trainee_id");
  if (!ValidTraineeId(row.trainee_id))
    return bad("trainee_id", Quote(row.trainee_id) + " must be 1 to 64 letters, digits, '-', '_' or '.'");
  row.given_name = field("given_name");
  row.family_name = field("family_name");
  if (row.given_name.empty()) return bad("given_name", "empty");
  if (row.family_name.empty()) return bad("family_name", "empty");
  if (col.count("did") != 0 && !field("did").empty()) {
    const std::string& did = field("did");
    bool shaped = (did.rfind("did:key:z", 0) == 0 || did.rfind("did:web:", 0) == 0) && did.size() <= 200;
    for (unsigned char c : did)
      shaped = shaped && c > 0x20 && c < 0x7f && c != '#' && c != '?' && c != '/';
    if (!shaped) return bad("did", Quote(did) + " is not a did:key or did:web DID");
    row.did = did;
  }

  row.grading_scale = field("grading_scale");
  auto scale = bundle.scales.find(row.grading_scale);
  if (scale == bundle.scales.end()) return bad("grading_scale", UnknownScaleMessage(bundle.scales, row.grading_scale));

  std::string date = field("completed_on");
  auto when = ParseDateTime(date.size() == 10 ? date + "T00:00:00Z" : date);
  if (!when.ok()) return bad("completed_on", Quote(date) + " is not a date (YYYY-MM-DD)");
  row.completed_on = *when;

  std::map<std::string, ModuleGrade> grades;
  if (field("grades").empty()) return bad("grades", "empty: expected CODE=GRADE;CODE=GRADE…");
  for (const std::string& pair : Split(field("grades"), ';')) {
    std::size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size())
      return bad("grades", Quote(pair) + " is not CODE=GRADE");
    std::string code = pair.substr(0, eq), text = pair.substr(eq + 1);
    if (bundle.programme.FindModule(code) == nullptr)
      return bad("grades", UnknownModuleMessage(bundle.programme, code));
    if (grades.count(code) != 0) return bad("grades", "module " + Quote(code) + " is graded twice");
    std::optional<double> number = ParseGradeNumber(text);
    if (!number) return bad("grades", code + ": " + Quote(text) + " is not a number: " + GradeNumberHint(text));
    double value = *number;
    Status in_scale = CheckGrade(scale->second, scale->first, value);
    if (!in_scale.ok()) return bad("grades", code + ": " + in_scale.message());
    grades[code] = ModuleGrade{code, text, IsPassingGrade(scale->second, value)};
  }
  if (col.count("modules") != 0 && !field("modules").empty()) {
    std::set<std::string> taken;
    for (const std::string& code : Split(field("modules"), ';')) {
      if (bundle.programme.FindModule(code) == nullptr)
        return bad("modules", UnknownModuleMessage(bundle.programme, code));
      if (grades.count(code) == 0) return bad("grades", "no grade for module " + Quote(code) + " listed in modules");
      taken.insert(code);
    }
    for (const auto& [code, g] : grades)
      if (taken.count(code) == 0) return bad("modules", "module " + Quote(code) + " is graded but not listed");
  }
  for (const auto& m : bundle.programme.modules)
    if (auto it = grades.find(m.code); it != grades.end()) row.grades.push_back(it->second);
  out.row = std::move(row);
  return out;
}

}  // namespace

Result<TraineeTable> ReadTrainees(std::string_view csv, const ProgrammeBundle& bundle) {
  PSL_ASSIGN_OR_RETURN(std::vector<CsvRecord> records, ParseCsv(csv));
  if (records.empty()) return Status::Malformed("the CSV is empty: it needs a header row");
  const CsvRecord& head = records.front();
  if (!head.error.empty()) return Status::Malformed("line 1 (header): " + head.error);
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < head.fields.size(); ++i) {
    if (!col.emplace(head.fields[i], i).second)
      return Status::Malformed("line 1 (header): column " + Quote(head.fields[i]) + " appears twice");
  }
  for (const auto& name : kRequired)
    if (col.count(name) == 0) return Status::Malformed("line 1 (header): missing column " + Quote(name));
  TraineeTable table;
  std::map<std::string, std::size_t> seen;  // trainee_id -> line
  for (std::size_t r = 1; r < records.size(); ++r) {
    ++table.data_rows;
    Checked c = CheckRow(records[r], col, head.fields, bundle);
    if (c.row) {
      auto [it, fresh] = seen.emplace(c.row->trainee_id, c.row->line);
      if (!fresh) {
        table.errors.push_back({c.row->line, "trainee_id",
                                Quote(c.row->trainee_id) + " already appears on line " + std::to_string(it->second)});
        continue;
      }
      table.rows.push_back(std::move(*c.row));
    } else {
      table.errors.push_back(std::move(c.error));
    }
  }
  return table;
}

bool EarnsCertification(const TraineeRow& row, const Programme& programme) {
  for (const auto& m : programme.modules) {
    if (!m.mandatory) continue;
    auto it = std::find_if(row.grades.begin(), row.grades.end(), [&](const ModuleGrade& g) { return g.module == m.code; });
    if (it == row.grades.end() || !it->passed) return false;
  }
  return true;
}

}  // namespace passerelle::batch
