-- POST /token/ with the right password, every connection for the one account LOGIN_EMAIL: logins for one email at
-- once beyond its five turns wait in line (docs/benchmarks.md, "Logins for one email at once, in line"). Counts the answers by
-- status. Register the account first, then e.g. LOGIN_EMAIL=... LOGIN_PASSWORD=... wrk -t1 -c16 -d20s --timeout 10s
-- -s bench/wrk/login-one-account.lua http://127.0.0.1:8000 (against a server started with --rate-limit 0).
local email = os.getenv("LOGIN_EMAIL")
local password = os.getenv("LOGIN_PASSWORD")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

request = function()
  return wrk.format("POST", "/token/", {["Content-Type"] = "application/json"},
      string.format('{"email":"%s","password":"%s"}', email, password))
end

response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  local counted = {}
  for status, n in pairs(total) do
    table.insert(counted, status .. ":" .. n)
  end
  table.sort(counted)
  io.write(string.format("RESULT %.1f/s p50 %.0f ms p99 %.0f ms max %.0f ms, %d answers (%s), socket errors %d\n",
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, summary.requests, table.concat(counted, " "),
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
