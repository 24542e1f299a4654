-- POST /contacts/: a new contact each time (another user than the one the reads use)
dofile(os.getenv("WRK_DIR") .. "/common.lua")
local n = 0

request = function()
  n = n + 1
  local body = string.format('{"first_name":"Load%d","last_name":"Writer","email":"load%d@example.com",'
      .. '"phone":"+1 555 %07d","birthday":"1990-05-17"}', n, n, n % 10000000)
  return wrk.format("POST", "/contacts/",
      {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
