--[[
  Publish one event record, at most once per event id.

  KEYS[1]   events stream            <prefix>:events
  KEYS[2]   seen marker of the event <prefix>:seen:<eventId>
  KEYS[3]   outcome of the article   <prefix>:outcome:<articleId>
  KEYS[4..] index sorted sets        <prefix>:ticker:<ticker>, <prefix>:entity:<id>

  ARGV[1]  event id
  ARGV[2]  article id
  ARGV[3]  record JSON
  ARGV[4]  stream MAXLEN (approximate)
  ARGV[5]  retention in ms (TTL of the seen marker, outcome and indexes)
  ARGV[6]  now in ms (index score)
  ARGV[7]  tickers, comma-joined
  ARGV[8]  entity ids, comma-joined
  ARGV[9]  event types, comma-joined
  ARGV[10] content hash of the article

  The stream keeps at most ~MAXLEN entries and none older than the retention
  (XTRIM MINID ~): whichever limit is reached first trims.

  Returns {stream entry id, 1 if added now | 0 if it was already there}.
  The seen check and the XADD run in one script, so a retry, a crash after
  publish or a second replay never adds a second entry.
]]
local existing = redis.call('GET', KEYS[2])
if existing then
  return {existing, 0}
end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[4], '*',
  'id', ARGV[1], 'article', ARGV[2], 'tickers', ARGV[7],
  'entities', ARGV[8], 'types', ARGV[9], 'record', ARGV[3])
redis.call('SET', KEYS[2], id, 'PX', ARGV[5])
redis.call('SET', KEYS[3], cjson.encode({status = 'published', eventId = ARGV[1], streamId = id, contentHash = ARGV[10]}), 'PX', ARGV[5])
local cutoff = tonumber(ARGV[6]) - tonumber(ARGV[5])
if cutoff > 0 then
  redis.call('XTRIM', KEYS[1], 'MINID', '~', string.format('%d', cutoff))
end
for i = 4, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[6], ARGV[1])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', cutoff)
  redis.call('PEXPIRE', KEYS[i], ARGV[5])
end
return {id, 1}
