package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import dev.contacts.desktop.support.ServerFixture;
import dev.contacts.desktop.ui.Background;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import javafx.scene.image.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotosTest {

    @TempDir
    Path dir;
    private ServerFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(dir).loggedIn("photos@example.com");
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aPhotoIsDecodedToThePixelsItIsShownWithAndKeptPerSize() throws IOException {
        long id = fixture.api.create(new ContactDraft("Ada", "Lovelace", null, null, null, null)).id();
        fixture.api.putPhoto(id, png(512), "image/png");
        Contact ada = fixture.api.get(id).contact();
        Photos photos = new Photos(fixture.user, Background.direct());
        List<Image> shown = new ArrayList<>();

        photos.load(ada, 36, shown::add); // a list row's avatar
        photos.load(ada, 72, shown::add); // the detail pane's
        photos.load(ada, 36, shown::add);

        assertEquals(3, shown.size());
        assertEquals(36, shown.get(0).getWidth(), "not the server's 512 px (1 MiB of heap) for a 36 px circle");
        assertEquals(36, shown.get(0).getHeight());
        assertEquals(72, shown.get(1).getWidth());
        assertNotSame(shown.get(0), shown.get(1));
        assertSame(shown.get(0), shown.get(2), "the row's photo is kept, not fetched and decoded again");
    }

    @Test
    void aDecodedPhotoDoesNotKeepItsFilesBytes() throws Exception {
        byte[] file = png(512);
        Image image = Photos.decoded(file, 36);

        assertEquals(36, image.getWidth());
        // JavaFX's Image keeps the stream it was made from (a private field): rewound, it must hold no bytes
        java.lang.reflect.Field source = Image.class.getDeclaredField("inputSource");
        source.setAccessible(true);
        java.io.InputStream kept = (java.io.InputStream) source.get(image);
        kept.reset();
        assertEquals(0, kept.available(), "the photo's file is not kept beside its pixels");
    }

    private static byte[] png(int side) throws IOException {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.BLUE);
        g.fillOval(side / 4, side / 4, side / 2, side / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
