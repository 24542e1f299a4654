-- POST /token/ with the right password (JSON body) for one of LOGIN_USERS accounts (login0@example.com ...):
-- the argon2id hash is the cost being measured. Many accounts, as many users would send: 16 at once for one email
-- would take turns, five at a time (README, "A tour of the API": the lockout).
dofile(os.getenv("WRK_DIR") .. "/common.lua")
local users = tonumber(os.getenv("LOGIN_USERS"))
local password = os.getenv("LOGIN_PASSWORD")

request = function()
  return wrk.format("POST", "/token/", {["Content-Type"] = "application/json"},
      string.format('{"email":"login%d@example.com","password":"%s"}', math.random(0, users - 1), password))
end
