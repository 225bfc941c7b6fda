#include "common/index/files.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "common/index/schema.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace fs = std::filesystem;

bool is_issue_file_name(std::string_view name) {
    // Editors' temporary files ("~foo.txt", ".#foo.txt", "foo.txt~") are not issues.
    if (name.empty() || name[0] == '.' || name[0] == '~' || name.back() == '~') return false;
    return name.size() > 4 && iequals(name.substr(name.size() - 4), ".txt");
}

std::vector<std::string> collect_issue_files(const std::vector<std::string>& inputs,
                                             std::vector<FileProblem>& problems) {
    std::vector<std::string> files;
    for (const auto& input : inputs) {
        std::error_code error;
        const auto status = fs::status(input, error);
        if (fs::is_directory(status)) {
            const auto options = fs::directory_options::skip_permission_denied;
            for (auto it = fs::recursive_directory_iterator(input, options, error);
                 !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
                const auto name = it->path().filename().string();
                if (it->is_directory() && !name.empty() && name[0] == '.') {
                    it.disable_recursion_pending();
                } else if (it->is_regular_file() && is_issue_file_name(name)) {
                    files.push_back(fs::absolute(it->path()).lexically_normal().string());
                }
            }
            if (error) problems.push_back({input, "cannot read folder: " + error.message()});
        } else if (fs::is_regular_file(status)) {
            files.push_back(fs::absolute(input).lexically_normal().string());
        } else {
            problems.push_back({input, fs::exists(status) ? "not a regular file or folder"
                                                          : "no such file or folder"});
        }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

std::string content_hash(std::string_view bytes) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a_64(bytes)));
    return hex;
}

std::string fingerprint_of(std::string_view bytes) {
    return content_hash(bytes) + "/" + std::to_string(bytes.size()) + "/a" + std::string(kAnalysisVersion) + "s" +
           std::string(schema::kSchemaVersion);
}

}  // namespace wm
