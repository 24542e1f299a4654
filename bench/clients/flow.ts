// The whole flow through the client openapi-generator makes for "typescript-fetch", as generated (Node's fetch).
import { Configuration, ContactsApi, UsersApi, ResponseError } from "./typescript-fetch";

const base = process.argv[2];
const email = `ts-${Date.now()}@example.com`;
const password = "correct horse battery";

function check(ok: boolean, step: string): void {
  if (!ok) {
    throw new Error(`typescript-fetch: ${step} failed`);
  }
  console.log(`typescript-fetch: ${step}`);
}

async function main(): Promise<void> {
  const anonymous = new UsersApi(new Configuration({ basePath: base }));
  check((await anonymous.register({ credentials: { email, password } })).email === email, "register");
  const token = await anonymous.login({ username: email, password, grantType: "password" });
  check(token.accessToken.length > 0, "login (OAuth2 form, URL-encoded)");

  // The generated login() sends the first declared type (the URL-encoded form); initOverrides is the generated
  // client's hook for another body: FormData (fetch sends it as multipart/form-data) or JSON credentials.
  const multipart = new FormData();
  multipart.append("grant_type", "password");
  multipart.append("username", email);
  multipart.append("password", password);
  const viaMultipart = await anonymous.login({ username: email, password }, async ({ init }) => {
    const headers = { ...(init.headers as Record<string, string>) };
    delete headers["Content-Type"];
    return { ...init, headers, body: multipart };
  });
  check(viaMultipart.accessToken.length > 0, "login (OAuth2 form, multipart)");
  const viaJson = await anonymous.login({ username: email, password }, async ({ init }) => ({
    ...init,
    headers: { ...init.headers, "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  }));
  check(viaJson.accessToken.length > 0, "login (JSON)");

  let accessToken = token.accessToken;
  // typescript-fetch puts accessToken's value as the whole Authorization header for an oauth2 scheme
  const config = new Configuration({ basePath: base, accessToken: () => `Bearer ${accessToken}` });
  const users = new UsersApi(config);
  const contacts = new ContactsApi(config);
  const today = new Date();
  const birthday = new Date(Date.UTC(today.getUTCFullYear() - 30, today.getUTCMonth(), today.getUTCDate()));

  const ada = await contacts.createContact({
    contactDraft: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", birthday },
  });
  check(ada.id > 0 && ada.emails.length === 1, "create");
  check((await contacts.getContact({ contactId: ada.id })).lastName === "Lovelace", "read");
  const renamed = await contacts.updateContact({ contactId: ada.id, contactPatch: { nickname: "Countess" } });
  check(renamed.nickname === "Countess", "update (PATCH)");
  const replaced = await contacts.replaceContact({
    contactId: ada.id, contactDraft: { firstName: "Ada", lastName: "King", birthday },
  });
  check(replaced.nickname === null && replaced.lastName === "King", "replace (PUT)");
  const found = await contacts.searchContacts({ query: "king" });
  check(found.length === 1 && found[0].id === ada.id, "search");
  const birthdays = await contacts.upcomingBirthdays({ days: 7, tz: "UTC" });
  check(birthdays.length === 1 && birthdays[0].daysUntil === 0, "birthdays");
  check((await contacts.listContacts()).length === 1, "list");
  await contacts.deleteContact({ contactId: ada.id });
  check((await contacts.listContacts()).length === 0, "delete");

  const renewed = await users.refreshToken({ refreshTokenRequest: { refreshToken: token.refreshToken } });
  check(renewed.refreshToken !== token.refreshToken, "refresh");
  accessToken = renewed.accessToken;
  await users.logout({ logoutRequest: { refreshToken: renewed.refreshToken } });
  try {
    await users.getCurrentUser();
    check(false, "logout");
  } catch (e) {
    check(e instanceof ResponseError && e.response.status === 401, "logout");
  }
  console.log("typescript-fetch: every step passed");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
