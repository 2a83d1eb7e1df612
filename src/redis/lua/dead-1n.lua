--[[
  Record a job that failed for good, unless its article's event was
  published after all.

  KEYS[1]  dead-letter stream          <prefix>:dead
  KEYS[2]  outcome of the article      <prefix>:outcome:<articleId>   (only when the job is about an article)

  ARGV[1]  stream MAXLEN (approximate), integer >= 1
  ARGV[2]  retention in ms (TTL of the outcome), integer >= 1
  ARGV[3]  content hash the job was about ('' when unknown)
  ARGV[4]  outcome JSON to store ({"status":"dead",…})
  ARGV[5..] field, value, … of the dead-letter entry

  Returns {entry id, 1} when recorded; {'', 0} when the outcome already says
  the same content was published (a job that stalled or failed after its
  publish lost nothing: no dead letter, and the outcome stays `published`).
  When the outcome says published for other or unknown content, the entry is
  added and the outcome left alone only if the content is unknown (a page
  fetch that failed for an article published before).

  Arguments and key types are checked before the first write.
]]
local function fail(msg)
  return redis.error_reply('ERR dead-letter: ' .. msg)
end
local function isInt(s)
  return string.match(s, '^%d+$') ~= nil and tonumber(s) >= 1
end
if #KEYS < 1 or #KEYS > 2 then return fail('needs 1 or 2 keys, got ' .. #KEYS) end
if #ARGV < 6 or #ARGV % 2 ~= 0 then return fail('needs 4 arguments and field/value pairs, got ' .. #ARGV .. ' arguments') end
if not isInt(ARGV[1]) then return fail('MAXLEN must be an integer >= 1, got "' .. ARGV[1] .. '"') end
if not isInt(ARGV[2]) then return fail('retention must be an integer number of ms >= 1, got "' .. ARGV[2] .. '"') end
local t1 = redis.call('TYPE', KEYS[1]).ok
if t1 ~= 'none' and t1 ~= 'stream' then return redis.error_reply('WRONGTYPE dead-letter: ' .. KEYS[1] .. ' holds a ' .. t1) end
local keepOutcome = false
if #KEYS == 2 then
  local t2 = redis.call('TYPE', KEYS[2]).ok
  if t2 ~= 'none' and t2 ~= 'string' then return redis.error_reply('WRONGTYPE dead-letter: ' .. KEYS[2] .. ' holds a ' .. t2) end
  local ok, outcome = pcall(cjson.decode, redis.call('GET', KEYS[2]) or 'null')
  if ok and type(outcome) == 'table' and outcome.status == 'published' then
    if ARGV[3] ~= '' and outcome.contentHash == ARGV[3] then return {'', 0} end
    keepOutcome = ARGV[3] == ''
  end
end
local fields = {}
for i = 5, #ARGV do fields[#fields + 1] = ARGV[i] end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(fields))
if #KEYS == 2 and not keepOutcome then
  redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[2])
end
return {id, 1}
