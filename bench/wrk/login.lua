-- POST /token/ with the right password (JSON body): the argon2id hash is the cost being measured
dofile(os.getenv("WRK_DIR") .. "/common.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"email":"%s","password":"%s"}', os.getenv("LOGIN_EMAIL"), os.getenv("LOGIN_PASSWORD"))
