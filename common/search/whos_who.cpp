#include "common/search/whos_who.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "common/errors.hpp"
#include "common/facets/canonical.hpp"
#include "common/index/schema.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

// Which of two statements is the later: by month (an unknown month is the oldest), then issue
// id, then section, so that the answer never depends on document order.
using When = std::tuple<std::string, std::string, std::size_t>;

}  // namespace

WhosWho whos_who(const Xapian::Database& db, const std::string& authority, const Glossary& glossary) {
    WhosWho result;
    result.authority = canonical_facet_value(FacetId::authorities, authority, glossary);
    const auto term = schema::facet_term(schema::AUTHORITIES, result.authority);
    if (!db.term_exists(term)) throw NotFoundError("no issue mentions authority '" + authority + "'");
    const auto key = match_key(result.authority);

    struct Latest {
        When when;
        WhosWhoEntry entry;
    };
    std::map<std::string, Latest> by_person;  // match_key(person) ->
    // A role's authority is a canonical value as stored; folded again in case an alias was stored.
    std::map<std::string, bool> is_here;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        const auto doc = db.get_document(*it);
        const auto roles = doc.get_value(schema::SLOT_ROLES);
        if (roles.empty()) continue;
        const auto month = doc.get_value(schema::SLOT_MONTH);
        const auto issue_id = doc.get_value(schema::SLOT_ISSUE_ID);
        std::map<std::string, bool> counted;  // people already counted in this issue
        for (auto& role : schema::roles_from_value(roles)) {
            auto [here, fresh] = is_here.try_emplace(role.authority);
            if (fresh) here->second = match_key(canonical_facet_value(FacetId::authorities, role.authority, glossary)) == key;
            if (!here->second || role.person.empty()) continue;
            const auto person = match_key(role.person);
            auto& latest = by_person[person];
            if (!counted[person]) {
                counted[person] = true;
                ++latest.entry.issues;
            }
            When when{month, issue_id, role.section};
            if (latest.entry.person.empty() || when >= latest.when) {
                latest.when = std::move(when);
                latest.entry.person = std::move(role.person);
                latest.entry.role = std::move(role.role);
                latest.entry.month = month;
                latest.entry.issue_id = issue_id;
                latest.entry.section = role.section;
            }
        }
    }
    for (auto& [person, latest] : by_person) result.people.push_back(std::move(latest.entry));
    // Newest first; the unknown month ("") sorts last as the smallest.
    std::stable_sort(result.people.begin(), result.people.end(), [](const auto& a, const auto& b) {
        return a.month != b.month ? a.month > b.month : a.person < b.person;
    });
    return result;
}

}  // namespace wm
