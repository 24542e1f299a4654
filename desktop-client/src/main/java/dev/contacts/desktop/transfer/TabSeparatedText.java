package dev.contacts.desktop.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A {@code .txt} file that is an address book: Thunderbird saves its "Tab separated" export as {@code .txt} (or
 * {@code .tab}). Only one whose first line is a header of tab-separated columns is sent as CSV (the server tells a
 * contacts header from others, a tab among the separators it tries); any other text file stays what it is, not an
 * address book, so it is never sent to be refused as a CSV it never was.
 */
final class TabSeparatedText {

    /** Enough bytes for any address book's header row (Outlook's, the longest, is under 2 KiB). */
    private static final int HEADER_BYTES = 16 * 1024;

    private TabSeparatedText() {
    }

    /** Whether the file is named as a text file ({@code .txt}, any case). */
    static boolean named(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".txt");
    }

    /** Whether the file's first line is a header of tab-separated columns (reads its first bytes only). */
    static boolean startsWithHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return startsWithHeader(in.readNBytes(HEADER_BYTES));
        }
    }

    /**
     * Whether the text (in any encoding {@link FileText} reads) begins with a header of tab-separated columns: a
     * line with at least two names between tabs.
     */
    static boolean startsWithHeader(byte[] text) {
        String start = new String(FileText.asUtf8(text), StandardCharsets.UTF_8);
        int end = start.indexOf('\n');
        String firstLine = end < 0 ? start : start.substring(0, end);
        return Arrays.stream(firstLine.split("\t")).filter(name -> !name.isBlank()).count() >= 2;
    }
}
