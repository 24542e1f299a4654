-- GET /contacts/{id}/ of a random one of the seeded contacts (ids FIRST_ID .. FIRST_ID + COUNT - 1)
dofile(os.getenv("WRK_DIR") .. "/common.lua")
local first = tonumber(os.getenv("FIRST_ID"))
local count = tonumber(os.getenv("COUNT"))

request = function()
  return wrk.format("GET", "/contacts/" .. math.random(first, first + count - 1) .. "/",
      {["Authorization"] = "Bearer " .. token})
end
