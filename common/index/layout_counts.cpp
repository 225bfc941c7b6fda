#include "common/index/layout_counts.hpp"

#include <set>

#include "common/index/schema.hpp"

namespace wm {
namespace {

Xapian::doccount pages_with(const std::vector<Xapian::Database>& stored, const std::string& term) {
    Xapian::doccount pages = 0;
    for (const auto& db : stored) pages += db.get_termfreq(term);
    return pages;
}

// Site prefixes and newsletter names are few (a handful per site): all of them are read.
template <typename Add>
void add_every_term(const std::vector<Xapian::Database>& stored, std::string_view prefix, Add add) {
    const std::string start(prefix);
    for (const auto& db : stored)
        for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it)
            add((*it).substr(start.size()), static_cast<long>(it.get_termfreq()));
}

}  // namespace

LayoutKeys stored_layout(const Xapian::Document& doc) {
    LayoutKeys keys;
    const auto read = [&](std::string_view prefix, auto store) {
        const std::string start(prefix);
        auto it = doc.termlist_begin();
        for (it.skip_to(start); it != doc.termlist_end() && (*it).starts_with(start); ++it) store((*it).substr(start.size()));
    };
    read(schema::PREFIX_LAYOUT_LINE, [&](std::string key) { keys.lines.push_back(std::move(key)); });
    read(schema::PREFIX_SITE_PREFIX, [&](std::string key) { keys.site_prefix = std::move(key); });
    read(schema::PREFIX_NEWSLETTER_NAME, [&](std::string key) { keys.newsletter_name = std::move(key); });
    return keys;
}

ArchiveLayout archive_layout_with(const std::vector<Xapian::Database>& stored,
                                  const std::vector<Xapian::Document>& replaced, const std::vector<LayoutKeys>& pages) {
    ArchiveLayout archive;
    for (const auto& db : stored) archive.add_pages(static_cast<long>(db.get_doccount()));
    std::set<std::string> lines;
    for (const auto& page : pages) lines.insert(page.lines.begin(), page.lines.end());
    for (const auto& key : lines)
        archive.add_line_pages(key, static_cast<long>(pages_with(stored, schema::layout_line_term(key))));
    add_every_term(stored, schema::PREFIX_SITE_PREFIX, [&](const std::string& key, long n) { archive.add_site_prefix_pages(key, n); });
    add_every_term(stored, schema::PREFIX_NEWSLETTER_NAME,
                   [&](const std::string& key, long n) { archive.add_newsletter_name_pages(key, n); });
    for (const auto& doc : replaced) {
        const auto old = stored_layout(doc);
        for (const auto& key : old.lines)
            if (lines.count(key)) archive.add_line_pages(key, -1);
        if (!old.site_prefix.empty()) archive.add_site_prefix_pages(old.site_prefix, -1);
        if (!old.newsletter_name.empty()) archive.add_newsletter_name_pages(old.newsletter_name, -1);
        archive.add_pages(-1);
    }
    for (const auto& page : pages) archive.add_page(page);
    return archive;
}

}  // namespace wm
