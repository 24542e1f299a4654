package dev.contacts.server.contact.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

import ezvcard.VCardDataType;
import ezvcard.VCardVersion;
import ezvcard.io.scribe.PhotoScribe;
import ezvcard.io.scribe.ScribeIndex;
import ezvcard.parameter.Encoding;
import ezvcard.parameter.ImageType;
import ezvcard.parameter.VCardParameters;
import ezvcard.property.Photo;

/**
 * ez-vcard's PHOTO scribe, with a base64 photo (vCard 2.1 and 3.0) decoded by the JDK's decoder straight from the
 * value into an array of its exact size. ez-vcard's own decoder first copies the value's text into bytes, then
 * decodes into a buffer that doubles as it fills, then copies that: for a camera's photo (3.8 MB of base64) 3.8 MB,
 * then 4.2 MB beside the 2.1 MB it outgrew, then 2.9 MB, all at once beside the card's other copies (README, "A
 * card's copies"). Only a value that both decoders read alike takes this way (the base64 alphabet, whatever else
 * both skip, padding only at its end and right); any other is ez-vcard's to decode, as before.
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
            byte[] data = decode(value);
            if (data != null) {
                ImageType contentType = parseContentTypeFromValueAndParameters(value, parameters, version);
                return _newInstance(data, contentType);
            }
        }
        return super.parse(value, dataType, parameters, version);
    }

    /**
     * The bytes of a base64 value, or null when the JDK's MIME decoder might read it otherwise than ez-vcard's
     * (which skips every character outside the alphabet, stops at the first {@code =} and drops a lone last
     * character): an URL-safe character, a character of the alphabet after a {@code =}, a padding of the wrong
     * length, or a last unit of one character.
     */
    static byte[] decode(String value) {
        long digits = 0;
        int pads = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || c == '-' || c == '_') {
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
        try (InputStream in = Base64.getMimeDecoder().wrap(new Ascii(value))) {
            int read = in.readNBytes(data, 0, data.length);
            return read == data.length && in.read() < 0 ? data : null;
        } catch (IOException | IllegalArgumentException e) {
            return null; // an ending the JDK refuses (a padding split by a space, say): ez-vcard's to read
        }
    }

    private static boolean isDigit(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
    }

    /** The characters of an all-ASCII String as bytes, a piece at a time, never copied whole. */
    private static final class Ascii extends InputStream {
        private final String text;
        private int next;

        Ascii(String text) {
            this.text = text;
        }

        @Override
        public int read() {
            return next < text.length() ? text.charAt(next++) : -1;
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
            next += n;
            return n;
        }
    }
}
