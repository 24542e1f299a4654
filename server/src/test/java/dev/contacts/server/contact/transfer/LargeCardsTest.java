package dev.contacts.server.contact.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cards with a photo inline of about 3 MiB, the largest an import takes, read by several imports at once. */
class LargeCardsTest {

    /** How long a wait on another thread may take before the test fails rather than hangs (never, when it works). */
    private static final Duration SAFETY = Duration.ofMinutes(2);

    /** A card with a camera's photo (2.9 MiB of JPEG, 3.8 MB of base64, on one line), then a small card. */
    private static Path cameraCard(Path dir) throws Exception {
        return cameraCard(dir, "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;Jane\r\nPHOTO;TYPE=JPEG;ENCODING=BASE64:",
                Base64.getEncoder());
    }

    /** The camera's card, its photo's line begun by {@code head}, its base64 by {@code encoder}, on one line. */
    private static Path cameraCard(Path dir, String head, Base64.Encoder encoder) throws Exception {
        BufferedImage image = new BufferedImage(2400, 2000, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        String card = head + encoder.encodeToString(jpeg.toByteArray()) + "\r\n\r\nEND:VCARD\r\n"
                + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Stone\r\nEND:VCARD\r\n";
        assertTrue(card.length() > 3_800_000 && card.length() < ImportFile.MAX_ITEM_BYTES, "" + card.length());
        Path file = dir.resolve("camera.vcf");
        Files.writeString(file, card);
        return file;
    }

    /** What {@code imports} imports of the file, started at once in a JVM of {@code heap}, each found. */
    private static String readAtOnce(Path file, int imports, String heap) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, heap, "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), AtOnce.class.getName(), file.toString(), "" + imports)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    /**
     * Two imports each read a card with a 2.9 MiB photo, started at once, in a JVM of 60 MiB: ez-vcard holds several
     * copies of a card while it parses it, so both at once ran out of memory (up to a 64 MiB heap; one alone needs
     * 48), where one at a time both are read.
     */
    @Test
    void twoImportsReadTheirCamerasPhotosInOneHeap(@TempDir Path dir) throws Exception {
        assertEquals("photo, no photo\n".repeat(2), readAtOnce(cameraCard(dir), 2, "-Xmx60m"));
    }

    /**
     * Four at once in 48 MiB, each holding its own body (3.8 MB) beside them: the card is read by ez-vcard from the
     * body's text, never gathered into a String of its own, and its photo decoded with one copy instead of three
     * (docs/benchmarks.md, "A card's copies"). Before, four ran out of memory at 64 MiB too (two of the four, in three
     * runs of three), and so did two at 48.
     */
    @Test
    void fourImportsReadTheirCamerasPhotosIn48MiB(@TempDir Path dir) throws Exception {
        assertEquals("photo, no photo\n".repeat(4), readAtOnce(cameraCard(dir), 4, "-Xmx48m"));
    }

    /**
     * The same four with the photo as a vCard 4.0 {@code data:} URI: ez-vcard decodes it with its own copies (the
     * value without its spaces, its bytes, a doubling buffer), so two of four ran out of memory; now the JDK's
     * decoder reads it from the value into the photo's array (docs/benchmarks.md, "Hostile cards in a 48 MiB heap").
     */
    @Test
    void fourImportsReadTheirDataUriPhotosIn48MiB(@TempDir Path dir) throws Exception {
        Path file = cameraCard(dir, "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Doe;Jane;;;\r\nPHOTO:data:image/jpeg;base64,",
                Base64.getEncoder());
        assertEquals("photo, no photo\n".repeat(4), readAtOnce(file, 4, "-Xmx48m"));
    }

    /** And with the photo in URL-safe base64, which ez-vcard reads as the standard alphabet (its own copies too). */
    @Test
    void fourImportsReadTheirUrlSafePhotosIn48MiB(@TempDir Path dir) throws Exception {
        Path file = cameraCard(dir, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;Jane;;;\r\nPHOTO;ENCODING=b;TYPE=JPEG:",
                Base64.getUrlEncoder());
        assertEquals("photo, no photo\n".repeat(4), readAtOnce(file, 4, "-Xmx48m"));
    }

    /**
     * A 3.0 card whose photo is 3,000,000 random bytes (not an image), its base64 folded at 75 characters, then a
     * small card. The photo is kept among the card's other properties, written back as vCard 4.0 text.
     */
    private static Path notAnImageCard(Path dir) throws Exception {
        byte[] bytes = new byte[3_000_000];
        new Random(11).nextBytes(bytes);
        String base64 = Base64.getEncoder().encodeToString(bytes);
        StringBuilder folded = new StringBuilder();
        for (int i = 0; i < base64.length(); i += 74) {
            folded.append(i == 0 ? "" : "\r\n ").append(base64, i, Math.min(base64.length(), i + 74));
        }
        String card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;Jane;;;\r\nFN:Jane Doe\r\nPHOTO;ENCODING=b:" + folded
                + "\r\nEND:VCARD\r\n" + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Stone\r\nEND:VCARD\r\n";
        assertTrue(card.length() > 4_000_000 && card.length() < ImportFile.MAX_ITEM_BYTES, "" + card.length());
        Path file = dir.resolve("not-an-image.vcf");
        Files.writeString(file, card);
        return file;
    }

    /**
     * A card whose 3 MB photo is not an image is read in 36 MiB, the photo kept (written back as vCard 4.0 text,
     * 4 MB): ez-vcard's writer took 20 MB or more of copies to write it (its base64 as bytes, a String, a builder and
     * the URI's String, the line's 8 MB of characters, a {@code StringWriter} doubling), so that needed 42 MiB; now
     * the URI is encoded with one copy and the text gathered in pieces (docs/benchmarks.md, "Hostile cards in a 48 MiB
     * heap").
     */
    @Test
    void aPhotoThatIsNotAnImageIsKeptIn36MiB(@TempDir Path dir) throws Exception {
        assertEquals("kept, no photo\n", readAtOnce(notAnImageCard(dir), 1, "-Xmx36m"));
    }

    /** Four such imports at once in 48 MiB, each holding its own body: two of four ran out of memory before. */
    @Test
    void fourImportsKeepTheirPhotosThatAreNotImagesIn48MiB(@TempDir Path dir) throws Exception {
        assertEquals("kept, no photo\n".repeat(4), readAtOnce(notAnImageCard(dir), 4, "-Xmx48m"));
    }

    /**
     * A second import's large card is read only once the first import, which read one, is closed (its items
     * stored): a kept photo's 4 MB of text held until then beside another card's reading and writing (20 MB and
     * more) ran the launcher's 64 MiB heap out of memory when sixteen users imported such a card at once.
     */
    @Test
    void aLargeCardWaitsUntilAnotherImportsLargeCardsAreStored(@TempDir Path dir) throws Exception {
        String card = Files.readString(notAnImageCard(dir));
        ReadOnDemand first = ImportFile.read(() -> new StringReader(card), ImportFile.Format.VCARD).orElseThrow();
        Future<List<ParsedItem>> second;
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            try {
                List<ParsedItem> items = first.next(1);
                assertTrue(AtOnce.kept(items.get(0)));
                second = other.submit(() -> ImportFile.read(card, ImportFile.Format.VCARD).orElseThrow());
                // until the second has read its card, or waits to; bounded, so a reading that hangs fails the test
                long deadline = System.nanoTime() + SAFETY.toNanos();
                while (!second.isDone() && !VCardImport.turnAwaited()) {
                    if (System.nanoTime() - deadline > 0) {
                        fail("the second import neither waited for the large-card turn nor ended within " + SAFETY);
                    }
                    Thread.yield();
                }
                assertFalse(second.isDone(), "read while the first import held its large card's kept photo");
            } finally {
                first.close();
            }
            List<ParsedItem> read;
            try {
                read = second.get(SAFETY.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                second.cancel(true);
                throw new AssertionError("the second import did not end within " + SAFETY
                        + " of the first giving back the large-card turn", e);
            }
            assertEquals(List.of(true, false), read.stream().map(AtOnce::kept).toList());
        }
    }

    /**
     * A card over 64 KiB is read by ez-vcard from the body's text rather than from its gathered lines: whatever its
     * line ends, folded or not, without its END line, or with lines after it, it reads as before, and so do the
     * cards around it (their items and lines).
     */
    @Test
    void aLargeCardReadFromTheTextReadsAsItsLinesDid() {
        String photo = Base64.getEncoder().encodeToString(VCardImportTest.image(400, 300, "jpeg", true));
        assertTrue(photo.length() > 64 * 1024, "" + photo.length());
        StringBuilder folded = new StringBuilder("PHOTO;ENCODING=b;TYPE=JPEG:" + photo.substring(0, 40));
        for (int i = 40; i < photo.length(); i += 74) {
            folded.append("\n ").append(photo, i, Math.min(photo.length(), i + 74));
        }
        for (String end : List.of("\r\n", "\n", "\r")) {
            for (String property : List.of("PHOTO;ENCODING=b;TYPE=JPEG:" + photo, folded.toString())) {
                for (String after : List.of("END:VCARD\n", "", "END:VCARD\nX-JUNK:1\n\n")) {
                    String file = ("BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\nEND:VCARD\n"
                            + "BEGIN:VCARD\nVERSION:3.0\nFN:Jane Doe\n" + property + "\nNOTE:kept\n" + after
                            + "BEGIN:VCARD\nVERSION:3.0\nFN:Bob Stone\nEND:VCARD").replace("\n", end);
                    String what = end.replace("\r", "CR").replace("\n", "LF") + ", " + property.length() + ", " + after;
                    List<ParsedItem> items = ImportFile.read(file, ImportFile.Format.VCARD).orElseThrow();
                    assertEquals(3, items.size(), what);
                    assertEquals("Ann", items.get(0).contact().draft().firstName(), what);
                    TransferItem jane = items.get(1).contact();
                    assertEquals("Jane", jane.draft().firstName(), what);
                    assertEquals(5, items.get(1).line(), what);
                    assertTrue(jane.draft().additionalData().contains("kept"), what);
                    assertEquals("image/jpeg", jane.photo().contentType(), what);
                    assertEquals("Bob", items.get(2).contact().draft().firstName(), what);
                    assertEquals(file.lines().toList().size() - 3, items.get(2).line(), what);
                }
            }
        }
    }

    /**
     * A photo's base64 decoded by the JDK gives ez-vcard's bytes, or is left to ez-vcard: padding or none, line
     * breaks, spaces, characters both skip; URL-safe characters, a padding split or misplaced, a lone last character.
     */
    @Test
    void aPhotoDecodesAsEzVcardDecodesIt() {
        Random random = new Random(3);
        List<String> values = new ArrayList<>();
        for (int length = 0; length < 40; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String plain = Base64.getEncoder().encodeToString(bytes);
            values.add(plain);
            values.add(Base64.getMimeEncoder(8, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes));
            values.add(plain.replace("=", ""));
            values.add(" " + plain.replaceAll("(.{5})", "$1 \t") + " ");
            values.add(plain.replaceAll("(.{3})", "$1*"));
            values.add(plain + "\r\n ");
            values.add(Base64.getUrlEncoder().encodeToString(bytes));
            values.add(plain.replace("==", "= ="));
            values.add(plain + "=");
            values.add(plain + "A");
            values.add(plain + "==AAAA");
            values.add(plain + "é");
        }
        int lean = 0;
        for (String value : values) {
            byte[] decoded = LeanPhotoScribe.decode(value, 0);
            if (decoded != null) {
                lean++;
                assertArrayEquals(ezvcard.util.org.apache.commons.codec.binary.Base64.decodeBase64(value), decoded,
                        value);
            }
        }
        assertTrue(lean > 5 * 40, "" + lean);
        byte[] bytes = new byte[3000];
        random.nextBytes(bytes);
        assertArrayEquals(bytes, LeanPhotoScribe.decode(Base64.getMimeEncoder().encodeToString(bytes), 0));
    }

    /**
     * A vCard 4.0 photo's {@code data:} URI decoded by the JDK gives ez-vcard's photo (bytes and type), or is left
     * to ez-vcard: its head in any case, with parameters, a charset, without base64 or a comma; its base64 with
     * spaces, line breaks, URL-safe or mixed characters, a padding misplaced; and a 2.1 or 3.0 photo likewise.
     */
    @Test
    void aDataUriPhotoReadsAsEzVcardReadsIt() throws Exception {
        Random random = new Random(5);
        List<String> values = new ArrayList<>();
        for (int length : List.of(0, 1, 2, 3, 4, 5, 17, 300)) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String plain = Base64.getEncoder().encodeToString(bytes);
            String url = Base64.getUrlEncoder().encodeToString(bytes);
            for (String head : List.of("data:image/jpeg;base64,", "DATA:IMAGE/PNG;BASE64,", "data:;base64,",
                    "data:image/gif;foo=bar;base64,", "data:image/jpeg;charset=UTF-8;base64,", "data:image/jpeg,",
                    "data:base64,", "data:image/jpeg;base64", "data:application/x-thing;base64,")) {
                for (String data : List.of(plain, url, plain.replaceAll("(.{4})", "$1 "), plain.replace("=", ""),
                        plain + "=", plain + "A", plain + "==AAAA", plain + "\u00e9", url.replace('-', '+'))) {
                    values.add("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nPHOTO:" + head + data + "\r\nEND:VCARD\r\n");
                }
            }
            values.add("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nPHOTO;MEDIATYPE=image/png:http://x/" + url + "\r\nEND:VCARD\r\n");
            values.add("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nPHOTO;ENCODING=b;TYPE=PNG:" + url + "\r\nEND:VCARD\r\n");
            values.add("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:A\r\nPHOTO;ENCODING=BASE64:" + url.substring(0, url.length() / 2)
                    + plain.substring(url.length() / 2) + "\r\nEND:VCARD\r\n");
        }
        for (String value : values) {
            ezvcard.property.Photo ours = photo(value, true);
            ezvcard.property.Photo theirs = photo(value, false);
            assertEquals(theirs == null, ours == null, value);
            if (theirs != null) {
                assertArrayEquals(theirs.getData(), ours.getData(), value);
                assertEquals(theirs.getUrl(), ours.getUrl(), value);
                assertEquals(theirs.getContentType(), ours.getContentType(), value);
            }
        }
    }

    private static ezvcard.property.Photo photo(String card, boolean lean) throws Exception {
        try (ezvcard.io.text.VCardReader reader = new ezvcard.io.text.VCardReader(card)) {
            if (lean) {
                reader.setScribeIndex(LeanPhotoScribe.INDEX);
            }
            List<ezvcard.property.Photo> photos = reader.readNext().getPhotos();
            return photos.isEmpty() ? null : photos.get(0);
        }
    }

    /**
     * A photo written as vCard 4.0 text (a kept one, or an export's) is the text ez-vcard writes, whatever its size
     * and type; and the kept properties' text, gathered in pieces, is ez-vcard's writer's text, also where a piece
     * ends inside a character outside Latin-1 and a line longer than a piece.
     */
    @Test
    void keptPropertiesWriteAsEzVcardWritesThem() throws Exception {
        Random random = new Random(9);
        for (int length : List.of(0, 1, 2, 3, 4, 100, 49_151, 49_152, 49_153, 200_000)) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            for (String type : java.util.Arrays.asList(null, "image/jpeg", "IMAGE/X-Thing", "application/pdf")) {
                ezvcard.property.Photo photo = new ezvcard.property.Photo(bytes,
                        type == null ? null : ezvcard.parameter.ImageType.get(null, type, null));
                List<ezvcard.property.VCardProperty> kept = new ArrayList<>();
                kept.add(new ezvcard.property.Note("\u0141ukasz " + "\u017c".repeat(length % 70_000)));
                kept.add(photo);
                kept.add(new ezvcard.property.Url("https://example.com/" + length));
                ezvcard.VCard card = new ezvcard.VCard();
                kept.forEach(card::addProperty);
                java.io.StringWriter theirs = new java.io.StringWriter();
                try (ezvcard.io.text.VCardWriter writer = new ezvcard.io.text.VCardWriter(theirs,
                        ezvcard.VCardVersion.V4_0)) {
                    writer.setAddProdId(false);
                    writer.write(card);
                }
                String what = length + ", " + type;
                assertEquals(theirs.toString(), VCardExtras.write(kept), what);
                java.io.StringWriter export = new java.io.StringWriter();
                try (ezvcard.io.text.VCardWriter writer = new ezvcard.io.text.VCardWriter(export,
                        ezvcard.VCardVersion.V4_0)) {
                    writer.setAddProdId(false);
                    writer.setScribeIndex(LeanPhotoScribe.INDEX);
                    writer.write(card);
                }
                assertEquals(theirs.toString(), export.toString(), what);
            }
        }
    }

    /** Threads, released together, each reading the file given as an import does; prints what each found. */
    public static final class AtOnce {
        /** Whether the item kept a photo among its other properties (one that is not an image). */
        static boolean kept(ParsedItem item) {
            return item.contact().extras() != null && item.contact().extras().contains("\r\nPHOTO");
        }

        public static void main(String[] args) throws Exception {
            byte[] body = Files.readAllBytes(Path.of(args[0]));
            int count = Integer.parseInt(args[1]);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> imports = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
                try {
                    for (int i = 0; i < count; i++) {
                        byte[] own = body.clone(); // each import has its own body
                        imports.add(threads.submit(() -> {
                            start.await();
                            List<ParsedItem> items = ImportFile.read(() -> new InputStreamReader(
                                    new ByteArrayInputStream(own), StandardCharsets.UTF_8), ImportFile.Format.VCARD)
                                    .orElseThrow().rest();
                            return String.join(", ", items.stream().map(item -> item.contact().photo() != null
                                    ? "photo" : kept(item) ? "kept" : "no photo").toList());
                        }));
                    }
                } finally {
                    start.countDown();
                }
                for (Future<String> read : imports) {
                    System.out.println(read.get());
                }
            }
        }
    }
}
