#pragma once
// What an archive's pages have in common: how many pages have each layout key (see
// common/model/issue.hpp, LayoutKeys). A website wraps every page in lines that are not the
// page's own (a banner, a consent notice, a sidebar box, a teaser of another post) and names
// its files with the same first words; no list can name them all, but they recur across the
// site's pages where a page's own lines do not. The indexer keeps these counts in the database
// (as terms, see schema.hpp), so a page dropped in later is judged against the whole archive.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/model/issue.hpp"

namespace wm {

class ArchiveLayout {
public:
    /// Counts one more page with these keys.
    void add_page(const LayoutKeys& keys);

    /// Pages of a stored archive: count more (or, negative, fewer) pages with a key.
    void add_line_pages(const std::string& key, long pages);
    void add_site_prefix_pages(const std::string& prefix, long pages);
    void add_newsletter_name_pages(const std::string& name, long pages);
    void add_pages(long pages);

    std::size_t pages() const { return pages_; }
    /// Whether enough of the archive's pages have the line for it to be the site's, not the page's.
    bool line_recurs(std::string_view key) const;
    /// Whether enough pages name their files with these first words and leave them out of their
    /// titles for them to be the site's name ("eastvale news"), not part of a title.
    bool is_site_prefix(std::string_view prefix) const;
    /// The name most of the archive's title lines give the newsletter ("Regional Update").
    std::optional<std::string> newsletter_name() const;

private:
    bool recurs(std::size_t pages) const;

    std::unordered_map<std::string, long> line_pages_, site_prefix_pages_;
    std::map<std::string, long> newsletter_name_pages_;
    std::size_t pages_ = 0;
};

}  // namespace wm
