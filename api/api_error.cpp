#include "api/api_error.hpp"

#include <xapian.h>

#include <cstdio>

#include "api/error_reference.hpp"

namespace wm {
namespace {

std::string_view generic_message(ErrorCode code) {
    switch (code) {
        case ErrorCode::shard_unavailable: return "a shard of the search index is unreachable; try again shortly";
        case ErrorCode::database_unavailable: return "the search index is unavailable; try again shortly";
        default: return "internal error; the details are in searchd's log";
    }
}

// Details of a server-side failure (file paths, library messages) go to the log, not the client.
ApiError server_error(ErrorCode code, const std::string& detail, std::string_view reference_url) {
    std::fprintf(stderr, "searchd: %s: %s\n", std::string(error_info(code).code).c_str(), detail.c_str());
    return api_error(code, std::string(generic_message(code)), reference_url);
}

}  // namespace

ApiError api_error(ErrorCode code, const std::string& message, std::string_view reference_url) {
    const auto& info = error_info(code);
    return {info.http_status,
            {{"message", message}, {"code", info.code}, {"type", info.type},
             {"link", error_link(reference_url, code)}}};
}

ApiError api_error(std::exception_ptr error, std::string_view reference_url) {
    try {
        std::rethrow_exception(error);
    } catch (const RequestError& e) {
        return api_error(e.code, e.what(), reference_url);
    } catch (const Error& e) {
        const auto code = error_code_for(e.kind);
        // What the client asked for or did is its to read; a failure of the server's is logged.
        if (e.kind == ErrorKind::not_found || e.kind == ErrorKind::abandoned) return api_error(code, e.what(), reference_url);
        return server_error(code, e.what(), reference_url);
    } catch (const Xapian::DatabaseError& e) {
        return server_error(ErrorCode::database_unavailable, e.get_description(), reference_url);
    } catch (const Xapian::NetworkError& e) {
        return server_error(ErrorCode::shard_unavailable, e.get_description(), reference_url);
    } catch (const Xapian::Error& e) {
        return server_error(ErrorCode::internal, e.get_description(), reference_url);
    } catch (const std::exception& e) {
        return server_error(ErrorCode::internal, e.what(), reference_url);
    } catch (...) {
        return server_error(ErrorCode::internal, "unknown exception", reference_url);
    }
}

}  // namespace wm
