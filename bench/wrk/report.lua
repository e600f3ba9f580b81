-- The one line every bench script prints from done(): parsed by bench/serving.py.
local report = {}

function report.line(summary, latency, extra)
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  local fields = {
    string.format("requests=%d", summary.requests),
    string.format("seconds=%.3f", seconds),
    string.format("rps=%.2f", summary.requests / seconds),
    string.format("p50_ms=%.3f", latency:percentile(50) / 1000),
    string.format("p95_ms=%.3f", latency:percentile(95) / 1000),
    string.format("p99_ms=%.3f", latency:percentile(99) / 1000),
    string.format("max_ms=%.3f", latency.max / 1000),
    string.format("errors_connect=%d", errors.connect),
    string.format("errors_read=%d", errors.read),
    string.format("errors_write=%d", errors.write),
    string.format("errors_status=%d", errors.status),
    string.format("errors_timeout=%d", errors.timeout),
  }
  for _, pair in ipairs(extra or {}) do
    table.insert(fields, pair)
  end
  io.write("WRK_RESULT " .. table.concat(fields, " ") .. "\n")
end

return report
