#include "common/facets/canonical.hpp"

#include "common/facets/gazetteer.hpp"
#include "common/facets/mentions.hpp"

namespace wm {

std::string canonical_facet_value(const schema::Facet& facet, std::string_view value,
                                  const Glossary& glossary) {
    const auto& gazetteer = Gazetteer::instance();
    const std::string_view name = facet.name;
    if (name == schema::AUTHORITIES.name) {
        if (const auto* canonical = gazetteer.authorities.find(value)) return *canonical;
    } else if (name == schema::ORGANISATIONS.name) {
        if (const auto* canonical = gazetteer.organisations.find(value)) return *canonical;
    } else if (name == schema::PROGRAMMES.name) {
        const auto entry = glossary.find(value);
        if (entry && entry->category == "programme") return entry->expansion;
    } else if (name == schema::PEOPLE.name) {
        const auto person = signatory_name(value);  // drops post-nominals
        if (!person.empty()) return person;
    }
    return std::string(value);
}

}  // namespace wm
