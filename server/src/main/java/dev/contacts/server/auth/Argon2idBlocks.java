package dev.contacts.server.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import de.mkammerer.argon2.jna.Argon2Library;
import de.mkammerer.argon2.jna.Argon2_context;
import de.mkammerer.argon2.jna.Argon2_version;
import de.mkammerer.argon2.jna.JnaUint32;
import de.mkammerer.argon2.jna.Size_t;

/**
 * argon2id through libargon2's context API, its memory block (19 MiB) kept by the hashing thread and reused by its
 * next hash, until {@link #releaseBlock()} (the thread's end). Left to libargon2, the block is malloc'd and freed
 * per hash: the first free of a block that size raised glibc's mmap and trim thresholds for the whole process, so
 * every arena could keep up to 38 MiB free; and with glibc's thresholds fixed (NativeHeap) each hash would fault
 * its 19 MiB in afresh. On Linux the block asks for transparent huge pages. Hashes are the standard encoded form
 * ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}), the same as argon2-jvm's, so either verifies the other's.
 */
final class Argon2idBlocks {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int VERSION_13 = 0x13;
    private static final int ARGON2_OK = 0;
    private static final int ARGON2_MEMORY_ALLOCATION_ERROR = -22;
    private static final Pattern ENCODED = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** 2 MiB: the block is aligned to it so the kernel can back it with transparent huge pages. */
    private static final long HUGE_PAGE = 2 << 20;
    private static final int MADV_HUGEPAGE = 14;

    /** This thread's block (its allocation, and the aligned start handed to libargon2), or null. */
    private static final ThreadLocal<Block> BLOCK = new ThreadLocal<>();

    private record Block(Memory memory, Pointer start, long size) {
    }

    /**
     * Linux's madvise, for huge pages (argon2 reads its block at random: 5-10% less CPU a hash, docs/benchmarks.md).
     */
    private interface Madvise extends Library {
        int madvise(Pointer start, long length, int advice);
    }

    private static final Madvise MADVISE = madvise();

    /** libargon2's {@code allocate_fptr}: hands out this thread's block, growing it if a hash asks for more. */
    public interface Allocate extends Callback {
        int invoke(Pointer memory, Size_t bytes);
    }

    /** libargon2's {@code deallocate_fptr}: keeps the block (libargon2 has already wiped it). */
    public interface Free extends Callback {
        void invoke(Pointer memory, Size_t bytes);
    }

    // Held here so the callbacks' native stubs live as long as the class
    private static final Allocate ALLOCATE = (memory, bytes) -> {
        try {
            memory.setPointer(0, block(bytes.longValue()));
            return ARGON2_OK;
        } catch (OutOfMemoryError e) {
            return ARGON2_MEMORY_ALLOCATION_ERROR;
        }
    };
    private static final Free FREE = (memory, bytes) -> { };
    private static final Pointer ALLOCATE_POINTER = CallbackReference.getFunctionPointer(ALLOCATE);
    private static final Pointer FREE_POINTER = CallbackReference.getFunctionPointer(FREE);

    private Argon2idBlocks() {
    }

    /** The encoded argon2id hash of {@code password} with a new random salt. */
    static String hash(char[] password, int iterations, int memoryKib, int parallelism) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = raw(password, salt, iterations, memoryKib, parallelism, HASH_BYTES);
        return encoded(salt, hash, iterations, memoryKib, parallelism);
    }

    /**
     * An encoded argon2id hash of these parameters whose salt and hash are random bytes: no password verifies
     * against it (one chance in 2^256), and verifying one costs what verifying a real hash of the same parameters
     * costs, since argon2 hashes the password with the salt before the result is compared.
     */
    static String decoy(int iterations, int memoryKib, int parallelism) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(hash);
        return encoded(salt, hash, iterations, memoryKib, parallelism);
    }

    private static String encoded(byte[] salt, byte[] hash, int iterations, int memoryKib, int parallelism) {
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code password} hashes to {@code encoded}; null when {@code encoded} is not an argon2id v19 hash this
     * class reads (the caller then asks argon2-jvm).
     */
    static Boolean verify(String encoded, char[] password) {
        Matcher m = ENCODED.matcher(encoded);
        if (!m.matches()) {
            return null;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = B64_DECODE.decode(m.group(4));
            expected = B64_DECODE.decode(m.group(5));
        } catch (IllegalArgumentException e) {
            return null;
        }
        byte[] actual = raw(password, salt, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(3)), expected.length);
        return java.security.MessageDigest.isEqual(expected, actual);
    }

    /** Frees this thread's block, if it has one: called as a hashing thread ends. */
    static void releaseBlock() {
        Block block = BLOCK.get();
        if (block != null) {
            BLOCK.remove();
            block.memory().close();
        }
    }

    /** Whether this thread holds a block (for tests). */
    static boolean holdsBlock() {
        return BLOCK.get() != null;
    }

    private static Pointer block(long bytes) {
        Block block = BLOCK.get();
        if (block == null || block.size() < bytes) {
            releaseBlock();
            Memory memory = new Memory(bytes + HUGE_PAGE);
            Pointer start = memory.align((int) HUGE_PAGE);
            if (MADVISE != null && bytes >= HUGE_PAGE) {
                // the whole huge pages inside the block; its tail stays in small pages
                MADVISE.madvise(start, bytes & -HUGE_PAGE, MADV_HUGEPAGE);
            }
            block = new Block(memory, start, bytes);
            BLOCK.set(block);
        }
        return block.start();
    }

    private static Madvise madvise() {
        try {
            return Platform.isLinux() ? Native.load(Platform.C_LIBRARY_NAME, Madvise.class) : null;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static byte[] raw(char[] password, byte[] salt, int iterations, int memoryKib, int parallelism,
            int hashBytes) {
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] pwd = new byte[utf8.remaining()];
        utf8.get(pwd);
        Arrays.fill(utf8.array(), (byte) 0);
        Memory pwdMemory = new Memory(Math.max(1, pwd.length));
        Memory out = new Memory(hashBytes);
        try {
            pwdMemory.write(0, pwd, 0, pwd.length);
            Argon2_context.ByReference context = new Argon2_context.ByReference();
            context.out = out;
            context.outlen = new JnaUint32(hashBytes);
            context.pwd = pwdMemory;
            context.pwdlen = new JnaUint32(pwd.length);
            Memory saltMemory = new Memory(salt.length);
            saltMemory.write(0, salt, 0, salt.length);
            context.salt = saltMemory;
            context.saltlen = new JnaUint32(salt.length);
            context.secretlen = new JnaUint32(0);
            context.adlen = new JnaUint32(0);
            context.t_cost = new JnaUint32(iterations);
            context.m_cost = new JnaUint32(memoryKib);
            context.lanes = new JnaUint32(parallelism);
            context.threads = new JnaUint32(parallelism);
            context.version = new Argon2_version(VERSION_13);
            context.allocate_cbk = ALLOCATE_POINTER;
            context.free_cbk = FREE_POINTER;
            context.flags = new JnaUint32(0);
            int result = Argon2Library.INSTANCE.argon2id_ctx(context);
            if (result != ARGON2_OK) {
                throw new IllegalStateException("argon2id failed: " + Argon2Library.INSTANCE.argon2_error_message(result));
            }
            return out.getByteArray(0, hashBytes);
        } finally {
            Arrays.fill(pwd, (byte) 0);
            pwdMemory.clear();
            pwdMemory.close();
            out.close();
        }
    }
}
