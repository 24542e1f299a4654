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

/**
 * The photos of one login's contacts: each fetched once per size shown, in the background, and decoded there to
 * the pixels it is drawn with; the avatars show the initials meanwhile (and for good if the photo cannot be had).
 * Kept per session, so never shown to another account. A changed contact ({@code updated_at}) is fetched again.
 */
public final class Photos {

    /** Photos kept in memory, the least recently shown dropped first. */
    static final int KEPT = 300;

    private final UserSession session;
    private final Background background;
    private final Map<String, Image> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > KEPT;
        }
    };
    private final Map<String, List<Consumer<Image>>> waiting = new HashMap<>();

    public Photos(UserSession session, Background background) {
        this.session = session;
        this.background = background;
    }

    /**
     * Gives {@code contact}'s photo, decoded to fit {@code side} pixels square, to {@code show} (at once when kept,
     * else once fetched); nothing if none. The server keeps photos up to 512×512: decoded at that size one takes
     * 1 MiB of heap, at a list row's 36 px 5 KiB (and the renderer's copy of it as much again).
     */
    public void load(Contact contact, int side, Consumer<Image> show) {
        if (!contact.hasPhoto()) {
            return;
        }
        String key = contact.id() + "@" + contact.updatedAt() + "/" + side;
        Image image = kept.get(key);
        if (image != null) {
            show.accept(image);
            return;
        }
        List<Consumer<Image>> queue = waiting.get(key);
        if (queue != null) {
            queue.add(show);
            return;
        }
        waiting.put(key, new ArrayList<>(List.of(show)));
        background.run(() -> decoded(session.api().photo(contact.id()), side), photo -> {
            List<Consumer<Image>> shows = waiting.remove(key);
            if (!photo.isError()) {
                kept.put(key, photo);
                shows.forEach(s -> s.accept(photo));
            }
        }, session.failures(failure -> waiting.remove(key)));
    }

    /**
     * {@code bytes} decoded to fit {@code side} pixels square. An {@link Image} keeps the stream it was made from for
     * good, so the stream lets go of the bytes once the image is made: else each photo kept also held its JPEG
     * (about 35 KB; 10 MB of heap with 300 photos, README "The desktop's memory").
     */
    static Image decoded(byte[] bytes, int side) {
        Released source = new Released(bytes);
        try {
            return new Image(source, side, side, true, true);
        } finally {
            source.release();
        }
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
