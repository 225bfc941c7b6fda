#include "api/error_reference.hpp"

#include "api/marked_text.hpp"

namespace wm {

std::string error_reference_page() {
    std::string page = R"(<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Error codes – Regional Update archive search</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/style.css">
</head>
<body class="reference">
  <main>
    <p><a href="/">Regional Update archive search</a></p>
    <h1>Error codes of the search API</h1>
    <p>Every error the search API answers is JSON: <code>{"message", "code", "type", "link"}</code>. The
      <code>message</code> says what was wrong with this request; the <code>link</code> leads to the code's row below.</p>
    <table>
      <thead><tr><th scope="col">Code</th><th scope="col">Status</th><th scope="col">Type</th><th scope="col">When</th><th scope="col">What to do</th></tr></thead>
      <tbody>
)";
    for (const auto& info : error_table()) {
        const auto code = html_escape(info.code);
        page += "        <tr id=\"" + code + "\"><th scope=\"row\"><code>" + code + "</code></th><td>" +
                std::to_string(info.http_status) + "</td><td>" + html_escape(info.type) + "</td><td>" +
                html_escape(info.when) + "</td><td>" + html_escape(info.remedy) + "</td></tr>\n";
    }
    page += R"(      </tbody>
    </table>
  </main>
</body>
</html>
)";
    return page;
}

std::string error_link(std::string_view reference_url, ErrorCode code) {
    return std::string(reference_url) + "#" + std::string(error_info(code).code);
}

}  // namespace wm
