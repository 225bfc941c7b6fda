#pragma once
// The search page and the widget (searchd/web/), compiled into the binary.
#include <httplib.h>

#include <string_view>

namespace wm::searchd {

/// Answers with the embedded file `name` ("index.html", "widget.js"...).
void serve_static(std::string_view name, httplib::Response& res);
/// Answers with content, typed and guarded as the embedded file `name` would be (a page made
/// at run time, such as the error reference).
void serve_content(std::string_view name, std::string_view content, httplib::Response& res);

}  // namespace wm::searchd
