// Passerelle wallet — list and show views.
#include "wallet-cli/credential_view.h"

#include <cstdio>

#include "formats/json.h"
#include "formats/profile.h"
#include "formats/terminal_text.h"
#include "i18n/messages.h"
#include "wallet-cli/language.h"

namespace passerelle::wallet {

using nlohmann::json;

namespace {

std::string Safe(std::string_view s) { return SanitizeForTerminal(s); }

// Display width in code points (good enough for the Latin, Greek and
// Cyrillic scripts of our users; wide CJK characters count as one).
std::size_t Width(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string Fit(std::string_view s, std::size_t width) {
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
    if (n + 1 == width && Width(s.substr(i)) > 1) {
      out += "\xe2\x80\xa6";  // …
      ++n;
      break;
    }
    out.append(s.substr(i, len));
    ++n;
    i += len;
  }
  if (n < width) out.append(width - n, ' ');
  return out;
}

std::string FormatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string DatePart(const std::string& t) { return t.size() >= 10 ? t.substr(0, 10) : t; }

std::string IssuerLabel(const CredentialSummary& s) {
  return s.issuer_name.empty() ? s.issuer_id : s.issuer_name;
}

const json* Member(const json& o, std::string_view name) {
  return o.is_object() ? FindMember(o, name) : nullptr;
}

std::string StringOf(const json& o, std::string_view name) {
  const json* m = Member(o, name);
  if (m == nullptr) return {};
  if (m->is_string()) return m->get<std::string>();
  if (m->is_number()) return FormatNumber(m->get<double>());
  return {};
}

// A label or phrase of the wallet's catalogue (i18n/messages, "wallet.*").
std::string L(const std::string& language, std::string_view key, const std::vector<std::string>& args = {}) {
  return i18n::Message(language, std::string("wallet.") + std::string(key), args);
}

void Line(std::string& out, std::string_view label, const std::string& value) {
  if (value.empty()) return;
  out += "  " + Fit(Safe(label), 18) + " " + Safe(value) + "\n";
}

}  // namespace

std::string DescribeValidity(const CredentialSummary& s, Timestamp now, const std::string& language) {
  auto until = ParseDateTime(s.valid_until);
  auto from = ParseDateTime(s.valid_from);
  if (from.ok() && now < *from) return L(language, "validity_from", {DatePart(s.valid_from)});
  if (until.ok() && *until < now) return L(language, "validity_expired", {DatePart(s.valid_until)});
  if (until.ok()) return L(language, "validity_until", {DatePart(s.valid_until)});
  return L(language, "no_end_date");
}

std::string DescribeStatus(const CredentialSummary& s) {
  if (s.status == "none" || s.status.empty()) return "none (cannot be revoked)";
  if (s.status_checked_at.empty()) return s.status + " (never checked)";
  return s.status + " (checked " + DatePart(s.status_checked_at) + ")";
}

std::string FormatList(const std::vector<IndexEntry>& entries, const std::string& language, Timestamp now) {
  if (entries.empty()) return "";
  const std::string& lang = language;
  std::string out = Fit(L(lang, "col_id"), 9) + Fit(L(lang, "col_kind"), 14) + Fit(L(lang, "col_title"), 46) + " " +
                    Fit(L(lang, "col_issuer"), 30) + " " + Fit(L(lang, "col_eqf"), 4) + Fit(L(lang, "col_ects"), 5) +
                    Fit(L(lang, "col_validity"), 23) + L(lang, "col_status") + "\n";
  for (const auto& e : entries) {
    const CredentialSummary& s = e.summary;
    LocalizedText title = PickText(s.title, language);
    std::string title_text = title.text.empty() ? i18n::Message(lang, "field.untitled") : title.text;
    if (!title.language.empty() && title.language != language) title_text += " [" + title.language + "]";
    // A kind the catalogue does not know is shown as stored.
    std::string kind = i18n::Message(lang, "kind." + s.kind);
    if (kind == "kind." + s.kind) kind = s.kind;
    out += Fit(e.record.substr(0, 8), 9) + Fit(kind, 14) + Fit(Safe(title_text), 46) + " " +
           Fit(Safe(IssuerLabel(s)), 30) + " " + Fit(s.eqf_level > 0 ? std::to_string(s.eqf_level) : "-", 4) +
           Fit(s.ects ? FormatNumber(*s.ects) : "-", 5) + Fit(DescribeValidity(s, now, lang), 23) +
           Safe(s.status.empty() ? "none" : s.status) + "\n";
  }
  return out;
}

json ListToJson(const std::vector<IndexEntry>& entries, const std::string& language) {
  json out = json::array();
  for (const auto& e : entries) {
    const CredentialSummary& s = e.summary;
    LocalizedText title = PickText(s.title, language);
    json item = {{"id", e.record.substr(0, 8)},
                 {"record", e.record},
                 {"credentialId", s.credential_id},
                 {"kind", s.kind},
                 {"title", title.text},
                 {"titleLanguage", title.language},
                 {"titles", s.title},
                 {"issuer", s.issuer_id},
                 {"issuerName", s.issuer_name},
                 {"subject", s.subject_id},
                 {"eqfLevel", s.eqf_level > 0 ? json(s.eqf_level) : json(nullptr)},
                 {"ects", s.ects ? json(*s.ects) : json(nullptr)},
                 {"validFrom", s.valid_from},
                 {"validUntil", s.valid_until.empty() ? json(nullptr) : json(s.valid_until)},
                 {"status", s.status},
                 {"statusCheckedAt", s.status_checked_at.empty() ? json(nullptr) : json(s.status_checked_at)},
                 {"importedAt", e.imported_at}};
    out.push_back(std::move(item));
  }
  return out;
}

std::string FormatDetails(const json& vc, const IndexEntry& entry, const std::vector<std::string>& problems,
                          const std::string& language) {
  const CredentialSummary& s = entry.summary;
  const json* subject = Member(vc, "credentialSubject");
  if (subject != nullptr && subject->is_array()) subject = subject->empty() ? nullptr : &(*subject)[0];
  const json empty = json::object();
  const json& subj = subject != nullptr ? *subject : empty;
  const json* achievement_ptr = Member(subj, "achievement");
  const json& a = achievement_ptr != nullptr ? *achievement_ptr : empty;

  LocalizedText title = PickText(s.title, language);
  std::string out = Safe(title.text.empty() ? "(untitled)" : title.text) + "  (" + s.kind + " credential)\n";
  Line(out, L(language, "wallet_id"), entry.record.substr(0, 8));
  Line(out, L(language, "credential_id"), s.credential_id);
  if (const json* t = Member(a, "title"); t != nullptr && t->is_object())
    for (auto it = t->begin(); it != t->end(); ++it) Line(out, L(language, "title") + " [" + it.key() + "]", PickText(*it, "").text);
  if (const json* lo = Member(a, "learningOutcomes"); lo != nullptr) {
    LocalizedText outcomes = PickText(*lo, language);
    const json* list = lo->is_object() && !outcomes.language.empty() ? &(*lo)[outcomes.language] : lo;
    std::string label = L(language, "outcomes") + (outcomes.language.empty() ? "" : " [" + outcomes.language + "]");
    if (list->is_array()) {
      for (const auto& item : *list) {
        if (item.is_string()) Line(out, label, "- " + item.get<std::string>());
        label = " ";
      }
    } else {
      Line(out, label, outcomes.text);
    }
  }
  Line(out, L(language, "code"), StringOf(a, "code"));
  if (s.eqf_level > 0) Line(out, L(language, "eqf_level"), std::to_string(s.eqf_level));
  Line(out, L(language, "nqf_level"), StringOf(a, "nqfLevel"));
  Line(out, L(language, "ects"), s.ects ? FormatNumber(*s.ects) : "");
  Line(out, L(language, "workload"), StringOf(a, "workload"));
  if (const json* g = Member(a, "grade"))
    Line(out, L(language, "grade"), StringOf(*g, "value") + (StringOf(*g, "scheme").empty() ? "" : " (" + StringOf(*g, "scheme") + ")"));
  // How it was obtained: a course (said by nothing), prior learning, a recognition.
  if (const json* how = Member(a, "influencedBy");
      how != nullptr && StringOf(*how, "activityType") == kPriorLearningActivity)
    Line(out, "obtained by", "validation of prior learning (evidence " + StringOf(*how, "evidenceReference") + ")");
  if (const json* orig = Member(a, "originalCredential")) {
    Line(out, "obtained by", "recognition under \"" + StringOf(a, "agreement") + "\"");
    std::string body = Member(*orig, "awardingBody") ? StringOf(*Member(*orig, "awardingBody"), "name") : "";
    std::string grade = Member(*orig, "grade") ? StringOf(*Member(*orig, "grade"), "value") + " (" +
                                                     StringOf(*Member(*orig, "grade"), "scheme") + ")"
                                               : "";
    Line(out, "original", StringOf(*orig, "code") + (body.empty() ? "" : " by " + body) +
                              (grade.empty() ? "" : ", grade " + grade));
    Line(out, "conversion", StringOf(a, "gradeConversion"));
    if (const json* c = Member(a, "creditsGranted"); c != nullptr && c->is_number())
      Line(out, "credits granted", FormatNumber(c->get<double>()));
    Line(out, "decision", StringOf(a, "decisionReference"));
  }
  Line(out, L(language, "mode"), StringOf(a, "mode"));
  Line(out, L(language, "assessment"), StringOf(a, "assessmentType"));
  Line(out, L(language, "quality_assurance"), StringOf(a, "qualityAssurance"));
  Line(out, L(language, "part_of"), StringOf(a, "isPartOf"));
  Line(out, L(language, "awarded_on"), StringOf(subj, "awardedOn"));
  std::string learner = StringOf(subj, "givenName");
  if (!StringOf(subj, "familyName").empty()) learner += (learner.empty() ? "" : " ") + StringOf(subj, "familyName");
  Line(out, L(language, "learner"), learner);
  Line(out, L(language, "learner") + " DID", s.subject_id);
  std::string country = Member(vc, "issuer") ? StringOf(*Member(vc, "issuer"), "country") : "";
  Line(out, L(language, "issuer"), s.issuer_name + (country.empty() ? "" : " (" + country + ")"));
  Line(out, L(language, "issuer") + " DID", s.issuer_id);
  Line(out, L(language, "valid_from"), s.valid_from);
  Line(out, L(language, "valid_until"), s.valid_until.empty() ? L(language, "no_end_date") : s.valid_until);
  Line(out, L(language, "status"), DescribeStatus(s));
  if (const json* proof = Member(vc, "proof")) {
    for (const auto& p : OneOrMany(*proof))
      Line(out, L(language, "signed"), StringOf(p, "cryptosuite") + " by " + StringOf(p, "verificationMethod") +
                              (StringOf(p, "created").empty() ? "" : " at " + StringOf(p, "created")));
  }
  if (problems.empty()) {
    Line(out, L(language, "verification"), L(language, "verified_ok"));
  } else {
    for (const auto& p : problems) Line(out, L(language, "problem"), p);
  }
  out += L(language, "unverified") + "\n";
  Line(out, L(language, "imported"), entry.imported_at);
  Line(out, L(language, "from"), entry.source);
  return out;
}

json DetailsToJson(const json& vc, const IndexEntry& entry, const std::vector<std::string>& problems,
                   const std::string& language) {
  json list = ListToJson({entry}, language);
  json out = list[0];
  out["verified"] = problems.empty();
  out["problems"] = problems;
  out["credential"] = vc;
  out["unverified"] = {{"importedAt", entry.imported_at}, {"source", entry.source}};
  return out;
}

}  // namespace passerelle::wallet
