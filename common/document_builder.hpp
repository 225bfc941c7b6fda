#pragma once
// Issue record -> Xapian documents, following common/schema.hpp. The only code that adds
// terms and values to documents.
#include <xapian.h>

#include <vector>

#include "common/issue_record.hpp"

namespace wm {

/// The issue document first, then one document per section, each with its unique-id term.
/// The term generator must be attached to the database when spelling data is wanted.
std::vector<Xapian::Document> build_documents(const IssueRecord& record,
                                              Xapian::TermGenerator& terms);

/// A term generator configured as the index expects (English stemmer, positions, spelling).
Xapian::TermGenerator make_term_generator(Xapian::WritableDatabase& database);

}  // namespace wm
