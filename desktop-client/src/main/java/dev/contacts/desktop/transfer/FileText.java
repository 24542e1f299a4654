package dev.contacts.desktop.transfer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A file's bytes as UTF-8, whatever the address book that wrote it used: UTF-8 (with or without a byte-order
 * mark), UTF-16 with its mark, or, when the bytes are not UTF-8, Windows-1252 (Outlook writes its CSV in the
 * system's "ANSI" code page). The server reads UTF-8, strictly.
 */
final class FileText {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private FileText() {
    }

    static byte[] asUtf8(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            // Java's UTF-16 decoder reads the mark and drops it
            return new String(bytes, StandardCharsets.UTF_16).getBytes(StandardCharsets.UTF_8);
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return bytes;
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
