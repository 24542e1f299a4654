package dev.contacts.server.contact;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

import org.w3c.dom.Node;

/**
 * Contact photos: the uploaded bytes are decoded with the JDK's ImageIO as the declared type (the bytes must
 * be that format: the declared type alone is never trusted), refused when not a whole, sane image, and
 * re-encoded in the same format to at most {@value #STORED_SIDE}×{@value #STORED_SIDE}. Nothing of the upload
 * but its pixels is kept (no metadata, no trailing bytes). A large image is decoded subsampled, to at most
 * {@value #DECODED_SIDE} px a side (4 MB of 8-bit ARGB), whatever the image's size: decoded whole, a 4096×4096
 * image took 48-64 MB, as much as the server's heap.
 */
public final class PhotoImages {

    static final int MAX_UPLOAD_BYTES = 1024 * 1024;
    static final int MAX_SIDE = 4096;
    static final int STORED_SIDE = 512;
    /** The most pixels a side decoded: twice the stored side, so the bicubic scaling to it still has detail to use. */
    static final int DECODED_SIDE = 2 * STORED_SIDE;

    /** The two image types accepted, by media type. */
    enum Format {
        JPEG("image/jpeg", "jpeg"), PNG("image/png", "png");

        final String mediaType;
        final String imageIoName;

        Format(String mediaType, String imageIoName) {
            this.mediaType = mediaType;
            this.imageIoName = imageIoName;
        }

        static Optional<Format> ofMediaType(String type) {
            for (Format f : values()) {
                if (f.mediaType.equalsIgnoreCase(type)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** The upload is not a decodable image of its declared type, or too large in pixels. */
    static final class InvalidImage extends Exception {
        InvalidImage(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Photos decoded at a time, uploads and imports together; the others wait their turn (about 0.1 s of CPU each).
     * Even subsampled, a decode holds up to about 6 MB (a 1024 px side's pixels, the stored copy, the encoder's
     * buffers), so sixteen uploads of 4096 px images at once ran the server's 64 MiB heap out of memory (500s, and
     * 422s where ImageIO's PNG reader reported the OutOfMemoryError as damaged data).
     */
    private static final Semaphore DECODING = new Semaphore(2, true);

    private PhotoImages() {
    }

    /**
     * A photo from an imported file as it is stored, or empty when its bytes are no image the JDK reads within
     * {@value #MAX_SIDE} px a side. Files declare a photo's type loosely (vCard 2.1 often not at all, some the
     * wrong one), so the format is found from the bytes: a JPEG stays a JPEG, any other image (PNG, GIF, BMP,
     * TIFF ...) is kept as PNG. A camera-sized photo is welcome here: only the import's own size limit applies.
     */
    public static Optional<ContactRepository.Photo> fromImport(byte[] bytes) {
        DECODING.acquireUninterruptibly();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            Format format = "jpeg".equalsIgnoreCase(reader.getFormatName()) ? Format.JPEG : Format.PNG;
            boolean[] withinStoredSide = {false};
            BufferedImage image = readToFit(reader, input, "The file is not an image", format,
                    r -> withinStoredSide[0] = r.getWidth(0) <= STORED_SIDE && r.getHeight(0) <= STORED_SIDE);
            // a JPEG already as the server stores one (decoded whole above, so checked) keeps its bytes: each
            // import re-encoded it, and a photo lost a little more at each export and import
            boolean asIs = format == Format.JPEG && withinStoredSide[0] && pixelsOnly(bytes);
            byte[] stored = asIs ? bytes : encode(image, format);
            return Optional.of(new ContactRepository.Photo(format.mediaType, stored, ContactETags.of(stored)));
        } catch (IOException | InvalidImage e) {
            return Optional.empty();
        } finally {
            DECODING.release();
        }
    }

    /** The photo as stored: decoded, checked, scaled down to fit {@value #STORED_SIDE} px, re-encoded. */
    static byte[] reencode(byte[] upload, Format format) throws InvalidImage {
        String notAnImage = "The file is not a valid " + format.name() + " image";
        DECODING.acquireUninterruptibly();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName(format.imageIoName).next();
            // the bytes must start like this format, whatever the Content-Type said
            if (!reader.getOriginatingProvider().canDecodeInput(input)) {
                throw new InvalidImage(notAnImage);
            }
            return encode(readToFit(reader, input, notAnImage, format, r -> { }), format);
        } catch (IOException e) {
            throw new InvalidImage(notAnImage);
        } finally {
            DECODING.release();
        }
    }

    private static byte[] encode(BufferedImage image, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format.imageIoName, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The first image {@code reader} finds in {@code input}, scaled down to fit {@value #STORED_SIDE} px; refused
     * when too large, damaged or absent.
     */
    private static BufferedImage readToFit(ImageReader reader, ImageInputStream input, String notAnImage,
            Format format, IoCheck afterRead) throws InvalidImage {
        try {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            // checked before decoding: a small file can declare a huge canvas
            if (width > MAX_SIDE || height > MAX_SIDE) {
                throw new InvalidImage("The image is " + width + "×" + height + " pixels: at most " + MAX_SIDE
                        + " pixels on a side are accepted");
            }
            boolean[] damaged = {false};
            // a truncated JPEG decodes with a warning (grey rest) rather than an error: refuse it too
            reader.addIIOReadWarningListener((source, warning) -> damaged[0] = true);
            // every step-th pixel of every step-th row: the reader decodes a row at a time and keeps only those
            int step = subsampling(width, height);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = reader.read(0, param);
            if (damaged[0] || image == null) {
                throw new InvalidImage(notAnImage);
            }
            afterRead.check(reader);
            return scaleToFit(image, width, height, format);
        } catch (IOException | RuntimeException e) {
            // ImageIO reports damaged data with IIOException and, for some damage, runtime exceptions
            throw new InvalidImage(notAnImage);
        } finally {
            reader.dispose();
        }
    }

    /** A look at the reader once it has decoded the image (its metadata, whether more images follow). */
    private interface IoCheck {
        void check(ImageReader reader) throws IOException;
    }

    /**
     * Whether {@code bytes}, a JPEG within the stored size that was decoded whole and cleanly, holds nothing but
     * its pixels: a JFIF header and no other (no Exif, XMP, ICC profile, thumbnail or comment: a
     * camera's location and such would stay with the photo otherwise), no second image, and nothing after its end
     * marker. Such bytes are what {@link #encode} would have written, give or take the re-encoding's loss.
     */
    private static boolean pixelsOnly(byte[] bytes) {
        if (bytes.length < 4 || (bytes[bytes.length - 2] & 0xFF) != 0xFF || (bytes[bytes.length - 1] & 0xFF) != 0xD9) {
            return false;
        }
        // read again with its metadata (the decode skipped it), searching the whole stream for a second image
        ImageReader reader = ImageIO.getImageReadersByFormatName(Format.JPEG.imageIoName).next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, false, false);
            return reader.getNumImages(true) == 1 && onlyPixelMarkers(reader);
        } catch (IOException | RuntimeException unsure) {
            return false; // (re-encoded, as any other photo)
        } finally {
            reader.dispose();
        }
    }

    private static boolean onlyPixelMarkers(ImageReader reader) throws IOException {
        IIOMetadata metadata = reader.getImageMetadata(0);
        if (metadata == null || !Arrays.asList(metadata.getMetadataFormatNames()).contains(JPEG_METADATA)) {
            return false;
        }
        Node root = metadata.getAsTree(JPEG_METADATA);
        for (Node part = root.getFirstChild(); part != null; part = part.getNextSibling()) {
            for (Node marker = part.getFirstChild(); marker != null; marker = marker.getNextSibling()) {
                boolean bareJfif = marker.getNodeName().equals("app0JFIF") && !marker.hasChildNodes();
                if (!bareJfif && !PIXEL_MARKERS.contains(marker.getNodeName())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The JDK's JPEG metadata, and the parts of it that describe the pixels only (tables, frame, scans). */
    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";
    private static final Set<String> PIXEL_MARKERS = Set.of("dqt", "dht", "dri", "sof", "sos");

    /** The smallest step that brings the image's longer side to at most {@value #DECODED_SIDE} px. */
    static int subsampling(int width, int height) {
        return Math.max(1, (Math.max(width, height) + DECODED_SIDE - 1) / DECODED_SIDE);
    }

    /** {@code image}, the (maybe subsampled) pixels of a {@code sourceWidth}×{@code sourceHeight} image, to fit. */
    private static BufferedImage scaleToFit(BufferedImage image, int sourceWidth, int sourceHeight, Format format) {
        // the stored size from the source's, as if decoded whole (subsampling rounds each side up on its own)
        double factor = Math.min(1.0, (double) STORED_SIDE / Math.max(sourceWidth, sourceHeight));
        int width = Math.max(1, (int) Math.round(sourceWidth * factor));
        int height = Math.max(1, (int) Math.round(sourceHeight * factor));
        // JPEG has no alpha channel; PNG keeps it
        int type = format == Format.PNG ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage scaled = new BufferedImage(width, height, type);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }
}
