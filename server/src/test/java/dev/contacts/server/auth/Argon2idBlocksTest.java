package dev.contacts.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hashes made with the hashing thread's own block are argon2-jvm's standard encoded form: every hash stored before
 * (by argon2-jvm) still verifies, and argon2-jvm verifies the new ones. The block outlives a hash, so a flood of
 * logins does not map 19 MiB afresh for each, and is given back when the thread ends.
 */
class Argon2idBlocksTest {

    private static final int MEMORY_KIB = 1024;
    private static final String PASSWORD = "correct horse battery staple, naïve café ✓";

    private final Argon2 argon2jvm = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);

    @AfterEach
    void release() {
        Argon2idBlocks.releaseBlock();
    }

    @Test
    void aHashStoredByArgon2JvmStillVerifies() {
        String stored = argon2jvm.hash(2, MEMORY_KIB, 1, PASSWORD.toCharArray());

        assertTrue(Argon2idBlocks.verify(stored, PASSWORD.toCharArray()));
        assertFalse(Argon2idBlocks.verify(stored, "correct horse battery staple".toCharArray()));
    }

    @Test
    void argon2JvmVerifiesTheNewHashesWhichRecordTheirParameters() {
        String hash = Argon2idBlocks.hash(PASSWORD.toCharArray(), 2, MEMORY_KIB, 1);

        assertTrue(hash.startsWith("$argon2id$v=19$m=1024,t=2,p=1$"), hash);
        assertTrue(argon2jvm.verify(hash, PASSWORD.toCharArray()));
        assertFalse(argon2jvm.verify(hash, (PASSWORD + "!").toCharArray()));
        assertTrue(Argon2idBlocks.verify(hash, PASSWORD.toCharArray()));
        assertFalse(argon2jvm.needsRehash(hash, 2, MEMORY_KIB, 1));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        String first = Argon2idBlocks.hash(PASSWORD.toCharArray(), 2, MEMORY_KIB, 1);
        String second = Argon2idBlocks.hash(PASSWORD.toCharArray(), 2, MEMORY_KIB, 1);

        assertFalse(first.equals(second));
        assertTrue(Argon2idBlocks.verify(second, PASSWORD.toCharArray()));
    }

    @Test
    void aDecoyMatchesNoPasswordYetIsVerifiedWithItsParameters() {
        String decoy = Argon2idBlocks.decoy(2, MEMORY_KIB, 1);

        assertTrue(decoy.startsWith("$argon2id$v=19$m=1024,t=2,p=1$"), decoy);
        // read by this class (not null), so verifying it runs argon2 with those parameters, as for a real hash
        assertEquals(Boolean.FALSE, Argon2idBlocks.verify(decoy, PASSWORD.toCharArray()));
        assertEquals(Boolean.FALSE, Argon2idBlocks.verify(decoy, "".toCharArray()));
        assertFalse(decoy.equals(Argon2idBlocks.decoy(2, MEMORY_KIB, 1)), "random salt and bytes each time");
    }

    @Test
    void otherFormsAreLeftToArgon2Jvm() {
        String argon2i = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2i)
                .hash(2, MEMORY_KIB, 1, PASSWORD.toCharArray());

        assertNull(Argon2idBlocks.verify(argon2i, PASSWORD.toCharArray()));
        assertNull(Argon2idBlocks.verify("not a hash", PASSWORD.toCharArray()));
        assertNull(Argon2idBlocks.verify("$argon2id$v=19$m=1024,t=2,p=1$a$b", PASSWORD.toCharArray()));
    }

    @Test
    void theThreadKeepsItsBlockBetweenHashesUntilReleased() {
        assertFalse(Argon2idBlocks.holdsBlock());
        String hash = Argon2idBlocks.hash(PASSWORD.toCharArray(), 2, MEMORY_KIB, 1);
        assertTrue(Argon2idBlocks.holdsBlock());
        assertTrue(Argon2idBlocks.verify(hash, PASSWORD.toCharArray()));
        assertTrue(Argon2idBlocks.holdsBlock());

        Argon2idBlocks.releaseBlock();

        assertFalse(Argon2idBlocks.holdsBlock());
        // a hash after the release takes a new block and is still right
        assertTrue(Argon2idBlocks.verify(hash, PASSWORD.toCharArray()));
    }

    @Test
    void aLargerHashGrowsTheBlockAndASmallerOneReusesIt() {
        String small = Argon2idBlocks.hash(PASSWORD.toCharArray(), 2, MEMORY_KIB, 1);
        String large = Argon2idBlocks.hash(PASSWORD.toCharArray(), 1, 2 * MEMORY_KIB, 1);

        assertTrue(argon2jvm.verify(large, PASSWORD.toCharArray()));
        assertTrue(Argon2idBlocks.verify(small, PASSWORD.toCharArray()));
        assertEquals(true, Argon2idBlocks.verify(large, PASSWORD.toCharArray()));
    }
}
