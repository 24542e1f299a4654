package dev.contacts.desktop.contacts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A chosen image file made into a photo the server takes (at most 1 MiB and 4096 pixels a side): a camera's
 * JPEG (3 to 10 MiB, 4000 pixels and more) is scaled down here to the server's own kept size, as Google's and
 * GNOME's address books take any photo. An image already within the rules is sent as it is.
 */
final class PhotoUploads {

    /** The largest side the server takes. */
    static final int MAX_SIDE = 4096;
    /** The side the server keeps a photo at: scaling further down here loses nothing. */
    static final int KEPT_SIDE = 512;

    private PhotoUploads() {
    }

    /**
     * {@code file}'s bytes as the server takes them for {@code contentType} ("image/jpeg" or "image/png"): as they
     * are when within the rules (also when they are no image: the preview's decode says so), else scaled to fit
     * {@value #KEPT_SIDE} pixels square, a JPEG as a JPEG and a PNG as a PNG (its transparency kept); null when
     * they are beyond the rules and no image the JDK reads.
     */
    static byte[] fitted(byte[] file, String contentType, int maxBytes) {
        try {
            int[] size = size(file);
            boolean within = file.length <= maxBytes && (size == null || Math.max(size[0], size[1]) <= MAX_SIDE);
            if (within) {
                return file;
            }
            return size == null ? null : scaled(file, size, "image/png".equals(contentType));
        } catch (IOException | RuntimeException unreadable) { // ImageIO throws runtime exceptions on damaged data
            return file.length <= maxBytes ? file : null;
        }
    }

    /** The image's width and height, read from its header, or null when the JDK reads no image there. */
    private static int[] size(byte[] file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            ImageReader reader = reader(in);
            if (reader == null) {
                return null;
            }
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageReader reader(ImageInputStream in) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        return readers.hasNext() ? readers.next() : null;
    }

    /**
     * Decoded subsampled (a 6000×4000 photo whole is 96 MB of pixels) to about twice the kept side, then scaled
     * smoothly to fit it.
     */
    private static byte[] scaled(byte[] file, int[] size, boolean png) throws IOException {
        BufferedImage decoded;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            ImageReader reader = reader(in);
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(size[0], size[1]) / (2 * KEPT_SIDE));
                param.setSourceSubsampling(step, step, 0, 0);
                decoded = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
        double scale = Math.min(1.0, (double) KEPT_SIDE / Math.max(decoded.getWidth(), decoded.getHeight()));
        int width = Math.max(1, (int) Math.round(decoded.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(decoded.getHeight() * scale));
        // JPEG has no alpha: ImageIO's writer refuses (or miscolours) an ARGB image
        BufferedImage out = new BufferedImage(width, height,
                png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(decoded, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(out, png ? "png" : "jpeg", bytes);
        return bytes.toByteArray();
    }
}
