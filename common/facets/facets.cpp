// Facet extraction for one issue: each section on its own, then resolved across the issue
// (first names, spellings of one programme), then the issue's lists as the union.
#include "common/facets/facets.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "common/facets/mentions.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

struct SectionMentions {
    std::vector<std::string> people, first_names, authorities, organisations, programmes;
    std::vector<ProgrammeCandidate> programme_candidates;
    std::vector<PersonRole> roles;
};

// One spelling per value across the archive: straight apostrophes, "and" for "&".
std::string tidy(std::string value) {
    for (std::size_t at; (at = value.find("\u2019")) != std::string::npos;) value.replace(at, 3, "'");
    for (std::size_t at; (at = value.find(" & ")) != std::string::npos;) value.replace(at, 3, " and ");
    return value;
}

std::vector<std::string> values_of(const std::vector<Mention>& mentions) {
    std::vector<std::string> values;
    for (const auto& mention : mentions) values.push_back(tidy(mention.value));
    return values;
}

SectionMentions find_in_section(const Section& section, const Glossary& glossary) {
    const auto body_from = section.heading.size() + 2;
    const auto text = section.heading + "\n\n" + section.body;
    const auto tokens = tokenize(text);
    const auto people = find_people(text, tokens);
    const auto places = find_places(tokens, people.full_names, glossary);
    auto taken = people.full_names;
    for (const auto* list : {&places.authorities, &places.organisations})
        taken.insert(taken.end(), list->begin(), list->end());
    SectionMentions found;
    found.people = values_of(people.full_names);
    found.first_names = values_of(people.first_names);
    found.authorities = values_of(places.authorities);
    found.organisations = values_of(places.organisations);
    found.programme_candidates = find_programmes(text, tokens, body_from, taken, places.organisations, glossary);
    found.roles = find_roles(text, tokens, people.full_names, places.authorities);
    if (section.is_introduction)
        for (auto& role : find_writer_roles(text, tokens, places.authorities)) found.roles.push_back(std::move(role));
    return found;
}

// Candidates become programmes by their evidence, with the issue's: a name the issue writes
// twice (in any of its spellings) is meant.
void decide_programmes(std::vector<SectionMentions>& sections) {
    std::map<std::string, std::size_t> mentions;
    for (const auto& section : sections)
        for (const auto& candidate : section.programme_candidates) ++mentions[programme_key(candidate.mention.value)];
    for (auto& section : sections)
        for (auto candidate : section.programme_candidates) {
            candidate.evidence.repeated = mentions[programme_key(candidate.mention.value)] > 1;
            if (programme_score(candidate.evidence) >= kProgrammeScore) section.programmes.push_back(tidy(candidate.mention.value));
        }
}

// One spelling per person: the first written ("Jo Britton" and "Jo  Britton" are one).
std::map<std::string, std::string> person_spellings(const std::vector<SectionMentions>& sections) {
    std::map<std::string, std::string> by_key;
    for (const auto& section : sections)
        for (const auto& name : section.people) by_key.emplace(match_key(name), name);
    return by_key;
}

// "Steve" is Steve Crocker when the issue names exactly one Steve in full.
std::map<std::string, std::string> first_name_resolution(const std::map<std::string, std::string>& people) {
    std::map<std::string, std::set<std::string>> by_first;
    for (const auto& [key, name] : people) by_first[key.substr(0, key.find(' '))].insert(name);
    std::map<std::string, std::string> resolved;
    for (const auto& [first, names] : by_first)
        if (names.size() == 1) resolved[first] = *names.begin();
    return resolved;
}

void sort_unique(std::vector<std::string>& values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
}

void add_to(FacetValues& into, const FacetValues& from) {
    for (std::size_t i = 0; i < kFacetCount; ++i) into.lists[i].insert(into.lists[i].end(), from.lists[i].begin(), from.lists[i].end());
}

void sort_unique(FacetValues& values) {
    for (auto& list : values.lists) sort_unique(list);
}

}  // namespace

IssueFacets extract_facets(const Issue& issue, const Glossary& glossary) {
    std::vector<SectionMentions> sections;
    for (const auto& section : issue.sections) sections.push_back(find_in_section(section, glossary));
    decide_programmes(sections);

    const auto signatory = tidy(signatory_name(issue.signatory));
    if (!signatory.empty()) {
        const auto intro = std::find_if(issue.sections.begin(), issue.sections.end(),
                                        [](const Section& s) { return s.is_introduction; });
        if (intro != issue.sections.end()) sections[intro - issue.sections.begin()].people.push_back(signatory);
        else if (!sections.empty()) sections.front().people.push_back(signatory);
    }

    const auto people = person_spellings(sections);
    const auto first_names = first_name_resolution(people);
    std::vector<std::string> all_programmes;
    for (const auto& section : sections)
        all_programmes.insert(all_programmes.end(), section.programmes.begin(), section.programmes.end());
    const auto programme_names = programme_canonical_names(all_programmes, glossary);

    IssueFacets facets;
    for (const auto& section : sections) {
        FacetValues values;
        auto& people_found = values[FacetId::people];
        for (const auto& name : section.people) people_found.push_back(people.at(match_key(name)));
        for (const auto& first : section.first_names) {
            const auto it = first_names.find(match_key(first));
            if (it != first_names.end()) people_found.push_back(it->second);
        }
        values[FacetId::authorities] = section.authorities;
        values[FacetId::organisations] = section.organisations;
        for (const auto& name : section.programmes) values[FacetId::programmes].push_back(tidy(programme_names.at(name)));
        sort_unique(values);
        add_to(facets.issue, values);
        for (auto role : section.roles) {
            role.person = role.person.empty() ? signatory : people.at(match_key(role.person));
            if (role.person.empty()) continue;
            role.authority = tidy(role.authority);
            role.section = facets.sections.size();
            if (std::find(facets.roles.begin(), facets.roles.end(), role) == facets.roles.end()) facets.roles.push_back(std::move(role));
        }
        facets.sections.push_back(std::move(values));
    }
    sort_unique(facets.issue);
    return facets;
}

}  // namespace wm
