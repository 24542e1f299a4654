package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Photos decoded within a small, bounded heap whatever their size in pixels, stored at the same size as ever. */
class PhotoImagesTest {

    /** Far less than the server's heap: decoded whole, a 4096×4096 image alone took 48-64 MB. */
    static final String SMALL_HEAP = "-Xmx24m";
    /** Half of the launcher's 64 MiB: what photos decoded at once may take, the other half left to the rest. */
    static final String HALF_THE_SERVERS_HEAP = "-Xmx32m";

    /** A small JPEG as ImageIO writes it (a bare JFIF header, its tables, one frame, one scan). */
    private static byte[] smallJpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** {@code jpeg} with a comment segment (as a camera's Exif or a location would be) right after its start. */
    private static byte[] withComment(byte[] jpeg, String comment) {
        byte[] text = comment.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xFE);
        out.write((text.length + 2) >> 8);
        out.write((text.length + 2) & 0xFF);
        out.write(text, 0, text.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void anImportedJpegWithinTheStoredSizeAndNothingButItsPixelsKeepsItsBytes() throws IOException {
        byte[] jpeg = smallJpeg(200, 150);
        assertArrayEquals(jpeg, PhotoImages.fromImport(jpeg).orElseThrow().image(), "as it came: no loss");

        byte[] commented = withComment(jpeg, "GPS 59.3293 18.0686");
        byte[] stored = PhotoImages.fromImport(commented).orElseThrow().image();
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("GPS"), "what is not pixels goes");
        assertEquals(200, ImageIO.read(new ByteArrayInputStream(stored)).getWidth());

        byte[] trailing = java.util.Arrays.copyOf(jpeg, jpeg.length + 6);
        System.arraycopy("hidden".getBytes(StandardCharsets.US_ASCII), 0, trailing, jpeg.length, 6);
        assertFalse(new String(PhotoImages.fromImport(trailing).orElseThrow().image(), StandardCharsets.ISO_8859_1)
                .contains("hidden"), "nor what follows the image");

        byte[] large = smallJpeg(600, 300);
        BufferedImage scaled = ImageIO.read(new ByteArrayInputStream(PhotoImages.fromImport(large).orElseThrow()
                .image()));
        assertEquals(512, scaled.getWidth(), "larger than the stored size: scaled down as before");

        byte[] damaged = java.util.Arrays.copyOf(jpeg, jpeg.length / 2);
        assertTrue(PhotoImages.fromImport(damaged).isEmpty(), "a damaged JPEG is still refused");
    }

    /**
     * The largest image accepted (a 4096×4096 PNG with alpha and a JPEG, each well under the upload limit) and a
     * camera-sized photo (VCardImportTest's, 2400×1800, as an import brings it), each stored as an upload and as an
     * import in a JVM of {@value #SMALL_HEAP}: each photo's pixels are decoded a few rows at a time, subsampled.
     */
    @Test
    void theLargestPhotosAreStoredInASmallHeap(@TempDir Path dir) throws Exception {
        BufferedImage halves = new BufferedImage(4096, 4096, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = halves.createGraphics();
        g.setColor(new Color(0x0044CC));
        g.fillRect(2048, 0, 2048, 4096); // the left half stays transparent
        g.dispose();
        Path png = dir.resolve("largest.png");
        ImageIO.write(halves, "png", png.toFile());
        Path jpeg = dir.resolve("largest.jpg");
        ImageIO.write(opaque(halves), "jpeg", jpeg.toFile());
        Path camera = dir.resolve("camera.jpg");
        Files.write(camera, noise(2400, 1800));
        assertTrue(Files.size(png) < PhotoImages.MAX_UPLOAD_BYTES && Files.size(jpeg) < PhotoImages.MAX_UPLOAD_BYTES);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, SMALL_HEAP, "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), InASmallHeap.class.getName(), dir.toString()));
        for (Path p : List.of(png, jpeg, camera)) {
            command.add(p.getFileName().toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, process.exitValue(), out);

        BufferedImage storedPng = ImageIO.read(dir.resolve("largest.png.stored").toFile());
        assertEquals(512, storedPng.getWidth());
        assertEquals(512, storedPng.getHeight());
        assertEquals(0, storedPng.getRGB(100, 256) >>> 24, "the transparent half stays transparent");
        assertEquals(0xFF0044CC, storedPng.getRGB(400, 256));
        BufferedImage storedJpeg = ImageIO.read(dir.resolve("largest.jpg.stored").toFile());
        assertEquals(512, storedJpeg.getWidth());
        assertTrue(near(0x0044CC, storedJpeg.getRGB(400, 256)), Integer.toHexString(storedJpeg.getRGB(400, 256)));
        BufferedImage storedCamera = ImageIO.read(dir.resolve("camera.jpg.stored").toFile());
        assertEquals(512, storedCamera.getWidth());
        assertEquals(384, storedCamera.getHeight());
    }

    /**
     * Sixteen uploads of the largest PNG at once (what one client can send over sixteen connections), all released
     * together, in a JVM of {@value #HALF_THE_SERVERS_HEAP}: each is stored. Decoded all at once, they ran the server's
     * 64 MiB heap out of memory (500s, and 422s from ImageIO's PNG reader, which reports that error as damaged data).
     * (A decode of that PNG holds up to about 10 MB at its peak, the pixels scaled among it: two fit here, sixteen
     * never would.)
     */
    @Test
    void manyLargePhotosAtOnceAreAllStoredInASmallHeap(@TempDir Path dir) throws Exception {
        BufferedImage image = new BufferedImage(4096, 4096, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x800044CC, true));
        g.fillOval(1000, 1000, 2000, 2000);
        g.dispose();
        Path png = dir.resolve("largest.png");
        ImageIO.write(image, "png", png.toFile());

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, HALF_THE_SERVERS_HEAP, "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), AtOnceInASmallHeap.class.getName(), png.toString(), "16")
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, process.exitValue(), out);
        assertTrue(out.contains("16 stored"), out);
    }

    /** Stores the file given first as that many uploads at once, released together; exits 1 if one is not stored. */
    public static final class AtOnceInASmallHeap {
        public static void main(String[] args) throws Exception {
            byte[] bytes = Files.readAllBytes(Path.of(args[0]));
            int uploads = Integer.parseInt(args[1]);
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger stored = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        PhotoImages.reencode(bytes, PhotoImages.Format.PNG);
                        stored.incrementAndGet();
                    } catch (Exception | OutOfMemoryError e) {
                        System.out.println("not stored: " + e);
                    }
                }));
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            System.out.println(stored.get() + " stored");
            System.exit(stored.get() == uploads ? 0 : 1);
        }
    }

    /** Stores each file named (in the folder given first) as an upload and as an import; exits 1 if one is not. */
    public static final class InASmallHeap {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            for (int i = 1; i < args.length; i++) {
                byte[] bytes = Files.readAllBytes(dir.resolve(args[i]));
                PhotoImages.Format format = args[i].endsWith(".png") ? PhotoImages.Format.PNG : PhotoImages.Format.JPEG;
                byte[] stored = PhotoImages.reencode(bytes, format);
                if (PhotoImages.fromImport(bytes).isEmpty()) {
                    System.out.println(args[i] + ": not stored as an import");
                    System.exit(1);
                }
                Files.write(dir.resolve(args[i] + ".stored"), stored);
            }
        }
    }

    /** Subsampled or not, a photo is stored at the size a whole decode gave: each side rounded from the source's. */
    @Test
    void aSubsampledPhotoKeepsTheStoredSizeOfAWholeDecode() throws Exception {
        int[][] sizes = {{4096, 1001}, {1001, 4096}, {3001, 1999}, {1025, 7}, {2047, 2047}, {1024, 600}};
        for (int[] size : sizes) {
            BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            BufferedImage stored = ImageIO.read(new ByteArrayInputStream(
                    PhotoImages.reencode(png.toByteArray(), PhotoImages.Format.PNG)));
            double factor = 512.0 / Math.max(size[0], size[1]);
            String what = size[0] + "×" + size[1];
            assertEquals(Math.max(1, Math.round(size[0] * factor)), stored.getWidth(), what);
            assertEquals(Math.max(1, Math.round(size[1] * factor)), stored.getHeight(), what);
        }
        assertEquals(1, PhotoImages.subsampling(1024, 1024));
        assertEquals(2, PhotoImages.subsampling(1025, 10));
        assertEquals(4, PhotoImages.subsampling(10, 4096));
    }

    private static BufferedImage opaque(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** A JPEG of noise, as large in bytes as a camera's photo of that size (VCardImportTest's fixture). */
    private static byte[] noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean near(int rgb, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((rgb >> shift & 0xFF) - (actual >> shift & 0xFF)) > 8) {
                return false;
            }
        }
        return true;
    }
}
