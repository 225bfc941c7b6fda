#pragma once
// The index schema: every term prefix, value slot and the unique-id rule live here and nowhere
// else. Changing any of these changes the on-disk format: bump kSchemaVersion and re-index.
//
// Each issue is one document: every word of its title, signatory, headings and sections with
// positions, its facets as terms and value lists, and the issue record (with each section's
// position range) as its data, so that search counts issues and still names the section a
// hit's words are in.
#include <xapian.h>

#include <array>
#include <string>
#include <string_view>

#include "common/model/facet_values.hpp"
#include "common/model/issue.hpp"

namespace wm::schema {

/// Stored in the database metadata; a database of another version must be rebuilt.
inline constexpr std::string_view kSchemaVersion = "4";

// ---- Term prefixes (Xapian/Omega conventions: single capitals, or X + capitals). ----
inline constexpr std::string_view PREFIX_UNIQUE_ID = "Q";        ///< boolean; see unique_id_term
inline constexpr std::string_view PREFIX_TITLE = "S";            ///< free text of the issue title
inline constexpr std::string_view PREFIX_HEADING = "XHEAD";      ///< free text of section headings
inline constexpr std::string_view PREFIX_SIGNATORY = "XSIGN";    ///< free text of the signatory
inline constexpr std::string_view PREFIX_YEAR = "Y";             ///< boolean; "Y2022"
inline constexpr std::string_view PREFIX_MONTH = "M";            ///< boolean; "M202204"
inline constexpr std::string_view PREFIX_KIND = "XKIND";         ///< boolean; "XKINDissue", "XKINDarticle", "XKINDpage"
/// a word the document writes in capitals ("XCAPSsend" for SEND), as often as it does, so that a
/// word typed in lower case can be read as the acronym when the archive never writes it otherwise.
inline constexpr std::string_view PREFIX_CAPITALS = "XCAPS";
/// A page's layout keys (see LayoutKeys in common/model/issue.hpp), boolean, so that a key's term
/// frequency is how many of the archive's pages have it: what tells a site's furniture from a
/// page's own lines. "XLINEwhat's on", "XSITEeastvale news", "XNAMERegional Update".
inline constexpr std::string_view PREFIX_LAYOUT_LINE = "XLINE";
inline constexpr std::string_view PREFIX_SITE_PREFIX = "XSITE";
inline constexpr std::string_view PREFIX_NEWSLETTER_NAME = "XNAME";
// Free text (body, and title and headings again) has no prefix.
inline constexpr std::string_view PREFIX_STEM = "Z";  ///< Xapian's own prefix of stemmed free-text terms

// ---- Value slots. ----
inline constexpr Xapian::valueno SLOT_MONTH = 0;        ///< "YYYY-MM"; empty when unknown. Sorts as a string.
inline constexpr Xapian::valueno SLOT_ISSUE_ID = 1;     ///< issue id: the last tie-break of a page
inline constexpr Xapian::valueno SLOT_FINGERPRINT = 3;  ///< content hash + analysis version
inline constexpr Xapian::valueno SLOT_SOURCE_PATH = 4;  ///< absolute path of the source file
inline constexpr Xapian::valueno SLOT_KIND = 5;         ///< page kind: "issue", "article" or "page"
/// Sort keys, so that Xapian orders pages exactly and ties never depend on document ids: by
/// month, newest first, then issue id (also the tie-break of equal scores); and by month, oldest
/// first, then issue id. An unknown month sorts as the oldest.
inline constexpr Xapian::valueno SLOT_NEWEST_FIRST = 6;  ///< sort descending
inline constexpr Xapian::valueno SLOT_OLDEST_FIRST = 7;  ///< sort ascending
/// The issue record (record_codec.hpp). A value rather than the document's data: Xapian
/// compresses data, and inflating it cost 60 us a hit, where a value is read in 2 us.
inline constexpr Xapian::valueno SLOT_RECORD = 8;
/// What the issue says people are at authorities (PersonRole): one line each, "person\x1f role
/// \x1f authority\x1f section". Read by the who's who of an authority; a hit never reads it.
inline constexpr Xapian::valueno SLOT_ROLES = 9;
// Facet slots follow (see kFacets): the facet's canonical values, sorted, joined by kListSeparator,
// so Xapian's built-in ValueCountMatchSpy can count them (also over remote shards); the
// counter splits each counted list into its members.
inline constexpr char kListSeparator = '\n';

/// One facet (see common/model/facet_values.hpp) as the index stores it.
struct Facet {
    FacetId id;
    std::string_view name;    ///< "people": key in JSON output
    std::string_view field;   ///< "person": query prefix ("person:") and filter parameter
    std::string_view prefix;  ///< boolean term prefix; term = prefix + match_key(value)
    Xapian::valueno slot;
};

namespace detail {
constexpr Facet stored_as(FacetId id, std::string_view prefix, Xapian::valueno slot) {
    const auto& kind = kFacetKinds[static_cast<std::size_t>(id)];
    return {id, kind.name, kind.field, prefix, slot};
}
}  // namespace detail

/// Every facet, in FacetId order: kFacets[i].id is FacetId(i).
inline constexpr std::array<Facet, kFacetCount> kFacets = {
    detail::stored_as(FacetId::people, "XPERSON", 10),
    detail::stored_as(FacetId::authorities, "XAUTH", 11),
    detail::stored_as(FacetId::programmes, "XPROG", 12),
    detail::stored_as(FacetId::organisations, "XORG", 13),
};
static_assert([] {
    for (std::size_t i = 0; i < kFacets.size(); ++i)
        if (static_cast<std::size_t>(kFacets[i].id) != i) return false;
    return true;
}());

inline constexpr const Facet& facet(FacetId id) { return kFacets[static_cast<std::size_t>(id)]; }
inline constexpr const Facet& PEOPLE = facet(FacetId::people);
inline constexpr const Facet& AUTHORITIES = facet(FacetId::authorities);
inline constexpr const Facet& PROGRAMMES = facet(FacetId::programmes);
inline constexpr const Facet& ORGANISATIONS = facet(FacetId::organisations);

// ---- Metadata keys. ----
inline constexpr std::string_view META_SCHEMA_VERSION = "wmsearch:schema";
inline constexpr std::string_view META_GLOSSARY = "wmsearch:glossary";  ///< learned acronyms, JSON

// ---- Shards. ----
// A sharded index is a folder: one database per shard ("shard-0", ...), each issue in the shard
// shard_of() picks; a "dictionary" database with no documents that holds what Xapian 1.4's
// remote backend cannot carry (spelling data, synonyms) and the metadata (glossary, schema
// version, shard count); and a Xapian stub file "XAPIANDB" listing the dictionary first (its
// metadata is what a combined database reports), then the shards, so the folder opens as one
// database. A deployment may replace a shard's line with "remote HOST:PORT" (xapian-tcpsrv).
inline constexpr std::string_view kStubFile = "XAPIANDB";
inline constexpr std::string_view kDictionaryName = "dictionary";
inline constexpr std::string_view META_SHARDS = "wmsearch:shards";
/// "shard-3"
std::string shard_name(std::size_t shard);
/// The shard an issue belongs to: FNV-1a of its id, modulo the shard count. Stable across runs,
/// machines and builds, so an issue re-indexed later lands where it was.
std::size_t shard_of(std::string_view issue_id, std::size_t shards);

// ---- The unique-id rule: an issue's documents are named by its issue id (see Issue::id). ----
/// The issue document's unique term ("Q000_0ade5a7af2cbefc2"), by which a run replaces or removes it.
std::string unique_id_term(std::string_view issue_id);
/// Boolean term for a facet value: prefix + match_key(value), so spellings that fold together match.
std::string facet_term(const Facet& facet, std::string_view value);
std::string year_term(std::string_view month);   ///< "2022-04" -> "Y2022"
std::string month_term(std::string_view month);  ///< "2022-04" -> "M202204"
std::string kind_term(PageKind kind);            ///< "XKINDissue"
std::string capitals_term(std::string_view lower_case_word);  ///< "XCAPSsend"
/// Layout keys as terms, cut to what a Xapian term may hold.
std::string layout_line_term(std::string_view key);
std::string site_prefix_term(std::string_view prefix);
std::string newsletter_name_term(std::string_view name);
std::string roles_value(const std::vector<PersonRole>& roles);
std::vector<PersonRole> roles_from_value(std::string_view value);
std::string newest_first_key(std::string_view month, std::string_view issue_id);
std::string oldest_first_key(std::string_view month, std::string_view issue_id);

}  // namespace wm::schema
