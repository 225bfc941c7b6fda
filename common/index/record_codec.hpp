#pragma once
// The issue record as a document stores it: a compact binary form (length-prefixed strings and
// counts) that a hit reads back in microseconds, where parsing the same record as JSON took a
// tenth of a millisecond, ten times a page. The API and `indexer show` turn records into JSON.
#include <string>
#include <string_view>
#include <vector>

#include "common/model/issue_record.hpp"

namespace wm {

std::string encode_record(const IssueRecord& record);

/// Throws std::runtime_error for data that is not an encoded record.
IssueRecord decode_record(std::string_view data);

/// What a search hit shows of a stored record, read in place: views into the stored bytes
/// (which must outlive it), facets skipped. Decoding whole records (every section's facets as
/// strings) was a sixth of a query's instructions.
struct HitRecord {
    struct Section {
        std::string_view group, heading, body;
    };
    std::string_view id, file, title, month;
    PageKind kind = PageKind::issue;
    std::vector<Section> sections;
    std::string_view stored;  ///< all the stored bytes, which every view above is in
};

/// Throws std::runtime_error for data that is not an encoded record.
HitRecord read_hit_record(std::string_view data);

}  // namespace wm
