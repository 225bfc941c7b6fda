#include "api/atom.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "api/marked_text.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

// Ids are tag URIs (RFC 4151) under a name of our own, so they stay the same whichever host
// serves the feed.
constexpr std::string_view kIdRoot = "tag:wmsearch,2022:";
constexpr std::string_view kSiteTitle = "Regional Update archive";
constexpr std::string_view kAuthor = "West Midlands ADCS Network";

std::string percent_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// Text for XML: escaped, and without the control characters XML 1.0 does not allow.
std::string xml_escape(std::string_view text) {
    std::string allowed;
    allowed.reserve(text.size());
    for (const char c : text)
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') allowed += c;
    return html_escape(allowed);  // HTML's escapes are XML's too
}

std::string rfc3339(std::time_t time) {
    std::tm utc{};
    gmtime_r(&time, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// "2023-11" -> "November 2023"
std::string month_in_words(const std::string& month) {
    static constexpr std::array<std::string_view, 12> names = {"January", "February", "March", "April", "May", "June",
                                                               "July", "August", "September", "October", "November",
                                                               "December"};
    const int number = std::stoi(month.substr(5, 2));
    return std::string(names[static_cast<std::size_t>(number - 1)]) + " " + month.substr(0, 4);
}

// The search's parameters in a fixed order; sorted_values gives the same text for the same
// filters however they were listed (for ids).
std::string query_string(const SearchRequest& request, bool sorted_values) {
    std::vector<std::pair<std::string, std::string>> params;
    if (!request.query.empty()) params.emplace_back("q", request.query);
    for (const auto& [field, values] : request.filters) {
        auto listed = values;
        if (sorted_values) std::sort(listed.begin(), listed.end());
        for (const auto& value : listed) params.emplace_back(field, value);
    }
    if (!request.from.empty()) params.emplace_back("from", request.from);
    if (!request.to.empty()) params.emplace_back("to", request.to);
    std::string out;
    for (const auto& [name, value] : params) out += (out.empty() ? "" : "&") + name + "=" + percent_encode(value);
    return out;
}

std::string with_query(std::string path, const std::string& query) { return query.empty() ? path : path + "?" + query; }

std::string capitalised(std::string_view word) {
    std::string out(word);
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

std::string entry(const SearchHit& hit, const std::string& query, const FeedSite& site) {
    const auto updated = hit.date.empty() ? rfc3339(site.index_time) : hit.date + "-01T00:00:00Z";
    std::string link = site.base_url + "/?issue=" + percent_encode(hit.issue_id);
    if (!hit.sections.empty()) link += "&section=" + std::to_string(hit.sections.front().number);
    if (!query.empty()) link += "&q=" + percent_encode(query);
    const auto& section = shown_section(hit);
    std::string summary;
    if (!section.heading.empty()) summary += "<p><strong>" + xml_escape(section.heading) + "</strong></p>";
    // Feed readers drop <mark> (feedparser's sanitizer does), so matches are <b> there.
    summary += "<p>" + marked_html(section.snippet, "<b>", "</b>") + "</p>";
    return "  <entry>\n"
           "    <id>" + std::string(kIdRoot) + "issue/" + percent_encode(hit.issue_id) + "</id>\n"
           "    <title>" + xml_escape(hit.title) + "</title>\n"
           "    <updated>" + updated + "</updated>\n"
           "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(link) + "\"/>\n"
           "    <summary type=\"html\">" + xml_escape(summary) + "</summary>\n"
           "  </entry>\n";
}

}  // namespace

SearchRequest parse_search_feed_params(const Params& params) {
    std::vector<std::string_view> allowed = {"q", "from", "to"};
    for (const auto& facet : schema::kFacets) allowed.push_back(facet.field);
    for (const auto& [name, value] : params)
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
            throw RequestError(ErrorCode::unknown_parameter,
                               "unknown parameter `" + name + "`: a feed takes q, the facet filters, from and to");
    auto request = parse_search_params(params);
    request.sort = SortOrder::newest;
    request.per_page = kFeedEntries;
    return request;
}

FeedDescription search_feed_description(const SearchRequest& request) {
    std::string title = std::string(kSiteTitle) + ": " + (request.query.empty() ? "all issues" : "\u201c" + request.query + "\u201d");
    for (const auto& [field, values] : request.filters)
        for (const auto& value : values) title += " \u00b7 " + capitalised(field) + ": " + value;
    if (!request.from.empty()) title += " \u00b7 from " + month_in_words(request.from);
    if (!request.to.empty()) title += " \u00b7 to " + month_in_words(request.to);
    const auto canonical = query_string(request, true);
    return {std::string(kIdRoot) + with_query("search", canonical), title,
            with_query("/api/search.atom", query_string(request, false)), with_query("/", query_string(request, false))};
}

SearchRequest entity_feed_request(const schema::Facet& facet, const std::string& canonical_value) {
    SearchRequest request;
    request.query = canonical_value;  // so each hit points at the section that names it
    request.filters[std::string(facet.field)] = {canonical_value};
    request.sort = SortOrder::newest;
    request.per_page = kFeedEntries;
    return request;
}

FeedDescription entity_feed_description(const schema::Facet& facet, const std::string& canonical_value,
                                        const SearchResult& result) {
    std::string written = canonical_value;
    const auto key = match_key(canonical_value);
    if (const auto counts = result.facets.find(std::string(facet.name)); counts != result.facets.end())
        for (const auto& count : counts->second)
            if (match_key(count.value) == key) written = count.value;
    const auto name = std::string(facet.name);
    return {std::string(kIdRoot) + "entity/" + name + "/" + percent_encode(key),
            std::string(kSiteTitle) + ": " + written,
            "/api/entities/" + name + "/" + percent_encode(written) + ".atom",
            "/?entity=" + name + "&name=" + percent_encode(written)};
}

std::string atom_feed(const FeedDescription& feed, const SearchResult& result, const FeedSite& site) {
    std::string updated;
    for (const auto& hit : result.hits)
        updated = std::max(updated, hit.date.empty() ? rfc3339(site.index_time) : hit.date + "-01T00:00:00Z");
    if (updated.empty()) updated = rfc3339(site.index_time);
    std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
                      "  <id>" + xml_escape(feed.id) + "</id>\n"
                      "  <title>" + xml_escape(feed.title) + "</title>\n"
                      "  <updated>" + updated + "</updated>\n"
                      "  <author><name>" + std::string(kAuthor) + "</name></author>\n"
                      "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(site.base_url + feed.self_path) + "\"/>\n"
                      "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(site.base_url + feed.page_path) + "\"/>\n"
                      "  <generator>wmsearch</generator>\n";
    for (const auto& hit : result.hits) xml += entry(hit, result.query, site);
    return xml + "</feed>\n";
}

}  // namespace wm
