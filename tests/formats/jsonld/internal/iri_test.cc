// Passerelle tests — IRI syntax and RFC 3986 §5.2 reference resolution,
// against the RFC's own examples (§5.4.1 normal, §5.4.2 abnormal).
#include <catch2/catch.hpp>

#include "formats/jsonld/internal/iri.h"

namespace passerelle::jsonld::internal {
namespace {

TEST_CASE("RFC 3986 5.4.1 normal examples", "[jsonld]") {
  const std::string base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> cases[] = {
      {"g:h", "g:h"},          {"g", "http://a/b/c/g"},      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"}, {"/g", "http://a/g"},        {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"}, {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"}, {"g?y#s", "http://a/b/c/g?y#s"}, {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"}, {"g;x?y#s", "http://a/b/c/g;x?y#s"}, {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},     {"./", "http://a/b/c/"},     {"..", "http://a/b/"},
      {"../", "http://a/b/"},     {"../g", "http://a/b/g"},    {"../..", "http://a/"},
      {"../../", "http://a/"},    {"../../g", "http://a/g"},
  };
  for (const auto& [ref, want] : cases) {
    INFO(ref);
    CHECK(ResolveIri(base, ref) == want);
  }
}

TEST_CASE("RFC 3986 5.4.2 abnormal examples", "[jsonld]") {
  const std::string base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> cases[] = {
      {"../../../g", "http://a/g"},  {"../../../../g", "http://a/g"}, {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},       {"g.", "http://a/b/c/g."},       {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},   {"..g", "http://a/b/c/..g"},     {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},  {"g/./h", "http://a/b/c/g/h"},   {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"}, {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},   {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g#s/./x"},   {"g#s/../x", "http://a/b/c/g#s/../x"},
      {"http:g", "http:g"},
  };
  for (const auto& [ref, want] : cases) {
    INFO(ref);
    CHECK(ResolveIri(base, ref) == want);
  }
}

TEST_CASE("IRI resolution edge cases", "[jsonld]") {
  // A base with an authority and no path merges under "/".
  CHECK(ResolveIri("http://example.com", "foo") == "http://example.com/foo");
  // A base without an authority (URN, DID) keeps its path form.
  CHECK(ResolveIri("urn:ex:a/b", "c") == "urn:ex:a/c");
  CHECK(ResolveIri("did:example:123", "#key-1") == "did:example:123#key-1");
  // The base's fragment never carries over; an empty query does.
  CHECK(ResolveIri("http://a/b#f", "") == "http://a/b");
  CHECK(ResolveIri("http://a/b?", "#g") == "http://a/b?#g");
  CHECK(RemoveDotSegments("/a/b/c/./../../g") == "/a/g");
  CHECK(RemoveDotSegments("mid/content=5/../6") == "mid/6");
}

TEST_CASE("IRI syntax predicates", "[jsonld]") {
  CHECK(IsAbsoluteIri("http://example.com/"));
  CHECK(IsAbsoluteIri("urn:uuid:58172aac"));
  CHECK(IsAbsoluteIri("did:key:z6Mk"));
  CHECK(IsAbsoluteIri("a+b-c.d:x"));
  CHECK_FALSE(IsAbsoluteIri("_:b0"));
  CHECK_FALSE(IsAbsoluteIri("1http://x"));
  CHECK_FALSE(IsAbsoluteIri("relative/path"));
  CHECK_FALSE(IsAbsoluteIri(":x"));
  CHECK(IsBlankNodeId("_:b0"));
  CHECK(IsWellFormedIri("http://example.com/a#b"));
  CHECK_FALSE(IsWellFormedIri("http://example.com/a b"));
  CHECK_FALSE(IsWellFormedIri("http://example.com/<a>"));
  CHECK_FALSE(IsWellFormedIri("http://example.com/a#b#c"));
  CHECK_FALSE(IsWellFormedIri("relative"));
  CHECK(EndsWithGenDelim("http://example.com/"));
  CHECK(EndsWithGenDelim("http://example.com/#"));
  CHECK_FALSE(EndsWithGenDelim("http://example.com/a"));
}

}  // namespace
}  // namespace passerelle::jsonld::internal
