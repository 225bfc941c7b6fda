#include "searchd/respond.hpp"

namespace wm::searchd {

void send_json(httplib::Response& res, const nlohmann::json& body) {
    // A message may echo the request (an invalid UTF-8 path), which must not stop the answer.
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void send_json_text(httplib::Response& res, const std::string& body) { res.set_content(body, "application/json"); }

void send_error(httplib::Response& res, const ApiError& error) {
    res.status = error.status;
    send_json(res, error.body);
}

void send_error(httplib::Response& res, ErrorCode code, const std::string& message) {
    send_error(res, api_error(code, message));
}

void send_error(httplib::Response& res, std::exception_ptr error) { send_error(res, api_error(error)); }

}  // namespace wm::searchd
