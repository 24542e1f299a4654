package dev.contacts.desktop.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.image.ImageView;

/** For tests of the avatars: a photo to upload, and what the avatars under a node show. */
public final class Avatars {

    private Avatars() {
    }

    /** A 64×64 red PNG. */
    public static byte[] redSquarePng() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** How many avatars {@code root} holds (call on the FX thread). */
    public static int count(Node root) {
        return root.lookupAll(".avatar").size();
    }

    /** How many avatars under {@code root} show a photo, not initials (call on the FX thread). */
    public static int photosShown(Node root) {
        return (int) root.lookupAll(".avatar").stream()
                .flatMap(avatar -> ((Parent) avatar).getChildrenUnmodifiable().stream())
                .filter(n -> n instanceof ImageView view && view.isVisible() && view.getImage() != null)
                .count();
    }
}
