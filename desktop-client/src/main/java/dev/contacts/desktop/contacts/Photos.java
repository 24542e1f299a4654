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
 * The photos of one login's contacts: each fetched once, in the background, and decoded there; the avatars show
 * the initials meanwhile (and for good if the photo cannot be had). Kept per session, so never shown to another
 * account. A changed contact ({@code updated_at}) is fetched again.
 */
public final class Photos {

    /** Photos kept in memory, the least recently shown dropped first. */
    static final int KEPT = 300;
    /**
     * The side photos are decoded to: twice the largest avatar (72 px, for screens that scale by 2). The server's
     * 512×512 would take 1 MiB of heap each, 300 MiB for the photos kept; this takes 80 KiB.
     */
    static final int DECODED_SIDE = 144;

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

    /** Gives {@code contact}'s photo to {@code show} (at once when kept, else once fetched); nothing if none. */
    public void load(Contact contact, Consumer<Image> show) {
        if (!contact.hasPhoto()) {
            return;
        }
        String key = contact.id() + "@" + contact.updatedAt();
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
        background.run(() -> new Image(new ByteArrayInputStream(session.api().photo(contact.id())),
                DECODED_SIDE, DECODED_SIDE, true, true), photo -> {
            List<Consumer<Image>> shows = waiting.remove(key);
            if (!photo.isError()) {
                kept.put(key, photo);
                shows.forEach(s -> s.accept(photo));
            }
        }, session.failures(failure -> waiting.remove(key)));
    }
}
