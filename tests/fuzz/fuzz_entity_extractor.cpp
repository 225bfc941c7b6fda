// Fuzz target: any bytes as an issue, through the parser into facet extraction, with the
// archive glossary learning from the same issue (acronym definitions, programme stems).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/errors.hpp"
#include "common/facets/facets.hpp"
#include "common/parse/issue_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const auto issue = wm::parse_issue_bytes(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.txt");
        wm::Glossary glossary;
        glossary.learn(issue);
        const auto facets = wm::extract_facets(issue, glossary);
        (void)nlohmann::json(facets.issue).dump();
    } catch (const wm::InputError&) {
    }
    return 0;
}
