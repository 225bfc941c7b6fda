#pragma once
// Which files are issues, what an issue's file is called in the index, and the fingerprint
// that tells an unchanged file from a changed one.
#include <string>
#include <string_view>
#include <vector>

namespace wm {

/// Bumped whenever parsing or extraction changes what is stored for the same file, so that
/// the next run re-indexes files whose bytes did not change.
inline constexpr std::string_view kAnalysisVersion = "4";

struct FileProblem {
    std::string file;
    std::string reason;
};

/// Whether a file name is an issue's: *.txt, and neither hidden nor an editor's temporary file.
bool is_issue_file_name(std::string_view name);

/// The *.txt files under the inputs (absolute, sorted, once each); hidden folders and editors'
/// temporary files are skipped. Inputs that do not exist are returned as problems.
std::vector<std::string> collect_issue_files(const std::vector<std::string>& inputs,
                                             std::vector<FileProblem>& problems);

/// FNV-1a 64-bit hash of the bytes, as 16 hex digits.
std::string content_hash(std::string_view bytes);

/// What the index stores to skip an unchanged file: its content hash and size, the analysis
/// version and the schema version.
std::string fingerprint_of(std::string_view bytes);

}  // namespace wm
