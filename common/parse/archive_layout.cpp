#include "common/parse/archive_layout.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace wm {
namespace {

// A line on three pages is already more than chance for a short line at a page's edge, and a
// small site in a mixed archive may contribute no more than that. In a large archive, a line on
// one page in 200 is still the site's: a section of a site has at least that many pages.
constexpr std::size_t kMinRecurringPages = 3;
constexpr double kRecurringShareOfPages = 1.0 / 200;

// A file name whose first words its title leaves out is evidence of itself; two such pages
// make a rule of it.
constexpr long kMinSitePrefixPages = 2;

void add(std::unordered_map<std::string, long>& counts, const std::string& key, long pages) {
    const auto total = counts[key] += pages;
    if (total <= 0) counts.erase(key);
}

long count_of(const std::unordered_map<std::string, long>& counts, std::string_view key) {
    const auto found = counts.find(std::string(key));
    return found == counts.end() ? 0 : found->second;
}

}  // namespace

void ArchiveLayout::add_page(const LayoutKeys& keys) {
    // A key counts pages, not lines: a page that repeats a line has it once.
    for (const auto& key : std::set<std::string>(keys.lines.begin(), keys.lines.end())) add(line_pages_, key, 1);
    if (!keys.site_prefix.empty()) add(site_prefix_pages_, keys.site_prefix, 1);
    if (!keys.newsletter_name.empty()) ++newsletter_name_pages_[keys.newsletter_name];
    ++pages_;
}

void ArchiveLayout::add_line_pages(const std::string& key, long pages) { add(line_pages_, key, pages); }

void ArchiveLayout::add_site_prefix_pages(const std::string& prefix, long pages) {
    add(site_prefix_pages_, prefix, pages);
}

void ArchiveLayout::add_newsletter_name_pages(const std::string& name, long pages) {
    if ((newsletter_name_pages_[name] += pages) <= 0) newsletter_name_pages_.erase(name);
}

void ArchiveLayout::add_pages(long pages) {
    pages_ = static_cast<std::size_t>(std::max(0L, static_cast<long>(pages_) + pages));
}

bool ArchiveLayout::recurs(std::size_t pages) const {
    const auto share = static_cast<std::size_t>(std::ceil(kRecurringShareOfPages * static_cast<double>(pages_)));
    return pages >= std::max(kMinRecurringPages, share);
}

bool ArchiveLayout::line_recurs(std::string_view key) const {
    return recurs(static_cast<std::size_t>(count_of(line_pages_, key)));
}

bool ArchiveLayout::is_site_prefix(std::string_view prefix) const {
    return count_of(site_prefix_pages_, prefix) >= kMinSitePrefixPages;
}

std::optional<std::string> ArchiveLayout::newsletter_name() const {
    const auto most = std::max_element(newsletter_name_pages_.begin(), newsletter_name_pages_.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    if (most == newsletter_name_pages_.end()) return std::nullopt;
    return most->first;
}

}  // namespace wm
