package dev.contacts.model;

/** What a person types to register or log in. */
public record Credentials(String email, String password) {

    @Override
    public String toString() {
        return "Credentials[email=" + email + ", password=***]";
    }
}
