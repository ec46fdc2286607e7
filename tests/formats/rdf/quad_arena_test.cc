// Tests for formats/rdf/quad_arena.h: the compact, pre-serialised RDF dataset.
#include "formats/rdf/quad_arena.h"

#include <catch2/catch.hpp>

#include <string>

#include "formats/rdf/canonicalize.h"
#include "formats/rdf/dataset.h"

namespace passerelle::rdf {
namespace {

TEST_CASE("quad arena: terms are written once in canonical N-Quads form", "[rdf]") {
  QuadArena arena;
  auto iri = arena.Iri("https://example.org/a");
  CHECK_FALSE(iri.is_blank());
  CHECK(arena.text(iri) == "<https://example.org/a>");
  CHECK(arena.text(arena.Literal("plain", "")) == "\"plain\"");
  CHECK(arena.text(arena.Literal("plain", kXsdString)) == "\"plain\"");
  CHECK(arena.text(arena.Literal("5", "http://www.w3.org/2001/XMLSchema#integer")) ==
        "\"5\"^^<http://www.w3.org/2001/XMLSchema#integer>");
  // A language tag wins over any datatype.
  CHECK(arena.text(arena.Literal("bonjour", kRdfLangString, "fr")) == "\"bonjour\"@fr");
  CHECK(arena.text(arena.LiteralWithVerbatimDatatype("1", "https://example.org/dt")) ==
        "\"1\"^^<https://example.org/dt>");
  CHECK(arena.text(arena.VerbatimIri("https://example.org/v")) == "<https://example.org/v>");
  CHECK(arena.fits());
}

TEST_CASE("quad arena: literals and IRIs are escaped as TermToNQuads escapes them", "[rdf]") {
  QuadArena arena;
  const std::string lexical = std::string("a\"b\\c\nd\te\x01", 10) + "\x7f" + "é";
  CHECK(arena.text(arena.Literal(lexical, "")) == TermToNQuads(Term::Literal(lexical)));
  // An IRI that can never be valid still cannot break the line structure.
  const std::string bad_iri = "https://example.org/a b>\n<c";
  const std::string written(arena.text(arena.Iri(bad_iri)));
  CHECK(written == TermToNQuads(Term::Iri(bad_iri)));
  CHECK(written.find('\n') == std::string::npos);
  CHECK(written.find(' ') == std::string::npos);
  // Append() gives the same bytes as TermToNQuads for every non-blank kind.
  for (const Term& t : {Term::Iri("https://example.org/x"), Term::Literal("x\ny"),
                        Term::Literal("x", "https://example.org/dt"),
                        Term::Literal("x", std::string(kRdfLangString), "en-GB")})
    CHECK(arena.text(arena.Append(t)) == TermToNQuads(t));
}

TEST_CASE("quad arena: one term reference serves any number of quads", "[rdf]") {
  QuadArena arena;
  auto p = arena.Iri("https://example.org/p");
  const auto b0 = arena.NewBlankNode();
  const auto b1 = arena.NewBlankNode();
  CHECK(b0 == 0);
  CHECK(b1 == 1);
  CHECK(arena.blank_node_count() == 2);
  arena.Add(QuadArena::Blank(b0), p, arena.Literal("one", ""));
  arena.Add(QuadArena::Blank(b1), p, arena.Literal("two", ""), arena.Iri("https://example.org/g"));
  REQUIRE(arena.quads().size() == 2);
  CHECK_FALSE(arena.quads()[0].has_graph());
  CHECK(arena.quads()[1].has_graph());
  CHECK(arena.quads()[0].slots[1].offset == arena.quads()[1].slots[1].offset);
  CHECK(arena.quads()[1].slots[0].blank == b1);
  // A blank-node graph counts as a graph too.
  arena.Add(QuadArena::Blank(b0), p, QuadArena::Blank(b1), QuadArena::Blank(b1));
  CHECK(arena.quads()[2].has_graph());
  CHECK_FALSE(QuadArena::DefaultGraph().is_blank());
}

TEST_CASE("quad arena: CompactBlankNodes drops unused nodes and renumbers in order", "[rdf]") {
  QuadArena arena;
  auto p = arena.Iri("https://example.org/p");
  const auto unused0 = arena.NewBlankNode();
  const auto a = arena.NewBlankNode();
  const auto unused2 = arena.NewBlankNode();
  const auto b = arena.NewBlankNode();
  (void)unused0;
  (void)unused2;
  arena.Add(QuadArena::Blank(b), p, QuadArena::Blank(a));
  arena.Add(QuadArena::Blank(a), p, arena.Literal("x", ""));
  arena.CompactBlankNodes();
  CHECK(arena.blank_node_count() == 2);
  CHECK(arena.quads()[0].slots[0].blank == 1);  // b was 3, is now 1
  CHECK(arena.quads()[0].slots[2].blank == 0);  // a was 1, is now 0
  CHECK(arena.quads()[1].slots[0].blank == 0);

  // Nothing to drop: the numbers stay as they were.
  QuadArena full;
  auto q = full.Iri("https://example.org/q");
  const auto n0 = full.NewBlankNode();
  const auto n1 = full.NewBlankNode();
  full.Add(QuadArena::Blank(n1), q, QuadArena::Blank(n0));
  full.CompactBlankNodes();
  CHECK(full.blank_node_count() == 2);
  CHECK(full.quads()[0].slots[0].blank == 1);
}

TEST_CASE("quad arena: canonicalises to the same bytes as the equivalent Dataset", "[rdf]") {
  QuadArena arena;
  auto name = arena.Iri("https://schema.org/name");
  auto knows = arena.Iri("https://schema.org/knows");
  const auto alice = arena.NewBlankNode();
  const auto bob = arena.NewBlankNode();
  arena.NewBlankNode();  // issued, never used: gets no canonical label
  arena.Add(QuadArena::Blank(alice), name, arena.Literal("Alice", "", "en"));
  arena.Add(QuadArena::Blank(alice), knows, QuadArena::Blank(bob));
  arena.Add(QuadArena::Blank(bob), name, arena.Literal("Bob", ""));
  arena.Add(QuadArena::Blank(bob), name, arena.Literal("Bob", ""));  // duplicate

  Dataset dataset = {
      {Term::Blank("a"), Term::Iri("https://schema.org/name"),
       Term::Literal("Alice", std::string(kRdfLangString), "en"), Term::DefaultGraph()},
      {Term::Blank("a"), Term::Iri("https://schema.org/knows"), Term::Blank("b"), Term::DefaultGraph()},
      {Term::Blank("b"), Term::Iri("https://schema.org/name"), Term::Literal("Bob"), Term::DefaultGraph()},
  };
  auto expected = Canonicalize(dataset);
  REQUIRE(expected.ok());
  auto got = CanonicalizeToNQuads(std::move(arena));
  REQUIRE(got.ok());
  CHECK(*got == expected->nquads);
  CHECK(got->find("_:c14n2") == std::string::npos);
}

}  // namespace
}  // namespace passerelle::rdf
