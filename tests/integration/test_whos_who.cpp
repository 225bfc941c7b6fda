// The who's who endpoint over the real indexer and searchd: tests/fixtures/roles indexed, then
// GET /api/entities/authorities/{name}/people.
#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace wm::test;
using nlohmann::json;

namespace {

struct Answer {
    int status = 0;
    json body;
};

Answer get(const SearchdProcess& server, const std::string& path) {
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(10, 0);
    const auto res = client.Get(path.c_str());
    REQUIRE(res);
    return {res->status, json::parse(res->body)};
}

// "person | role | date" of each entry, in order.
std::vector<std::string> listed(const json& body) {
    std::vector<std::string> found;
    for (const auto& entry : body.at("people"))
        found.push_back(entry.at("person").get<std::string>() + " | " + entry.at("role").get<std::string>() + " | " +
                        entry.at("date").get<std::string>());
    return found;
}

using Found = std::vector<std::string>;

}  // namespace

TEST_CASE("who's who: the people each authority's issues give a role there, newest first", "[searchd][whos_who]") {
    TempDir dir;
    const auto db = dir / "db";
    REQUIRE(index_into(db, {std::string(WM_FIXTURES_DIR) + "/roles"}).exit_code == 0);
    SearchdProcess server(db);
    const auto path = [](const std::string& name) { return "/api/entities/authorities/" + encode(name) + "/people"; };

    auto rutland = get(server, path("Rutland"));
    REQUIRE(rutland.status == 200);
    CHECK(rutland.body.at("authority") == "Rutland");
    CHECK(listed(rutland.body) == Found{"Tobias Fenwick | DCS | 2031-02",
                                        "Lachlan Petrie | Assistant Director of Education | 2031-01"});
    CHECK(rutland.body.at("people").at(1).at("issue_id") == "regional-update-january-2031");
    CHECK(listed(get(server, path("Shropshire Council")).body) == Found{"Callum Oduya | DCS | 2031-03"});
    CHECK(listed(get(server, path("Torbay")).body) ==
          Found{"Imogen Ashdown | Director of Children's Services | 2031-03"});
    CHECK(listed(get(server, path("Cumberland")).body) == Found{"Odette Marchbank | DCS | 2031-01"});
    CHECK(listed(get(server, path("Herefordshire")).body) == Found{"Delphine Aucott | DCS | 2031-02"});
    CHECK(listed(get(server, path("Birmingham")).body).empty());

    const auto unknown = get(server, path("Nowhere Borough"));
    CHECK(unknown.status == 404);
    CHECK(unknown.body.at("code") == "not_found");
    CHECK(get(server, path("Rutland") + "?limit=3").status == 400);
}
