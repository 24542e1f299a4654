package dev.contacts.server.contact;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import dev.contacts.model.Contact;
import dev.contacts.server.http.Json;

/**
 * Strong entity tags of a contact: a digest of exactly what is sent (its JSON, {@code updated_at} included),
 * so any change, a photo's too, gives another tag. {@code If-Match} is compared strongly (RFC 9110): a weak tag
 * never matches, {@code *} matches any existing contact. A photo's tag is the digest of its stored bytes, and its
 * writes take {@code If-Match} the same way.
 */
final class ContactETags {

    private ContactETags() {
    }

    static String of(Contact contact) {
        return of(Json.bytes(contact));
    }

    static String of(byte[] representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether an {@code If-Match} header's value lets a write to {@code contact} go ahead. */
    static boolean matches(String ifMatch, Contact contact) {
        return matches(ifMatch, Optional.of(of(contact)));
    }

    /**
     * Whether an {@code If-Match} header's value lets a write go ahead on a resource whose tag is {@code current}
     * (empty: it has none, as a contact without a photo, which not even {@code *} matches).
     */
    static boolean matches(String ifMatch, Optional<String> current) {
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (current.isPresent() && (t.equals("*") || t.equals(current.get()))) {
                return true;
            }
        }
        return false;
    }
}
