-- wrk script for add to basket: POSTs like prepared visitors (their CSRF cookie and token, session and
-- basket cookies; one visitor per line of $BENCH_VISITORS: path TAB cookie header TAB form body), in turn.
-- Counts 302 (Oscar's redirect after the add) apart from any other status.
local prepared = {}
local counter = 0
redirects = 0
others = 0
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  for line in io.lines(os.getenv("BENCH_VISITORS")) do
    local path, cookie, body = line:match("^([^\t]+)\t([^\t]+)\t(.+)$")
    table.insert(prepared, wrk.format("POST", path, {
      ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded"}, body))
  end
end

request = function()
  counter = counter + 1
  return prepared[(counter % #prepared) + 1]
end

response = function(status, headers, body)
  if status == 302 then redirects = redirects + 1 else others = others + 1 end
end

done = function(summary, latency, requests)
  local r, o = 0, 0
  for _, thread in ipairs(threads) do
    r = r + thread:get("redirects")
    o = o + thread:get("others")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH-JSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,' ..
    '"status":%d,"timeout":%d,"p50":%d,"p95":%d,"p99":%d,"mean":%.1f,"max":%d,"redirects":%d,"others":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, latency.max, r, o))
end
