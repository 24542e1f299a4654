package dev.contacts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class AccountRulesTest {

    private static List<String> fields(String email, String password) {
        return AccountRules.validateRegistration(email, password).stream().map(FieldError::field).toList();
    }

    @Test
    void emailsAreNormalisedBeforeTheyAreChecked() {
        assertEquals("user@example.com", EmailAddress.normalize("  User@Example.COM "));
        assertEquals("user@example.com", EmailAddress.normalize("\uFF35ser\uFF20example\uFF0Ecom"), "fullwidth: NFKC");
        assertEquals("user@example.com", EmailAddress.normalize("\u3000user@example.com"), "an ideographic space trims");
        assertEquals(List.of(), fields(" User@Example.com ", "pass word one"));
    }

    @Test
    void emailSyntax() {
        for (String ok : new String[] {"a@b.co", "first.last+tag@sub.example.org", "o'brien@example.ie",
                "jürgen@müller.de", "x@a-b.example"}) {
            assertTrue(EmailAddress.isValid(ok), ok);
        }
        for (String bad : new String[] {"", "a", "a@", "@a.com", "a@b", "a..b@c.com", ".a@c.com", "a@-b.com",
                "a@b-.com", "a b@c.com", "a@b..com", "a@b.c_m", "a@b.123"}) {
            assertFalse(EmailAddress.isValid(bad), bad);
        }
    }

    @Test
    void passwordsAre8To256CodePointsAndNeverTrimmed() {
        assertEquals(List.of("password"), fields("a@b.co", "1234567"));
        assertEquals(List.of(), fields("a@b.co", "       8"), "spaces count");
        assertEquals(List.of(), fields("a@b.co", "p".repeat(256)));
        assertEquals(List.of("password"), fields("a@b.co", "p".repeat(257)));
        assertEquals(List.of(), fields("a@b.co", "🔑".repeat(8)));
        assertEquals(List.of("email", "password"), fields(null, null));
    }
}
