#pragma once
// The issue record as a document stores it: a compact binary form (length-prefixed strings and
// counts) that a hit reads back in microseconds, where parsing the same record as JSON took a
// tenth of a millisecond, ten times a page. The API and `indexer show` turn records into JSON.
#include <string>
#include <string_view>

#include "common/model/issue_record.hpp"

namespace wm {

std::string encode_record(const IssueRecord& record);

/// Throws std::runtime_error for data that is not an encoded record.
IssueRecord decode_record(std::string_view data);

}  // namespace wm
