package dev.contacts.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.contacts.server.db.Database;
import java.security.SecureRandom;
import java.util.Base64;

import dev.contacts.server.db.Database;

/**
 * The HS256 secret: from configuration when given, else a 256-bit random key kept in a file beside the
 * database, readable by its owner only. Tokens therefore survive a restart, and two installs never share a key.
 */
public final class SigningSecret {

    public static final int MIN_BYTES = 32;

    private SigningSecret() {
    }

    /** Decodes a configured secret (base64 of at least 32 bytes); the message never repeats the value. */
    public static byte[] decode(String base64, String source) {
        byte[] secret;
        try {
            secret = Base64.getMimeDecoder().decode(base64.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not base64");
        }
        if (secret.length < MIN_BYTES) {
            throw new IllegalArgumentException(source + " must hold at least " + MIN_BYTES
                    + " bytes (256 bits), e.g. the output of: openssl rand -base64 32");
        }
        return secret;
    }

    /** The key in {@code keyFile}, created with a new random key (mode 0600) when missing. */
    public static byte[] loadOrCreate(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile);
            }
            return decode(Files.readString(keyFile, StandardCharsets.US_ASCII), "The key file " + keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + keyFile, e);
        }
    }

    private static void create(Path keyFile) throws IOException {
        byte[] key = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(key);
        Path dir = keyFile.toAbsolutePath().getParent();
        Database.createPrivateFolder(dir);
        Path tmp = Files.createTempFile(dir, ".key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            // A link fails if the file appeared meanwhile (another instance on the same database won): theirs is kept.
            Files.createLink(keyFile, tmp);
        } catch (FileAlreadyExistsException e) {
            // keep the existing key
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@code contacts.db} -> {@code contacts.key}, in the same folder. */
    public static Path keyFileFor(Path database) {
        String name = database.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return database.toAbsolutePath().resolveSibling(base + ".key");
    }
}
