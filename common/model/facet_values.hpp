#pragma once
// The facets an issue is described by, and the values found for each. Which facets exist is
// decided here, once; the index schema (common/index/schema.hpp) gives each its term prefix
// and value slot, and everything above the model loops over schema::kFacets.
#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wm {

enum class FacetId : std::size_t { people, authorities, programmes, organisations };

struct FacetKind {
    FacetId id;
    std::string_view name;   ///< "people": the key in JSON
    std::string_view field;  ///< "person": the query prefix ("person:") and the filter parameter
};

inline constexpr std::array<FacetKind, 4> kFacetKinds = {{
    {FacetId::people, "people", "person"},
    {FacetId::authorities, "authorities", "authority"},
    {FacetId::programmes, "programmes", "programme"},
    {FacetId::organisations, "organisations", "organisation"},
}};
inline constexpr std::size_t kFacetCount = kFacetKinds.size();

/// Canonical values per facet, each list sorted and without duplicates.
struct FacetValues {
    std::array<std::vector<std::string>, kFacetCount> lists;

    std::vector<std::string>& operator[](FacetId id) { return lists[static_cast<std::size_t>(id)]; }
    const std::vector<std::string>& operator[](FacetId id) const { return lists[static_cast<std::size_t>(id)]; }
    bool operator==(const FacetValues&) const = default;
};

/// What the text says a person is at an authority ("Jo Banks, DCS at Walsall"), in a section.
struct PersonRole {
    std::string person;     ///< a people value
    std::string role;       ///< as written: "DCS", "Director of Children's Services"
    std::string authority;  ///< an authorities value
    std::size_t section = 0;
    bool operator==(const PersonRole&) const = default;
};

struct IssueFacets {
    FacetValues issue;                  ///< everything the issue names
    std::vector<FacetValues> sections;  ///< parallel to Issue::sections
    std::vector<PersonRole> roles;      ///< in section order, each once
    bool operator==(const IssueFacets&) const = default;
};

/// {"people": [...], "authorities": [...], ...}: one key per facet.
void to_json(nlohmann::json& out, const FacetValues& values);
void from_json(const nlohmann::json& in, FacetValues& values);
void to_json(nlohmann::json& out, const PersonRole& role);  ///< {"person","role","authority","section"}
void from_json(const nlohmann::json& in, PersonRole& role);

}  // namespace wm
