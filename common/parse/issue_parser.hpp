#pragma once
// common/parse/ - text file -> Issue: title, month, introduction, signatory, sections.
// May include common/text/ and common/model/.
//
// Text file -> issue model. Pure: no Xapian, no facets.
#include <cstdint>
#include <string>
#include <string_view>

#include "common/model/issue.hpp"
#include "common/parse/archive_layout.hpp"

namespace wm {

/// Parses decoded UTF-8 text (see decode_text) from the file called file_name, telling its site's
/// furniture by what the archive's pages have in common (an empty layout knows no archive).
Issue parse_issue(std::string_view text, std::string_view file_name, const ArchiveLayout& archive = {});

/// Files larger than this are refused rather than indexed: no newsletter issue comes near it.
inline constexpr std::uintmax_t kMaxIssueFileBytes = 16u << 20;

/// Decodes raw file bytes (see decode_text) and parses them; decoding caveats become warnings.
Issue parse_issue_bytes(std::string_view bytes, std::string_view file_name, const ArchiveLayout& archive = {});

/// Reads, decodes and parses one file; throws InputError with the reason it cannot be used.
Issue read_issue_file(const std::string& path, const ArchiveLayout& archive = {},
                      std::uintmax_t max_bytes = kMaxIssueFileBytes);

/// The file's bytes; throws InputError when it cannot be read or exceeds max_bytes.
std::string read_file_bytes(const std::string& path, std::uintmax_t max_bytes);

}  // namespace wm
