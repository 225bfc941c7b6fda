#pragma once
// common/model/ - the issue model every later step passes along: Issue and its sections, the
// facet values found in it, the indexed record, and their JSON. Plain data: no Xapian, no
// rules. May include common/text/.
//
// The issue model: what the parser makes of one newsletter file, before any facet extraction.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wm {

struct Section {
    std::string group;    ///< enclosing heading such as "Key Updates", or empty
    std::string heading;  ///< as written, without the trailing ':'; empty for untitled text
    std::string body;     ///< paragraphs separated by blank lines; bullets kept as text
    bool is_introduction = false;
};

/// What a page of the site is: a newsletter issue, a dated post that is not one (an article),
/// or an undated site page (the home page, "About us").
enum class PageKind { issue, article, page };
inline constexpr std::array<PageKind, 3> kPageKinds = {PageKind::issue, PageKind::article, PageKind::page};

std::string_view page_kind_name(PageKind kind);  ///< "issue", "article", "page"
std::optional<PageKind> page_kind_named(std::string_view name);

/// What a page tells the archive about its site's layout (see common/parse/archive_layout.hpp):
/// counted over every page, it is how furniture is told from a page's own lines.
struct LayoutKeys {
    std::vector<std::string> lines;          ///< its short head and tail lines, folded
    /// The first words of its file name that its title line leaves out: "eastvale news" of
    /// "eastvale-news-spring-fair.txt" titled "Spring Fair"; empty when there are none.
    std::string site_prefix;
    std::string newsletter_name;             ///< "Regional Update" of a title line "Regional Update – May 2031"
    bool operator==(const LayoutKeys&) const = default;
};

struct Issue {
    std::string id;     ///< the archive-wide unique id: see issue_id_for_path
    std::string file;   ///< file base name, e.g. "000_0ade5a7af2cbefc2.txt"
    std::string title;  ///< as written; derived (from the file name or month) when the page has no title line
    PageKind kind = PageKind::issue;
    std::string month;  ///< "YYYY-MM", or empty when unknown
    std::string signatory;  ///< who signed the introduction letter, post-nominals kept
    std::vector<Section> sections;  ///< in reading order; the introduction is one of them
    std::vector<std::string> warnings;
    LayoutKeys layout;  ///< not stored with the record: the index keeps it as terms
};

/// An issue's id is its file's base name without ".txt" ("000_0ade5a7af2cbefc2"): stable as
/// long as the file keeps its name, wherever the archive is moved.
std::string issue_id_for_path(std::string_view path);

}  // namespace wm
