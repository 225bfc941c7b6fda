#pragma once
// The archive's layout counts (common/parse/archive_layout.hpp) as the index keeps them: each
// page's layout keys are terms of its document (schema.hpp), so a key's term frequency is how
// many stored pages have it, and Xapian keeps it right as pages are added, replaced and removed.
#include <xapian.h>

#include <vector>

#include "common/model/issue.hpp"
#include "common/parse/archive_layout.hpp"

namespace wm {

/// The layout keys a stored issue's document holds.
LayoutKeys stored_layout(const Xapian::Document& doc);

/// What the pages about to be parsed are judged against: the stored archive (its documents in
/// every database of stored; only the counts of the new pages' keys are read) without the
/// documents these pages replace, and the new pages themselves.
ArchiveLayout archive_layout_with(const std::vector<Xapian::Database>& stored,
                                  const std::vector<Xapian::Document>& replaced, const std::vector<LayoutKeys>& pages);

}  // namespace wm
