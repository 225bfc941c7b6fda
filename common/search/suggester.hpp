#pragma once
// Completions for a search-as-you-type box: facet values and indexed words that start with
// what was typed, best first.
#include <string>
#include <vector>

#include "common/search/searcher.hpp"

namespace wm {

struct Suggestion {
    std::string text;   ///< what the box would search for
    std::string kind;   ///< "person", "authority", "programme", "organisation" or "word"
    std::size_t count;  ///< issues that have it
};

std::vector<Suggestion> suggest(Searcher& searcher, const std::string& typed, std::size_t limit);

}  // namespace wm
