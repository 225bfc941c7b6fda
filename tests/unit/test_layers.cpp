// The folders are the layers of the data flow, and includes only go down them:
// common/{text,model,parse,facets,index,search} -> api/ -> indexer/, searchd/.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Lower layers first; a file may include its own layer and those before it.
const std::vector<std::string> kLayers = {"common/text", "common/model", "common/parse", "common/facets",
                                          "common/index", "common/search", "api"};

int layer_of(const std::string& path) {
    if (path == "common/errors.hpp") return -1;  // the engine error kinds: shared by every layer, includes nothing of ours
    for (std::size_t i = 0; i < kLayers.size(); ++i)
        if (path.starts_with(kLayers[i] + "/")) return static_cast<int>(i);
    return static_cast<int>(kLayers.size());  // indexer/, searchd/
}

struct Include {
    std::string file, target;
};

std::vector<Include> includes_under(const std::string& folder) {
    static const std::regex include(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
    std::vector<Include> found;
    const fs::path root(WM_SOURCE_DIR);
    for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
        const auto extension = entry.path().extension();
        if (!entry.is_regular_file() || (extension != ".cpp" && extension != ".hpp")) continue;
        std::ifstream in(entry.path());
        const auto relative = fs::relative(entry.path(), root).string();
        for (std::string line; std::getline(in, line);) {
            std::smatch match;
            if (std::regex_search(line, match, include)) found.push_back({relative, match[1].str()});
        }
    }
    return found;
}

}  // namespace

TEST_CASE("layers: nothing under common/ includes the HTTP layer, cpp-httplib or inotify", "[layers]") {
    const auto includes = includes_under("common");
    REQUIRE(includes.size() > 100);
    for (const auto& [file, target] : includes) {
        INFO(file << " includes " << target);
        CHECK_FALSE(target.starts_with("api/"));
        CHECK_FALSE(target.starts_with("searchd/"));
        CHECK_FALSE(target.starts_with("indexer/"));
        CHECK(target != "httplib.h");
        CHECK(target != "sys/inotify.h");
    }
}

TEST_CASE("layers: includes only go down the data flow", "[layers]") {
    for (const auto& folder : {"common", "api"}) {
        for (const auto& [file, target] : includes_under(folder)) {
            if (!target.starts_with("common/") && !target.starts_with("api/")) continue;  // system headers
            INFO(file << " includes " << target);
            CHECK(layer_of(target) <= layer_of(file));
        }
    }
}

TEST_CASE("layers: api/ has no server in it", "[layers]") {
    for (const auto& [file, target] : includes_under("api")) {
        INFO(file << " includes " << target);
        CHECK(target != "httplib.h");
        CHECK_FALSE(target.starts_with("searchd/"));
    }
}

TEST_CASE("tests: no test name holds a semicolon, which CTest reads as a list separator and never runs", "[layers]") {
    static const std::regex test_case(R"re(TEST_CASE\("([^"]*)")re");
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(WM_SOURCE_DIR) / "tests")) {
        if (!entry.is_regular_file() || entry.path().extension() != ".cpp") continue;
        std::ifstream in(entry.path());
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        for (std::sregex_iterator it(text.begin(), text.end(), test_case), end; it != end; ++it) {
            INFO(entry.path().string() << ": " << (*it)[1].str());
            CHECK((*it)[1].str().find(';') == std::string::npos);
        }
    }
}
