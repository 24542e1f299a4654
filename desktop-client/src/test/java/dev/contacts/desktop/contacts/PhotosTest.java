package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import dev.contacts.desktop.support.HeldBack;
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
        fixture = ServerFixture.counted(dir).loggedIn("photos@example.com");
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
    void theTrashShowsOnlyAPhotoThisLoginHasAndAsksTheServerNothing() throws IOException {
        long seen = fixture.api.create(new ContactDraft("Ada", "Lovelace", null, null, null, null)).id();
        long unseen = fixture.api.create(new ContactDraft("Bo", "Berg", null, null, null, null)).id();
        fixture.api.putPhoto(seen, png(512), "image/png");
        fixture.api.putPhoto(unseen, png(512), "image/png");
        Contact ada = fixture.api.get(seen).contact();
        Contact bo = fixture.api.get(unseen).contact();
        Photos photos = new Photos(fixture.user, Background.direct());
        photos.load(ada, 36, image -> { }); // shown in the list before she was deleted
        fixture.api.delete(seen);
        fixture.api.delete(unseen);
        Contact trashedAda = fixture.api.trash(0, 10).items().stream().map(t -> t.contact())
                .filter(c -> c.id() == seen).findFirst().orElseThrow();
        List<Image> shown = new ArrayList<>();

        photos.showKept(trashedAda, 36, shown::add);
        photos.showKept(bo, 36, shown::add);

        assertEquals(1, shown.size(), "Ada's kept photo; none for Bo, whose photo the server no longer serves");
        assertEquals(1, fixture.requests.count("GET /contacts/" + seen + "/photo/"), "only the list's request");
        assertEquals(0, fixture.requests.count("GET /contacts/" + unseen + "/photo/"), "no 404 asked for");
    }

    @Test
    void onePhotoIsFetchedOnceForEveryAvatarSize() throws IOException {
        long id = fixture.api.create(new ContactDraft("Ada", "Lovelace", null, null, null, null)).id();
        fixture.api.putPhoto(id, png(512, java.awt.Color.BLUE), "image/png");
        Contact ada = fixture.api.get(id).contact();
        Photos photos = new Photos(fixture.user, Background.direct());
        photos.decodeAt(72); // the detail pane's avatar, as its view tells
        List<Image> shown = new ArrayList<>();

        photos.load(ada, 36, shown::add); // the list's row first
        photos.load(ada, 72, shown::add); // then the detail pane, once the row is clicked
        photos.load(ada, 56, shown::add); // the form's
        photos.load(ada, 28, shown::add); // the selection's summary

        assertEquals(1, fixture.requests.count("GET /contacts/" + id + "/photo/"), "one request for all four sizes");
        assertEquals(List.of(36.0, 72.0, 56.0, 28.0), shown.stream().map(Image::getWidth).toList());
        assertEquals(List.of(36.0, 72.0, 56.0, 28.0), shown.stream().map(Image::getHeight).toList());
        for (Image image : shown) {
            int middle = (int) image.getWidth() / 2;
            assertEquals(0xff0000ff, image.getPixelReader().getArgb(middle, middle), "the blue of the photo's middle");
            assertEquals(0xff000000, image.getPixelReader().getArgb(0, 0), "its black corner");
        }
    }

    @Test
    void sizesAskedWhileThePhotoIsFetchedWaitForThatOneRequest() throws IOException {
        long id = fixture.api.create(new ContactDraft("Ada", "Lovelace", null, null, null, null)).id();
        fixture.api.putPhoto(id, png(300, 200), "image/png");
        Contact ada = fixture.api.get(id).contact();
        HeldBack background = new HeldBack();
        Photos photos = new Photos(fixture.user, background);
        photos.decodeAt(72);
        List<Image> row = new ArrayList<>();
        List<Image> detail = new ArrayList<>();

        photos.load(ada, 36, row::add);
        photos.load(ada, 72, detail::add);
        assertEquals(List.of(), row, "fetched in the background, not on the calling (FX) thread");
        background.runAll();

        assertEquals(1, fixture.requests.count("GET /contacts/" + id + "/photo/"));
        assertEquals(36, row.get(0).getHeight(), "300×200 covering the 36 px circle (which shows its middle)");
        assertEquals(54, row.get(0).getWidth());
        assertEquals(72, detail.get(0).getHeight());
        assertEquals(108, detail.get(0).getWidth());
    }

    @Test
    void aChangedPhotoIsFetchedAgain() throws IOException {
        long id = fixture.api.create(new ContactDraft("Ada", "Lovelace", null, null, null, null)).id();
        fixture.api.putPhoto(id, png(512, java.awt.Color.BLUE), "image/png");
        Photos photos = new Photos(fixture.user, Background.direct());
        photos.decodeAt(72);
        List<Image> shown = new ArrayList<>();
        photos.load(fixture.api.get(id).contact(), 36, shown::add);

        fixture.clock.advance(java.time.Duration.ofSeconds(1));
        fixture.api.putPhoto(id, png(512, java.awt.Color.RED), "image/png");
        Contact changed = fixture.api.get(id).contact();
        photos.load(changed, 36, shown::add);
        photos.load(changed, 72, shown::add);

        assertEquals(2, fixture.requests.count("GET /contacts/" + id + "/photo/"));
        assertEquals(0xff0000ff, shown.get(0).getPixelReader().getArgb(18, 18));
        assertEquals(0xffff0000, shown.get(1).getPixelReader().getArgb(18, 18), "the new photo, not the kept one");
        assertEquals(0xffff0000, shown.get(2).getPixelReader().getArgb(36, 36));
    }

    @Test
    void aPhotoThatIsNotSquareIsDecodedToCoverTheAvatar() throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);

        assertEquals(List.of(300, 400), java.util.Arrays.stream(Photos.dimensions(jpeg.toByteArray())).boxed().toList());
        Image portrait = Photos.decoded(jpeg.toByteArray(), 72);
        assertEquals(72, portrait.getWidth(), "its shorter side the avatar's, not 54 px stretched to 72");
        assertEquals(96, portrait.getHeight());
        Image wide = Photos.decoded(png(400, 100), 72);
        assertEquals(288, wide.getWidth());
        assertEquals(72, wide.getHeight());
        Image small = Photos.decoded(png(40, 30), 72);
        assertEquals(40, small.getWidth(), "a photo smaller than the avatar is not enlarged in memory");
        assertEquals(null, Photos.dimensions(new byte[] {1, 2, 3}));
    }

    @Test
    void aOnePixelPhotoIsDrawnInItsOwnColourAllOver() throws IOException {
        // the renderer enlarged a 1×1 photo with what lay beside it in video memory: a disc of other colours
        BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        pixel.setRGB(0, 0, 0x1e5ac8);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ImageIO.write(pixel, "png", file);
        Image decoded = Photos.decoded(file.toByteArray(), 72);
        assertEquals(72, decoded.getWidth(), "enlarged here, not by the renderer");
        assertEquals(72, decoded.getHeight());
        for (int[] at : new int[][] {{0, 0}, {71, 0}, {0, 71}, {71, 71}, {36, 36}}) {
            assertEquals(0xff1e5ac8, decoded.getPixelReader().getArgb(at[0], at[1]), "its colour at " + at[0] + "," + at[1]);
        }
        Image row = Photos.shrunk(decoded, 36);
        assertEquals(36, row.getWidth(), "a row's avatar made from it as from any photo");
        assertEquals(0xff1e5ac8, row.getPixelReader().getArgb(0, 35));
    }

    @Test
    void aOnePixelWideStripIsNotBlownUp() throws IOException {
        // a tiny photo is enlarged in memory (above), but a 1×512 strip (a 1×4096 upload as the server stores it)
        // enlarged until its shorter side covered the avatar was 72×36,864 pixels, 10 MB for one avatar
        BufferedImage strip = new BufferedImage(1, 512, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ImageIO.write(strip, "png", file);
        Image decoded = Photos.decoded(file.toByteArray(), 72);
        assertTrue(decoded.getHeight() <= 2 * 72, "its longer side at most twice the avatar's: " + decoded.getHeight());
        assertTrue(decoded.getWidth() >= 1);
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
        return png(side, java.awt.Color.BLUE);
    }

    /** A black square with a {@code colour} disc in its middle. */
    private static byte[] png(int side, java.awt.Color colour) throws IOException {
        return png(side, side, colour);
    }

    private static byte[] png(int width, int height) throws IOException {
        return png(width, height, java.awt.Color.BLUE);
    }

    private static byte[] png(int width, int height, java.awt.Color colour) throws IOException {
        int side = Math.min(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillOval((width - side / 2) / 2, (height - side / 2) / 2, side / 2, side / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
