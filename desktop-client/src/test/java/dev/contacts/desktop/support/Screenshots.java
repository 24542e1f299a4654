package dev.contacts.desktop.support;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/** Saves what a scene shows as a PNG under {@code desktop-client/target/screenshots/}. */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path save(Scene scene, String name) {
        WritableImage image = Fx.call(() -> scene.snapshot(null));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Path file = dir.resolve(name + ".png");
        try {
            Files.createDirectories(dir);
            ImageIO.write(png, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
