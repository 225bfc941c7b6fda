// The who's who of an authority, over a real database of tests/fixtures/roles: three months of
// invented people given roles at real councils in each way the extractor reads a role.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "common/index/run.hpp"
#include "common/index/store.hpp"
#include "common/search/whos_who.hpp"

using namespace wm;

namespace {

class RolesDatabase {
public:
    static const RolesDatabase& instance() {
        static const RolesDatabase database;
        return database;
    }
    ~RolesDatabase() {
        std::error_code ignored;
        std::filesystem::remove_all(folder_, ignored);
    }
    Xapian::Database open() const { return open_for_reading((folder_ / "db").string()); }

private:
    RolesDatabase() {
        folder_ = std::filesystem::temp_directory_path() / ("wm-roles-" + std::to_string(std::random_device{}()));
        IndexOptions options;
        options.database = (folder_ / "db").string();
        options.inputs = {std::string(WM_FIXTURES_DIR) + "/roles"};
        REQUIRE(index_paths(options).failed == 0);
    }
    std::filesystem::path folder_;
};

// "person | role | month" for each entry, in order.
std::vector<std::string> people_at(const std::string& authority) {
    const auto db = RolesDatabase::instance().open();
    std::vector<std::string> found;
    for (const auto& entry : whos_who(db, authority, load_glossary(db)).people)
        found.push_back(entry.person + " | " + entry.role + " | " + entry.month);
    return found;
}

using Found = std::vector<std::string>;

}  // namespace

TEST_CASE("who's who: each way a role is written, at the authority it names", "[whos_who]") {
    CHECK(people_at("Cumberland") == Found{"Odette Marchbank | DCS | 2031-01"});        // X the DCS at Y
    CHECK(people_at("Herefordshire") == Found{"Delphine Aucott | DCS | 2031-02"});      // From Y's DCS, signed
    // "X, DCS at Y" in February and "X, Y's Assistant Director of Education" in January, newest
    // first (not by name); a visit is no role.
    CHECK(people_at("Rutland") == Found{"Tobias Fenwick | DCS | 2031-02",
                                        "Lachlan Petrie | Assistant Director of Education | 2031-01"});
}

TEST_CASE("who's who: a role that changes is given as last written, newest first", "[whos_who]") {
    // "Y have appointed X as interim DCS" in January, "X (DCS, Y)" in March.
    CHECK(people_at("Shropshire") == Found{"Callum Oduya | DCS | 2031-03"});
    // "Y's DCS, X" in January, "X, Director of Children's Services for Y" in March.
    CHECK(people_at("Torbay") == Found{"Imogen Ashdown | Director of Children's Services | 2031-03"});
    const auto db = RolesDatabase::instance().open();
    const auto shropshire = whos_who(db, "Shropshire", load_glossary(db));
    REQUIRE(shropshire.people.size() == 1);
    CHECK(shropshire.people[0].issues == 2);
    CHECK(shropshire.people[0].issue_id == "regional-update-march-2031");
}

TEST_CASE("who's who: any alias of the authority, nobody at one without roles, unknown ones not found", "[whos_who]") {
    const auto db = RolesDatabase::instance().open();
    const auto glossary = load_glossary(db);
    CHECK(whos_who(db, "Torbay Council", glossary).authority == "Torbay");
    CHECK(people_at("shropshire council") == people_at("Shropshire"));
    CHECK(people_at("Birmingham").empty());
    CHECK_THROWS_AS(whos_who(db, "Nowhere Borough", glossary), NotFoundError);
}
