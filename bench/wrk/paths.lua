-- GET a rotating list of paths (one per line in the file named by the first script argument),
-- each thread starting at its own place, so detail pages and searches spread over many rows.
package.path = "bench/wrk/?.lua;" .. package.path
local report = require("report")

local count = 0
function setup(thread)
  thread:set("id", count)
  count = count + 1
end

local requests = {}
local position = 1

function init(args)
  for path in io.lines(args[1]) do
    table.insert(requests, wrk.format("GET", path))
  end
  position = (id * 7919) % #requests + 1
end

function request()
  local prepared = requests[position]
  position = position % #requests + 1
  return prepared
end

function done(summary, latency, requests)
  report.line(summary, latency)
end
