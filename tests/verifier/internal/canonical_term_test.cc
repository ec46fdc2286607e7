// Tests for verifier/internal/canonical_term.h: on every line of the W3C
// RDFC-1.0 suite's canonical outputs, the term reader agrees with the full
// N-Quads parser (values, kinds, escapes, language tags, datatypes).
#include "verifier/internal/canonical_term.h"

#include <catch2/catch.hpp>

#include <filesystem>

#include "formats/rdf/dataset.h"
#include "tests/testing/paths.h"

namespace passerelle::internal {
namespace {

using testing::ReadFile;
using testing::VectorsDir;

void CheckSame(const CanonicalTerm& mine, const rdf::Term& reference) {
  CHECK(mine.value == reference.value);
  CHECK(mine.is_iri == (reference.kind == rdf::TermKind::kIri));
  CHECK(mine.is_blank == (reference.kind == rdf::TermKind::kBlankNode));
}

TEST_CASE("canonical terms: agree with the N-Quads parser on the RDFC-1.0 suite's outputs", "[signed-form][vectors]") {
  int lines = 0;
  for (const auto& entry : std::filesystem::directory_iterator(VectorsDir() / "rdf-canon" / "rdfc10")) {
    const std::string name = entry.path().filename().string();
    if (name.size() < 10 || name.substr(name.size() - 10) != "-rdfc10.nq") continue;
    const std::string text = ReadFile(entry.path());
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      const std::string line = text.substr(pos, end - pos);
      pos = end + 1;
      if (line.empty()) continue;
      auto reference = rdf::ParseNQuads(line + "\n");
      REQUIRE(reference.ok());
      REQUIRE(reference->size() == 1);
      const rdf::Quad& q = reference->front();
      INFO(name << ": " << line);
      std::forward_list<std::string> storage;
      std::string_view rest = line;
      CanonicalTerm subject, object;
      REQUIRE(ReadCanonicalTerm(rest, subject, storage));
      CheckSame(subject, q.subject);
      REQUIRE(rest.substr(0, 1) == " ");
      rest.remove_prefix(rest.find(' ', 1) + 1);  // the predicate
      REQUIRE(ReadCanonicalTerm(rest, object, storage));
      CheckSame(object, q.object);
      // What follows: " ." in the default graph, " <g> ." or " _:g ." otherwise.
      CHECK((rest == " ." ) == (q.graph.kind == rdf::TermKind::kDefaultGraph));
      ++lines;
    }
  }
  CHECK(lines > 200);
}

TEST_CASE("canonical terms: escapes are read, malformed terms refused", "[signed-form]") {
  std::forward_list<std::string> storage;
  CanonicalTerm t;
  std::string_view text = R"("caf\u00E9 \"x\"\\ \U0001F600\n"^^<http://www.w3.org/2001/XMLSchema#string> .)";
  REQUIRE(ReadCanonicalTerm(text, t, storage));
  CHECK(t.value == "caf\xC3\xA9 \"x\"\\ \xF0\x9F\x98\x80\n");
  CHECK(text == " .");
  std::string_view tagged = "\"bonjour\"@fr-FR .";
  REQUIRE(ReadCanonicalTerm(tagged, t, storage));
  CHECK(t.value == "bonjour");
  CHECK(t.token == "\"bonjour\"@fr-FR");
  for (std::string_view bad : {"\"open", "<no-end", "\"bad \\q escape\"", "\"\\u12\"", "\"\\uD800\"", "plain", ""}) {
    std::string_view before = bad;
    CHECK_FALSE(ReadCanonicalTerm(bad, t, storage));
    CHECK(bad == before);
  }
}

}  // namespace
}  // namespace passerelle::internal
