// Fuzz target: any bytes as an issue file. Bad input may be refused with InputError, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/errors.hpp"
#include "common/model/issue_json.hpp"
#include "common/parse/issue_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const auto issue = wm::parse_issue_bytes(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.txt");
        // The model must always serialise: the indexer stores it as JSON.
        (void)nlohmann::json(issue).dump();
    } catch (const wm::InputError&) {
    }
    return 0;
}
