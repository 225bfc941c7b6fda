#pragma once
// The page of one person, authority or programme: where it is mentioned, when, with whom, and
// (for people) the roles the issues give them.
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "common/facets/glossary.hpp"
#include "common/index/schema.hpp"
#include "common/search/search_request.hpp"

namespace wm {

struct EntityView {
    /// A section that mentions it.
    struct Mention {
        std::string issue_id, title;
        std::string month;  ///< "YYYY-MM", or empty when unknown
        std::size_t section = 0;
        std::string heading;
    };
    struct Role {
        std::string role;
        std::size_t count = 0;
    };
    /// Issues of one month that mention it.
    struct Month {
        std::string month;  ///< "YYYY-MM", or empty for the issues whose month is unknown
        std::size_t issues = 0;
    };
    const schema::Facet* facet = nullptr;
    std::string value;  ///< as the issues write it
    std::size_t issues = 0;
    std::string first_mention, last_mention;  ///< months; empty when no mention's month is known
    std::vector<Role> roles;                  ///< by role
    std::vector<Month> timeline;              ///< oldest first, the unknown month last
    std::vector<Mention> mentions;            ///< newest first
    /// The names found alongside it most often, by companion facet name ("authorities"), busiest first.
    std::map<std::string, std::vector<FacetCount>> companions;
};

/// Throws NotFoundError when no issue mentions the value (after folding aliases).
EntityView entity_view(const Xapian::Database& db, const schema::Facet& facet, const std::string& value,
                       const Glossary& glossary);

}  // namespace wm
