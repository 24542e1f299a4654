-- GET of wrk's URL (path and query) with the bearer token
dofile(os.getenv("WRK_DIR") .. "/common.lua")
wrk.headers["Authorization"] = "Bearer " .. token
