#pragma once
// Facet extraction: issue model -> the people, authorities, programmes and organisations it names.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "common/facets/glossary.hpp"
#include "common/issue.hpp"

namespace wm {

/// Canonical facet values, each list sorted and without duplicates.
struct FacetValues {
    std::vector<std::string> people;
    std::vector<std::string> authorities;
    std::vector<std::string> programmes;
    std::vector<std::string> organisations;
};

struct IssueFacets {
    FacetValues issue;                  ///< everything the issue names
    std::vector<FacetValues> sections;  ///< parallel to Issue::sections
};

/// Extracts facets from one issue. The glossary carries acronym definitions learned from the
/// whole archive (see Glossary::learn), so "RIIA" resolves even in an issue that never spells
/// it out.
IssueFacets extract_facets(const Issue& issue, const Glossary& glossary);

void to_json(nlohmann::json& out, const FacetValues& values);
void from_json(const nlohmann::json& in, FacetValues& values);

}  // namespace wm
