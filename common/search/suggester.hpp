#pragma once
// Completions for a search-as-you-type box: people, authorities, programmes and organisations
// as the archive writes them, then the last word completed from the index, best first.
#include <string>
#include <vector>

#include "common/search/searcher.hpp"

namespace wm {

struct Suggestion {
    std::string text;   ///< what the box would search for
    std::string kind;   ///< "person", "authority", "programme", "organisation" or "word"
    std::size_t count;  ///< issues that searching `text` finds, so choosing it shows that many
};

std::vector<Suggestion> suggest(Searcher& searcher, const std::string& typed, std::size_t limit);

}  // namespace wm
