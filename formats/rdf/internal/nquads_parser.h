// Passerelle — strict RDF 1.1 N-Quads reader.
//
// Implements the grammar of https://www.w3.org/TR/n-quads/ (its EBNF): IRIREF,
// BLANK_NODE_LABEL, STRING_LITERAL_QUOTE with ECHAR/UCHAR, LANGTAG and
// datatypes, comments, any of CR / LF / CRLF as line ends. Input must be
// well-formed UTF-8 and escapes must denote Unicode scalar values. Relative
// IRIs, and IRIs containing (even escaped) characters that IRIs cannot
// contain, are rejected. Never throws except std::bad_alloc; linear time.
// Stateless between calls; thread-safe. Private to formats/rdf.
#pragma once

#include <string_view>

#include "formats/rdf/dataset.h"
#include "formats/status.h"

namespace passerelle::rdf::internal {

// Parses `text`; the quads come out in document order, duplicates kept.
// Errors: kMalformed, message "line L, column C: <what>" (1-based, C in bytes).
Result<Dataset> ParseNQuadsText(std::string_view text);

// Parses `text` as exactly one term (IRI, blank node or literal).
Result<Term> ParseNQuadsTermText(std::string_view text);

}  // namespace passerelle::rdf::internal
