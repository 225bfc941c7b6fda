#include "common/model/issue.hpp"

#include <filesystem>

#include "common/text/text.hpp"

namespace wm {

std::string_view page_kind_name(PageKind kind) {
    switch (kind) {
        case PageKind::issue: return "issue";
        case PageKind::article: return "article";
        case PageKind::page: return "page";
    }
    return "issue";
}

std::optional<PageKind> page_kind_named(std::string_view name) {
    for (const auto kind : kPageKinds)
        if (page_kind_name(kind) == name) return kind;
    return std::nullopt;
}

std::string issue_id_for_path(std::string_view path) {
    auto name = std::filesystem::path(path).filename().string();
    if (name.size() > 4 && iequals(std::string_view(name).substr(name.size() - 4), ".txt"))
        name.resize(name.size() - 4);
    return name;
}

}  // namespace wm
