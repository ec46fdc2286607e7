// Passerelle tests — N-Quads: canonical escaping, strict parsing, round trips.
#include "formats/rdf/dataset.h"

#include <filesystem>
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "tests/testing/paths.h"

namespace passerelle::rdf {
namespace {

Quad ParseOne(std::string_view line) {
  auto r = ParseNQuads(line);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  REQUIRE(r->size() == 1);
  return (*r)[0];
}

void RequireMalformed(std::string_view text, std::string_view where = {}) {
  auto r = ParseNQuads(text);
  INFO("input: " << std::string(text));
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Code::kMalformed);
  if (!where.empty()) CHECK_THAT(r.status().message(), Catch::Contains(std::string(where)));
}

TEST_CASE("literal escaping follows canonical N-Quads", "[rdf]") {
  CHECK(TermToNQuads(Term::Literal("a\"b\\c")) == R"("a\"b\\c")");
  CHECK(TermToNQuads(Term::Literal("\n\r\t\b\f")) == R"("\n\r\t\b\f")");
  CHECK(TermToNQuads(Term::Literal(std::string("\0\x01\x0b\x0e\x1f\x7f", 6))) ==
        R"("\u0000\u0001\u000B\u000E\u001F\u007F")");
  // Everything else, including ' and non-ASCII, is written as is.
  CHECK(TermToNQuads(Term::Literal("'<>{}\xE2\x88\x9E")) == "\"'<>{}\xE2\x88\x9E\"");
  CHECK(TermToNQuads(Term::Literal("")) == "\"\"");
}

TEST_CASE("literal datatype and language tag", "[rdf]") {
  CHECK(TermToNQuads(Term::Literal("x")) == "\"x\"");
  CHECK(TermToNQuads(Term::Literal("x", std::string(kXsdString))) == "\"x\"");
  CHECK(TermToNQuads(Term::Literal("1", "http://www.w3.org/2001/XMLSchema#integer")) ==
        "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>");
  CHECK(TermToNQuads(Term::Literal("chat", std::string(kRdfLangString), "fr-BE")) ==
        "\"chat\"@fr-BE");
}

TEST_CASE("IRIs, blank nodes, default graph and quads", "[rdf]") {
  CHECK(TermToNQuads(Term::Iri("urn:ex:\xE2\x88\x9E")) == "<urn:ex:\xE2\x88\x9E>");
  CHECK(TermToNQuads(Term::Blank("b0")) == "_:b0");
  CHECK(TermToNQuads(Term::DefaultGraph()).empty());
  // A value no IRI can hold must not break the line structure.
  CHECK(TermToNQuads(Term::Iri("urn:a> <urn:b")) == "<urn:a\\u003E\\u0020\\u003Curn:b>");

  Quad q{Term::Iri("urn:s"), Term::Iri("urn:p"), Term::Literal("o"), Term::DefaultGraph()};
  CHECK(QuadToNQuads(q) == "<urn:s> <urn:p> \"o\" .\n");
  q.graph = Term::Blank("g");
  CHECK(QuadToNQuads(q) == "<urn:s> <urn:p> \"o\" _:g .\n");
}

TEST_CASE("parser reads every term form", "[rdf]") {
  Quad q = ParseOne("<urn:s> <urn:p> \"v\"@en-GB <urn:g> .");
  CHECK(q.subject == Term::Iri("urn:s"));
  CHECK(q.object == Term::Literal("v", std::string(kRdfLangString), "en-GB"));
  CHECK(q.graph == Term::Iri("urn:g"));

  q = ParseOne("_:a <urn:p> \"1\"^^<urn:dt> _:g .");
  CHECK(q.subject == Term::Blank("a"));
  CHECK(q.object == Term::Literal("1", "urn:dt"));
  CHECK(q.graph == Term::Blank("g"));

  // Minimal whitespace, a label ending right before the '.', tabs.
  q = ParseOne("_:s.x<urn:p>_:o.");
  CHECK(q.subject == Term::Blank("s.x"));
  CHECK(q.object == Term::Blank("o"));
  CHECK(q.graph == Term::DefaultGraph());
  q = ParseOne("\t<urn:s>\t<urn:p>\t\"x\"\t.\t# trailing comment");
  CHECK(q.object == Term::Literal("x"));
}

TEST_CASE("parser decodes escapes", "[rdf]") {
  Quad q = ParseOne(R"(<urn:\u0065x> <urn:p> "\t\b\n\r\f\"\'\\ \u00E9 \U0001F303" .)");
  CHECK(q.subject.value == "urn:ex");
  CHECK(q.object.value == "\t\b\n\r\f\"'\\ \xC3\xA9 \xF0\x9F\x8C\x83");
  // Explicit xsd:string is the same literal as a plain one.
  q = ParseOne("<urn:s> <urn:p> \"x\"^^<http://www.w3.org/2001/XMLSchema#string> .");
  CHECK(q.object == Term::Literal("x"));
}

TEST_CASE("parser skips comments and blank lines, accepts CR, LF and CRLF", "[rdf]") {
  auto r = ParseNQuads(
      "# header\r\n\r\n<urn:s> <urn:p> <urn:o> .\r<urn:s> <urn:p> <urn:o2> . # c\n\n  \t\n"
      "<urn:s> <urn:p> \"#not a comment\" .");
  REQUIRE(r.ok());
  REQUIRE(r->size() == 3);
  CHECK((*r)[2].object.value == "#not a comment");
  CHECK(ParseNQuads("").ok());
  CHECK(ParseNQuads("\n\n# only a comment").value().empty());
}

TEST_CASE("parser keeps duplicates and canonicalization removes them", "[rdf]") {
  auto r = ParseNQuads("<urn:s> <urn:p> <urn:o> .\n<urn:s> <urn:p> <urn:o> .\n");
  REQUIRE(r.ok());
  CHECK(r->size() == 2);
}

TEST_CASE("parser rejects malformed statements with a line number", "[rdf]") {
  RequireMalformed("<urn:s> <urn:p> <urn:o>", "line 1");                      // no '.'
  RequireMalformed("<urn:s> <urn:p> <urn:o> .\n\n<urn:s> <urn:p> .", "line 3");
  RequireMalformed("<urn:s> <urn:p> <urn:o> . <urn:x>", "after '.'");
  RequireMalformed("\"s\" <urn:p> <urn:o> .", "subject");
  RequireMalformed("<urn:s> _:p <urn:o> .", "predicate");
  RequireMalformed("<urn:s> <urn:p> <urn:o> \"g\" .", "'.'");
  RequireMalformed("<urn:s> <urn:p> 42 .", "object");
  RequireMalformed("<urn:s> <urn:p> <urn:o> <urn:g> <urn:h> .");
  RequireMalformed("<s> <urn:p> <urn:o> .", "not absolute");                   // relative
  RequireMalformed("<urn:a b> <urn:p> <urn:o> .", "not allowed in IRI");
  RequireMalformed("<urn:a\\u0020b> <urn:p> <urn:o> .", "not allowed in IRI");
  RequireMalformed("<urn:a\\u003E> <urn:p> <urn:o> .", "not allowed in IRI");
  RequireMalformed("<urn:a\\n> <urn:p> <urn:o> .", "escape");
  RequireMalformed("<urn:s> <urn:p> \"unterminated .", "unterminated");
  RequireMalformed("<urn:s> <urn:p> \"a\nb\" .", "line 1");
  RequireMalformed("<urn:s> <urn:p> \"\\x\" .", "invalid escape");
  RequireMalformed("<urn:s> <urn:p> \"\\u12\" .", "\\u");
  RequireMalformed("<urn:s> <urn:p> \"\\u12G4\" .", "hex");
  RequireMalformed("<urn:s> <urn:p> \"\\uD800\" .", "scalar");
  RequireMalformed("<urn:s> <urn:p> \"\\U00110000\" .", "scalar");
  RequireMalformed("<urn:s> <urn:p> \"x\"@ .", "language tag");
  RequireMalformed("<urn:s> <urn:p> \"x\"@en- .", "language tag");
  RequireMalformed("<urn:s> <urn:p> \"x\"@1en .", "language tag");
  RequireMalformed("<urn:s> <urn:p> \"x\"^<urn:dt> .", "^^");
  RequireMalformed("<urn:s> <urn:p> \"x\"^^\"y\" .", "datatype");
  RequireMalformed(
      "<urn:s> <urn:p> \"x\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .",
      "langString");
  RequireMalformed("_: <urn:p> <urn:o> .", "blank node label");
  RequireMalformed("_:-a <urn:p> <urn:o> .", "blank node label");
  RequireMalformed("_a <urn:p> <urn:o> .", "'_:'");
  RequireMalformed("<urn:s> <urn:p>", "object");
  RequireMalformed("@prefix ex: <urn:> .", "subject");
}

TEST_CASE("parser rejects invalid UTF-8 anywhere", "[rdf]") {
  const char* bad[] = {
      "\xFF",          // never valid
      "\xC0\xAF",      // overlong '/'
      "\xE0\x80\xAF",  // overlong
      "\xED\xA0\x80",  // encoded surrogate U+D800
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xE2\x88",      // truncated sequence
      "\x80",          // lone continuation byte
  };
  for (const char* b : bad) {
    RequireMalformed("<urn:s> <urn:p> \"" + std::string(b) + "\" .", "invalid UTF-8");
    RequireMalformed("<urn:s> <urn:" + std::string(b) + "> <urn:o> .", "invalid UTF-8");
    RequireMalformed("# comment " + std::string(b), "invalid UTF-8");
  }
  RequireMalformed("<urn:s> <urn:p> <urn:o> .\n<urn:s> <urn:p> \"\xC3\" .", "line 2, column 18");
}

TEST_CASE("parser never throws or crashes on truncated or random input", "[rdf]") {
  const std::string valid =
      "_:b0 <urn:p> \"caf\xC3\xA9\\u00E9\\U0001F303\\n\"@fr-CA _:g.\n"
      "<urn:s> <urn:p> \"1\"^^<urn:dt> <urn:g> . # c\n";
  REQUIRE(ParseNQuads(valid).ok());
  for (std::size_t n = 0; n <= valid.size(); ++n) {
    REQUIRE_NOTHROW((void)ParseNQuads(valid.substr(0, n)));
  }
  std::mt19937 rng(20240521);
  const std::string alphabet = "<>_:\"\\@^#. \t\n\ruUa0-\xC3\xA9\xFF";
  for (int round = 0; round < 4000; ++round) {
    std::string s = valid;
    const int edits = 1 + static_cast<int>(rng() % 6);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng() % s.size();
      switch (rng() % 3) {
        case 0: s[at] = alphabet[rng() % alphabet.size()]; break;
        case 1: s.erase(at, 1 + rng() % 3); break;
        default: s.insert(at, 1, static_cast<char>(rng() % 256)); break;
      }
      if (s.empty()) s = "x";
    }
    REQUIRE_NOTHROW((void)ParseNQuads(s));
  }
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 64, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 256);
    REQUIRE_NOTHROW((void)ParseNQuads(s));
  }
}

TEST_CASE("Serialize(Parse(x)) == x for every canonical file of the RDFC suite", "[rdf]") {
  const auto dir = testing::VectorsDir() / "rdf-canon" / "rdfc10";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() < 10 || name.substr(name.size() - 10) != "-rdfc10.nq") continue;
    const std::string text = testing::ReadFile(entry.path());
    auto parsed = ParseNQuads(text);
    INFO(name << ": " << parsed.status().ToString());
    REQUIRE(parsed.ok());
    std::string out;
    for (const Quad& q : *parsed) out += QuadToNQuads(q);
    CHECK(out == text);
    ++files;
  }
  CHECK(files >= 60);
}

}  // namespace
}  // namespace passerelle::rdf
