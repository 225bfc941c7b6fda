#include "common/facets/gazetteer.hpp"

#include "common/text/embedded_data.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

std::string column(const std::vector<std::string>& columns, std::size_t i) {
    return i < columns.size() ? trim(columns[i]) : std::string();
}

}  // namespace

const Gazetteer& Gazetteer::instance() {
    static const Gazetteer gazetteer;
    return gazetteer;
}

Gazetteer::Gazetteer() {
    for_each_data_row("authorities.tsv", [&](const std::vector<std::string>& columns) {
        Authority authority{column(columns, 0), column(columns, 1) == "trust",
                            column(columns, 4).find("common_word") != std::string::npos};
        if (authority.canonical.empty()) return;
        authorities.add(authority.canonical, authority.canonical);
        for (const auto& alias : split(column(columns, 3), '|'))
            if (!trim(alias).empty()) authorities.add(trim(alias), authority.canonical);
        authority_by_canonical.emplace(authority.canonical, authority);
    });
    for_each_data_row("organisations.tsv", [&](const std::vector<std::string>& columns) {
        const auto canonical = column(columns, 0);
        if (canonical.empty()) return;
        organisations.add(canonical, canonical);
        for (const auto& alias : split(column(columns, 1), '|'))
            if (!trim(alias).empty()) organisations.add(trim(alias), canonical);
    });
    for_each_data_row("regions.txt", [&](const std::vector<std::string>& columns) {
        const auto region = column(columns, 0);
        if (region.empty()) return;
        regions.add(region, region);
        std::string initials;
        for (const auto& token : tokenize(region))
            if (token.key != "and" && token.key != "the" && token.key != "of" && token.key != "&") initials += token.key[0];
        if (initials.size() >= 2) region_initials_.insert(initials);
    });
    for_each_data_row("acronyms.tsv", [&](const std::vector<std::string>& columns) {
        NationalAcronym acronym{column(columns, 1), column(columns, 2)};
        const auto written = column(columns, 0);
        if (written.empty() || acronym.expansion.empty()) return;
        national_expansions.add(acronym.expansion, written);
        acronyms.emplace(written, std::move(acronym));
    });
    for_each_data_row("given_names.txt", [&](const std::vector<std::string>& columns) {
        given_names_.insert(to_lower(column(columns, 0)));
    });
    for_each_data_row("non_name_words.txt", [&](const std::vector<std::string>& columns) {
        common_words_.insert(to_lower(fold_punctuation(column(columns, 0))));
    });
}

}  // namespace wm
