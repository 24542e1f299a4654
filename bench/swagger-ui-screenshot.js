// Swagger UI at /docs in headless Chromium, against a running server: log in with "Authorize" (the OAuth2 password
// flow against /token/), then "Try it out" on GET /users/me/; saves docs/swagger-ui.png and -authorize.png.
// Usage: npm install puppeteer-core@23 && node bench/swagger-ui-screenshot.js http://127.0.0.1:8000 docs/swagger-ui.png
const puppeteer = require("puppeteer-core");
(async () => {
  const [base, out] = process.argv.slice(2);
  const email = `docs-${Date.now()}@example.com`, password = "correct horse battery";
  const reg = await fetch(`${base}/register/`, { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }) });
  if (reg.status !== 201) throw new Error("register " + reg.status);
  const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true,
    args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1000 });
  const offsite = [];
  page.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("data:")) offsite.push(r.url()); });
  await page.goto(`${base}/docs/`, { waitUntil: "networkidle0" });
  await page.waitForSelector(".opblock-summary");
  await page.click(".btn.authorize");
  await page.waitForSelector("#oauth_username");
  await page.type("#oauth_username", email);
  await page.type("#oauth_password", password);
  const token = page.waitForResponse((r) => r.url().endsWith("/token/"));
  await page.click(".auth-btn-wrapper .btn.modal-btn.auth.authorize");
  const tokenAnswer = await token;
  console.log("Authorize posted to", tokenAnswer.url(), "->", tokenAnswer.status());
  await page.waitForFunction(() => [...document.querySelectorAll(".auth-container button")]
    .some((b) => b.textContent.trim() === "Logout"));
  await page.screenshot({ path: out.replace(/\.png$/, "-authorize.png") });
  await page.click(".btn-done, .close-modal");
  const me = await page.$("#operations-users-getCurrentUser .opblock-summary");
  await me.click();
  await page.waitForSelector("#operations-users-getCurrentUser .try-out__btn");
  await page.click("#operations-users-getCurrentUser .try-out__btn");
  await page.click("#operations-users-getCurrentUser .execute");
  await page.waitForSelector("#operations-users-getCurrentUser .live-responses-table tbody .response-col_status");
  const status = await page.$eval("#operations-users-getCurrentUser .live-responses-table tbody .response-col_status",
    (e) => e.textContent.trim());
  console.log("GET /users/me/ from Swagger UI ->", status);
  await page.$eval("#operations-users-getCurrentUser", (e) => e.scrollIntoView());
  await page.screenshot({ path: out });
  console.log("requests to other hosts:", offsite.length ? offsite : "none");
  await browser.close();
  if (tokenAnswer.status() !== 200 || !status.startsWith("200")) process.exit(1);
})().catch((e) => { console.error(e); process.exit(1); });
