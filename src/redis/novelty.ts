import type { RedisClient } from './cluster';
import { BadInputError } from '../errors';
import type { Keys } from '../keys';
import { MAX_SIMILAR, type NoveltyResult, type NoveltyStore } from '../label/novelty';
import { bands, NEAR_DUPLICATE_BITS } from '../label/simhash';

// novelty-10: near-duplicate check and record in one step, so two workers
// analysing two copies at once cannot both see the other as new.
//
// KEYS[1]    hash  article id -> "<simhash> <firstSeenMs>"
// KEYS[2]    zset  article id -> last seen (ms); drives expiry of KEYS[1]
// KEYS[3..10] zset "<simhash><article id>" per 8-bit SimHash band, by last seen
// ARGV[1] article id   ARGV[2] simhash (16 hex digits)   ARGV[3] ttl (ms)
// ARGV[4] max differing bits   ARGV[5] max similar ids returned
// Returns { duplicateOf or "", similar id, ... }.
// Arguments and key types are checked before the first write (issue 17).
//
// Any two SimHashes within 7 bits agree on at least one of the eight 8-bit
// bands (pigeonhole), so the candidates are the members of this article's
// eight band sets. An article is never its own candidate. duplicateOf is the
// earliest-seen candidate seen before this article (a new article is later
// than everything stored); a replay keeps its first-seen time.
const NOVELTY_LUA = `
if ARGV[1] == nil or ARGV[1] == '' then return redis.error_reply('ERR novelty: article id must not be empty') end
if string.match(ARGV[2] or '', '^%x+$') == nil or #ARGV[2] ~= 16 then return redis.error_reply('ERR novelty: simhash must be 16 hex digits') end
for i = 3, 5 do
  if string.match(ARGV[i] or '', '^%d+$') == nil then return redis.error_reply('ERR novelty: argument ' .. i .. ' must be a non-negative integer') end
end
if tonumber(ARGV[3]) < 1 then return redis.error_reply('ERR novelty: ttl must be at least 1 ms') end
for k = 1, 10 do
  local t = redis.call('TYPE', KEYS[k]).ok
  local want = k == 1 and 'hash' or 'zset'
  if t ~= 'none' and t ~= want then return redis.error_reply('WRONGTYPE novelty: ' .. KEYS[k] .. ' holds a ' .. t) end
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local self, hash, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3])
local maxBits, maxSimilar = tonumber(ARGV[4]), tonumber(ARGV[5])
local cutoff = now - ttl

local old = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', cutoff, 'LIMIT', 0, 500)
if #old > 0 then
  redis.call('HDEL', KEYS[1], unpack(old))
  redis.call('ZREM', KEYS[2], unpack(old))
end

-- Popcount of a byte, then of the XOR of two 32-bit halves.
local POP = {}
for i = 0, 255 do
  local n, v = 0, i
  while v > 0 do n = n + (v % 2); v = math.floor(v / 2) end
  POP[i] = n
end
local function pop32(x)
  return POP[bit.band(x, 255)] + POP[bit.band(bit.rshift(x, 8), 255)] + POP[bit.band(bit.rshift(x, 16), 255)] + POP[bit.rshift(x, 24)]
end
local hi, lo = tonumber(string.sub(hash, 1, 8), 16), tonumber(string.sub(hash, 9, 16), 16)

local prev = redis.call('HGET', KEYS[1], self)
local selfFirst = now
local isNew = true
if prev then
  selfFirst = tonumber(string.match(prev, ' (%d+)$'))
  isNew = false
end

-- Band members are "<simhash><id>", so the distance needs no lookup; only
-- the few near candidates are read from the hash (for their first-seen
-- time). Each band is read newest first and at most PER_BAND deep, which
-- bounds the work of one check however many articles are remembered (about
-- 1 ms of Redis time at most). A near-duplicate within 4 bits shares at
-- least 4 of the 8 bands, so it is missed only when it is older than the
-- 32 newest articles in every one of them; reposts come soon after the original.
local PER_BAND = 32
local seen = {}
local near = {}
for k = 3, 10 do
  redis.call('ZREMRANGEBYSCORE', KEYS[k], '-inf', cutoff)
  local members = redis.call('ZREVRANGE', KEYS[k], 0, PER_BAND - 1)
  for _, m in ipairs(members) do
    local id = string.sub(m, 17)
    if id ~= self and not seen[id] then
      seen[id] = true
      local h = string.sub(m, 1, 16)
      local d = pop32(bit.bxor(hi, tonumber(string.sub(h, 1, 8), 16))) + pop32(bit.bxor(lo, tonumber(string.sub(h, 9, 16), 16)))
      if d <= maxBits then
        local v = redis.call('HGET', KEYS[1], id)
        if v then
          local first = string.match(v, ' (%d+)$')
          near[#near + 1] = { id = id, d = d, first = tonumber(first) }
        end
      end
    end
  end
end

local dup = nil
for _, c in ipairs(near) do
  local earlier = isNew or c.first < selfFirst or (c.first == selfFirst and c.id < self)
  if earlier and (dup == nil or c.first < dup.first or (c.first == dup.first and c.id < dup.id)) then
    dup = c
  end
end
table.sort(near, function(x, y)
  if x.d ~= y.d then return x.d < y.d end
  if x.first ~= y.first then return x.first < y.first end
  return x.id < y.id
end)

redis.call('HSET', KEYS[1], self, hash .. ' ' .. selfFirst)
redis.call('ZADD', KEYS[2], now, self)
for k = 3, 10 do
  redis.call('ZADD', KEYS[k], now, hash .. self)
end
for k = 1, 10 do
  redis.call('PEXPIRE', KEYS[k], ttl)
end

local out = { dup and dup.id or '' }
for i = 1, math.min(#near, maxSimilar) do
  out[#out + 1] = near[i].id
end
return out
`;

type WithNovelty = RedisClient & { newsflowNovelty(...args: string[]): Promise<string[]> };

function withScript(redis: RedisClient): WithNovelty {
  const r = redis as WithNovelty;
  if (typeof r.newsflowNovelty !== 'function') redis.defineCommand('newsflowNovelty', { numberOfKeys: 10, lua: NOVELTY_LUA });
  return r;
}

export interface RedisNoveltyOptions {
  /** How long an article is remembered after it was last seen (config.noveltyTtl). */
  ttlMs: number;
  maxBits?: number;
}

const HEX16 = /^[0-9a-f]{16}$/;

/**
 * The novelty store workers share: recent SimHashes in Redis under
 * `keys.novelty*`, forgotten `ttlMs` after they were last seen. Safe under
 * concurrent workers (one Lua script per check).
 */
export class RedisNoveltyStore implements NoveltyStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly opts: RedisNoveltyOptions,
  ) {
    if (!(opts.ttlMs > 0)) throw new RangeError(`novelty ttl must be positive, got ${opts.ttlMs}`);
  }

  async check(articleId: string, simhash: string): Promise<NoveltyResult> {
    if (!articleId) throw new BadInputError('novelty check needs an article id');
    if (!HEX16.test(simhash)) throw new BadInputError(`article ${articleId}: simhash must be 16 lower-case hex digits, got ${JSON.stringify(simhash)}`);
    const k = this.keys;
    const [dup, ...similar] = await withScript(this.redis).newsflowNovelty(
      k.novelty,
      k.noveltySeen,
      ...bands(simhash).map((b) => k.noveltyBand(b)),
      articleId,
      simhash,
      String(this.opts.ttlMs),
      String(this.opts.maxBits ?? NEAR_DUPLICATE_BITS),
      String(MAX_SIMILAR),
    );
    return { duplicateOf: dup ? dup : null, similar };
  }
}
