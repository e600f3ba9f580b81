-- POST one-door requests, each twice with the same idempotency key, the pair's two sends going
-- out back to back on two connections (a double click, or a retry racing the first try).
-- First argument: a file of targets, one per line: path, form body without the key, cookie
-- header and CSRF token, separated by tabs. Second argument: a run id that keeps keys unique.
package.path = "bench/wrk/?.lua;" .. package.path
local report = require("report")

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local targets = {}
local run = "run"
sent = 0
created = 0
conflicts = 0
other = 0

function init(args)
  for line in io.lines(args[1]) do
    local path, body, cookie, csrf = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)$")
    table.insert(targets, {
      path = path,
      body = body,
      headers = {
        ["Cookie"] = cookie,
        ["x-csrf-token"] = csrf,
        ["Content-Type"] = "application/x-www-form-urlencoded",
      },
    })
  end
  run = args[2] or run
end

function request()
  local pair = math.floor(sent / 2)
  sent = sent + 1
  local target = targets[(pair * 2 + id) % #targets + 1]
  local key = string.format("%s-%d-%d", run, id, pair)
  return wrk.format("POST", target.path, target.headers, target.body .. "&idempotency_key=" .. key)
end

-- A 303 is a stored request: the first send, or a repeat sent to the request already stored.
-- A 409 is a repeat that raced the first send and was refused by the unique key.
function response(status, headers, body)
  if status == 303 then
    created = created + 1
  elseif status == 409 then
    conflicts = conflicts + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local totals = { sent = 0, answered_303 = 0, answered_409 = 0, answered_other = 0 }
  for _, thread in ipairs(threads) do
    totals.sent = totals.sent + thread:get("sent")
    totals.answered_303 = totals.answered_303 + thread:get("created")
    totals.answered_409 = totals.answered_409 + thread:get("conflicts")
    totals.answered_other = totals.answered_other + thread:get("other")
  end
  report.line(summary, latency, {
    string.format("sent=%d", totals.sent),
    string.format("answered_303=%d", totals.answered_303),
    string.format("answered_409=%d", totals.answered_409),
    string.format("answered_other=%d", totals.answered_other),
  })
end
