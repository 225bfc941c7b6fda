#pragma once
// The search page and the widget (searchd/web/), compiled into the binary.
#include <httplib.h>

#include <string_view>

namespace wm::searchd {

/// Answers with the embedded file `name` ("index.html", "widget.js"...).
void serve_static(std::string_view name, httplib::Response& res);

}  // namespace wm::searchd
