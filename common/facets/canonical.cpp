#include "common/facets/canonical.hpp"

#include "common/facets/gazetteer.hpp"
#include "common/facets/mentions.hpp"

namespace wm {

std::string canonical_facet_value(FacetId facet, std::string_view value, const Glossary& glossary) {
    const auto& gazetteer = Gazetteer::instance();
    switch (facet) {
        case FacetId::authorities:
            if (const auto* canonical = gazetteer.authorities.find(value)) return *canonical;
            break;
        case FacetId::organisations:
            if (const auto* canonical = gazetteer.organisations.find(value)) return *canonical;
            break;
        case FacetId::programmes: {
            if (const auto entry = glossary.find(value); entry && entry->category == "programme") return entry->expansion;
            const std::string name(value);
            return programme_canonical_names({name}, glossary).at(name);
        }
        case FacetId::people:
            if (auto person = signatory_name(value); !person.empty()) return person;  // drops post-nominals
            break;
    }
    return std::string(value);
}

}  // namespace wm
