#include "common/model/issue.hpp"

#include <filesystem>

#include "common/text/text.hpp"

namespace wm {

std::string issue_id_for_path(std::string_view path) {
    auto name = std::filesystem::path(path).filename().string();
    if (name.size() > 4 && iequals(std::string_view(name).substr(name.size() - 4), ".txt"))
        name.resize(name.size() - 4);
    return name;
}

}  // namespace wm
