package dev.contacts.desktop.contacts;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.model.Contact;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The photos of one login's contacts: each fetched once, in the background, and decoded there once to the largest
 * avatar's pixels ({@link #decodeAt}); each avatar's size is made from that decode, so a row's photo and the
 * detail pane's cost one request. The avatars show the initials meanwhile (and for good if the photo cannot be
 * had). Kept per session (the screens of a login own it), so never shown to another account. A changed contact
 * ({@code updated_at}: a new photo changes it) is fetched again.
 */
public final class Photos {

    /** Photos kept in memory at the sizes shown, the least recently shown dropped first. */
    static final int KEPT = 300;
    /**
     * Decodes kept at the largest side, so that a size not shown yet (the detail pane's, once a row is clicked)
     * needs no second fetch: the last ones fetched, enough for the rows on a screen. Few, as one is 20 KiB at
     * 72 px (81 KiB at 200%) where a row's photo is 5 KiB.
     */
    static final int DECODES_KEPT = 50;

    private final UserSession session;
    private final Background background;
    private final Map<String, Image> kept = lru(KEPT);
    private final Map<String, Decode> decodes = lru(DECODES_KEPT);
    private final Map<String, List<Wanted>> waiting = new HashMap<>();
    private int decodeSide;

    private record Wanted(int side, Consumer<Image> show) {
    }

    /** A photo as fetched, decoded to cover {@code side} pixels square: it serves any side up to that. */
    private record Decode(Image image, int side) {
    }

    public Photos(UserSession session, Background background) {
        this.session = session;
        this.background = background;
    }

    private static <V> Map<String, V> lru(int size) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > size;
            }
        };
    }

    /** The side in pixels photos are decoded to once fetched: the largest avatar's, from which the others are made. */
    public void decodeAt(int side) {
        decodeSide = Math.max(decodeSide, side);
    }

    /**
     * Gives {@code contact}'s photo, covering {@code side} pixels square, to {@code show} (at once when kept, else
     * once fetched); nothing if none. The server keeps photos up to 512×512: decoded at that size one takes 1 MiB
     * of heap, at a list row's 36 px 5 KiB (and the renderer's copy of it as much again).
     */
    public void load(Contact contact, int side, Consumer<Image> show) {
        if (!contact.hasPhoto()) {
            return;
        }
        String version = contact.id() + "@" + contact.updatedAt();
        Image image = keptAt(version, side);
        if (image != null) {
            show.accept(image);
            return;
        }
        List<Wanted> queue = waiting.get(version);
        if (queue != null) {
            queue.add(new Wanted(side, show));
            return;
        }
        waiting.put(version, new ArrayList<>(List.of(new Wanted(side, show))));
        int decodedSide = Math.max(decodeSide, side);
        background.run(() -> decoded(session.api().photo(contact.id()), decodedSide), photo -> {
            List<Wanted> shows = waiting.remove(version);
            if (!photo.isError()) {
                decodes.put(version, new Decode(photo, decodedSide));
                for (Wanted wanted : shows) {
                    if (wanted.side() <= decodedSide) {
                        wanted.show().accept(sized(version, photo, wanted.side()));
                    } else { // larger than this decode (asked while it was fetched): fetched for its own side
                        load(contact, wanted.side(), wanted.show());
                    }
                }
            }
        }, session.failures(failure -> waiting.remove(version)));
    }

    /**
     * Gives {@code contact}'s photo to {@code show} only if this login has it already (shown in the list or the
     * details before), never asking the server: for the trash, whose contacts' photos the server no longer serves
     * (the contract's trashed contact is gone from everything but the trash's listing; a request would be a 404).
     * Trashing leaves {@code updated_at} as it was, so the photo kept while the contact was listed is found.
     */
    public void showKept(Contact contact, int side, Consumer<Image> show) {
        if (contact.hasPhoto()) {
            Image image = keptAt(contact.id() + "@" + contact.updatedAt(), side);
            if (image != null) {
                show.accept(image);
            }
        }
    }

    /** The photo of {@code version} at {@code side} if kept, or made from a kept decode that covers it; else null. */
    private Image keptAt(String version, int side) {
        Image image = kept.get(version + "/" + side);
        if (image != null) {
            return image;
        }
        Decode decode = decodes.get(version);
        return decode != null && decode.side() >= side ? sized(version, decode.image(), side) : null;
    }

    /** {@code decode} made to cover {@code side}, made once and kept. */
    private Image sized(String version, Image decode, int side) {
        return kept.computeIfAbsent(version + "/" + side, k -> shrunk(decode, side));
    }

    /**
     * {@code image} made to cover {@code side} pixels square as {@link #decoded} does, each pixel the average of the
     * area it covers (as the decoder's own smooth scaling does); {@code image} itself when it is not larger.
     */
    static Image shrunk(Image image, int side) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int shortest = Math.min(width, height);
        if (shortest <= side) {
            return image;
        }
        int toWidth = Math.max(1, Math.round((float) width * side / shortest));
        int toHeight = Math.max(1, Math.round((float) height * side / shortest));
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(), pixels, 0, width);
        float[] across = new float[toWidth * height * 4]; // premultiplied ARGB, averaged along the rows first
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int into = y * toWidth;
            averaged(width, toWidth, (to, from, weight) -> {
                int p = pixels[row + from];
                int at = (into + to) * 4;
                across[at] += (p >>> 24) * weight;
                across[at + 1] += (p >> 16 & 0xff) * weight;
                across[at + 2] += (p >> 8 & 0xff) * weight;
                across[at + 3] += (p & 0xff) * weight;
            });
        }
        float[] both = new float[toWidth * toHeight * 4];
        for (int x = 0; x < toWidth; x++) {
            int column = x;
            averaged(height, toHeight, (to, from, weight) -> {
                int in = (from * toWidth + column) * 4;
                int out = (to * toWidth + column) * 4;
                for (int c = 0; c < 4; c++) {
                    both[out + c] += across[in + c] * weight;
                }
            });
        }
        int[] result = new int[toWidth * toHeight];
        for (int i = 0; i < result.length; i++) {
            int argb = 0;
            for (int c = 0; c < 4; c++) {
                argb = argb << 8 | Math.min(255, Math.round(both[i * 4 + c]));
            }
            result[i] = argb;
        }
        WritableImage out = new WritableImage(toWidth, toHeight);
        out.getPixelWriter().setPixels(0, 0, toWidth, toHeight, PixelFormat.getIntArgbPreInstance(), result, 0, toWidth);
        return out;
    }

    private interface Share {
        void add(int to, int from, float weight);
    }

    /** For each of {@code to} cells over {@code from} ones: the cells it covers, each by the part of it covered. */
    private static void averaged(int from, int to, Share share) {
        double scale = (double) from / to;
        for (int t = 0; t < to; t++) {
            double start = t * scale;
            double end = Math.min(from, (t + 1) * scale);
            for (int f = (int) start; f < end; f++) {
                double covered = Math.min(end, f + 1) - Math.max(start, f);
                if (covered > 0) {
                    share.add(t, f, (float) (covered / scale));
                }
            }
        }
    }

    /** A photo's shorter side under which it is enlarged to its avatar's pixels when decoded. */
    static final int TINY = 16;

    /**
     * {@code bytes} decoded to cover {@code side} pixels square (its shorter side {@code side}, or its own when
     * smaller, unless it is {@linkplain #TINY tiny}): an avatar shows a photo's middle square, as other address books do, not the photo squashed into the
     * circle. An {@link Image} keeps the stream it was made from for good, so the stream lets go of the bytes once
     * the image is made: else each photo kept also held its JPEG (about 35 KB; 10 MB of heap with 300 photos,
     * docs/benchmarks.md, "The desktop's memory").
     */
    static Image decoded(byte[] bytes, int side) {
        int[] size = dimensions(bytes);
        Released source = new Released(bytes);
        try {
            if (size == null) { // not a JPEG or PNG: fitted, as best known
                return new Image(source, side, side, true, true);
            }
            int shorter = Math.min(size[0], size[1]);
            int longer = Math.max(size[0], size[1]);
            // never enlarged in memory, but for a tiny photo: the renderer enlarges it with texels from beside its
            // texture, so a 1×1 photo was drawn as a disc of other images' colours (as a 4×4 one was at its edges);
            // its longer side at most twice the avatar's, so a 1×512 strip is not made 96×49,152 pixels
            double scale = shorter < TINY ? Math.min((double) side / shorter, 2.0 * side / longer)
                    : Math.min(1, (double) side / shorter);
            return new Image(source, Math.max(1, Math.round(size[0] * scale)),
                    Math.max(1, Math.round(size[1] * scale)), false, true);
        } finally {
            source.release();
        }
    }

    /** A PNG's or JPEG's width and height as its header gives them, or null (another format, or no header). */
    static int[] dimensions(byte[] b) {
        if (b.length >= 24 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            int width = int32(b, 16);
            int height = int32(b, 20);
            return width > 0 && height > 0 ? new int[] {width, height} : null;
        }
        if (b.length < 4 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8) {
            return null;
        }
        int i = 2;
        while (i + 9 < b.length) { // the segments up to the frame header (SOFn) with the size
            if ((b[i] & 0xff) != 0xff) {
                return null;
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xff) { // fill
                i++;
            } else if (marker == 0x01 || marker >= 0xd0 && marker <= 0xd8) { // no length
                i += 2;
            } else if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
                int height = uint16(b, i + 5);
                int width = uint16(b, i + 7);
                return width > 0 && height > 0 ? new int[] {width, height} : null;
            } else {
                i += 2 + uint16(b, i + 2);
            }
        }
        return null;
    }

    private static int uint16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    private static int int32(byte[] b, int at) {
        return uint16(b, at) << 16 | uint16(b, at + 2);
    }

    /** A stream over bytes that can be told to drop them. */
    static final class Released extends ByteArrayInputStream {
        Released(byte[] bytes) {
            super(bytes);
        }

        void release() {
            buf = new byte[0];
            pos = 0;
            count = 0;
        }
    }
}
