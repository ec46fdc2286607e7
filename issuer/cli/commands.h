// Passerelle issuer CLI — the verbs; main.cc only parses arguments.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "formats/status.h"

namespace passerelle::cli {

struct CommonIssuerArgs {
  std::string dir;
  std::optional<std::string> passphrase_file;
};

struct InitArgs {
  CommonIssuerArgs common;
  std::optional<std::string> did_web;
  bool did_key = false;
  std::string name;
  std::string country;
};

struct SignArgs {
  CommonIssuerArgs common;
  std::string suite = "eddsa-rdfc-2022";
  std::string file;
};

struct IssueArgs {
  CommonIssuerArgs common;
  std::string kind;
  std::string suite = "eddsa-rdfc-2022";
  std::string programme;
  std::optional<std::string> grading_scales;
  std::optional<std::string> module;
  std::optional<std::string> learner_did;
  std::string given_name;
  std::string family_name;
  std::optional<std::string> grade;
  std::optional<std::string> grading_scale;
  std::optional<std::string> awarded_on;
  std::vector<std::string> parts;  // certification: module credential ids
};

Result<std::string> ParseCredentialKindArg(const std::string& kind);

// Each returns the exit status: 0 done, 1 refused (invalid credential),
// 2 usage or I/O error.
int RunInit(const InitArgs& args, std::ostream& out, std::ostream& err);
int RunSign(const SignArgs& args, std::istream& in, std::ostream& out, std::ostream& err);
int RunIssue(const IssueArgs& args, std::ostream& out, std::ostream& err);
int RunDid(const CommonIssuerArgs& args, std::ostream& out, std::ostream& err);
int RunKeyRotate(const CommonIssuerArgs& args, std::ostream& out, std::ostream& err);

}  // namespace passerelle::cli
