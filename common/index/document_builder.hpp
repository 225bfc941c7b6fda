#pragma once
// Issue record -> its Xapian document, following common/index/schema.hpp. The only code that adds
// terms and values to documents.
#include <xapian.h>

#include <vector>

#include "common/model/issue_record.hpp"

namespace wm {

/// Builds documents without touching a database, so indexing runs it on worker threads; the
/// writer adds the spelling data afterwards (see add_dictionary_data). One per thread.
class DocumentBuilder {
public:
    DocumentBuilder();

    /// The issue's one document: every field's words with positions, each section's position
    /// range in the record it stores, facet terms and values, and the unique-id term.
    Xapian::Document build(IssueRecord record);

private:
    Xapian::TermGenerator terms_;
};

}  // namespace wm
