/**
 * Applies a batch of events atomically, in one round trip: a Lua script runs alone on the
 * server, so no reader sees half a batch and two gateways never count the same event twice.
 * The keys mirror the SQLite tables (featureSchema.ts), so both stores hold the same aggregates.
 *
 * ARGV: base, userTtlSeconds (0: none), historyLimit, then 12 fields per event: id, log entry
 * (JSON), type, userId, itemId, timestamp, rating value ('' unless a rating), positive ('1' or
 * '0'), decayed interaction weight, categories (JSON [[category, share, decayedShare], ...]),
 * history entry (JSON), content (eventContent: an id seen again with other content is a conflict;
 * ids logged before contents were kept have none, and count as duplicates). What an event adds is computed in TypeScript (eventContribution, the
 * same function the SQLite store uses) and entries that are read back are encoded there, so the
 * script only adds and stores: no Lua arithmetic or number formatting can make the stores differ.
 * Returns {applied ids, duplicate ids, conflicting ids}.
 *
 * `popular` is a sorted set ordered as SQLite's popular(): score -(positiveUsers * 2^24 +
 * ratingCount), so ascending score, then member, gives positive users desc, ratings desc, id.
 * A user's positives are a sorted set by timestamp whose members start with the zero-padded log
 * position: ties on timestamp come back latest-logged first, as in SQLite.
 */
export const APPLY_EVENTS_SCRIPT = `
local base = ARGV[1]
local ttl = tonumber(ARGV[2])
local historyLimit = tonumber(ARGV[3])
local SCALE = 16777216
local applied, duplicates, conflicts = {}, {}, {}
-- HINCRBYFLOAT prints 17 decimal places, no exponent: a forward-decayed weight of 1e-20 would
-- become 0. Doubles added here and printed with %.17g round-trip exactly, as SQLite's REAL sums do.
local function addFloat(key, field, delta)
  local sum = tonumber(redis.call('HGET', key, field) or '0') + tonumber(delta)
  redis.call('HSET', key, field, string.format('%.17g', sum))
end
local function keepUser(key)
  if ttl > 0 then redis.call('EXPIRE', key, ttl) end
end
for i = 4, #ARGV, 12 do
  local id, entry, etype, user, item = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4]
  local ts, rating, positive, weight = tonumber(ARGV[i + 5]), ARGV[i + 6], ARGV[i + 7] == '1', ARGV[i + 8]
  local categories, history, content = cjson.decode(ARGV[i + 9]), ARGV[i + 10], ARGV[i + 11]
  if redis.call('SADD', base .. 'event_ids', id) == 0 then
    local stored = redis.call('HGET', base .. 'event_content', id)
    if stored and stored ~= content then
      conflicts[#conflicts + 1] = id
    else
      duplicates[#duplicates + 1] = id
    end
  else
    applied[#applied + 1] = id
    redis.call('HSET', base .. 'event_content', id, content)
    local seq = redis.call('RPUSH', base .. 'events', entry)

    local itemKey = base .. 'item:' .. item
    redis.call('HINCRBY', itemKey, etype, 1)
    addFloat(itemKey, 'decayed_' .. etype, weight)
    if rating ~= '' then
      redis.call('HINCRBYFLOAT', itemKey, 'rating_sum', rating)
      redis.call('HINCRBY', itemKey, 'rating_count', 1)
    end
    if positive and redis.call('SADD', base .. 'item_pos:' .. item, user) == 1 then
      redis.call('HINCRBY', itemKey, 'positive_users', 1)
    end
    local last = tonumber(redis.call('HGET', itemKey, 'last_event_at'))
    if last == nil or ts > last then redis.call('HSET', itemKey, 'last_event_at', ts) end
    local counts = redis.call('HMGET', itemKey, 'positive_users', 'rating_count')
    local rank = (tonumber(counts[1]) or 0) * SCALE + (tonumber(counts[2]) or 0)
    redis.call('ZADD', base .. 'popular', -rank, item)

    local userKey = base .. 'user:' .. user
    redis.call('HINCRBY', userKey, 'event_count', 1)
    if positive then redis.call('HINCRBY', userKey, 'positive_count', 1) end
    if rating ~= '' then
      redis.call('HINCRBYFLOAT', userKey, 'rating_sum', rating)
      redis.call('HINCRBY', userKey, 'rating_count', 1)
    end
    local span = redis.call('HMGET', userKey, 'first_event_at', 'last_event_at')
    if span[1] == false or ts < tonumber(span[1]) then redis.call('HSET', userKey, 'first_event_at', ts) end
    if span[2] == false or ts > tonumber(span[2]) then redis.call('HSET', userKey, 'last_event_at', ts) end
    keepUser(userKey)

    if etype ~= 'impression' then
      redis.call('SADD', base .. 'user_seen:' .. user, item)
      redis.call('SADD', base .. 'item_users:' .. item, user)
      keepUser(base .. 'user_seen:' .. user)
    end
    if positive then
      local positives = base .. 'user_pos:' .. user
      redis.call('ZADD', positives, ts, string.format('%015d', seq) .. history)
      redis.call('ZREMRANGEBYRANK', positives, 0, -historyLimit - 1)
      keepUser(positives)
      redis.call('SADD', base .. 'item_users:' .. item, user)
      local cats, decayed = base .. 'user_cat:' .. user, base .. 'user_dcat:' .. user
      for _, c in ipairs(categories) do
        addFloat(cats, c[1], c[2])
        addFloat(decayed, c[1], c[3])
      end
      if #categories > 0 then
        keepUser(cats)
        keepUser(decayed)
      end
    end
  end
end
return {applied, duplicates, conflicts}
`;

/**
 * Forgets items in one atomic round trip: their stats, popularity and positive users, and their
 * places in the seen sets and histories of the users that have them (item_users is that reverse
 * index). ARGV: base, then per item: id and its JSON encoding (how history members name it).
 */
export const FORGET_ITEMS_SCRIPT = `
local base = ARGV[1]
for i = 2, #ARGV, 2 do
  local item, encoded = ARGV[i], ARGV[i + 1]
  local users = redis.call('SMEMBERS', base .. 'item_users:' .. item)
  for _, user in ipairs(users) do
    redis.call('SREM', base .. 'user_seen:' .. user, item)
    local positives = base .. 'user_pos:' .. user
    local marker = '[' .. encoded .. ','
    for _, member in ipairs(redis.call('ZRANGE', positives, 0, -1)) do
      if string.sub(member, 16, 15 + #marker) == marker then redis.call('ZREM', positives, member) end
    end
  end
  redis.call('DEL', base .. 'item:' .. item, base .. 'item_pos:' .. item, base .. 'item_users:' .. item)
  redis.call('ZREM', base .. 'popular', item)
end
return #ARGV - 1
`;
