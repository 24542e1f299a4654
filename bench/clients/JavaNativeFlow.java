import java.net.http.HttpRequest;
import java.util.UUID;

import dev.contacts.client.ApiClient;
import dev.contacts.client.api.ContactsApi;
import dev.contacts.client.api.UsersApi;
import dev.contacts.client.model.Credentials;
import dev.contacts.client.model.Token;

/** The whole flow through the client openapi-generator makes for "java" with the "native" library, as generated. */
public class JavaNativeFlow {

    public static void main(String[] args) throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(args[0]);
        UsersApi users = new UsersApi(client);
        String email = "native-" + UUID.randomUUID() + "@example.com";
        String password = "correct horse battery";

        check(users.register(new Credentials().email(email).password(password)).getEmail().equals(email), "register");
        Token token = users.login(email, password, "password");
        check(token.getAccessToken() != null, "login (OAuth2 form)");

        // JSON credentials: the generated login() sends the first declared type (the form); the native library's
        // request interceptor is its hook for another body.
        String credentials = client.getObjectMapper().writeValueAsString(new Credentials().email(email).password(password));
        client.setRequestInterceptor(request -> request.setHeader("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials)));
        check(new UsersApi(client).login(email, password, null).getAccessToken() != null, "login (JSON)");

        // an API object takes the client's interceptor when it is made: make them once the token is known
        client.setRequestInterceptor(request -> request.setHeader("Authorization", "Bearer " + token.getAccessToken()));
        ContactsApi contacts = new ContactsApi(client);
        users = new UsersApi(client);
        SharedSteps.contacts(contacts, "java native");
        SharedSteps.refreshAndLogout(users, token, accessToken -> {
            client.setRequestInterceptor(request -> request.setHeader("Authorization", "Bearer " + accessToken));
            return new UsersApi(client);
        }, "java native");
    }

    private static void check(boolean ok, String step) {
        SharedSteps.check("java native", ok, step);
    }
}
