#pragma once
// Issue record -> Xapian documents, following common/schema.hpp. The only code that adds
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

    /// The issue document first, then one document per section, each with its unique-id term.
    std::vector<Xapian::Document> build(const IssueRecord& record);

private:
    Xapian::TermGenerator terms_;
};

}  // namespace wm
