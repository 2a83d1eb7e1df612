--[[
  Publish one event record, at most once per event id, and let go of the
  article text it was made from.

  KEYS[1]   events stream            <prefix>:events
  KEYS[2]   seen marker of the event <prefix>:seen:<eventId>
  KEYS[3]   outcome of the article   <prefix>:outcome:<articleId>
  KEYS[4]   article text             <prefix>:article:<articleId>  ("<content hash>\n<json>")
  KEYS[5..] index sorted sets        <prefix>:ticker:<ticker>, <prefix>:entity:<id>

  ARGV[1]  event id
  ARGV[2]  article id
  ARGV[3]  record JSON
  ARGV[4]  stream MAXLEN (approximate), integer >= 1
  ARGV[5]  retention in ms (TTL of the seen marker, outcome and indexes), integer >= 1
  ARGV[6]  now in ms (index score), integer >= 0
  ARGV[7]  tickers, comma-joined
  ARGV[8]  entity ids, comma-joined
  ARGV[9]  event types, comma-joined
  ARGV[10] content hash of the article (32 hex digits)

  Returns {stream entry id, 1 if added now | 0 if it was already there}.

  Every argument and the type of every key are checked before the first
  write, so the script either fails having changed nothing or runs to the
  end: a retry can never find an entry added by a run that then failed
  (issue 17: a zero retention made the SET after the XADD fail, and each
  retry added another entry). The seen check and the XADD run in one script,
  so a retry, a crash after publish or a second replay never adds a second
  entry. The article text is deleted only if it still holds the content this
  event was made from (a newer version stored meanwhile stays).
]]
local function fail(msg)
  return redis.error_reply('ERR publish: ' .. msg)
end
local function isInt(s, min)
  local n = tonumber(s)
  return n ~= nil and n == math.floor(n) and n >= min and string.match(s, '^%d+$') ~= nil
end

if #KEYS < 4 then return fail('needs at least 4 keys, got ' .. #KEYS) end
if #ARGV ~= 10 then return fail('needs 10 arguments, got ' .. #ARGV) end
if ARGV[1] == '' or ARGV[2] == '' or ARGV[3] == '' then return fail('event id, article id and record must not be empty') end
if not isInt(ARGV[4], 1) then return fail('MAXLEN must be an integer >= 1, got "' .. ARGV[4] .. '"') end
if not isInt(ARGV[5], 1) then return fail('retention must be an integer number of ms >= 1, got "' .. ARGV[5] .. '"') end
if not isInt(ARGV[6], 0) then return fail('now must be an integer number of ms, got "' .. ARGV[6] .. '"') end
if string.match(ARGV[10], '^%x+$') == nil or #ARGV[10] ~= 32 then return fail('content hash must be 32 hex digits, got "' .. ARGV[10] .. '"') end
local function want(key, ...)
  local t = redis.call('TYPE', key).ok
  if t == 'none' then return nil end
  for _, ok in ipairs({...}) do
    if t == ok then return nil end
  end
  return 'WRONGTYPE publish: ' .. key .. ' holds a ' .. t
end
local bad = want(KEYS[1], 'stream') or want(KEYS[2], 'string') or want(KEYS[3], 'string') or want(KEYS[4], 'string')
for i = 5, #KEYS do
  bad = bad or want(KEYS[i], 'zset')
end
if bad then return redis.error_reply(bad) end

local function releaseText()
  if redis.call('EXISTS', KEYS[4]) == 1 and redis.call('GETRANGE', KEYS[4], 0, 31) == ARGV[10] then
    redis.call('DEL', KEYS[4])
  end
end
local function setOutcome(streamId)
  redis.call('SET', KEYS[3], cjson.encode({status = 'published', eventId = ARGV[1], streamId = streamId, contentHash = ARGV[10]}), 'PX', ARGV[5])
end

local existing = redis.call('GET', KEYS[2])
if existing then
  -- Published before: repair an outcome that does not say so (a stale dead
  -- letter), unless a newer version of the article has been published since.
  local ok, outcome = pcall(cjson.decode, redis.call('GET', KEYS[3]) or 'null')
  if not (ok and type(outcome) == 'table' and outcome.status == 'published' and outcome.contentHash ~= ARGV[10]) then
    setOutcome(existing)
  end
  releaseText()
  return {existing, 0}
end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[4], '*',
  'id', ARGV[1], 'article', ARGV[2], 'tickers', ARGV[7],
  'entities', ARGV[8], 'types', ARGV[9], 'record', ARGV[3])
redis.call('SET', KEYS[2], id, 'PX', ARGV[5])
setOutcome(id)
local cutoff = tonumber(ARGV[6]) - tonumber(ARGV[5])
if cutoff > 0 then
  redis.call('XTRIM', KEYS[1], 'MINID', '~', string.format('%d', cutoff))
end
for i = 5, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[6], ARGV[1])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', cutoff)
  redis.call('PEXPIRE', KEYS[i], ARGV[5])
end
releaseText()
return {id, 1}
