#include "searchd/api_error.hpp"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <cstdio>

#include "common/errors.hpp"

namespace wm::searchd {

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& type,
                const std::string& message) {
    res.status = status;
    // A message may echo the request (an invalid UTF-8 path), which must not stop the answer.
    res.set_content(nlohmann::json{{"message", message}, {"code", code}, {"type", type}}.dump(
                        -1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json");
}

namespace {

constexpr const char* kUnavailable = "the search index is unavailable; try again shortly";
constexpr const char* kShardUnavailable = "a shard of the search index is unreachable; try again shortly";
constexpr const char* kInternal = "internal error; the details are in searchd's log";

// Details of a server-side failure (file paths, library messages) go to the log, not the client.
void send_system_error(httplib::Response& res, int status, const std::string& code, const std::string& message,
                       const std::string& detail) {
    std::fprintf(stderr, "searchd: %s: %s\n", code.c_str(), detail.c_str());
    send_error(res, status, code, status == 503 ? "system" : "internal", message);
}

}  // namespace

void send_exception(httplib::Response& res, std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const InvalidRequest& e) {
        send_error(res, e.code == "invalid_content_type" ? 415 : 400, e.code, "invalid_request", e.what());
    } catch (const NotFoundError& e) {
        send_error(res, 404, e.code, "invalid_request", e.what());
    } catch (const UsageError& e) {
        send_system_error(res, 503, "database_unavailable", kUnavailable, e.what());
    } catch (const Xapian::DatabaseError& e) {
        send_system_error(res, 503, "database_unavailable", kUnavailable, e.get_description());
    } catch (const Xapian::NetworkError& e) {
        send_system_error(res, 503, "shard_unavailable", kShardUnavailable, e.get_description());
    } catch (const Xapian::Error& e) {
        send_system_error(res, 500, "internal", kInternal, e.get_description());
    } catch (const std::exception& e) {
        send_system_error(res, 500, "internal", kInternal, e.what());
    } catch (...) {
        send_system_error(res, 500, "internal", kInternal, "unknown exception");
    }
}

}  // namespace wm::searchd
