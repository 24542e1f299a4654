package dev.contacts.server.contact.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cards with a photo inline of about 3 MiB, the largest an import takes, read by two imports at once. */
class LargeCardsTest {

    /**
     * Two imports each read a card with a 2.9 MiB photo, started at once, in a JVM of 60 MiB: ez-vcard holds several
     * copies of a card while it parses it, so both at once ran out of memory (up to a 64 MiB heap; one alone needs
     * 48), where one at a time both are read.
     */
    @Test
    void twoImportsReadTheirCamerasPhotosInOneHeap(@TempDir Path dir) throws Exception {
        BufferedImage image = new BufferedImage(2400, 2000, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        String card = "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;Jane\r\nPHOTO;TYPE=JPEG;ENCODING=BASE64:"
                + Base64.getEncoder().encodeToString(jpeg.toByteArray()) + "\r\n\r\nEND:VCARD\r\n"
                + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Stone\r\nEND:VCARD\r\n";
        assertTrue(card.length() > 3_800_000 && card.length() < ImportFile.MAX_ITEM_BYTES, "" + card.length());
        Path file = dir.resolve("camera.vcf");
        Files.writeString(file, card);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx60m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), TwoAtOnce.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, process.exitValue(), out);
        assertEquals("photo, no photo\nphoto, no photo\n", out);
    }

    /** Two threads, released together, each reading the file given as an import does; prints what each found. */
    public static final class TwoAtOnce {
        public static void main(String[] args) throws Exception {
            byte[] body = Files.readAllBytes(Path.of(args[0]));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> imports = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
                try {
                    for (int i = 0; i < 2; i++) {
                        byte[] own = body.clone(); // each import has its own body
                        imports.add(threads.submit(() -> {
                            start.await();
                            List<ParsedItem> items = ImportFile.read(() -> new InputStreamReader(
                                    new ByteArrayInputStream(own), StandardCharsets.UTF_8), ImportFile.Format.VCARD)
                                    .orElseThrow().rest();
                            return String.join(", ", items.stream()
                                    .map(item -> item.contact().photo() != null ? "photo" : "no photo").toList());
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
