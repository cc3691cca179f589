-- Replays pre-signed Twilio webhook requests written by bench/webhook.py.
--
-- Environment:
--   BENCH_DIR   directory with requests.<thread>.tsv (one "body<TAB>signature" a line)
--               and cursor.<thread> (where the previous run of this phase stopped)
--   BENCH_PATH  the path to post to (/sms, or /bench/bare for the same bodies unread)
--   BENCH_SAVE  "1" to store each thread's cursor for the next run (the webhook phases,
--               so the measured run goes on with each number's next message, not a retry)
--
-- Each wrk thread owns the numbers of one file, whose messages are interleaved by round:
-- one number's messages are a whole round apart and always go out in order.
-- done() prints one JSON line that bench/webhook.py reads.

local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

local function read_cursor(dir, id)
   local f = io.open(dir .. "/cursor." .. id, "r")
   if not f then return 0 end
   local n = tonumber(f:read("*l")) or 0
   f:close()
   return n
end

function init(args)
   local dir = os.getenv("BENCH_DIR")
   local path = os.getenv("BENCH_PATH") or "/sms"
   reqs = {}
   local f = assert(io.open(dir .. "/requests." .. id .. ".tsv", "r"))
   for line in f:lines() do
      local body, signature = line:match("^([^\t]*)\t(.*)$")
      reqs[#reqs + 1] = wrk.format("POST", path, {
         ["Content-Type"] = "application/x-www-form-urlencoded",
         ["X-Twilio-Signature"] = signature,
      }, body)
   end
   f:close()
   cursor = read_cursor(dir, id)
   sent = 0
   wrapped = 0
   non200 = 0
   sample = ""
end

function request()
   cursor = cursor + 1
   sent = sent + 1
   if cursor > #reqs then
      -- Out of fresh messages: replays are retries (same MessageSid), a cheaper path.
      cursor = 1
      wrapped = wrapped + 1
   end
   return reqs[cursor]
end

function response(status, headers, body)
   if status ~= 200 then
      non200 = non200 + 1
      if sample == "" then
         sample = status .. " " .. string.sub(body or "", 1, 200)
      end
   end
end

local function json_string(s)
   s = string.gsub(s, '[%c"\\]', function(c)
      return string.format("\\u%04x", string.byte(c))
   end)
   return '"' .. s .. '"'
end

function done(summary, latency, requests)
   local dir = os.getenv("BENCH_DIR")
   local save = os.getenv("BENCH_SAVE") == "1"
   local non200_total, wrapped_total, sent_total, first_sample = 0, 0, 0, ""
   for _, thread in ipairs(threads) do
      non200_total = non200_total + thread:get("non200")
      wrapped_total = wrapped_total + thread:get("wrapped")
      sent_total = sent_total + thread:get("sent")
      local s = thread:get("sample")
      if first_sample == "" and s ~= "" then first_sample = s end
      if save then
         local f = assert(io.open(dir .. "/cursor." .. thread:get("id"), "w"))
         f:write(thread:get("cursor"), "\n")
         f:close()
      end
   end
   local e = summary.errors
   io.write(string.format(
      '{"requests": %d, "sent": %d, "duration_s": %.3f, "rps": %.1f, ' ..
      '"p50_ms": %.2f, "p90_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, ' ..
      '"non200": %d, "wrapped": %d, "sample": %s, ' ..
      '"socket_errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d}}\n',
      summary.requests, sent_total, summary.duration / 1e6,
      summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000,
      non200_total, wrapped_total, json_string(first_sample),
      e.connect, e.read, e.write, e.timeout))
end
