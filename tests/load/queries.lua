-- wrk script: cycles through the query shapes the search box sends.
local paths = {
  "/api/search?q=care+leaver+offer",
  "/api/search?q=Telford+and+Wrekin",
  "/api/search?q=workforce&authority=Dudley",
  "/api/search?q=&sort=newest&page=2",
  "/api/suggest?q=wor",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
