-- wrk script: every request picks a random line of the URL list (LOAD_URLS, "<lang> <path>"), sending the language
-- cookie for "en" lines; at the end one JSON line with throughput, latency percentiles and errors.
local urls = {}
local langs = {}
local counter = 0
-- LOAD_MISS (0..1): the share of requests that miss OBMi's response cache. Such a request carries a query parameter
-- no page reads (_miss=<thread>-<n>, new every time), so OBMi renders the page as for a first visit of another
-- period, area or language; nginx's map leaves the parameter out and answers the same file.
local miss = tonumber(os.getenv("LOAD_MISS") or "0")
local sent = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  math.randomseed(os.time() + (id or 0) * 7919)
  for line in io.lines(os.getenv("LOAD_URLS")) do
    local lang, path = line:match("^(%S+)%s+(%S+)$")
    if path then
      urls[#urls + 1] = path
      langs[#langs + 1] = lang
    end
  end
end

function request()
  local i = math.random(#urls)
  local path = urls[i]
  if miss > 0 and math.random() < miss then
    sent = sent + 1
    path = path .. (path:find("?", 1, true) and "&" or "?") .. "_miss=" .. (id or 0) .. "-" .. sent
  end
  if langs[i] == "en" then
    return wrk.format("GET", path, { ["Cookie"] = "obmi-taal=en" })
  end
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,' ..
    '"p50_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
