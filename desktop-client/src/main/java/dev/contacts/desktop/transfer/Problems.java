package dev.contacts.desktop.transfer;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Why a file could not be read or written, in words (Java's messages are often just the path). */
final class Problems {

    private Problems() {
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied.";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder.";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + ".";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
