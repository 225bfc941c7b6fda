#include "searchd/api_error.hpp"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/errors.hpp"

namespace wm::searchd {

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& type,
                const std::string& message) {
    res.status = status;
    res.set_content(nlohmann::json{{"message", message}, {"code", code}, {"type", type}}.dump(), "application/json");
}

void send_exception(httplib::Response& res, std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const InvalidRequest& e) {
        send_error(res, e.code == "invalid_content_type" ? 415 : 400, e.code, "invalid_request", e.what());
    } catch (const NotFoundError& e) {
        send_error(res, 404, e.code, "invalid_request", e.what());
    } catch (const UsageError& e) {
        send_error(res, 503, "database_unavailable", "system", e.what());
    } catch (const Xapian::DatabaseError& e) {
        send_error(res, 503, "database_unavailable", "system", e.get_description());
    } catch (const Xapian::Error& e) {
        send_error(res, 500, "internal", "internal", e.get_description());
    } catch (const std::exception& e) {
        send_error(res, 500, "internal", "internal", e.what());
    } catch (...) {
        send_error(res, 500, "internal", "internal", "unexpected error");
    }
}

}  // namespace wm::searchd
