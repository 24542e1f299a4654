package dev.contacts.server.contact.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import ezvcard.VCardDataType;
import ezvcard.VCardVersion;
import ezvcard.io.scribe.PhotoScribe;
import ezvcard.io.scribe.ScribeIndex;
import ezvcard.io.text.WriteContext;
import ezvcard.parameter.Encoding;
import ezvcard.parameter.ImageType;
import ezvcard.parameter.VCardParameters;
import ezvcard.property.Photo;
import ezvcard.util.DataUri;

/**
 * ez-vcard's PHOTO scribe, with a base64 photo (vCard 2.1 and 3.0, or a vCard 4.0 {@code data:} URI) decoded by the
 * JDK's decoder straight from the value into an array of its exact size. ez-vcard's own decoder first copies the
 * value's text into bytes, then decodes into a buffer that doubles as it fills, then copies that: for a camera's
 * photo (3.8 MB of base64) 3.8 MB, then 4.2 MB beside the 2.1 MB it outgrew, then 2.9 MB, all at once beside the
 * card's other copies (docs/benchmarks.md, "A card's copies"; a {@code data:} URI is copied once more, without its
 * spaces). Only a value that both decoders read alike takes this way (the base64 alphabet, standard or URL-safe,
 * whatever else both skip, padding only at its end and right); any other is ez-vcard's to decode, as before. A photo
 * written as vCard 4.0 (a kept photo that is not an image) is encoded with one copy too, into the text ez-vcard writes.
 */
final class LeanPhotoScribe extends PhotoScribe {

    /** ez-vcard's scribes, this one in place of its PHOTO scribe; read-only once built, shared by all readers. */
    static final ScribeIndex INDEX = new ScribeIndex();

    static {
        INDEX.register(new LeanPhotoScribe());
    }

    @Override
    protected Photo parse(String value, VCardDataType dataType, VCardParameters parameters, VCardVersion version) {
        Encoding encoding = parameters.getEncoding();
        if ((version == VCardVersion.V2_1 || version == VCardVersion.V3_0)
                && dataType != VCardDataType.URL && dataType != VCardDataType.URI
                && (encoding == Encoding.BASE64 || encoding == Encoding.B)) {
            byte[] data = decode(value, 0);
            if (data != null) {
                ImageType contentType = parseContentTypeFromValueAndParameters(value, parameters, version);
                return _newInstance(data, contentType);
            }
        } else if (version == VCardVersion.V4_0 && value.regionMatches(true, 0, "data:", 0, 5)) {
            // ez-vcard reads the URI's head (up to its first comma) as it reads the whole URI: binary when the
            // head says base64 without a charset (the data of an empty body, not null)
            int comma = value.indexOf(',');
            DataUri head = null;
            try {
                head = comma < 0 ? null : DataUri.parse(value.substring(0, comma + 1));
            } catch (IllegalArgumentException e) {
                // ez-vcard's to read: not a data URI to it either
            }
            byte[] data = head == null || head.getData() == null ? null : decode(value, comma + 1);
            if (data != null) {
                return _newInstance(data, _mediaTypeFromMediaTypeParameter(head.getContentType()));
            }
        }
        return super.parse(value, dataType, parameters, version);
    }

    /**
     * A photo's bytes as a vCard 4.0 {@code data:} URI, as ez-vcard writes it (its head is ez-vcard's own), the
     * base64 encoded straight into the text's array: ez-vcard's encoder held the bytes' base64 three times over
     * (bytes, a String, a builder, the URI's String), beside the 8 MB of characters its writer copies the line into
     * (docs/benchmarks.md, "Hostile cards in a 48 MiB heap").
     */
    @Override
    protected String _writeText(Photo property, WriteContext context) {
        byte[] data = property.getData();
        if (context.getVersion() != VCardVersion.V4_0 || property.getUrl() != null || data == null) {
            return super._writeText(property, context);
        }
        ImageType contentType = property.getContentType();
        String mediaType = contentType == null || contentType.getMediaType() == null
                ? "application/octet-stream" : contentType.getMediaType();
        String head = new DataUri(mediaType, new byte[0]).toString();
        long length = head.length() + 4L * ((data.length + 2) / 3);
        if (length > Integer.MAX_VALUE - 8 || !head.chars().allMatch(c -> c < 0x80)) {
            return super._writeText(property, context);
        }
        byte[] text = new byte[(int) length];
        for (int i = 0; i < head.length(); i++) {
            text[i] = (byte) head.charAt(i);
        }
        OutputStream into = new OutputStream() {
            private int at = head.length();

            @Override
            public void write(int b) {
                text[at++] = (byte) b;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                System.arraycopy(b, off, text, at, len);
                at += len;
            }
        };
        try (OutputStream base64 = Base64.getEncoder().wrap(into)) {
            base64.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e); // an array does not fail
        }
        return new String(text, StandardCharsets.US_ASCII);
    }

    /**
     * The bytes of a base64 value from {@code from} on, or null when the JDK's MIME decoder might read it otherwise
     * than ez-vcard's (which skips every character outside the alphabet, stops at the first {@code =} and drops a
     * lone last character): a character outside ASCII, a character of the alphabet after a {@code =}, a padding of
     * the wrong length, or a last unit of one character. ez-vcard reads the URL-safe {@code -} and {@code _} as
     * {@code +} and {@code /}, wherever they are: so are they read here.
     */
    static byte[] decode(String value, int from) {
        long digits = 0;
        int pads = 0;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (c == '=') {
                pads++;
            } else if (isDigit(c)) {
                if (pads > 0) {
                    return null;
                }
                digits++;
            }
        }
        int last = (int) (digits % 4);
        if (last == 1 || pads > 0 && pads != 4 - last || pads > 0 && last == 0) {
            return null;
        }
        long size = digits / 4 * 3 + (last == 0 ? 0 : last - 1);
        if (size > Integer.MAX_VALUE - 8) {
            return null;
        }
        byte[] data = new byte[(int) size];
        try (InputStream in = Base64.getMimeDecoder().wrap(new Ascii(value, from))) {
            int read = in.readNBytes(data, 0, data.length);
            return read == data.length && in.read() < 0 ? data : null;
        } catch (IOException | IllegalArgumentException e) {
            return null; // an ending the JDK refuses (a padding split by a space, say): ez-vcard's to read
        }
    }

    private static boolean isDigit(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                || c == '-' || c == '_';
    }

    /**
     * The characters of an all-ASCII String as bytes, a piece at a time, never copied whole; URL-safe base64's
     * {@code -} and {@code _} as the standard {@code +} and {@code /}.
     */
    private static final class Ascii extends InputStream {
        private final String text;
        private int next;

        Ascii(String text, int from) {
            this.text = text;
            this.next = from;
        }

        @Override
        public int read() {
            return next < text.length() ? standard(text.charAt(next++)) : -1;
        }

        private static byte standard(int c) {
            return (byte) (c == '-' ? '+' : c == '_' ? '/' : c);
        }

        @Override
        @SuppressWarnings("deprecation") // the low byte of each character: they are ASCII
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (next >= text.length()) {
                return -1;
            }
            int n = Math.min(len, text.length() - next);
            text.getBytes(next, next + n, b, off);
            for (int i = off; i < off + n; i++) {
                b[i] = standard(b[i]);
            }
            next += n;
            return n;
        }
    }
}
