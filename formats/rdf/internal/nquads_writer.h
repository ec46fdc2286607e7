// Passerelle — canonical N-Quads term writer, appending into a caller's buffer.
//
// The allocation-free core behind TermToNQuads/QuadToNQuads and the output
// stage of canonicalization. Stateless; thread-safe. Private to formats/rdf.
#pragma once

#include <string>
#include <string_view>

#include "formats/rdf/dataset.h"

namespace passerelle::rdf::internal {

// Appends `iri` as an IRIREF: "<" iri ">". A valid IRI is written verbatim.
// Characters that can never occur in an IRI (U+0000..U+0020 and <>"{}|^`\)
// are written as \u00XX so that a bogus value cannot break the line
// structure of the output (such a term has no canonical form anyway).
void AppendIri(std::string* out, std::string_view iri);

// Appends the lexical form of a literal with the canonical escapes of
// RDF 1.2 N-Quads / RDFC-1.0: \b \t \n \f \r \" \\ as ECHAR, every other
// U+0000..U+001F and U+007F as \u00XX (uppercase hex), the rest verbatim.
// Writes no surrounding quotes.
void AppendEscapedLexical(std::string* out, std::string_view lexical);

// Appends `term` in canonical form. The default graph appends nothing.
// A literal whose datatype is xsd:string (or empty) omits the datatype; one
// with a language tag writes "@tag" and no datatype.
void AppendTerm(std::string* out, const Term& term);

// Appends `quad` as one line ending in " .\n".
void AppendQuad(std::string* out, const Quad& quad);

}  // namespace passerelle::rdf::internal
