import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.contacts.client.ApiClient;
import dev.contacts.client.api.ContactsApi;
import dev.contacts.client.api.UsersApi;
import dev.contacts.client.model.Credentials;
import dev.contacts.client.model.Token;

/** The whole flow through the client openapi-generator makes for "java" with the "okhttp-gson" library, as generated. */
public class OkHttpGsonFlow {

    public static void main(String[] args) throws Exception {
        ApiClient client = new ApiClient();
        client.setBasePath(args[0]);
        UsersApi users = new UsersApi(client);
        ContactsApi contacts = new ContactsApi(client);
        String email = "okhttp-" + UUID.randomUUID() + "@example.com";
        String password = "correct horse battery";

        check(users.register(new Credentials().email(email).password(password)).getEmail().equals(email), "register");
        // The generated login() cannot log in here: okhttp-gson's selectHeaderContentType() picks JSON whenever an
        // operation lists it, and then sends the form parameters as an empty JSON body (422). The client's own
        // buildCall() sends each declared type: both forms from form parameters, JSON from a Credentials body.
        Map<String, Object> form = Map.of("grant_type", "password", "username", email, "password", password);
        Token token = null;
        for (String type : new String[] {"application/x-www-form-urlencoded", "multipart/form-data", "application/json"}) {
            boolean json = type.equals("application/json");
            okhttp3.Call call = client.buildCall(null, "/token/", "POST", new ArrayList<>(), new ArrayList<>(),
                    json ? new Credentials().email(email).password(password) : null,
                    new HashMap<>(Map.of("Content-Type", type, "Accept", "application/json")), new HashMap<>(),
                    json ? new HashMap<>() : form, new String[0], null);
            token = client.<Token>execute(call, Token.class).getData();
            check(token.getAccessToken() != null, "login (" + type + ")");
        }
        client.setAccessToken(token.getAccessToken());

        SharedSteps.contacts(contacts, "java okhttp-gson");
        SharedSteps.refreshAndLogout(users, token, accessToken -> {
            client.setAccessToken(accessToken);
            return users;
        }, "java okhttp-gson");
    }

    private static void check(boolean ok, String step) {
        SharedSteps.check("java okhttp-gson", ok, step);
    }
}
